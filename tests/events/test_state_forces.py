"""State forces named generically take the article's home country."""

from __future__ import annotations

from dataclasses import replace

from marsad.events.state_forces import generic_forces, home_country
from marsad.model import Mention, Place, Span


def article_with(make_article, text, countries):
    article = make_article(text)
    return replace(article, places=tuple(Place(c, country=c) for c in countries))


def test_home_country_is_the_majority_covered_country(make_article):
    assert home_country(article_with(make_article, "نص", ["IQ", "IQ", "SY", "TR"])) == "IQ"
    assert home_country(article_with(make_article, "نص", ["IQ", "SY"])) is None
    # an article from Turkey that names Syria once («قوات الأمن» there are Turkey's)
    assert home_country(article_with(make_article, "نص", ["TR", "TR", "SY"])) == "TR"
    # a country outside the region marsad covers has no ACLED forces name here
    assert home_country(article_with(make_article, "نص", ["US"])) is None


def test_generic_forces_are_the_home_countrys(make_article):
    text = "اعتقلت قوة أمنية عصابة في بغداد، وفرقت الشرطة المتظاهرين."
    a = article_with(make_article, text, ["IQ"])
    found = generic_forces(a, 0, len(text), [])
    assert [(m.text, m.norm, m.attrs["inter"]) for m in found] == [
        ("قوة أمنية", "Military Forces of Iraq", 1), ("الشرطة", "Police Forces of Iraq", 1)]
    for m in found:
        assert text[m.span.start:m.span.end] == m.text


def test_the_home_country_s_adjective_is_part_of_the_name(make_article):
    text = "وعززت الشرطة العراقية، وجودها في بعقوبة."
    found = generic_forces(article_with(make_article, text, ["IQ"]), 0, len(text), [])
    assert [(m.text, m.norm) for m in found] == [("الشرطة العراقية", "Police Forces of Iraq")]
    assert text[found[0].span.start:found[0].span.end] == found[0].text
    # (in an article from Syria too: the adjective names the country)
    found = generic_forces(article_with(make_article, text, ["SY"]), 0, len(text), [])
    assert [m.norm for m in found] == ["Police Forces of Iraq"]


def test_a_covered_countrys_adjective_names_its_forces(make_article):
    text = "وقتل خمسة من قوات الأمن المصرية في هجوم على حاجز."
    found = generic_forces(article_with(make_article, text, ["SY", "SY"]), 0, len(text), [])
    assert [(m.text, m.norm) for m in found] == [("قوات الأمن المصرية",
                                                 "Military Forces of Egypt")]


def test_named_or_unknown_forces_are_left_alone(make_article):
    text = "وقالت قوات الأمن التركية إن الشرطة الاتحادية تقدمت."
    found = generic_forces(article_with(make_article, text, ["IQ"]), 0, len(text), [])
    assert [m.norm for m in found] == ["Military Forces of Turkey"]  # not the Federal Police
    text = "وقالت القوات الأمنية الأمريكية إنها اعتقلت شخصين."
    assert generic_forces(article_with(make_article, text, ["IQ"]), 0, len(text), []) == []
    text = "اعتقلت قوات الأمن ثلاثة أشخاص."
    assert generic_forces(article_with(make_article, text, []), 0, len(text), []) == []
    known = [Mention("ORG", "قوات الأمن", Span(7, 17))]
    assert generic_forces(article_with(make_article, text, ["SY"]), 0, len(text), known) == []


def test_an_abduction_by_a_security_force(analyse):
    a = analyse("اعتقلت قوة أمنية في منطقة الطوبجي ببغداد عصابة من أربعة أشخاص أمس.",
                published="2015-08-11")
    [event] = [e for e in a.events if e.type == "abduction_detention"]
    assert ("actor1", "Military Forces of Iraq") in [(x.role, x.name) for x in event.actors]


def test_freeing_a_child_is_no_capture(analyse):
    a = analyse("نفذت قوة أمنية عملية شمالي بغداد تمكنت خلالها من تحرير طفل مختطف.",
                published="2015-08-11")
    assert "territory_captured" not in [e.type for e in a.events]
