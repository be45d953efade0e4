"""Twenty-third round: actors (the bare opposition in a fight, a subject before its verb,
the captor named after a capture noun, tribal fighters, finders and brackets), tolls (a
toll told back by a definite or demonstrative trigger, others injured, things beside a toll)
and a few triggers."""

from __future__ import annotations

import pytest

OPPOSITION = "Syrian opposition armed groups"


def names(event, role=None):
    return [a.name for a in event.actors if role is None or a.role == role]


def test_the_opposition_as_one_side_of_clashes_is_an_actor(analyse, of_type):
    a = analyse("وأفاد موقع مسار برس أن اشتباكات وصفت بالعنيفة دارت، فجر السبت، بين المعارضة "
                "وقوات الأسد على عدة جبهات من قريتي أم شرشوح والهلالية.", "2015-08-09")
    [battle] = of_type(a, "battle")
    assert OPPOSITION in names(battle) and "Military Forces of Syria" in names(battle)


def test_the_political_opposition_is_no_fighter(analyse, of_type):
    a = analyse("وتواصلت المفاوضات بين المعارضة السياسية والحكومة في جنيف، فيما قصفت قوات "
                "النظام مدينة دوما بالمدفعية أمس.", "2015-08-09")
    assert all(OPPOSITION not in names(e) for e in a.events)


def test_the_rebels_of_an_opposition_article_take_a_hill(analyse, of_type):
    a = analyse("وقالت فصائل المعارضة إن مقاتليها تصدوا لهجوم قوات الأسد. كما تمكن الثوار، مساء "
                "أول أمس، من استعادة السيطرة على تلة عثمان في جبل التركمان بشكل كامل بعد معارك "
                "عنيفة مع قوات الأسد.", "2015-07-21")
    [capture] = of_type(a, "territory_captured")
    assert names(capture, "actor1") == [OPPOSITION]


def test_rebels_elsewhere_are_no_syrian_faction(analyse):
    a = analyse("وتمكن الثوار في ليبيا من السيطرة على مطار طرابلس بعد معارك عنيفة مع قوات "
                "القذافي أمس.", "2015-07-21")
    assert all(OPPOSITION not in names(e) for e in a.events)


@pytest.mark.parametrize("text, date, kind, dead", [
    # the injured are others, so the five are dead
    ("وأعلنت مصادر ميدانية أن خمسة مدنيين على الأقل قُتلوا وأصيب آخرون بينهم أطفال جراء استهداف "
     "الطيران المروحي ببرميلين متفجرين بلدة كفر داعل في ريف حلب الغربي.", "2015-07-21",
     "air_strike", 5),
    # a lawyer executed is one dead
    ("وأقدمت جبهة النصرة في مدينة خان شيخون بريف إدلب الجنوبي، على إعدام محامٍ بإطلاق النار "
     "عليه بعدما اتهمته بالتخابر مع قوات النظام.", "2015-08-04", "attack_on_civilians", 1),
    # two bombings after a toll add no dead
    ("وفي محافظة حلب، قتل 28 عنصرا على الاقل من الفصائل المقاتلة وداعش اثر اشتباكات بين الطرفين "
     "وتفجيرين انتحاريين نفذهما التنظيم في ريف حلب الشمالي.", "2015-08-09", "battle", 28),
    # a commander beside a toll counts one more
    ("وأفاد مصدر أمني بأن عناصر من داعش هاجموا مقر الفوج الثالث في منطقة الحراريات شرقي الرمادي "
     "ما أدى إلى اندلاع اشتباكات أسفرت عن مقتل آمر الفوج وجنديين.", "2015-07-21", "battle", 3),
], ids=["others-injured", "lawyer", "two-bombings", "commander"])
def test_the_toll(analyse, of_type, text, date, kind, dead):
    [event] = of_type(analyse(text, date), kind)
    assert event.fatalities is not None and event.fatalities.count == dead


def test_dead_and_wounded_together_are_still_no_toll(analyse, of_type):
    a = analyse("وقالت مصادر ميدانية إن عشرين مدنيا قتلوا وجرحوا جراء غارات الطيران الحربي على "
                "بلدة كفر داعل في ريف حلب الغربي أمس.", "2015-07-21")
    [strike] = of_type(a, "air_strike")
    assert strike.fatalities is None


