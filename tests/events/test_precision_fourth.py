"""Fourth-round rules of the event detector: dates of statements, places and dates of
clauses about another thing, «سيطرة» as a state, ongoing fighting, intentions, «منذ» with
a recent date, and when reports of one incident merge (or must not)."""

from __future__ import annotations

import datetime as dt


def test_the_date_of_a_statement_is_not_the_event_date(analyse):
    # 2016-12-12 is a Monday: «اليوم الاثنين» dates the statement, «يوم السبت» the strikes.
    a = analyse("قالت قوة المهام المشتركة في بيان اليوم الاثنين إن التحالف شن خمس غارات "
                "جوية قرب مدينة الرقة يوم السبت.")
    [event] = a.events
    assert event.type == "air_strike" and event.date.value == dt.date(2016, 12, 10)


def test_a_relative_clause_about_the_place_gives_no_date(analyse):
    a = analyse("تحطمت طائرة حربية أمس أثناء قصفها حيا في مدينة أريحا. وقال مدير المرصد "
                "إن طائرة حربية تحطمت في أريحا التي تسيطر عليها فصائل المعارضة منذ 28 "
                "مايو الماضي.")
    # (the crash, and the raid it was flying: «أثناء قصفها حيا»)
    [event] = [e for e in a.events if e.type == "other"]
    assert not event.historical and len(event.evidence) == 2
    assert not any(e.historical for e in a.events)


def test_a_relative_clause_about_the_place_gives_no_place(analyse):
    a = analyse("قالت الشرطة إن انفجارا وقع في بلدة سروج التركية أمس أسفر عن مقتل 27 "
                "شخصا. ولم يتضح سبب الانفجار في البلدة التي تقع على بعد عشرة كيلومترات "
                "من بلدة عين العرب السورية.")
    # not a second explosion at عين العرب (سروج is not in the gazetteer)
    assert len(a.events) == 1


def test_control_as_a_state_is_no_capture(analyse, types):
    a = analyse("أعلنت محافظة الأنبار أمس قرب تنفيذ المرحلة الثانية لتطهير مدنها من سيطرة "
                "مسلحي تنظيم داعش في مدينة الرمادي.")
    assert "territory_captured" not in types(a)
    b = analyse("وأسفرت الاشتباكات عن سيطرة قوات النظام على بلدة كفرنبل أمس.")
    assert types(b) == ["territory_captured"]


def test_ongoing_fighting_is_no_battle(analyse, types):
    a = analyse("أعدم تنظيم داعش 19 من عناصره في الفلوجة أمس بداعي فرارهم من المعارك "
                "الدائرة مع الجيش العراقي في الأنبار.")
    assert types(a) == ["attack_on_civilians"]
    b = analyse("دافع قيادي في حزب الله عن خوض الحزب المعارك في الزبداني ضد المعارضة.")
    assert "battle" not in types(b)


def test_intentions_and_permissions_are_no_events(analyse, types):
    a = analyse("قررت الولايات المتحدة السماح بشن غارات جوية على قوات النظام السوري في "
                "حلب.")
    assert "air_strike" not in types(a)
    b = analyse("حمل الأهالي السلاح لمنع عناصر حزب الله الذين أرادوا اعتقال أبنائهم في "
                "الزبداني أمس.")
    assert "abduction_detention" not in types(b)


def test_since_yesterday_morning_is_news(analyse, types):
    a = analyse("شهدت مدينة حلب اشتباكات عنيفة منذ صباح أمس ترافقت مع غارات جوية على "
                "الأحياء الشرقية.")
    assert "air_strike" in types(a) and not any(e.historical for e in a.events)
    b = analyse("شهدت مدينة حلب اشتباكات عنيفة منذ عام 2012 ترافقت مع غارات جوية على "
                "الأحياء الشرقية.")
    assert all(e.historical for e in b.events if e.type == "air_strike")


def test_one_type_at_one_place_in_a_sentence_is_one_event(analyse, types):
    a = analyse("شهدت مدينة حلب أمس غارات جوية للطيران الحربي على الأحياء الشرقية "
                "واشتباكات بين قوات النظام والمعارضة وقصف جوي على منطقة الاشتباكات في "
                "حلب.")
    assert types(a) == ["air_strike", "battle"]


def test_a_border_town_and_its_neighbour_across_the_border_are_two_places():
    from marsad.events.detect import _same_place
    from marsad.model import Place

    kobani = Place("Kobani", lat=36.891, lon=38.354, country="SY", gazetteer_id="g:1",
                   precision=1)
    suruc = Place("Suruc", lat=36.976, lon=38.425, country="TR", gazetteer_id="g:2",
                  precision=1)
    ain_al_arab = Place("Ayn al-Arab", lat=36.89, lon=38.36, country="SY",
                        gazetteer_id="g:3", precision=1)
    assert not _same_place(kobani, suruc)
    assert _same_place(kobani, ain_al_arab)


def test_a_separate_incident_is_not_merged(analyse, types):
    a = analyse("وقع انفجار في بلدة كوباني الحدودية اليوم. وفي حادث منفصل قال شهود إن "
                "انفجارا وقع على الجانب الآخر من الحدود مما أسفر عن سقوط 20 قتيلا.")
    assert types(a) == ["bombing", "bombing"]
