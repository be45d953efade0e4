"""Nineteenth round: words that name an event only alone are read per clause; «غارة أخرى»
is another raid; a fear is no event."""

from __future__ import annotations


def test_an_aiming_verb_after_a_connector_is_its_own_battle(analyse, of_type):
    a = analyse("وتعرضت محافظة حلب أمس لقصف الطيران المروحي بالبراميل المتفجرة على قرية رسم "
                "العبود بريف حلب الشرقي، في حين استهدفت الفصائل المقاتلة مواقع قوات النظام في "
                "محيط حي الخالدية بمدينة حلب.")
    [battle] = of_type(a, "battle")
    assert battle.trigger.text == "استهدفت"
    assert len(of_type(a, "air_strike")) == 1


def test_an_aiming_verb_after_a_fronted_alongside_phrase(analyse, of_type):
    a = analyse("وبالتزامن مع تجدد قصف الطيران المروحي لبلدة اللطامنة في ريف حماة أمس، "
                "استهدفت الفصائل المقاتلة آلية لقوات النظام في منطقة الزيارة في سهل الغاب.")
    [battle] = of_type(a, "battle")
    assert battle.trigger.text == "استهدفت"


def test_an_aiming_verb_in_the_clause_of_another_trigger_is_none(analyse, of_type):
    a = analyse("وشنت طائرات التحالف أمس 17 غارة جوية قرب مدينة الرقة، موضحة أنها استهدفت "
                "مواقع لتنظيم داعش.")
    assert of_type(a, "battle") == []
    assert len(of_type(a, "air_strike")) == 1


def test_a_toll_after_a_connector_is_still_the_other_events(analyse, of_type):
    a = analyse("وشنت طائرات أمريكية أمس غارات على ولاية ننكرهار الأفغانية، مؤكدة مقتل 40 "
                "مسلحاً، فيما أفاد شهود عيان بأن القتلى ارتفعوا إلى 45.")
    assert of_type(a, "battle") == []
    assert len(of_type(a, "air_strike")) == 1


def test_another_raid_in_one_sentence_is_another_event(analyse, of_type):
    a = analyse("وقال ناشطون إنه بالتزامن مع شن الطيران الحربي أمس غارة على مشفى في مدينة "
                "سراقب، استهدفت غارة أخرى مشفى أورينت في بلدة كفرنبل بريف إدلب.")
    strikes = of_type(a, "air_strike")
    assert sorted(e.location.name for e in strikes) == ["Kafranbel", "Saraqib"]


def test_another_raid_does_not_absorb_the_raids_told_after_it(analyse, of_type):
    a = analyse("وقال ناشطون إن الطيران الحربي شن أمس غارة على مشفى في مدينة سراقب، واستهدفت "
                "غارة أخرى مشفى أورينت في بلدة كفرنبل. وشن الطيران الحربي أمس عدة غارات على "
                "قرى جبل الزاوية بريف إدلب.")
    assert len(of_type(a, "air_strike")) == 3


def test_another_person_taken_is_not_another_abduction(analyse, of_type):
    a = analyse("أصيب عشرة من رجال الشرطة في تفجيرين واختطف آخر ليلة الجمعة في ديار بكر. وقالت "
                "الشرطة انه تم اختطاف ضابط شرطة تركي في ديار بكر ليلة الجمعة.")
    assert len(of_type(a, "abduction_detention")) == 1


def test_explosions_feared_are_none(analyse, of_type):
    a = analyse("وطلبت السلطات من الأهالي في مدينة سروج التزام منازلهم أمس تخوفاً من انفجارات "
                "ثانية.")
    assert of_type(a, "bombing") == []


def test_tolls_listed_by_village_add_up(analyse, dead):
    a = analyse("وقال ناشط إعلامي إن الطيران الحربي شن أمس عدة غارات على قرى جبل الزاوية بريف "
                "إدلب، مخلفاً ثلاثة شهداء وعشرة جرحى بقرية الموزرة، وخمسة شهداء بقرية أرنبة، "
                "وستة شهداء بقرية جوزف، إضافة لشهيدين في بلدة احسم.")
    [(kind, (count, quote))] = dead(a)
    assert (kind, count) == ("air_strike", 16)
    assert quote.startswith("ثلاثة شهداء") and quote.endswith("لشهيدين")


def test_wounded_listed_after_a_comma_stay_out(analyse, dead):
    a = analyse("وشن الطيران الحربي أمس غارات على قرية الموزرة في جبل الزاوية، مخلفاً ثلاثة "
                "شهداء في القرية، وعشرة جرحى في قرية أرنبة.")
    assert [(k, c and c[0]) for k, c in dead(a)] == [("air_strike", 3)]


def test_coming_close_to_taking_a_city_is_not_taking_it(analyse, of_type):
    a = analyse("واقتربت القوات الأمنية العراقية المشتركة أمس كثيرًا من تحرير مدينة الرمادي.")
    assert of_type(a, "territory_captured") == []
    a = analyse("واقتربت القوات العراقية أمس من مدينة الرمادي وقصفت مواقع التنظيم بالمدفعية.")
    assert len(of_type(a, "shelling")) == 1


