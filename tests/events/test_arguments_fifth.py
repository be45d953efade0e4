"""Fifth-round rules of the event detector, aimed at the arguments: who did what to whom
(counted victims, agents of passive reports, groups without aircraft, strikes named with a
nationality), who reports it (sources) and where it happened (location)."""

from __future__ import annotations

import pytest


def by_type(article, event_type):
    return [e for e in article.events if e.type == event_type]


def roles(event):
    return {(a.role, a.name) for a in event.actors}

IS, SYRIA, NUSRA = "Islamic State", "Military Forces of Syria", "Jabhat al-Nusra"
ROLE_CASES = {
    # «مقتل 33 مسلحا من داعش بانفجار»: a count of people hit names the victims
    "counted-partitive": (
        "قتل 33 مسلحا من تنظيم داعش بانفجار سيارة مفخخة في مدينة الموصل أمس.",
        "bombing", {("actor2", IS)}, {("actor1", IS)}),
    # «عناصر» is only the head of the subject: the shooters are IS
    "head-noun-alone": (
        "وكان عناصر تنظيم داعش قد أطلقوا مساء أمس ثمانية صواريخ مستهدفة قوات البيشمركة "
        "في قضاء مخمور.",
        "shelling", {("actor1", IS), ("actor2", "Peshmerga (Kurdistan Regional Government)")},
        set()),
    "agent-of-a-passive": (
        "تعرضت بلدة اللطامنة التي تسيطر عليها جبهة النصرة أمس لقصف مدفعي من قبل قوات "
        "النظام.",
        "shelling", {("actor1", SYRIA), ("actor2", NUSRA)}, set()),
    "fire-from-positions": (
        "تعرضت مدينة معرة النعمان أمس لقصف مدفعي من مواقع قوات النظام.",
        "shelling", {("actor1", SYRIA)}, set()),
    "no-aircraft": (
        "نفذ التحالف أمس غارات جوية على جسرين في ريف دير الزور يستخدمهما تنظيم داعش في "
        "تنقلاته.",
        "air_strike", {("actor2", IS)}, {("actor1", IS)}),
    # «شنه» belongs to the attack, not to the withdrawal before it
    "agent-clause-of-another-event": (
        "انسحبت قوات النظام أمس من قرية تل واسط إثر هجوم شنه جيش الفتح.",
        "withdrawal", {("actor1", SYRIA)}, set()),
    # «اشتبكت مع مسلحي داعش»: IS lost the campus, it did not take it
    "target-never-made-actor1": (
        "قالت قيادة العمليات المشتركة في بيان إن القوات دخلت أمس جامعة الأنبار في جنوب "
        "مدينة الرمادي واشتبكت مع مسلحي تنظيم داعش داخل حرمها.",
        "territory_captured", {("actor2", IS)}, {("actor1", IS)}),
    "genitive-of-a-withdrawal": (
        "ذكرت الشرطة العراقية اليوم أن تنظيم داعش دمر ملعب الرمادي الأولمبي بعد انسحاب "
        "القوات العراقية منه في مدينة الرمادي.",
        "withdrawal", {("actor1", "Military Forces of Iraq")}, set()),
    # «قيام عناصر تابعة لجبهة النصرة بخطف»: «تابعة» is looked through like «عناصر»
    "qiyam-bi": (
        "استنكرت قيادة الفرقة 30 قيام عناصر تابعة لجبهة النصرة بخطف العقيد نديم الحسن "
        "أمس في ريف حلب الشمالي.",
        "abduction_detention", {("actor1", NUSRA)}, set()),
    "agent-phrase-before-the-trigger": (
        "قال متحدث عسكري إن جنودا دربوا على يد الائتلاف الدولي سيطروا أمس على بلدة "
        "الكرمة بعد اشتباكات مع تنظيم داعش.",
        "territory_captured", set(), {("actor1", "Global Coalition against Daesh")}),
    "marker-before-a-complementizer": (
        "وأشار عبد الرحمن إلى أن جبهة النصرة قامت أمس باقتحام مخيم للنازحين في قرية قاح.",
        "territory_captured", {("actor1", NUSRA)}, set()),
}


