"""One dead person named without a number («مقتل جندي»), and whose dead a seizure's are."""

from __future__ import annotations

import pytest

from marsad.events.casualties import one_dead
from marsad.model import Mention, Span


def person(text: str, name: str) -> Mention:
    start = text.index(name)
    return Mention("PER", name, Span(start, start + len(name)))


@pytest.mark.parametrize(("text", "quote"), [
    ("وأفاد المصدر بمقتل قيادي بارز في داعش", "بمقتل قيادي"),
    ("وأوضح مصدر أمني أن شخصا قتل، وأصيب ستة آخرون", "شخصا قتل"),
    ("أن شخصًا لقي مصرعه بانفجار عبوة", "شخصًا لقي مصرعه"),
    ("أسفر عن مصرع شخص وإصابة اثنين", "مصرع شخص"),
    ("قتل أحد منتسبي وزارة الداخلية بتفجير عبوة", "قتل أحد"),
])
def test_one_person_killed(text, quote):
    found = one_dead(text, [], 0, len(text))
    assert found is not None and (found.count, found.min, found.max) == (1, 1, 1)
    assert found.what == "killed" and found.text == quote
    assert text[found.span.start:found.span.end] == quote


def test_a_named_person_killed():
    text = "إن القيادي محسن الفضلي قتل في ضربة جوية قرب سرمدا"
    found = one_dead(text, [person(text, "محسن الفضلي")], 0, len(text))
    assert found is not None and found.text == "محسن الفضلي قتل"
    text = "وذبح التنظيم المصور الصحافي كينجي جوتو"
    found = one_dead(text, [person(text, "كينجي جوتو")], 0, len(text))
    assert found is not None and found.count == 1 and found.text.startswith("وذبح")


@pytest.mark.parametrize("text", [
    "لم يقتل أحد في الانفجار",
    "دون مقتل أحد من المدنيين",
    "قتل أحد عشر عنصرا",              # eleven: an explicit count, not one
    "قتل وأصيب عدد من عناصر التنظيم",  # no one person
    "مقتل العشرات من عناصر داعش",
    "أكد القيادي أن الغارات مستمرة",    # a person, nobody killed
])
def test_no_single_dead(text):
    assert one_dead(text, [], 0, len(text)) is None


def test_the_clause_bounds_hold():
    text = "مقتل جندي في درعا. وغارات على حلب"
    assert one_dead(text, [], text.index("وغارات"), len(text)) is None


def test_event_takes_an_implicit_single_dead(analyse):
    a = analyse("أفاد مصدر أمني بمقتل شخص بانفجار عبوة ناسفة في منطقة المدائن جنوب بغداد "
                "أمس.", published="2015-07-27")
    [event] = [e for e in a.events if e.type == "bombing"]
    assert event.fatalities is not None and event.fatalities.count == 1


def test_dead_next_to_a_seizure_fell_in_the_capture(analyse):
    a = analyse("سيطرت فصائل المعارضة فجر اليوم على حاجز القرميد جنوب مدينة إدلب بعد "
                "اشتباكات مع قوات النظام.\n\nوقال الناطق باسم جيش الفتح إن المقاتلين "
                "غنموا دبابتين ومستودعا للذخائر، فيما قتل 7 من عناصر قوات النظام.")
    by_type = {e.type: e for e in a.events}
    assert by_type["territory_captured"].fatalities.count == 7
    assert by_type["weapons_seizure"].fatalities is None
    second = a.text.index("وقال")
    assert any(s.start >= second for s in by_type["territory_captured"].evidence)


def test_a_similar_protest_is_another_event(analyse):
    a = analyse("تظاهر مئات المحتجين في البصرة اليوم الجمعة ضد نقص الكهرباء. وكانت تظاهرة "
                "مماثلة في البصرة منتصف تموز الماضي قد أسفرت عن مقتل متظاهر برصاص الشرطة.",
                published="2015-08-07")
    protests = [e for e in a.events if e.type == "protest"]
    assert len(protests) == 2
    assert [e.historical for e in protests] == [False, True]


def test_one_killed_after_a_resumptive_word_or_named_by_rank():
    text = "قرب مكان قتل فيه جندي تركي في اشتباكات"
    found = one_dead(text, [], 0, len(text))
    assert (found.count, found.text) == (1, "قتل فيه جندي")
    text = "أعلن الجيش مقتل أمير التنظيم في الرقة"
    assert one_dead(text, [], 0, len(text)).text == "مقتل أمير"
    text = "قتل فيه الكثيرون"
    assert one_dead(text, [], 0, len(text)) is None
