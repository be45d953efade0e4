"""Fourteenth round of the detector: civilians are never a side of a battle or a capture."""

from __future__ import annotations


def _actors(event):
    return [(a.role, a.name) for a in event.actors]


def test_civilians_are_no_side_of_a_capture_or_a_battle(analyse):
    a = analyse("وسيطر تنظيم داعش أمس على بلدة القريتين في ريف حمص بعد أن قتل عدداً من "
                "المدنيين.")
    assert [_actors(e) for e in a.events] == [[("actor1", "Islamic State")]]
    b = analyse("ودارت اشتباكات أمس بين قوات النظام ومسلحين في حي جوبر أسفرت عن مقتل ثلاثة "
                "مدنيين.")
    assert [_actors(e) for e in b.events] == [[("actor1", "Military Forces of Syria")]]


def test_civilians_stay_the_target_of_shelling(analyse):
    a = analyse("وقتل خمسة مدنيين في قصف لقوات النظام على بلدة كفرنبل أمس.")
    assert [sorted(_actors(e)) for e in a.events] == [
        [("actor1", "Military Forces of Syria"), ("actor2", "Civilians")]]


def test_an_event_that_hurt_nobody_killed_none(analyse, dead):
    a = analyse("وقصفت قوات المعارضة مدينة القرداحة أمس بصواريخ غراد، ما لم يؤد إلى خسائر بشرية.")
    assert dead(a) == [("shelling", (0, "لم يؤد إلى خسائر بشرية"))]
    b = analyse("ونفذ طيران النظام الحربي خمس غارات على مدينة بنش أمس، حيث لم تسجل إصابات "
                "بشرية.")
    assert dead(b) == [("air_strike", (0, "لم تسجل إصابات بشرية"))]
    c = analyse("وتظاهر مئات المحتجين في البصرة أمس، دون أن يسفر ذلك عن إصابات.")
    assert dead(c) == [("protest", (0, "دون أن يسفر ذلك عن إصابات"))]


def test_no_news_of_losses_is_no_count(analyse, dead):
    a = analyse("وقصفت قوات النظام بلدة كفرنبل أمس دون أنباء عن خسائر.")
    assert dead(a) == [("shelling", None)]


def test_targeting_by_the_air_force_is_an_air_strike(analyse, types):
    a = analyse("وأعلنت تركيا أمس عن استهداف جديد قام به سلاح الجو التركي لمواقع حزب العمال "
                "الكردستاني في شمال العراق.")
    assert types(a) == ["air_strike"]
    b = analyse("وقال المبعوث إن سلاح الجو السوري قصف مناطق في الزبداني وحولها أمس.")
    assert types(b) == ["air_strike"]


def test_fears_and_daily_habits_are_not_events(analyse, types):
    a = analyse("ويتخوف مختصون ان يقوم تنظيم داعش بتنفيذ هجمات كبيرة على مناطق في الرمادي.")
    assert types(a) == []
    b = analyse("ويرد المتمردون الأكراد بهجمات دامية على الغارات الجوية اليومية التي تستهدف "
                "قواعدهم في جبال قنديل.")
    assert types(b) == []


def test_an_aircraft_that_attacks_makes_an_air_strike(analyse, types):
    a = analyse("وقال سكان إن طائرة بلا طيار هاجمت سيارة في جنوب اليمن خلال الليل وقتلت "
                "أربعة يشتبه بأنهم من تنظيم القاعدة.")
    assert types(a) == ["air_strike"]
    b = analyse("وهاجمت قوات النظام بلدة كفرنبل أمس بغطاء من الطائرات الحربية.")
    assert types(b) == ["battle"]


def test_a_court_sentence_is_not_an_execution(analyse, types):
    a = analyse("أصدرت محكمة ليبية حكم الإعدام رمياً بالرصاص على سيف الإسلام القذافي.")
    assert types(a) == []
    b = analyse("ونفذت جبهة النصرة حكم الإعدام أمس بحق عشرة أشخاص في ريف إدلب تطبيقاً لحكم "
                "أصدرته المحكمة.")
    assert types(b) == ["attack_on_civilians"]