def test_a_massacre_from_the_air_is_the_air_strike(analyse, of_type):
    a = analyse("وسقط عشرات القتلى أمس في قرية قصر البريج بريف حلب الشرقي في مجزرة جديدة "
                "ارتكبها الطيران المروحي.")
    assert len(of_type(a, "air_strike")) == 1
    assert of_type(a, "attack_on_civilians") == []
    a = analyse("وارتكب تنظيم داعش أمس مجزرة بحق المدنيين في قرية قصر البريج بريف حلب.")
    assert len(of_type(a, "attack_on_civilians")) == 1


def actor1(event):
    return [a.name for a in event.actors if a.role == "actor1"]


def test_an_armed_body_announcing_its_deed_is_actor1(analyse, of_type):
    a = analyse("وأعلنت قيادة عمليات بغداد أمس تحرير معظم مناطق الكرمة المجاورة لقضاء الفلوجة.")
    [capture] = of_type(a, "territory_captured")
    assert actor1(capture) == ["Military Forces of Iraq"]
    a = analyse("أعلن تنظيم داعش أمس مسؤوليته عن تفجير انتحاري بسيارة ملغومة في بغداد.")
    [bombing] = of_type(a, "suicide_bombing")
    assert actor1(bombing) == ["Islamic State"]


def test_an_announced_clause_or_delivery_keeps_its_own_actors(analyse, of_type):
    a = analyse("أعلن الجناح العسكري لحزب العمال الكردستاني أمس أن غارات الطيران التركي قصفت "
                "مواقع في جبال قنديل.")
    [strike] = of_type(a, "air_strike")
    assert actor1(strike) == ["Military Forces of Turkey"]
    a = analyse("أعلنت وزارة شؤون البيشمركة أمس عن وصول شحنة جديدة من الأسلحة الألمانية إلى "
                "أربيل.")
    assert all("Peshmerga (Kurdistan Regional Government)" not in actor1(e) for e in a.events)


def test_earlier_the_same_day_is_news_earlier_in_a_pluperfect_is_background(analyse, of_type):
    a = analyse("وأعلنت فصائل جيش الفتح، في وقت سابق من يوم الجمعة، عن سيطرتها على تل القرقور "
                "في ريف حماة.", published="2015-08-09")
    [capture] = of_type(a, "territory_captured")
    assert not capture.historical
    a = analyse("وسلمت الفصائل جثث 11 عنصرًا من القوات النظامية كانوا قتلوا في وقت سابق "
                "باشتباكات مع الفصائل الإسلامية في درعا.", published="2015-07-24")
    [battle] = of_type(a, "battle")
    assert battle.historical


def test_arms_in_general_are_a_weapon_of_seizures_and_supplies_only(analyse, of_type):
    text = ("واغتنم تنظيم داعش أمس 6 دبابات وكمية كبيرة من الأسلحة والذخائر في بلدة مهين بريف "
            "حمص.")
    a = analyse(text)
    [seizure] = of_type(a, "weapons_seizure")
    weapons = {w.name: w for w in seizure.weapons}
    assert set(weapons) == {"tank (unspecified)", "weapons and ammunition (unspecified)"}
    arms = weapons["weapons and ammunition (unspecified)"]
    assert a.text[arms.span.start:arms.span.end] == arms.text == "الأسلحة والذخائر"
    a = analyse("واندلعت اشتباكات عنيفة أمس بالأسلحة والذخائر بين قوات النظام وتنظيم داعش في "
                "بلدة مهين بريف حمص.")
    [battle] = of_type(a, "battle")
    assert all(w.name != "weapons and ammunition (unspecified)" for w in battle.weapons)


def test_suicide_operations_carried_out_are_a_suicide_bombing(analyse, of_type):
    a = analyse("وتسلل مقاتلو التنظيم أمس إلى مدينة القريتين في ريف حمص، ونفذ ثلاثة منهم عمليات "
                "انتحارية على حواجز الشمالي والفرن والنادي.")
    assert len(of_type(a, "suicide_bombing")) == 1
    a = analyse("وقتل 126 متطرفاً فرنسياً في سوريا إما في المعارك أو في عمليات انتحارية.")
    assert of_type(a, "suicide_bombing") == []


def civilians(event):
    return [a for a in event.actors if a.name == "Civilians"]


def test_civilians_denied_or_crowding_a_place_are_no_side(analyse, of_type):
    a = analyse("وذكرت مصادر أمنية أن الطيران العراقي قصف مواقع لتنظيم داعش في الفلوجة أمس، "
                "مؤكدة أن من قتل جراء الغارة الجوية هم من عناصر التنظيم وليسوا من المدنيين.")
    [strike] = of_type(a, "air_strike")
    assert civilians(strike) == []
    a = analyse("وقصف الطيران الحربي أمس سوق الخضار المكتظ بالمدنيين في مدينة معرة النعمان.")
    [strike] = of_type(a, "air_strike")
    assert civilians(strike) == []
    a = analyse("وقصف الطيران الحربي أمس مدينة معرة النعمان ما أدى إلى مقتل خمسة مدنيين.")
    [strike] = of_type(a, "air_strike")
    assert [x.role for x in civilians(strike)] == ["actor2"]