@pytest.mark.parametrize("text, kind, attacker, attacked", [
    ("وقال المرصد إن جبهة النصرة هاجمت مقاتلين تابعين للجيش الحر في شمال البلاد الجمعة.",
     "battle", "Jabhat al-Nusra", "Free Syrian Army"),
    ("وقال المرصد إن داعش هاجم الجيش الحر في ريف حلب الشمالي الجمعة.",
     "battle", "Islamic State", "Free Syrian Army"),
    ("وقالت مصادر محلية إن جبهة النصرة قصفت قوات النظام في ريف إدلب أمس.",
     "shelling", "Jabhat al-Nusra", "Military Forces of Syria"),
], ids=["nusra-fsa", "is-fsa", "nusra-regime-shelling"])
def test_a_subject_before_the_verb_acts_on_the_one_after_it(analyse, of_type, text, kind,
                                                            attacker, attacked):
    [event] = of_type(analyse(text, "2015-07-31"), kind)
    assert names(event, "actor1") == [attacker] and names(event, "actor2") == [attacked]


def test_the_one_after_the_verb_still_acts_when_the_verb_opens_the_clause(analyse, of_type):
    [battle] = of_type(analyse("وهاجمت جبهة النصرة قوات النظام في ريف إدلب أمس.",
                               "2015-07-31"), "battle")
    assert names(battle, "actor1") == ["Jabhat al-Nusra"]


def test_the_clashes_named_again_lend_their_toll(analyse, of_type):
    a = analyse("وقال المرصد إن جبهة النصرة هاجمت الجيش الحر في بلدة أعزاز الجمعة. وقال المرصد "
                "إن الاشتباكات أسفرت عن مقتل 13 شخصا على الأقل من الجانبين.", "2015-07-31")
    [battle] = of_type(a, "battle")
    assert battle.fatalities is not None and battle.fatalities.count == 13
    assert len(battle.evidence) == 2


def test_clashes_named_with_a_toll_alone_are_no_event(analyse):
    a = analyse("وقال المرصد إن الاشتباكات أسفرت عن مقتل 13 شخصا على الأقل من الجانبين.",
                "2015-07-31")
    assert a.events == ()


def test_this_shelling_lends_its_toll_to_the_shelling_before(analyse, of_type):
    a = analyse("قصفت قوات النظام بلدة أعزاز أمس. وأسفر هذا القصف عن مقتل 13 شخصا.",
                "2015-07-31")
    assert [e.type for e in a.events] == ["shelling"]
    assert a.events[0].fatalities is not None and a.events[0].fatalities.count == 13


def test_a_toll_told_back_for_strikes_on_several_places_belongs_to_none(analyse, of_type):
    a = analyse("وقال الناطق إن الطائرات التركية قصفت مواقع التنظيم في مدينتي جرابلس ومنبج. "
                "وأسفرت هذه الغارات عن مقتل أحد مقاتلينا.", "2015-07-26")
    strikes = of_type(a, "air_strike")
    assert len(strikes) == 2 and all(s.fatalities is None for s in strikes)


def test_the_army_and_the_generic_security_forces_are_one_actor(analyse, of_type):
    a = analyse("وقال مصدر أمني إن الجيش العراقي والقوات الأمنية صدوا هجمات لتنظيم داعش في "
                "ناحية الخالدية شرق الرمادي أمس.", "2015-07-27")
    [battle] = of_type(a, "battle")
    assert names(battle).count("Military Forces of Iraq") == 1


def test_iraqi_tribal_fighters_fight_beside_the_army(analyse, of_type):
    a = analyse("وصد الجيش العراقي ومقاتلو العشائر هجمات لتنظيم داعش في ناحية الخالدية شرق "
                "الرمادي أمس.", "2015-07-27")
    [battle] = of_type(a, "battle")
    roles = {a.name: a.role for a in battle.actors}
    assert roles["Tribal Mobilization (Iraq)"] != roles["Islamic State"]
    assert roles["Islamic State"] in ("actor1", "actor2")


