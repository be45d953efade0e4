"""The geocoder over a tiny hand-made gazetteer: spotting, cues, regions, disambiguation."""

import pytest

from marsad.geo.gazetteer import Entry, Gazetteer
from marsad.geo.geocoder import Geocoder
from marsad.model import Mention, Span


def places(geocoder, text, **kw):
    found = geocoder.places(text, **kw)
    for p in found:
        assert text[p.span.start:p.span.end] == p.text
    return found


def only(geocoder, text, **kw):
    found = places(geocoder, text, **kw)
    assert len(found) == 1, [(p.text, p.gazetteer_id) for p in found]
    return found[0]


@pytest.mark.parametrize("text, quoted", [
    ("دخل التنظيم وبتدمر عناصر", "تدمر"),
    ("وصلت تعزيزات لدير الزور", "دير الزور"),
    ("غارات على والرقة", "الرقة"),
    ("قصف في ديرالزور", "ديرالزور"),
    ("معارك في تَدْمُر", "تَدْمُر"),
])
def test_clitics_diacritics_and_joined_spellings_find_the_place(geocoder, text, quoted):
    p = only(geocoder, text)
    assert p.text == quoted
    assert p.precision == 1


def test_lil_prefix_reads_as_the_article(geocoder):
    p = only(geocoder, "أرسل تعزيزات للرقة")
    assert p.gazetteer_id == "t:raqqa"
    assert p.text == "للرقة"


def test_countryside_of_a_governorate_capital_is_the_governorate_in_that_direction(geocoder):
    p = only(geocoder, "اشتباكات في ريف حمص الشرقي")
    assert (p.text, p.gazetteer_id, p.precision, p.feature) == (
        "ريف حمص الشرقي", "t:homs-gov", 3, "region")
    assert p.admin1 == "Homs"
    assert (p.lat, p.lon) == (34.73, 39.24)  # the eastern subdistrict, not the city


def test_the_dual_countryside_is_a_countryside_too(geocoder):
    p = only(geocoder, "اشتباكات في ريفي حمص")
    assert (p.text, p.gazetteer_id, p.precision) == ("ريفي حمص", "t:homs-gov", 3)


def test_countryside_without_direction_is_the_governorate_centroid(geocoder):
    p = only(geocoder, "قصف بريف حمص")
    assert (p.lat, p.lon, p.precision) == (34.467, 38.3, 3)
    assert p.text == "ريف حمص"


def test_countryside_of_a_town_is_near_the_town(geocoder):
    p = only(geocoder, "قصف في ريف الباب")
    assert (p.gazetteer_id, p.precision, p.lat) == ("t:bab", 2, 36.371)


@pytest.mark.parametrize("text, quoted, gid", [
    ("سقطت قذائف قرب تدمر", "قرب تدمر", "t:tadmur"),
    ("تقدم شمال حلب", "شمال حلب", "t:aleppo"),
    ("معارك في محيط مدينة الباب", "محيط مدينة الباب", "t:bab"),
    ("اشتباكات بالقرب من الباب", "بالقرب من الباب", "t:bab"),
])
def test_near_and_direction_phrases_have_precision_2(geocoder, text, quoted, gid):
    p = only(geocoder, text)
    assert (p.text, p.gazetteer_id, p.precision) == (quoted, gid, 2)


def test_province_phrase_is_precision_3(geocoder):
    p = only(geocoder, "غارات في محافظة إدلب")
    assert (p.gazetteer_id, p.precision) == ("t:idlib-gov", 3)


def test_bare_name_shared_by_city_and_governorate_is_the_city(geocoder):
    assert only(geocoder, "قصف على إدلب").gazetteer_id == "t:idlib"


@pytest.mark.parametrize("text", [
    "قال إن الحكومة فتحت الباب أمام المفاوضات",  # the door
    "أكد حماة الديار جاهزيتهم",  # protectors
    "مقاتلات تركية تدمر 15 هدفاً",  # destroys
    "قال الطبيب أحمد حلب إن",  # a person's name
])
def test_false_friends_are_not_places(geocoder, text):
    assert places(geocoder, text) == []


def test_false_friend_with_a_place_cue_is_a_place(geocoder):
    assert only(geocoder, "معارك في مدينة الباب").gazetteer_id == "t:bab"
    assert only(geocoder, "تظاهرة في حماة").gazetteer_id == "t:hama"


def test_dateline_counts_as_a_cue(geocoder):
    p = places(geocoder, "تدمر - أورينت نت\nقال مصدر")[0]
    assert p.gazetteer_id == "t:tadmur"


def test_syria_first_for_ambiguous_names(geocoder):
    assert only(geocoder, "قصف التحالف الرقة").country == "SY"


def test_article_context_can_choose_a_foreign_homonym(geocoder):
    found = places(geocoder, "أمطار غزيرة في الأحمدي والفحيحيل ومنطقة الرقة")
    assert [p.country for p in found] == ["KW", "KW", "KW"]


def test_neighbourhood_homonyms_follow_the_story(geocoder):
    mosul = places(geocoder, "سيطرت القوات على حي الزهراء في الموصل")
    homs = places(geocoder, "قصف حي الزهراء في مدينة حمص")
    assert mosul[0].gazetteer_id == "t:zahraa-mosul"
    assert homs[0].gazetteer_id == "t:zahraa-homs"