@pytest.mark.parametrize("case", sorted(ROLE_CASES))
def test_who_did_what_to_whom(analyse, case):
    text, event_type, present, absent = ROLE_CASES[case]
    [event] = by_type(analyse(text), event_type)
    assert present <= roles(event) and not absent & roles(event)


def test_a_strike_with_a_nationality_adjective_names_the_state(analyse):
    a = analyse("قتل القيادي في تنظيم القاعدة أمس في ضربة جوية أمريكية في ريف إدلب.")
    [strike] = by_type(a, "air_strike")
    actor1 = next(x for x in strike.actors if x.role == "actor1")
    assert actor1.name == "Military Forces of the United States"
    assert a.text[actor1.span.start:actor1.span.end] == actor1.text


def sources(event):
    return [(s.kind, s.text) for s in event.sources]


def test_a_hedge_names_no_source_the_report_around_it_does(analyse):
    a = analyse("وأفادت مصادر صحفية أن طائرات حربية يعتقد أنها تابعة للتحالف الدولي شنت "
                "أمس غارات ضد تنظيم داعش في مدينة الباب.")
    [strike] = by_type(a, "air_strike")
    assert sources(strike) == [("anonymous", "مصادر صحفية")]
    assert strike.certainty == "hedged"


def test_a_definite_source_is_quoted_at_its_full_mention_in_the_evidence(analyse):
    a = analyse("أفادت مصادر أمنية عراقية أمس بوقوع انفجار في مدينة بعقوبة. وقالت المصادر "
                "إن الانفجار أسفر عن مقتل 24 مدنيا.")
    [bombing] = by_type(a, "bombing")
    assert sources(bombing) == [("anonymous", "مصادر أمنية عراقية")]
    b = analyse("أعلنت وزارة الدفاع التركية أمس أن مقاتلات تركية دمرت 15 هدفا لتنظيم داعش "
                "في مدينة الباب. وأضافت الوزارة أن الغارات قتلت 12 عنصرا.")
    [strike] = by_type(b, "air_strike")
    assert sources(strike) == [("official", "وزارة الدفاع التركية")]  # counted once


def test_a_definite_source_outside_the_evidence_keeps_its_own_quote(analyse):
    # the full mention reports another event: the anaphor is the mention in the evidence
    a = analyse("أفاد مصدر أمني عراقي أمس بمقتل مدنيين في مدينة بعقوبة. وفي سياق آخر قال "
                "المصدر إن قوات الأمن اعتقلت خمسة مطلوبين في مدينة سامراء اليوم.")
    [arrest] = by_type(a, "abduction_detention")
    assert sources(arrest) == [("anonymous", "المصدر")]


def test_the_kind_of_an_outlet_or_a_body_named_by_a_definite_noun(analyse):
    a = analyse("اعتقلت السلطات السورية أمس سليمان الاسد في مدينة اللاذقية، بحسب ما افادت "
                "وكالة الانباء السورية (سانا).")
    [arrest] = by_type(a, "abduction_detention")
    assert [s.kind for s in arrest.sources] == ["media"]  # «سانا» is no person
    b = analyse("أعلنت المنسقية أن القوات التركية قصفت أمس مواقع لتنظيم داعش في مدينة "
                "جرابلس.")
    [shelling] = by_type(b, "shelling")
    assert sources(shelling) == [("official", "المنسقية")]


def test_a_country_that_leads_or_backs_someone_is_no_place(analyse):
    a = analyse("نفذ تحالف تقوده الولايات المتحدة أمس غارات جوية على مواقع لتنظيم داعش.")
    [strike] = by_type(a, "air_strike")
    assert strike.location is None or strike.location.country != "US"


def test_the_dateline_is_not_the_place_of_a_sentence_that_names_one(analyse):
    a = analyse("أنقرة- رويترز: قال وزير الخارجية التركي اليوم إن الأراضي التي تم تطهيرها "
                "من مسلحي التنظيم في شمال سوريا ستصبح منطقة آمنة بعد أن قصفت طائرات "
                "تركية أمس مواقع التنظيم.")
    [strike] = by_type(a, "air_strike")
    assert strike.location.country == "SY"