@pytest.mark.parametrize("text, date, kind, actor", [
    # tribal volunteers are tribal fighters
    ("وقال المتحدث إن القوات الأمنية ومتطوعي العشائر سيطروا على منطقة الصكرة في حديثة أمس.",
     "2015-08-04", "territory_captured", "Tribal Mobilization (Iraq)"),
    # a bombing takes the group it is blamed on, even from another trigger's clause
    ("قتل ثلاثة جنود أتراك وأصيب آخر أمس بانفجار عبوة في جنوب شرق تركيا في أحدث هجوم ينسب "
     "إلى متمردين من حزب العمال الكردستاني.", "2015-08-06", "bombing",
     "PKK: Kurdistan Workers' Party"),
], ids=["tribal-volunteers", "blamed-bombing"])
def test_the_actor_is_named(analyse, of_type, text, date, kind, actor):
    [event] = of_type(analyse(text, date), kind)
    assert actor in names(event)


def test_massing_troops_is_a_deployment(analyse, of_type):
    a = analyse("وحشد النظام في سوريا عناصره المدعومة بميليشيات حزب الله اللبناني على الطريق "
                "العام في الجهة الجنوبية للزبداني.", "2015-07-21")
    assert [e.type for e in a.events] == ["deployment"]


@pytest.mark.parametrize("text, kind", [
    # «الحشد» is the Popular Mobilization Forces, not massing
    ("وقال مصدر إن القوات الأمنية والحشد الشعبي هاجمت مواقع لتنظيم داعش في الفلوجة أمس.",
     "deployment"),
    # leaving talks, not ground
    ("إلا أن فريق أحرار الشام المفاوض انسحب من المفاوضات بعد إصرار الطرف الإيراني على ترحيل "
     "سكان كفريا والفوعة.", "withdrawal"),
], ids=["pmf", "talks"])
def test_no_event_of_that_type(analyse, of_type, text, kind):
    assert of_type(analyse(text, "2015-08-09"), kind) == []


def test_the_side_named_again_after_a_capture_noun_took_the_place(analyse, of_type):
    a = analyse("اندلعت اشتباكات بين قوات المعارضة السورية وقوات النظام في قريتي تل أعور والفريكة "
                "جنوب مدينة جسر الشغور، أسفرت عن سيطرة قوات الأسد على القريتين.", "2015-08-03")
    [capture, *_] = of_type(a, "territory_captured")
    assert names(capture, "actor1") == ["Military Forces of Syria"]


@pytest.mark.parametrize("text", [
    "كانت كوباني مسرحا لواحدة من أكبر المعارك ضد تنظيم داعش العام الماضي. وتمكنت قوات كردية "
    "معروفة باسم وحدات حماية الشعب من طرد التنظيم من البلدة الشهر الماضي بمساعدة الضربات "
    "الجوية الأمريكية.",
    "وأثبتت الوحدات الكردية التي طردت تنظيم داعش من مدينة كوباني في يناير أنها القوة الأكثر "
    "فاعلية.",
], ids=["noun", "relative"])
def test_who_drives_out_acts_on_whom_it_drives_out(analyse, of_type, text):
    [capture] = of_type(analyse(text, "2015-08-07"), "territory_captured")
    assert names(capture, "actor1") == ["YPG: People's Protection Units"]


@pytest.mark.parametrize("text, victim", [
    ("وقتل ثلاثة عناصر من الجيش والشرطة وأصيب تسعة، في تفجير سيارة مفخخة يقودها انتحاري عند "
     "نقطة تفتيش في منطقة الطارمية شمال بغداد.", "Police Forces of Iraq"),
    ("وأضاف المصدر أن التفجيرين تسببا في قتل 21 من عناصر الجيش والحشد الشعبي في منطقة الثرثار "
     "شمال شرق الفلوجة.", "Popular Mobilization Forces"),
], ids=["police", "pmf"])
def test_forces_named_beside_the_army_among_the_dead_were_hit(analyse, text, victim):
    a = analyse(text, "2015-07-23")
    [event] = [e for e in a.events if victim in names(e)]
    assert victim in names(event, "actor2")


