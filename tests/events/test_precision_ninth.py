"""Ninth-round rules of the event detector, from the dev and dev2 articles: aircraft that
fire, foiled advances, attacks on positions, reinforced presence, destroyed car bombs,
campaigns since a month, suspensions, the regime's helicopters, and aims."""

from __future__ import annotations


def test_an_aircraft_that_fires_missiles_makes_an_air_strike(analyse, types):
    a = analyse("وقال المصدر إن طائرة عسكرية عراقية أطلقت صاروخين على أحد المنازل فجر "
                "الجمعة وسط قضاء الرطبة.", published="2015-08-01")
    assert types(a) == ["air_strike"]
    b = analyse("وأطلقت المضادات الأرضية النار على طائرة فوق مدينة حلب أمس.")
    assert "air_strike" not in types(b)


def test_a_foiled_advance_is_a_battle_and_an_aim_to_repel_is_not(analyse, types):
    a = analyse("أحبطت فصائل المعارضة محاولة تقدم نفذتها القوات النظامية باتجاه قرية "
                "الزيادية في ريف إدلب الغربي أمس.")
    assert types(a) == ["battle"]
    b = analyse("وقررت الولايات المتحدة السماح بغارات جوية للمساعدة في صد أي هجوم ضد قوات "
                "المعارضة في حلب.")
    assert "battle" not in types(b)
    c = analyse("وأحبطت القوات الأمنية هجوما انتحاريا في بغداد أمس.")
    assert "battle" not in types(c)


def test_fighters_targeting_positions_fight_unless_a_strike_is_named(analyse, types):
    a = analyse("واتسعت دائرة القتال إلى ريف اللاذقية، حيث استهدفت فصائل من المعارضة مواقع "
                "تابعة للقوات السورية النظامية، في قرية صلنفة في ريف اللاذقية الشرقي.")
    assert types(a) == ["battle"]
    b = analyse("وأعلنت القيادة المشتركة أن التحالف نفذ 17 ضربة جوية على دير الزور، موضحة "
                "أنها استهدفت مناطق وجسورا ونقاط تفتيش ومواقع للتنظيم.")
    assert "battle" not in types(b)
    c = analyse("وكانت تركيا استهدفت مواقع لتنظيم داعش في سوريا في الأيام الأخيرة.")
    assert "battle" not in types(c)


def test_reinforced_presence_is_a_deployment(analyse, types):
    a = analyse("وعززت الشرطة العراقية وجودها في بلدة المقدادية في محافظة ديالى أمس.")
    assert "deployment" in types(a)
    b = analyse("وبحث الوزيران سبل تعزيز التعاون بين البلدين في بغداد أمس.")
    assert "deployment" not in types(b)


def test_a_car_bomb_destroyed_before_it_went_off_is_other(analyse, types):
    a = analyse("وقال مصدر في قوات البيشمركة إن قواته تمكنت من تدمير خمس عجلات مفخخة تعود "
                "لتنظيم داعش في قضاء سنجار أمس.")
    assert "other" in types(a)
    b = analyse("وأعلنت وزارة الدفاع العراقية أمس تدمير سيارة مفخخة بقصف لطيران التحالف "
                "الدولي في قضاء بيجي.")
    assert "other" not in types(b) and "air_strike" in types(b)


def test_a_campaign_since_a_month_and_a_suspension_are_no_events(analyse, types):
    a = analyse("وتشارك كندا في التحالف الدولي، وقد بدأت منذ نوفمبر في شن غارات جوية ضد "
                "المتطرفين في سوريا والعراق.")
    assert "air_strike" not in types(a)
    b = analyse("وقالت المصادر إن القوات العراقية علقت جزئيا العمليات العسكرية من قصف جوي "
                "ومدفعي على احياء الفلوجة والرمادي.")
    assert "air_strike" not in types(b) and "shelling" not in types(b)


def test_helicopters_and_the_regime_s_jets_over_syria_are_the_government_s(analyse, of_type):
    a = analyse("وقصف الطيران المروحي بالبراميل المتفجرة مناطق في بلدة تفتناز بريف إدلب أمس.")
    [strike] = of_type(a, "air_strike")
    assert [(x.role, x.name) for x in strike.actors if x.role == "actor1"] == [
        ("actor1", "Military Forces of Syria")]
    assert a.text[strike.actors[0].span.start:strike.actors[0].span.end] == \
        strike.actors[0].text
    b = analyse("ونفذ الطيران الحربي النظامي غارة على بلدة سراقب في ريف إدلب أمس.")
    [jet] = of_type(b, "air_strike")
    assert ("actor1", "Military Forces of Syria") in [(x.role, x.name) for x in jet.actors]


def test_helicopters_outside_syria_get_no_syrian_actor(analyse):
    a = analyse("وقصف الطيران المروحي مواقع للتنظيم في قضاء بيجي شمال بغداد أمس.")
    names = [x.name for e in a.events for x in e.actors]
    assert "Military Forces of Syria" not in names


def test_aims_and_talks_of_countering_are_no_battles(analyse, types):
    a = analyse("وأجرى الوزير محادثات مع الزعماء العراقيين الذين يسعون للتصدي لتنظيم الدولة "
                "في بغداد أمس.")
    assert "battle" not in types(a)
    b = analyse("وكان الوزير قد زار بغداد أمس، غداة بحثه في أربيل التصدي للتنظيم المتطرف.")
    assert "battle" not in types(b)


def test_a_list_with_unknown_items_still_lists_the_known_towns(analyse, of_type):
    a = analyse("وقصفت قوات النظام أمس أحياء درعا البلد وحي طريق السد وبلدتي النعيمة "
                "واليادودة ومدينة بصرى الشام.", published="2015-07-26")
    shelled = sorted(e.location.name for e in a.events if e.type == "shelling")
    assert len(shelled) == 4 and "Dar‘ā" in shelled
    b = analyse("وقصفت قوات النظام أمس بلدة الباب شمال شرق حلب.")
    assert len(of_type(b, "shelling")) == 1


def test_the_latter_is_the_actor_named_last(analyse, of_type):
    a = analyse("وقصفت قوات النظام بلدة الحراك أمس. وتركزت المعارك في مدينة درعا، ما أسفر عن "
                "مقتل عدد من جنود النظام، بينما رد الأخير بقصف أحياء درعا البلد.",
                published="2015-07-26")
    last = of_type(a, "shelling")[-1]
    [actor] = [x for x in last.actors if x.role == "actor1"]
    assert (actor.name, actor.text) == ("Military Forces of Syria", "الأخير")
    assert a.text[actor.span.start:actor.span.end] == "الأخير"


def test_bodies_found_and_towns_fallen_further_off(analyse, types):
    a = analyse("من جهة أخرى عثرت الشرطة العراقية، على جثة رجل مجهول الهوية قضى رمياً "
                "بالرصاص في منطقة العبيدي شرقي بغداد أمس.")
    assert "attack_on_civilians" in types(a)
    b = analyse("واتهمت الحكومة الأردن بالمساهمة في سقوط معبر نصيب الحدودي ومدينة إدلب بيد "
                "المعارضة أمس.")
    assert "territory_captured" in types(b)


def test_an_anniversary_is_background(analyse):
    a = analyse("وبمناسبة مرور عام كامل على سقوط قضاء سنجار بيد داعش طالب النواب بتحريره.")
    assert a.events and all(e.historical for e in a.events)
