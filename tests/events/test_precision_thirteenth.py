"""Thirteenth round of the detector (unlabelled articles of the event_one pool): tallies over a
past stretch, resolve and nearness are not events."""

from __future__ import annotations


def test_tens_of_raids_over_the_past_days_are_a_statistic(analyse, types):
    a = analyse("وشن طيران التحالف الدولي عشرات الغارات الجوية في محافظة الأنبار خلال الأيام "
                "القليلة الماضية.")
    assert types(a) == []
    b = analyse("وقال المسؤول إن التحالف نفذ أكثر من 36 ألف غارة جوية على مواقع التنظيم في "
                "الرقة خلال الأشهر الماضية.")
    assert types(b) == []


def test_tens_of_raids_on_one_town_yesterday_stay_an_event(analyse, types):
    a = analyse("وشن الطيران الحربي أمس عشرات الغارات على مدينة الزبداني في ريف دمشق.")
    assert types(a) == ["air_strike"]
    # a past stretch without a tally: one seizure reported over the past days is an event
    b = analyse("قال العميد أحمد الرحال إن تنظيم داعش استولى على صواريخ سام 7 من مواقع "
                "لقوات النظام في محيط مطار دير الزور العسكري خلال الأيام الماضية.")
    assert types(b) == ["weapons_seizure"]


def test_resolve_and_nearness_are_not_a_capture(analyse, types):
    a = analyse("وأعلنت الولايات المتحدة وتركيا الشهر الماضي عزمهما طرد تنظيم داعش من مدينة "
                "جرابلس شمال سوريا.")
    assert types(a) == []
    b = analyse("وقال القائد إن القوات العراقية اقتربت من تحرير مدينة الرمادي.")
    assert types(b) == []
    c = analyse("وتمكنت القوات العراقية أمس من تحرير مدينة الرمادي.")
    assert types(c) == ["territory_captured"]


def test_a_habit_in_the_present_is_not_an_event(analyse, types):
    a = analyse("ولم تطلق القوات الحكومية النار على طائرات التحالف التي تقوم بقصف مواقع "
                "التنظيم في الرقة.")
    assert types(a) == []
    b = analyse("وقامت طائرات التحالف أمس بقصف مواقع التنظيم في الرقة.")
    assert types(b) == ["air_strike"]


def test_an_arrival_of_troops_is_a_deployment_and_a_convoy_hit_is_not(analyse, types):
    a = analyse("وأكد المتحدث أمس وصول ثلاثة أفواج عسكرية إلى منطقة الفلاحات غربي الفلوجة.")
    assert types(a) == ["deployment"]
    b = analyse("وتوالى أمس وصول الطائرات المدنية إلى مطار أربيل.")
    assert types(b) == []  # airliners, not troops
    c = analyse("وقال المصدر إن سيارة مفخخة انفجرت أمس عند مرور رتل لعناصر تنظيم داعش عند "
                "بوابة مدينة الموصل.")
    assert types(c) == ["bombing"]  # the convoy is the target, not a second event


def test_overrunning_is_a_capture_and_a_place_handed_over_a_withdrawal(analyse, types):
    a = analyse("واجتاح مقاتلو تنظيم داعش مدينة تدمر أمس.")
    assert types(a) == ["territory_captured"]
    b = analyse("وقامت جبهة النصرة أمس بتسليم قرية حور كلس للواء السلطان مراد.")
    assert types(b) == ["withdrawal"]
    c = analyse("وقامت جبهة النصرة أمس بتسليم سلاحها الثقيل للفصائل.")
    assert "withdrawal" not in types(c)  # arms, not a place


def test_a_promise_is_not_an_event(analyse, types):
    a = analyse("وتعهدت جبهة النصرة أمس بإخلاء جميع مواقعها في مدينة أعزاز.")
    assert types(a) == []


def test_a_deployment_has_no_actor_acted_upon(analyse, of_type):
    a = analyse("ونشرت الولايات المتحدة أمس ست مقاتلات من طراز إف-16 في قاعدة إنغرليك الجوية "
                "جنوب تركيا في إطار مواجهة تنظيم داعش.")
    [deployment] = of_type(a, "deployment")
    assert [x.role for x in deployment.actors] == ["actor1"]
    assert deployment.actors[0].name == "Military Forces of the United States"