def test_directional_anaphora_refers_to_the_last_named_facility(geocoder):
    found = places(geocoder, "هجوم على مطار دير الزور العسكري وقرب جبل الثردة جنوب المطار")
    assert [p.text for p in found] == ["مطار دير الزور العسكري", "قرب جبل الثردة",
                                       "جنوب المطار"]
    assert found[2].gazetteer_id == "t:dez-airbase" and found[2].precision == 2


def test_anaphora_without_a_referent_gives_nothing(geocoder):
    assert places(geocoder, "تقدم جنوب المطار") == []


def test_latin_names_and_transliterations(geocoder):
    assert only(geocoder, "Clashes near Palmyra on Sunday").gazetteer_id == "t:tadmur"
    assert only(geocoder, "Shelling in Dayr al-Zawr").gazetteer_id == "t:dez"
    assert places(geocoder, "the raqqa") == []  # not capitalised: not a name in running text


def test_mentions_layer_blocks_person_names_and_confirms_common_words(geocoder):
    text = "وصل العقيد حماة إلى الباب"
    person = Mention("PER", "العقيد حماة", Span(4, 15))
    assert [p.gazetteer_id for p in places(geocoder, text, mentions=[person])] == ["t:bab"]
    text2 = "انفجار الباب صباحاً"
    assert places(geocoder, text2) == []
    loc = Mention("GPE", "الباب", Span(7, 12))
    assert only(geocoder, text2, mentions=[loc]).gazetteer_id == "t:bab"


def test_forced_country(geocoder):
    assert only(geocoder, "في الرقة", country="KW").country == "KW"


def test_resolve_name_reports_why_not(geocoder):
    r = geocoder.resolve_name("زحلة")
    assert r.place is None and "no gazetteer name" in r.reason
    ok = geocoder.resolve_name("الباب")  # a typed name needs no cue
    assert ok.place.gazetteer_id == "t:bab" and ok.place.span == Span(0, 5)


def test_resolve_name_with_context(geocoder):
    r = geocoder.resolve_name("حي الزهراء", context="معارك في الموصل")
    assert r.place.gazetteer_id == "t:zahraa-mosul"
    assert r.place.text == "حي الزهراء" and r.place.span == Span(0, 10)


def test_empty_and_odd_input(geocoder):
    assert places(geocoder, "") == []
    assert places(geocoder, "\u200f\u0640\n\n؟") == []
    assert geocoder.resolve_name("   ").reason == "empty input"


def test_default_country_is_configurable():
    g = Gazetteer.of([
        Entry("a", "Raqqa", "الرقة", 35.95, 39.0, "SY", feature="town", population=50000),
        Entry("b", "Riqqah", "الرقة", 29.1, 48.1, "KW", feature="town", population=50000),
    ])
    assert Geocoder(g, default_country="KW").resolve_name("الرقة").place.country == "KW"


def test_one_edit_spelling_variants_after_a_place_cue(geocoder):
    p = only(geocoder, "قصف على بلدة السخنه")  # exact after folding: a subdistrict name
    assert p.gazetteer_id == "t:sokhneh"
    p = only(geocoder, "قصف على مدينة الموصلل")  # one letter too many, after مدينة
    assert p.gazetteer_id == "t:mosul"
    assert places(geocoder, "قصف على الموصلل") == []  # no cue: no guessing


def test_a_name_the_article_calls_a_town_is_no_person_anywhere_in_it(geocoder):
    text = "قصف الطيران مدينة حماة. وقال سكان حماة إن القصف استمر"
    first, second = text.index("حماة"), text.rindex("حماة")
    people = [Mention("PER", "حماة", Span(s, s + 4), source="model") for s in (first, second)]
    assert [p.span.start for p in places(geocoder, text)] == [first, second]
    found = places(geocoder, text, mentions=people)
    assert [p.span.start for p in found] == [first, second]
    uncued = "وقال سكان حماة إن القصف استمر"
    at = uncued.index("حماة")
    model_person = Mention("PER", "حماة", Span(at, at + 4), source="model")
    assert places(geocoder, uncued, mentions=[model_person]) == []
    lexicon_person = Mention("PER", "حماة", Span(second, second + 4), source="lexicon")
    assert [p.span.start for p in places(geocoder, text, mentions=[lexicon_person])] == [first]


def test_a_facility_named_after_a_site_of_another_kind_is_not_placed_there():
    g = Gazetteer.of([
        Entry("r", "Panorama roundabout", "دوار البانوراما", 35.31, 40.13, "SY",
              feature="site", names=("البانوراما",)),
        Entry("d", "Daraa", "درعا", 32.62, 36.10, "SY", feature="city", population=97969),
    ])
    text = "استهدفت الفصائل في درعا كتيبة البانوراما ودوار البانوراما"
    found = Geocoder(g).places(text)
    assert [(p.text, p.gazetteer_id) for p in found] == [
        ("درعا", "d"), ("دوار البانوراما", "r")]
    assert [p.gazetteer_id for p in Geocoder(g).places("قرب مطار درعا")] == ["d"]
