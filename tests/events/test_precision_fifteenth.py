"""Fifteenth round of the detector: one person coordinated with a toll, the holder a place
is taken from, and the charge of an execution."""

from __future__ import annotations


def _actors(event):
    return sorted((a.role, a.name) for a in event.actors)


def test_one_person_before_a_toll_is_added_to_it(analyse, dead):
    a = analyse("وقال المرصد إن قياديا تونسيا في تنظيم داعش وخمسة متشددين أجانب آخرين قتلوا في "
                "غارة جوية قرب مدينة الحسكة أمس.")
    assert dead(a) == [("air_strike", (6, "قياديا تونسيا في تنظيم داعش وخمسة متشددين"))]
    b = analyse("وقصفت طائرات النظام مدينة حلب أمس ما أدى إلى مقتل طفل و3 نساء.")
    assert dead(b) == [("air_strike", (4, "طفل و3 نساء"))]


def test_one_person_after_a_toll_is_added_to_it(analyse, dead):
    a = analyse("وقتل 10 مدنيين وجندي أمس في تفجير انتحاري استهدف سوقا في مدينة مروة.")
    assert [d[1] for d in dead(a)] == [(11, "10 مدنيين وجندي")]


def test_a_leader_among_the_dead_or_a_wounded_person_is_not_added(analyse, dead):
    a = analyse("وقتل 10 جنود بينهم ضابط وعنصران أمس في هجوم شنه تنظيم داعش على حاجز في "
                "الرمادي.")
    assert [d[1][0] for d in dead(a)] == [10]
    b = analyse("وقتل 3 جنود وإصابة ضابط أمس في هجوم شنه تنظيم داعش على حاجز في الرمادي.")
    assert [d[1][0] for d in dead(b)] == [3]
    # («نحو» ends in «و»: it joins nothing)
    c = analyse("وقتل جندي وأصيب نحو 20 أمس في هجوم شنه تنظيم داعش على حاجز في الرمادي.")
    assert [d[1][0] for d in dead(c)] == [1]


def test_the_holder_a_place_is_freed_from_is_actor2(analyse):
    a = analyse("وأعلن مصدر أمني أمس تحرير ناحية الخيرات شرقي الرمادي من سيطرة تنظيم داعش.")
    assert [_actors(e) for e in a.events] == [[("actor2", "Islamic State")]]


def test_a_capture_named_by_control_keeps_its_agent(analyse):
    a = analyse("وسيطر تنظيم داعش أمس على مدينة تدمر بعد أسابيع من سيطرة التنظيم على "
                "الرمادي.")
    roles = {a.role for e in a.events for a in e.actors if a.name == "Islamic State"}
    assert roles == {"actor1"}


def test_the_charge_of_an_execution_names_no_side(analyse):
    a = analyse("وأعدم تنظيم داعش أمس شخصين من سكان مدينة الفلوجة بتهمة التعاون مع القوات "
                "العراقية.")
    # (the two executed are the civilians hit; the Iraqi forces of the charge are no side)
    assert [_actors(e) for e in a.events] == [[("actor1", "Islamic State"),
                                               ("actor2", "Civilians")]]


def test_a_bare_shelling_among_aircraft_or_barrels_is_an_air_strike(analyse):
    a = analyse("وقال إن النظام يواصل استخدام البراميل المتفجرة، حيث قتل العشرات جراء قصف "
                "قرية قصر البريج بريف حلب الشرقي أمس.")
    assert [e.type for e in a.events] == ["air_strike"]
    b = analyse("وقال البيان إن ثلاث مقاتلات إف-16 أقلعت من قاعدة في ديار بكر في الساعات "
                "الأولى من صباح أمس وقصفت ثلاثة أهداف لتنظيم داعش في سوريا.")
    assert [e.type for e in b.events] == ["air_strike"]


def test_guns_in_the_sentence_keep_it_shelling(analyse):
    a = analyse("وقصفت قوات النظام بلدة كفرنبل بقذائف الهاون أمس بعد غياب الطيران عن "
                "أجوائها.")
    assert [e.type for e in a.events] == ["shelling"]


def test_the_syrian_opposition_can_take_a_hill(analyse):
    # «السورية» qualifies the fighters; only «سوريا» and «الأراضي» say a country was entered
    a = analyse('وسيطرت قوات المعارضة السورية المسلحة أمس على تلة "جورة الماء" في جبل '
                "التركمان بريف اللاذقية.")
    assert [e.type for e in a.events] == ["territory_captured"]
    b = analyse("ودخلت القوات التركية الأراضي السورية أمس لأول مرة.")
    assert [e.type for e in b.events] == []


