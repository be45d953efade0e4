"""Source phrases: two sources joined by «و», and a tagger's PER on a generic plural."""

from __future__ import annotations

from marsad.claims.lexicon import packaged_lexicon
from marsad.claims.sources import Word, classify, split_coordinated
from marsad.model import Mention, Source, Span
from marsad.text.normalize import normalize

LEX = packaged_lexicon()


def split(phrase: str, kind: str) -> list[tuple[str, str | None, str]]:
    text = "وقالت " + phrase + " إن القصف استمر"
    start = text.index(phrase)
    source = Source(kind=kind, name=None, text=phrase, span=Span(start, start + len(phrase)))
    out = split_coordinated(source, LEX)
    for s in out:
        assert text[s.span.start:s.span.end] == s.text
    return [(s.kind, s.name, s.text) for s in out]


def test_two_sources_joined_by_and_are_two():
    assert split("مصادر محلية وشهود عيان", "anonymous") == [
        ("anonymous", None, "مصادر محلية"), ("observers", None, "شهود عيان")]
    assert split("«هيئة التنسيق الوطنية» و«الائتلاف الوطني لقوى المعارضة والثورة السورية»",
                 "official") == [
        ("official", None, "«هيئة التنسيق الوطنية»"),
        ("official", "National Coalition of Syrian Revolution and Opposition Forces",
         "«الائتلاف الوطني لقوى المعارضة والثورة السورية»")]
    assert split("المرصد السوري لحقوق الإنسان وجماعات مقاتلة", "observers") == [
        ("observers", None, "المرصد السوري لحقوق الإنسان"),
        ("anonymous", None, "جماعات مقاتلة")]


def test_a_name_with_and_inside_stays_one():
    assert split("منظمة هيومن رايتس ووتش", "observers") == [
        ("observers", None, "منظمة هيومن رايتس ووتش")]
    assert split("مركز الملك سلمان للإغاثة والأعمال الإنسانية", "official") == [
        ("official", None, "مركز الملك سلمان للإغاثة والأعمال الإنسانية")]


def test_a_person_tag_on_a_generic_plural_is_ignored():
    words = [Word(0, 7, normalize("ناشطون"))]
    tagged = [Mention("PER", "ناشطون", Span(0, 6))]
    assert classify(words, LEX, tagged) == "observers"
    name = [Word(0, 6, normalize("الحسيني"))]
    assert classify(name, LEX, [Mention("PER", "الحسيني", Span(0, 7))]) == "person"


def test_a_named_activist_is_one_of_the_observers():
    words = [Word(0, 6, "الناشط"), Word(7, 14, "الاعلامي"), Word(15, 19, "وسيم"),
             Word(20, 23, "سعد")]
    assert classify(words, LEX, [Mention("PER", "وسيم سعد", Span(15, 23))]) == "observers"
    # (a named spokesman stays a person)
    words = [Word(0, 7, "المتحدث"), Word(8, 11, "باسم"), Word(12, 19, "الوزاره"),
             Word(20, 24, "جيف"), Word(25, 30, "ديفيس")]
    assert classify(words, LEX, [Mention("PER", "جيف ديفيس", Span(20, 30))]) == "person"


def test_activists_networks_and_rights_groups_are_observers():
    for phrase in ("الهيئة العامة للثورة السورية", "اتحاد تنسيقيات الثورة",
                   "الشبكة الآشورية لحقوق الإنسان"):
        folded = normalize(phrase).split()
        words, at = [], 0
        for w in folded:
            words.append(Word(at, at + len(w), w))
            at += len(w) + 1
        assert classify(words, LEX) == "observers", phrase