def test_fire_crews_and_thrown_grenades_are_no_military_move_or_air_strike(analyse, types):
    a = analyse("وعندما وصلت قوات الإطفاء إلى مكان الحريق في المبنى كان الشارع مليئا بالدخان.")
    assert types(a) == []
    b = analyse("وألقى أحد الأشخاص قنبلة صوتية قرب مقر الحزب في دياربكر أمس.")
    assert "air_strike" not in types(b)
    c = analyse("وألقت مروحيات النظام أمس براميل متفجرة على بلدة داريا.")
    assert types(c) == ["air_strike"]


def test_sport_accidents_clearing_and_plans_are_not_events(analyse, types):
    assert types(analyse("وتقدم الفريق الإيطالي مبكرا عبر ضربة حرة نفذها قائده.")) == []
    assert types(analyse("وقال قائد الشرطة إن عدد القتلى وصل إلى 27 شخصا نتيجة الحادث وإنه تم "
                         "اخلاء كل العربات.")) == []
    assert types(analyse("وقال إن تصفية محافظة لحج من جيوب الميليشيات باتت قريبة.")) == []
    assert types(analyse("أعلنت محافظة الأنبار قرب تنفيذ المرحلة الثانية من العملية العسكرية "
                         "لتطهير مدنها من داعش.")) == []
    # a massacre in a town stays one
    assert types(analyse("وارتكبت الميليشيات الحوثية مجزرة في مدينة عدن أمس بعدما أمطرت ضاحية "
                         "دار سعد بصواريخ الكاتيوشا.")) == ["attack_on_civilians"]


def test_airliners_aid_flights_and_tennis_are_not_events(analyse, types):
    assert types(analyse("وفي اطار تفعيل مطار عدن، وصلت أول طائرة مدنية إلى مطار عدن امس.")) == []
    assert types(analyse("وذكرت مصادر إن طائرة تابعة للصليب الأحمر وصلت ظهر الأربعاء إلى مطار "
                         "عدن.")) == []
    assert types(analyse("ووصلت أمس طائرات عسكرية إلى مطار عدن تحمل تعزيزات.")) == [
        "deployment"]
    assert types(analyse("وتأهل نجم التنس إلى نصف النهائي بعد فوزه بضربات قوية.")) == []


def test_counts_no_single_attack_reaches_are_statistics(analyse, types):
    a = analyse("وأوضح المرصد أن طائرات النظام المروحية ألقت 14297 برميلًا متفجرًا على عدة "
                "مناطق في محافظات دمشق وريف دمشق وحلب.")
    assert types(a) == []
    b = analyse("وقال المرصد إنه وثق تنفيذ طائرات النظام 26350 غارة على المدن السورية.")
    assert types(b) == []
    c = analyse("وألقى الطيران المروحي أمس 12 برميلًا متفجرًا على مدينة داريا.")
    assert types(c) == ["air_strike"]


def test_a_campaign_told_in_the_present_is_no_occurrence(analyse, types):
    a = analyse("وتمكنت الوحدات الكردية من تضييق الطوق عليهم في الحسكة بدعم من الغارات الجوية "
                "التي ينفذها الائتلاف الدولي.")
    assert "air_strike" not in types(a)
    b = analyse("تظاهر نحو مئتي شخص في بروكسل للتنديد بالغارات التي يشنها الجيش التركي.")
    assert types(b) == ["protest"]
    c = analyse("وقتل خمسة مدنيين أمس في الغارات التي شنها التحالف على مدينة الرقة.")
    assert types(c) == ["air_strike"]


def test_forces_facing_protesters_are_the_second_actor(analyse):
    a = analyse("وتظاهر مئات المحتجين أمس في البصرة، وأطلقت الشرطة النار في الهواء لتفريقهم.")
    assert [sorted(_actors(e)) for e in a.events if e.type == "protest"] == [
        [("actor1", "Protesters (Iraq)"), ("actor2", "Police Forces of Iraq")]]
