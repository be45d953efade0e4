from marsad.lexicons.matcher import AliasMatcher, clitic_variants, tokens_of
from marsad.text.normalize import view_of


def matcher(*aliases):
    return AliasMatcher[str]().add_all((a, a) for a in aliases)


def found(m, text):
    view = view_of(text)
    hits = m.find(tokens_of(view.text, normalised=True))
    return [(text[view.span(h.start, h.end).start:view.span(h.start, h.end).end], h.payload)
            for h in hits]


def test_spelling_diacritics_and_tatweel_do_not_matter_and_spans_quote_the_original():
    m = matcher("تنظيم الدولة", "داعش")
    assert found(m, "إن تنظيمَ الدولةِ و«داعـــش» انسحبا") == [
        ("تنظيمَ الدولةِ", "تنظيم الدولة"), ("داعـــش", "داعش")]


def test_proclitics_are_allowed_and_left_out_of_the_span():
    m = matcher("داعش", "الحشد الشعبي", "الدولة الإسلامية")
    assert found(m, "وداعش وبالحشد الشعبي وللدولة الإسلامية") == [
        ("داعش", "داعش"), ("الحشد الشعبي", "الحشد الشعبي"),
        ("للدولة الإسلامية", "الدولة الإسلامية")]


def test_a_longer_alias_wins_and_words_must_be_whole():
    m = matcher("الجيش السوري", "الجيش السوري الحر", "قسد")
    assert found(m, "الجيش السوري الحر والجيش السوري وقسدي") == [
        ("الجيش السوري الحر", "الجيش السوري الحر"), ("الجيش السوري", "الجيش السوري")]


def test_hyphens_and_digits_in_any_script():
    m = matcher("سام 7", "T-72")
    text = "صواريخ سام-7 وسام ٧ ودبابات T72 وt-72"
    assert [p for _, p in found(m, text)] == ["سام 7", "سام 7", "T-72", "T-72"]


def test_clitic_readings():
    assert clitic_variants("وبالحشد") == ((0, "وبالحشد"), (2, "الحشد"), (1, "بالحشد"))
    assert (0, "الدوله") in clitic_variants("للدوله")
    assert clitic_variants("verba") == ((0, "verba"),)


def test_an_alias_added_after_a_search_is_found_by_the_next():
    m = matcher("داعش")
    text = "قصفت قوات النظام مواقع داعش"
    assert [p for _, p in found(m, text)] == ["داعش"]
    m.add("قوات النظام", "قوات النظام")
    assert [p for _, p in found(m, text)] == ["قوات النظام", "داعش"]