@pytest.mark.parametrize("text, kind", [
    ("وقال المرصد السوري في بيان له اليوم إن عناصر من التنظيم فجروا شاحنتين ملغومتين استهدفتا "
     "نقطتي تفتيش لتنظيم داعش في تل أبيض.", "bombing"),
    ("وقالت تقارير محلية أن مقاتلين من تنظيم داعش اعتقلوا الفتاة وصديقها في حلب مطلع أغسطس.",
     "abduction_detention"),
], ids=["bombers", "captors"])
def test_fighters_of_a_group_before_their_verb_act(analyse, of_type, text, kind):
    [event] = of_type(analyse(text, "2015-08-10"), kind)
    assert "Islamic State" in names(event, "actor1")


def test_fighters_of_a_group_killed_by_a_blast_were_hit(analyse, of_type):
    a = analyse("أفاد شهود عيان أمس الاثنين بمقتل 33 مسلحاً من تنظيم داعش بانفجار سيارة مفخخة، "
                "يقودها انتحاري، استهدف مركز تدريب لداعش في قضاء البعاج.", "2015-07-21")
    [blast] = a.events
    assert names(blast, "actor2") == ["Islamic State"]


def test_who_finds_the_bodies_did_not_kill(analyse, of_type):
    a = analyse("من جهة أخرى، أصيب خمسة عراقيين بحوادث أمنية متفرقة فيما عثرت الشرطة على جثتين "
                "في الموصل.", "2015-08-03")
    [found] = of_type(a, "attack_on_civilians")
    assert found.actors == ()


def test_a_deployment_against_a_group_has_it_on_no_side(analyse, of_type):
    a = analyse("وتأتي اعمال العنف هذه فيما يتفاقم التوتر بعد تكثيف انقرة الحملة الجوية على متمردي "
                "حزب العمال الكردستاني، ومع نشر الولايات المتحدة طائرات اف-16 في تركيا لمحاربة "
                "تنظيم «داعش» الارهابي.", "2015-08-10")
    [deployment] = of_type(a, "deployment")
    assert names(deployment) == ["Military Forces of the United States"]


def test_the_arab_international_coalition_is_the_global_one(analyse, of_type):
    a = analyse("كما لقي ما لا يقل عن 115 مسلحا من جبهة النصرة حتفهم جراء ضربات صاروخية نفذها "
                "التحالف العربي – الدولي وغارات لطائراته، على مقرات لجبهة النصرة في ريف حلب "
                "الغربي.", "2015-07-23")
    strikes = of_type(a, "air_strike")
    assert strikes and all(names(s, "actor1") == ["Global Coalition against Daesh"]
                           for s in strikes)


def test_a_group_described_in_brackets_is_not_a_second_actor(analyse, of_type):
    a = analyse("وأشار المرصد إلى أن حي جوبر يشهد منذ صباح اليوم قصفاً واشتباكات بين قوات النظام "
                "المدعمة بقوات الدفاع الوطني من جهة، والفصائل الإسلامية وجبهة النصرة (تنظيم "
                "القاعدة في بلاد الشام) من جهة أخرى.", "2015-07-27")
    assert a.events and all("al-Qaeda" not in names(e) for e in a.events)
    assert any("Jabhat al-Nusra" in names(e) for e in a.events)


def test_a_bombing_takes_no_actor_from_the_next_clause(analyse, of_type):
    a = analyse("وبعد أربعة أيام على هجوم انتحاري دامٍ استهدف الأراضي التركية وأودى بحياة 32 شخصًا، "
                "شنّ سلاح الجو التركي اليوم أولى غاراته على مواقع لتنظيم داعش في سوريا.",
                "2015-07-24")
    [bombing] = of_type(a, "suicide_bombing")
    assert "Military Forces of Turkey" not in names(bombing)


def test_a_group_joined_to_a_target_is_a_target_too(analyse, of_type):
    a = analyse("وأضاف البيان ان السلطات التركية احتجزت أيضا 1302 شخص في 39 إقليما في إطار حملة "
                "استهدفت الدولة الإسلامية وحزب العمال الكردستاني.", "2015-07-31")
    [arrests] = of_type(a, "abduction_detention")
    assert names(arrests, "actor1") == []