def test_the_factions_fighters_are_the_opposition_an_article_names(analyse):
    a = analyse("وقال المرصد إن فصائل المعارضة هاجمت قرية جورين أمس. وأفاد المرصد عن سيطرة "
                "مقاتلي الفصائل على بلدة البحصة القريبة منها.")
    assert [(e.type, _actors(e)) for e in a.events][-1] == (
        "territory_captured", [("actor1", "Syrian opposition armed groups")])
    # with no other name of the opposition in the article, «الفصائل» stays unread
    b = analyse("وأفاد المرصد أمس عن سيطرة مقاتلي الفصائل على بلدة البحصة.")
    assert [e.actors for e in b.events] in ([], [()])


def test_fighters_who_were_killed_or_eliminated_make_a_battle(analyse):
    a = analyse("وقال قائد مقاتلي العشائر إن العشرات من عناصر داعش قتلوا أمس في الرمادي.")
    assert [e.type for e in a.events] == ["battle"]
    b = analyse("وقال إن القوات العراقية تمكنت أمس من القضاء على 15 عنصرا من داعش في "
                "الصقلاوية.")
    assert [(e.type, _actors(e)) for e in b.events] == [
        ("battle", [("actor1", "Military Forces of Iraq"), ("actor2", "Islamic State")])]
    # a cause to fight for is no battle
    c = analyse("ودعا الوزير أمس في بغداد إلى القضاء على الإرهاب وعناصر داعش.")
    assert [e.type for e in c.events] == []


def test_the_other_sides_dead_are_added(analyse, dead):
    a = analyse("وأفاد المرصد عن اشتباكات عنيفة بين قوات النظام والفصائل في قرية جورين أمس "
                "أسفرت عن مصرع 17 شخصا في صفوف المسلحين الموالين مقابل 19 قتيلا في صفوف "
                "الفصائل.")
    assert [d[1][0] for d in dead(a)] == [36]


def test_a_campaigns_length_makes_a_statistic(analyse):
    a = analyse("وأفادت وكالة الأناضول أمس أن نحو 390 مقاتلا كرديا قتلوا خلال اسبوعين من "
                "الغارات الجوية التركية على قواعد للمتمردين في شمال العراق.")
    assert [e.type for e in a.events] == []
    b = analyse("وقتل 30 مقاتلا كرديا أمس في الغارات الجوية التركية على قواعد للمتمردين في "
                "جبال قنديل شمال العراق.")
    assert [e.type for e in b.events] == ["air_strike"]


def test_a_background_opener_covers_its_whole_sentence(analyse):
    a = analyse("يشار إلى أن المقاومة حررت أربع مديريات من الحوثيين وقوات صالح خلال الأيام "
                "الثلاثة الماضية، بدعم طيران التحالف الذي شن عدة غارات جوية على مواقع "
                "الحوثيين في مديرية ذي ناعم.")
    assert [e.historical for e in a.events] == [True] * len(a.events) and a.events


def test_accidents_and_civil_defence_evacuations_are_no_events(analyse):
    for text in (
            "باشرت فرق الدفاع المدني أمس إخماد حريق اندلع في عمارة بحي النسيم بجدة، وأخلت "
            "جميع سكان العمارة.",
            "وتم أمس إخلاء الموقع من المرأة المصابة نتيجة الأدخنة الضارة في المدينة المنورة.",
            "وبينت تقارير المرور أن الحادث وقع أمس بسبب انفجار أحد إطارات الشاحنة قرب تربة.",
            "ولقي أربعة أشخاص حتفهم أمس إثر تحطم طائرة خاصة خفيفة غربي لندن.",
            "وقتل طيار أمس عندما تحطمت طائرة هليكوبتر خلال عرض جوي في إقليم ريازان."):
        assert [e.type for e in analyse(text).events] == [], text


def test_an_armed_side_that_evacuates_still_withdraws(analyse):
    a = analyse("وأخلت قوات النظام أمس مواقعها في بلدة القرقور بريف حماة.")
    assert [e.type for e in a.events] == ["withdrawal"]


def test_a_team_that_snatches_the_lead_abducts_nobody(analyse):
    a = analyse("خطف الهلال صدارة المجموعة الثالثة من بطولة دوري أبطال آسيا أمس في الرياض.")
    assert [e.type for e in a.events] == []


def test_manifestations_and_business_deals_are_no_events(analyse):
    a = analyse("ودعا الأمين العام إلى تكثيف الجهود للقضاء على الإرهاب بكل أشكاله ومظاهره في "
                "نيجيريا أمس.")
    assert [e.type for e in a.events] == []
    b = analyse("وأعلنت شركة بيرسون أمس عن صفقة بمبلغ 844 مليون دولار في لندن.")
    assert [e.type for e in b.events] == []


def test_floods_that_trap_cars_detain_nobody(analyse):
    a = analyse("وشهدت منطقة جازان أمس أمطارا غزيرة، فيما احتجزت السيول في وادي ضمد عددا من "
                "المركبات.")
    assert [e.type for e in a.events] == []
