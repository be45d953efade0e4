"""Counts: numbers and number words, bounds, what is counted, and what is not a count."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.quantities import find_quantities
from marsad.temporal import find_dates


def counts(text):
    spans = [d.span for d in find_dates(text)]
    found = find_quantities(text, spans)
    for q in found:
        assert text[q.span.start:q.span.end] == q.text
    return [(q.text, q.count, q.min, q.max, q.what) for q in found]


@pytest.mark.parametrize(("text", "expected"), [
    ("قُتل 12 مدنياً، بينهم أربعة أطفال، وأصيب نحو 30 آخرين",
     [("12 مدنياً", 12, 12, 12, "killed"), ("أربعة أطفال", 4, 4, 4, None),
      ("نحو 30 آخرين", 30, None, None, "injured")]),
    ("أسفرت الغارات عن مقتل 26 عنصراً من التنظيم",
     [("26 عنصراً", 26, 26, 26, "killed")]),
    # the counted noun decides even when «على الأقل» follows it
    ("ارتفعت حصيلة ضحايا الهجوم إلى 120 قتيلا على الأقل وأعلن التنظيم مسؤوليته",
     [("120 قتيلا على الأقل", 120, 120, None, "killed")]),
    ("عثرت الشرطة على جثتي عنصرين من قوات الصحوة", [("عنصرين", 2, 2, 2, "killed")]),
    ("وإن عدد القتلى المدنيين بلغ 8 على الأقل",
     [("8 على الأقل", 8, 8, None, "killed")]),
    ("مؤكدة مقتل أكثر من 20 عنصراً، وقتلت عشرات المهاجمين",
     [("أكثر من 20 عنصراً", 20, 20, None, "killed"),
      ("عشرات المهاجمين", 10, 10, 99, "killed")]),
    ("سقوط عشرات القتلى ومئات الجرحى ونزوح آلاف العائلات",
     [("عشرات القتلى", 10, 10, 99, "killed"), ("مئات الجرحى", 100, 100, 999, "injured"),
      ("آلاف العائلات", 1000, 1000, None, "displaced")]),
    ("قتل خمسة عشر شخصاً وسقط قتيلان واعتقل ما لا يقل عن 1,200 شخص",
     [("خمسة عشر شخصاً", 15, 15, 15, "killed"), ("قتيلان", 2, 2, 2, "killed"),
      ("ما لا يقل عن 1,200 شخص", 1200, 1200, None, "captured")]),
    ("نزوح 1.5 ألف عائلة وفقدان بضعة صيادين",
     [("1.5 ألف عائلة", 1500, 1500, 1500, "displaced"),
      ("بضعة صيادين", 3, 3, 9, "missing")]),
    ("سقط ما بين 20 و30 قتيلا، ونحو ٢٥ جريحاً",
     [("ما بين 20 و30 قتيلا", 20, 20, 30, "killed"), ("نحو ٢٥ جريحاً", 25, None, None, "injured")]),
    ("أصيب طفلين وعشرين شخصاً، وأطلقت ثلاثمائة وخمسون قذيفة",
     [("طفلين", 2, 2, 2, "injured"), ("عشرين شخصاً", 20, 20, 20, "injured"),
      ("ثلاثمائة وخمسون قذيفة", 350, 350, 350, None)]),
    ("مقتل وإصابة 3440 عراقياً، ودمرت 15 هدفاً",
     [("3440 عراقياً", 3440, 3440, 3440, None), ("15 هدفاً", 15, 15, 15, None)]),
    ("أقل من 10 أشخاص قتلوا", [("أقل من 10 أشخاص", None, None, 10, "killed")]),
    ("يعاني نصف مليون طفل", [("نصف مليون طفل", 500000, 500000, 500000, None)]),
    # two tanks destroyed before a killing: a count of things, not of the dead
    ("واغتنام ما فيها وتدمير دبابتين وقتل الكثير من قوات الأسد",
     [("دبابتين", 2, 2, 2, None)]),
    # the killed and the wounded counted together are neither
    ("عشرات المدنيين قتلوا وجرحوا في غارات", [("عشرات المدنيين", 10, 10, 99, None)]),
    ("قتل وأصيب 12 شخصا", [("12 شخصا", 12, 12, 12, None)]),
    ("سقوط 20 شخصا بين قتيل وجريح", [("20 شخصا", 20, 20, 20, None)]),
    # (each with its own count, or a count before the first verb, stays apart)
    ("12 مدنيا قتلوا وأصيب 30 آخرون",
     [("12 مدنيا", 12, 12, 12, "killed"), ("30 آخرون", 30, 30, 30, "injured")]),
    ("نحو 390 مقاتلاً كردياً من حزب العمال الكردستاني قتلوا وجرح 400 آخرون",
     [("نحو 390 مقاتلاً", 390, None, None, None), ("400 آخرون", 400, 400, 400, "injured")]),
    # a verb with a count of its own after it says nothing of the count before it
    ("مقتل عسكريين تركيين اثنين وجرح أربعة آخرين",
     [("اثنين", 2, 2, 2, "killed"), ("أربعة آخرين", 4, 4, 4, "injured")]),
    # machine guns and hideouts are things
    ("وتدمير 3 رشاشات وقتل طواقمها، وتدمير 3 أوكار للمتطرفين وقتل من فيها",
     [("3 رشاشات", 3, 3, 3, None), ("3 أوكار", 3, 3, 3, None)]),
    # a quoted name between the cue and the count neither breaks nor lengthens the clause
    ("أعدم تنظيم “داعش” 23 شخصا", [("23 شخصا", 23, 23, 23, "killed")]),
    ("ونتج عن الحادثة «استشهاد» 12 من رجال الأمن", [("12", 12, 12, 12, "killed")]),
])
def test_counts(text, expected):
    assert counts(text) == expected


@pytest.mark.parametrize("text", [
    "أسقط صاروخ سام 7 وطائرة Su-24 ودبابة T-72",
    "على بعد 10.5 كم وبنسبة 25% و 40 بالمئة",
    "بلغت الخسائر 300 دولار و 5 ملايين ليرة",
    "يوم 10/12/2016 في عام 2014 بين 8 و9 كانون الأول",
    "تقدمت الفرقة 17 على الطريق 4 والمادة 5",
    "استمرت المعارك ثلاثة أيام وعشرة أشهر",
    "مدفع عيار 130 ملم",
    "استعادت قصر 22 مايو الرئاسي",
])
def test_not_counts(text):
    assert counts(text) == []


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([
    "قتل", "مقتل", "12", "١٢", "1,200", "1.5", "ألف", "آلاف", "عشرات", "القتلى", "نحو",
    "أكثر من", "ما لا يقل عن", "على الأقل", "بين", "و", "30", "قتيلان", "بضعة", "عدد من",
    "سام", "7", "T-72", "%", "كم", "جريحاً", "بينهم", "ثلاثة", "عشر", "وعشرون", "مئة",
    "نصف", "مليون", "،", ".", "-", "ال", "بثلاثة", "يوم", "10/12/2016", "\u0640", "َ",
]), max_size=30).map(" ".join) | st.text(max_size=80))
def test_spans_slice_the_text_and_nothing_crashes(text):
    last_end = -1
    for q in find_quantities(text):
        assert text[q.span.start:q.span.end] == q.text
        assert q.span.start >= last_end
        last_end = q.span.end
        assert q.what in (None, "killed", "injured", "captured", "displaced", "missing")
        if q.count is not None and q.min is not None:
            assert q.min <= q.count
        if q.count is not None and q.max is not None:
            assert q.count <= q.max


def test_a_verb_after_the_partitive_says_what_happened():
    found = find_quantities("وقالت مصادر إن سبعة من مليشيا الحشد الشعبي قتلوا أمس.")
    assert [(q.count, q.what) for q in found] == [(7, "killed")]
    # (the partitive does not stretch past a comma)
    found = find_quantities("إن سبعة من عناصر الحشد الشعبي، قتلوا")
    assert [(q.count, q.what) for q in found] == [(7, None)]
