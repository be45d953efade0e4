"""Twentieth round: captures, battles and arrests over a list of towns are one event per
town (GUIDELINES.md §2), never one per country of a vague «سوريا والعراق»; «قبل أن» parts
two events; the lead takes the source named right after it."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("text", "kind", "trigger"), [
    ("وقال القائد الميداني إن فصائل جيش الفتح تمكنت أمس من السيطرة على مدينة جسر الشغور "
     "وبلدة أريحا في ريف إدلب.", "territory_captured", "السيطرة"),
    ("واندلعت أمس اشتباكات عنيفة بين قوات النظام وفصائل المعارضة في مدينة الزبداني وبلدة "
     "مضايا بريف دمشق.", "battle", "اشتباكات"),
])
def test_a_list_of_towns_is_one_event_per_town(analyse, of_type, text, kind, trigger):
    events = of_type(analyse(text), kind)
    assert len(events) == 2
    assert len({e.location.gazetteer_id for e in events}) == 2
    assert {e.trigger.text for e in events} == {trigger}


def test_a_capture_of_land_in_two_countries_stays_one_event(analyse, of_type):
    a = analyse("وسيطر تنظيم داعش على مساحات واسعة من سوريا والعراق العام الماضي.")
    assert len(of_type(a, "territory_captured")) == 1


def test_a_direction_after_a_comma_says_where_the_town_lies(analyse, of_type):
    a = analyse("وقتل شخص وأصيب خمسة آخرون بتفجير عبوة ناسفة في منطقة الحبيبية بمدينة الصدر، "
                "شرقي بغداد.")
    [blast] = of_type(a, "bombing")
    assert blast.fatalities is not None and blast.fatalities.count == 1


def test_a_recapture_told_with_qabl_an_is_its_own_event(analyse, of_type):
    a = analyse("يذكر أن تنظيم الدولة سيطر على مدينة تدمر للمرة الأولى في أيار 2015، قبل أن "
                "تستعيدها قوات النظام بدعم روسي في آذار 2016.")
    first, second = sorted(of_type(a, "territory_captured"), key=lambda e: e.trigger.span.start)
    assert (first.trigger.text, first.date.text) == ("سيطر", "أيار 2015")
    assert (second.trigger.text, second.date.text) == ("تستعيدها", "آذار 2016")
    assert [x.name for x in second.actors if x.role == "actor1"] == ["Military Forces of Syria"]


def test_the_lead_takes_the_source_named_right_after_it(analyse, of_type):
    a = analyse("سيطر تنظيم داعش، أول من أمس، على عدة نقاط في محيط حقل جزل النفطي بريف حمص "
                "الشرقي، بعد مواجهات مع قوات الأسد.\nوذكرت مصادر ميدانية لـ«الدرر الشامية» أن "
                "تنظيم الدولة شن هجوماً عنيفاً على عدة حواجز تابعة لقوات الأسد.")
    [capture] = of_type(a, "territory_captured")
    assert capture.certainty == "reported"
    assert [s.kind for s in capture.sources] == ["anonymous"]
    # (not when the next sentence is about something else)
    a = analyse("قتل العشرات جراء قصف الطيران المروحي قرية قصر البريج بريف حلب الشرقي.\n"
                "وكشفت مصادر سياسية عن أن مبعوث الأمم المتحدة سيزور دمشق الأسبوع المقبل.")
    [strike] = of_type(a, "air_strike")
    assert strike.sources == () and strike.certainty == "asserted"


def test_an_armed_speaker_telling_its_own_deed_is_its_actor(analyse, of_type):
    a = analyse("وتتضارب الأنباء عن الوضع في الصقلاوية التي قالت القوات العراقية: إنها سيطرت "
                "مؤخرا على مواقع فيها.")
    [capture] = of_type(a, "territory_captured")
    assert [x.name for x in capture.actors if x.role == "actor1"] == ["Military Forces of Iraq"]


def test_the_city_of_an_outlet_dateline_is_not_the_subject(analyse, of_type):
    a = analyse("عين اليوم – أنقرة\nنشرت الولايات المتحدة اليوم الأحد مقاتلات من طراز إف-16 "
                "في قاعدة إنجرليك بجنوب تركيا للمشاركة في الحرب ضد تنظيم الدولة الإسلامية.")
    [deployment] = of_type(a, "deployment")
    assert [x.name for x in deployment.actors if x.role == "actor1"] == [
        "Military Forces of the United States"]
