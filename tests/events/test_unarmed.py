"""Protesters named by country, a protest's crowd, and the civilians a killing or
abduction targets."""

from __future__ import annotations

from marsad.events.unarmed import crowd, national, unarmed_actors, victims
from marsad.model import Actor, Place, Span

IRAQ = Place("Baghdad", country="IQ")


def span_of(text: str, part: str) -> Span:
    start = text.index(part)
    return Span(start, start + len(part))


def test_protesters_are_named_by_country():
    a = Actor("actor1", "Protesters", "المتظاهرين", 6, Span(0, 10))
    b = Actor("actor2", "Police Forces of Iraq", "الشرطة", 1, Span(20, 26))
    assert [x.name for x in national([a, b], IRAQ)] == ["Protesters (Iraq)",
                                                        "Police Forces of Iraq"]
    assert national([a], None)[0].name == "Protesters"  # no country, no guess


def test_a_protest_crowd_the_lexicon_does_not_know():
    text = ("واتسعت التظاهرات التي يشارك فيها أنصار التيار المدني المستقل ومنظمات المجتمع "
            "المدني لتشمل بغداد.")
    actor = crowd(text, Span(0, len(text)), span_of(text, "التظاهرات"), IRAQ)
    assert (actor.role, actor.name, actor.inter) == ("actor1", "Protesters (Iraq)", 6)
    assert actor.text == "أنصار التيار المدني المستقل"
    assert text[actor.span.start:actor.span.end] == actor.text
    bare = "تظاهرة في ساحة التحرير."
    actor = crowd(bare, Span(0, len(bare)), span_of(bare, "تظاهرة"), IRAQ)
    assert actor.text == "تظاهرة"  # nobody named: the protest word is the evidence


def test_civilian_victims_after_the_trigger():
    text = "قام التنظيم باحتجاز 50 عائلة حاولت مغادرة المنطقة"
    actor = victims(text, span_of(text, "باحتجاز"), len(text))
    assert actor is not None and actor.text == "50 عائلة" and actor.inter == 7
    text = "واختطاف الآلاف من الأطفال والنساء الايزيديين"
    actor = victims(text, span_of(text, "واختطاف"), len(text))
    assert actor is not None and actor.text == "الآلاف من الأطفال"
    text = "احتجاز لاجئين في المخيم"  # (a word starting with ل is not لـ + word)
    actor = victims(text, span_of(text, "احتجاز"), len(text))
    assert actor is not None and actor.text == "لاجئين"
    text = "عمليات القتل الجماعي بحق الايزيديين"  # (an adjective and «بحق» between)
    assert victims(text, span_of(text, "القتل"), len(text)).text == "بحق الايزيديين"
    text = "اختطف مسلحون من التنظيم في المدينة"
    assert victims(text, span_of(text, "اختطف"), len(text)) is None
    text = "قتل التنظيم، في هجوم على القرية، عائلة كاملة"  # (not across a comma)
    assert victims(text, span_of(text, "قتل"), len(text)) is None


def test_only_missing_roles_are_filled():
    text = "اعتقلت الشرطة ثلاثة أشخاص في بغداد"
    police = Actor("actor1", "Police Forces of Iraq", "الشرطة", 1, span_of(text, "الشرطة"))
    out = unarmed_actors("abduction_detention", [police], text, Span(0, len(text)),
                         span_of(text, "اعتقلت"), IRAQ)
    assert [(a.name, a.text) for a in out] == [  # (after the subject «الشرطة»)
        ("Police Forces of Iraq", "الشرطة"), ("Civilians", "ثلاثة أشخاص")]
    held = Actor("actor2", "Islamic State", "داعش", 2, Span(0, 4))
    text = "اعتقال 5 أشخاص"
    assert unarmed_actors("abduction_detention", [held], text, Span(0, len(text)),
                          span_of(text, "اعتقال"), IRAQ) == [held]
    assert [a.name for a in unarmed_actors("abduction_detention", [], text,
                                           Span(0, len(text)), span_of(text, "اعتقال"),
                                           IRAQ)] == ["Civilians"]


def test_protest_event_gets_its_crowd(analyse):
    a = analyse("خرج أنصار التيار المدني في تظاهرة حاشدة وسط بغداد أمس للمطالبة بمحاسبة "
                "الفاسدين.", published="2015-08-03")
    [event] = [e for e in a.events if e.type == "protest"]
    [actor] = [x for x in event.actors if x.role == "actor1"]
    assert actor.name == "Protesters (Iraq)" and actor.text.startswith("أنصار التيار")
