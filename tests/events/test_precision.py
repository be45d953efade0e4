"""Rules that keep the event detector from over-reporting: page furniture, words that
only look like triggers, generic mentions and second reports of one event."""

from __future__ import annotations


def test_link_and_tag_lines_are_not_reports(analyse):
    a = analyse("انفجرت عبوة ناسفة في مدينة الرمادي أمس.\n\n"
                "رابط الخبر بصحيفة الوئام: انفجار عبوة ناسفة في الرمادي\n\n"
                "سمات العراق مظاهرات الرمادي")
    [event] = a.events
    assert event.type == "bombing" and len(event.evidence) == 1


def test_a_two_letter_cue_must_be_the_whole_word(analyse, types):
    # «اف» (of «إف-16») is a cue for aircraft, but «أفرادها» only starts with it.
    a = analyse("أعلنت الكويت الكشف عن خلية لتنظيم داعش وإلقاء القبض على أفرادها اليوم.")
    assert "air_strike" not in types(a)
    b = analyse("ألقت مقاتلات إف 16 قنابل على مواقع التنظيم في مدينة الرقة أمس.")
    assert "air_strike" in types(b)


def test_families_are_not_captives(analyse, types):
    a = analyse("وأعلنت الحكومة المحلية في الأنبار عودة عشرات الأسر النازحة إلى مناطق "
                "سكنها في قضاء الكرمة أمس.")
    assert "abduction_detention" not in types(a)


def test_besieged_towns_are_not_a_deployment(analyse, types):
    a = analyse("قصفت الفصائل المقاتلة أربع بلدات محاصرة من قبل قوات النظام في ريف "
                "إدلب أمس.")
    assert types(a) == ["shelling"]


def test_clashes_that_end_in_a_capture_are_one_capture(analyse, types):
    a = analyse("اندلعت اشتباكات بين فصائل المعارضة وقوات النظام في بلدة كفرنبل أمس "
                "أسفرت عن سيطرة قوات النظام على البلدة.")
    assert types(a) == ["territory_captured"]


def test_an_attack_described_by_its_air_strike_is_the_strike(analyse, types):
    a = analyse("هاجم الجيش السوري بلدة كفرنبل أمس مما أدى إلى مقتل 13 شخصا معظمهم من "
                "النساء والأطفال في تكثيف للقصف الجوي.")
    assert types(a) == ["air_strike"]
    # ... but an attack with fighting named beside air strikes stays a battle.
    b = analyse("وهاجمت جبهة النصرة أمس مقرا لقوات النظام في بلدة كفرنبل، ووقعت اشتباكات "
                "بين الطرفين تزامنت مع غارات نفذها الطيران الحربي.")
    assert types(b) == ["air_strike", "battle"]


def test_a_bare_qasf_beside_air_strikes_on_the_place_is_the_strikes(analyse, types):
    a = analyse("شن التحالف 13 غارة جوية في سوريا تركزت خمس منها قرب مدينة الرقة وقصفت "
                "وحدات تكتيكية تابعة للتنظيم ودمرت مواقع قتالية.")
    assert types(a) == ["air_strike"]


FILLER = ("وأضاف المصدر أن الأهالي يعانون من نقص في المياه والكهرباء. وأشار إلى أن الأسعار "
          "ارتفعت كثيرا. وقال إن المدارس أغلقت أبوابها. وذكر أن الطرق مقطوعة. ")


def test_a_country_wide_report_and_its_village_are_one_event(analyse):
    a = analyse("خطفت جبهة النصرة خمسة مقاتلين في سوريا. وقال مدير المرصد إن جبهة النصرة "
                "خطفت خلال اليومين الماضيين خمسة مقاتلين في قرية قاح.")
    [event] = a.events
    assert event.location.text == "قاح" and len(event.evidence) == 2


def test_two_names_of_one_town_are_one_place(analyse):
    a = analyse("انفجرت سيارة مفخخة في بلدة كوباني أمس. وقال المرصد إن الانفجار استهدف "
                "نقطة تفتيش في عين العرب.")
    [event] = a.events
    assert len(event.evidence) == 2


def test_a_definite_noun_refers_back_however_far(analyse):
    a = analyse("انفجرت سيارة مفخخة في بلدة مندلي أمس. " + FILLER +
                "وأدى الانفجار إلى مقتل ثلاثة أشخاص.")
    [event] = a.events
    assert len(event.evidence) == 2 and event.fatalities.count == 3


def test_a_demonstrative_never_starts_a_new_event(analyse, types):
    a = analyse("شنت طائرات حربية غارات على مدينة حلب أمس. وأدى هذا القصف إلى مقتل خمسة "
                "أطفال في المدينة.")
    assert types(a) == ["air_strike"]


def test_a_campaign_name_is_not_a_capture(analyse):
    assert not analyse("أعلن الجيش العراقي انطلاق عملية استعادة الرمادي من تنظيم "
                       "داعش.").events


def test_a_verbal_noun_of_purpose_is_an_aim_unless_undergone(analyse, types):
    a = analyse("وطالب البيان حزب العمال بإبعاد قواعده لكي لا يعطي مبررا للحكومة "
                "التركية لقصف المدنيين في قرية زاركلي.")
    assert not a.events
    b = analyse("تعرضت قرى درعا الواقعة تحت سيطرة مقاتلي المعارضة لقصف عنيف بالبراميل "
                "المتفجرة أمس.")
    assert types(b) == ["air_strike"]


def test_a_plural_noun_with_no_town_day_or_toll_is_a_campaign(analyse, types):
    a = analyse("وشملت الحرب على الإرهاب توجيه ضربات جوية ضد مقاتلي تنظيم الدولة "
                "الإسلامية في سوريا الشهر الماضي.")
    assert not a.events
    b = analyse("شنت طائرات التحالف ضربات جوية على مدينة الرقة أمس.")
    assert types(b) == ["air_strike"]  # a town and a day: one occurrence