def test_a_town_in_a_later_clause_does_not_replace_the_region_named_first(analyse):
    a = analyse("شنت طائرات حربية أمس غارات ضد تنظيم داعش بريف حلب الشمالي، فيما "
                "تعرضت مدينة داريا لقصف مدفعي.")
    [strike] = by_type(a, "air_strike")
    assert strike.location.admin1 == "Aleppo"


def test_a_clause_after_a_connector_has_its_own_subject(analyse):
    a = analyse("قصفت قوات النظام أمس مناطق في جرود القلمون، فيما قتل رجل اثر انفجار في "
                "مستودع للمحروقات في مدينة حرستا.")
    [bombing] = by_type(a, "bombing")
    assert not bombing.actors  # the regime shelled the Qalamoun, it did not set the blast
    [shelling] = by_type(a, "shelling")
    assert ("actor1", "Military Forces of Syria") in roles(shelling)


def test_a_definite_head_refers_back_to_the_group_named_before(analyse):
    a = analyse('أفادت مصادر محلية أمس بأن مقاتلي "حركة حزم" سلموا مستودعات أسلحة إلى '
                '"جبهة النصرة" في بلدة الشيخ سليمان. وقالت المصادر إن مقاتلي الحركة '
                'انسحبوا من مقارهم في الفوج 46 باتجاه ريف إدلب.')
    [seizure] = by_type(a, "weapons_seizure")
    assert ("actor1", "Harakat Hazm") in roles(seizure)
    [withdrawal] = by_type(a, "withdrawal")
    [actor] = withdrawal.actors
    assert (actor.role, actor.name, actor.text) == ("actor1", "Harakat Hazm", "الحركة")
    assert a.text[actor.span.start:actor.span.end] == "الحركة"


def test_the_islamic_state_and_other_armed_groups_are_two_sides(analyse):
    a = analyse("اندلعت أمس اشتباكات عنيفة بين تنظيم داعش وفصائل المعارضة المسلحة في "
                "بلدة مارع.")
    [battle] = by_type(a, "battle")
    assert {x.role for x in battle.actors} == {"actor1", "actor2"}
    b = analyse("هاجمت جبهة النصرة أمس مقرا للفرقة 30 قرب بلدة أعزاز.")
    [attack] = by_type(b, "battle")
    assert ("actor2", "Division 30") in roles(attack)  # «مقرا لـ»: the target's base


def test_places_between_which_something_runs_are_not_the_events(analyse):
    a = analyse("وقال مدير المرصد إن جسرا في ريف دير الزور تهدم جراء استهدافه بغارات من "
                "طائرات التحالف الدولي أمس، مشيرا إلى أن التنظيم يستخدمه في تحركاته بين "
                "سوريا والعراق.")
    [strike] = by_type(a, "air_strike")  # not one strike in Syria and one in Iraq
    assert strike.location.admin1 == "Deir ez-Zor"


def test_the_speaker_after_a_resumptive_pronoun_is_the_source(analyse):
    a = analyse("هاجمت المعارضة أمس مواقع قوات النظام في درعا، بحسب ما أفاد به الناطق باسم "
                "الجبهة الجنوبية.")
    [battle] = by_type(a, "battle")
    assert sources(battle) == [("person", "الناطق باسم الجبهة الجنوبية")]
    b = analyse("شنت المعارضة هجوما على مواقع قوات النظام في درعا أمس، وفق ما صرح به لنا.")
    [attack] = by_type(b, "battle")
    assert attack.sources == ()  # «لنا», «به»: pronouns name no one


def test_a_country_named_as_the_subject_is_the_actor_not_the_place(analyse):
    a = analyse("وكان مسؤول كبير في الإدارة الأميركية أعلن أن الولايات المتحدة قصفت أمس "
                "مواقع لجبهة النصرة في ريف حلب.")
    [event] = a.events
    assert event.location.country == "SY"
    assert ("actor1", "Military Forces of the United States") in roles(event)
    b = analyse("وأضاف البيان أن التحالف شن 13 غارة جوية تركزت خمس منها قرب مدينة عين "
                "العرب وقصفت وحدات تكتيكية تابعة للتنظيم أمس.")
    assert all(e.location is not None for e in b.events)  # «قرب عين العرب وقصفت»


def test_a_masculine_nationality_adjective_names_the_state_too(analyse):
    a = analyse("استهدف قصف جوي روسي أمس مدينة معرة النعمان بريف إدلب.")
    [strike] = by_type(a, "air_strike")
    actor1 = next(x for x in strike.actors if x.role == "actor1")
    assert (actor1.name, actor1.text) == ("Military Forces of Russia", "قصف جوي روسي")


def test_a_foreign_state_right_after_the_verb_deploys_and_is_no_place(analyse):
    a = analyse("نشرت الولايات المتحدة اليوم الأحد مقاتلات من طراز اف-16 في قاعدة انجرليك "
                "بجنوب تركيا للمشاركة في الحرب ضد تنظيم الدولة الاسلامية.")
    [deployment] = by_type(a, "deployment")
    assert ("actor1", "Military Forces of the United States") in roles(deployment)
    assert deployment.location.country == "TR"


def test_the_coalition_named_alone_after_anna_is_the_coalition(analyse):
    a = analyse("نفذت قوات التحالف الدولي أمس 20 غارة قرب الرمادي. وأضاف البيان أن التحالف "
                "شن أيضا 13 غارة جوية تركزت خمس منها قرب مدينة عين العرب.")
    strikes = by_type(a, "air_strike")
    assert all(("actor1", "Global Coalition against Daesh") in roles(s) for s in strikes)


def test_a_raid_after_midnight_and_the_same_raid_dated_today_are_one(analyse):
    a = analyse("نفذ الائتلاف الدولي اليوم (الجمعة) غارات جوية على جسرين في محافظة دير "
                "الزور. وقال رامي عبد الرحمن إن جزءا كبيرا من جسرين في ريف دير الزور تهدم "
                "جراء استهدافهما بغارات من طائرات تابعة للائتلاف بعد منتصف ليل أمس.",
                published="2015-07-31")
    [strike] = by_type(a, "air_strike")
    assert len(strike.evidence) == 2


def test_nominative_heads_are_looked_through_to_the_agent_clause(analyse):
    a = analyse("قصف الجيش التركي أمس مواقع في شمال العراق ردا على هجوم شنه مسلحو حزب "
                "العمال الكردستاني قرب بلدة سيلوبي.")
    [battle] = by_type(a, "battle")
    actor1 = next(x for x in battle.actors if x.role == "actor1")
    assert actor1.name.startswith("PKK")


def test_a_state_before_qad_and_the_verb_is_no_place(analyse):
    a = analyse("وكانت ألمانيا قد أرسلت أول شحنة أسلحة إلى الإقليم في أيلول 2014.")
    [supply] = by_type(a, "arms_supply")
    assert supply.location is None or supply.location.country != "DE"


def test_courts_cells_and_task_forces_are_official_sources(analyse):
    a = analyse("قالت قوة المهام المشتركة في بيان اليوم إن التحالف نفذ أمس 19 غارة جوية قرب "
                "مدينة الرقة.")
    [strike] = by_type(a, "air_strike")
    assert sources(strike) == [("official", "قوة المهام المشتركة")]


def test_websites_as_a_source_are_media(analyse):
    a = analyse("وذكرت مواقع إلكترونية تابعة لتنظيم داعش أن التنظيم أعدم أمس عشرة مدنيين في "
                "مدينة الموصل.")
    [killing] = by_type(a, "attack_on_civilians")
    assert [s.kind for s in killing.sources] == ["media"]


def test_a_state_acting_in_one_clause_is_no_place_for_the_others(analyse):
    a = analyse("وأعلن مسؤول أميركي أمس أن الولايات المتحدة قصفت مواقع لجبهة النصرة، وذلك ردا "
                "على هجوم شنته هذه الجماعة على مقاتلين معارضين.")
    assert a.events and all(e.location is None or e.location.country != "US"
                            for e in a.events)
