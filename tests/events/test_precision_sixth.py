"""Sixth-round rules of the event detector, from reading its output on unlabelled
articles: words of a trigger type used in another sense, plans and warrants, statistics
over a period, and reports of one bombing that must merge (or must not)."""

from __future__ import annotations


def test_dropping_food_or_leaflets_is_no_strike(analyse, types):
    a = analyse("تحاصر فصائل المعارضة بلدة نبل منذ عامين، وتقوم طائرات النظام بإلقاء "
                "سلال غذائية للسكان من الجو.")
    assert "air_strike" not in types(a)
    b = analyse("ألقت الطائرات المروحية براميل متفجرة على بلدة داريا أمس.")
    assert types(b) == ["air_strike"]


def test_heroes_objections_and_cells_are_no_other_events(analyse, types):
    a = analyse("قال المقاتل إنهم كانوا يظنون أن القادمين أبطال جاؤوا لحمايتهم في الرقة.")
    assert "other" not in types(a)
    b = analyse("أعلنت الشرطة تفكيك خلية تابعة للتنظيم في مدينة كركوك أمس.")
    assert "other" not in types(b)
    c = analyse("تمكنت فرق الهندسة من تفكيك عبوة ناسفة في مدينة كركوك أمس.")
    assert types(c) == ["other"]
    d = analyse("تحطمت طائرة حربية تابعة للنظام في مدينة أريحا أمس.")
    assert types(d) == ["other"]


def test_an_exchange_of_fire_is_a_battle(analyse, types):
    a = analyse("وقع تبادل لإطلاق النار يوم الخميس قرب بلدة كلس بين الجيش التركي ومقاتلي "
                "تنظيم داعش.", published="2015-07-24")
    assert types(a) == ["battle"]


def test_plans_and_warrants_are_no_events(analyse, types):
    a = analyse("اتهمت الشرطة الشاب بالتخطيط لتفجيرات في مدينة بغداد الأسبوع المقبل.")
    assert "bombing" not in types(a)
    b = analyse("أصدرت محكمة في أنقرة أمس مذكرة باعتقال 40 متهما بالانتماء للتنظيم.")
    assert "abduction_detention" not in types(b)


def test_statistics_over_a_period_are_no_events(analyse, types):
    a = analyse("وشنت القوات التركية غارات جوية على مواقع الحزب في شمال العراق أسفرت عن "
                "مقتل 200 مسلح في نفس الفترة.")
    assert "air_strike" not in types(a)
    b = analyse("ونفذ التنظيم في الآونة الأخيرة سلسلة من التفجيرات في بغداد ومحافظات "
                "أخرى.")
    assert "bombing" not in types(b)


def test_an_explosion_and_a_suicide_bombing_reported_apart_are_one_event(analyse):
    a = analyse("سقط 20 قتيلا أمس في انفجار استهدف مركزا ثقافيا قرب الحدود. وقال المحافظ "
                "إن الحكومة ستلاحق الفاعلين. وأضاف أن التحقيقات مستمرة. وأكد أن المصابين "
                "نقلوا إلى المستشفيات. وأدى تفجير انتحاري استهدف المركز الثقافي في بلدة "
                "تل أبيض إلى مقتل 20 شخصا.")
    [event] = a.events
    assert event.type == "suicide_bombing" and len(event.evidence) == 2


def test_bombings_in_two_towns_stay_two(analyse, types):
    a = analyse("انفجرت سيارة مفخخة في سوق مدينة بعقوبة أمس. وفي مدينة كركوك قتل خمسة "
                "أشخاص في تفجير انتحاري استهدف تجمعا للشرطة أمس.")
    assert types(a) == ["bombing", "suicide_bombing"]


def test_the_perpetrators_of_the_bombing_name_the_bombing_reported(analyse):
    a = analyse("انفجرت سيارة مفخخة في سوق مدينة بعقوبة أمس. وأغلقت الشرطة مداخل قضاء "
                "المقدادية بحثا عن منفذي التفجير.")
    [event] = a.events
    assert event.location.name_ar != "المقدادية" and len(event.evidence) == 2


def test_another_bombing_is_another_event(analyse, types):
    a = analyse("قتل 20 شخصا في انفجار سيارة مفخخة في سوق مدينة بعقوبة اليوم. وقالت "
                "المصادر إن خمسة آخرين قتلوا في تفجير آخر شرقي المدينة.")
    assert types(a) == ["bombing", "bombing"]


def test_the_attack_after_a_bombing_is_the_bombing(analyse):
    a = analyse("قتل 30 شخصا في تفجير انتحاري قرب الحدود أمس. وقال الوزير إن التحقيق "
                "مستمر. وأضاف أن الحكومة ستلاحق الفاعلين. وأكد أن المصابين نقلوا إلى "
                "المستشفيات. وقد استهدف الهجوم الذي وقع ظهر أمس مركزا ثقافيا في بلدة تل "
                "أبيض، وتبناه تنظيم داعش.")
    [event] = a.events
    assert event.type == "suicide_bombing" and event.location.name_ar == "تل أبيض"


def test_the_place_of_a_statement_is_not_the_event_place(analyse):
    a = analyse("قتل 30 شخصا في هجوم انتحاري استهدف مركزا ثقافيا في بلدة تل أبيض أمس. "
                "وقال الوزير في مؤتمر صحفي عقده في دمشق إن التفجير نفذه انتحاري.")
    [event] = a.events
    assert event.type == "suicide_bombing" and event.location.name_ar != "دمشق"


def test_recovering_people_or_relations_is_no_capture(analyse, types):
    a = analyse("وتمكن الجيش العراقي أمس من استعادة ثلاثة منهم قرب الحدود مع سوريا.")
    assert "territory_captured" not in types(a)
    b = analyse("قال دبلوماسي إن التهديدات المشتركة من جانب تنظيم داعش قد تساعد في استعادة "
                "العلاقات بين إسرائيل وتركيا.")
    assert "territory_captured" not in types(b)
    c = analyse("استعادت قوات النظام السيطرة على مدينة تدمر أمس بعد معارك مع تنظيم داعش.")
    assert types(c) == ["territory_captured"]


def test_a_report_without_a_place_joins_the_next_that_names_it(analyse):
    a = analyse("أعلنت الشرطة أمس اعتقال ثلاثة أشخاص يشتبه في مشاركتهم في الهجوم. واعتقل "
                "الثلاثة في مدينة كركوك بعد مداهمة منزلهم.")
    [event] = a.events
    assert event.type == "abduction_detention" and event.location.name_ar == "كركوك"


def test_militants_liquidated_in_fighting_are_a_battle(analyse, types):
    a = analyse("قال قائد الشرطة إن القوات الأمنية تمكنت أمس من تصفية 12 عنصرا من تنظيم "
                "داعش في كمين شرق مدينة الرمادي.")
    assert types(a) == ["battle"]
    b = analyse("أعدم تنظيم داعش أربعة سائقين في مدينة الشرقاط أمس.")
    assert types(b) == ["attack_on_civilians"]


def test_bombing_in_air_raids_is_an_air_strike(analyse, types):
    a = analyse("قال الجيش الأمريكي أمس إن الولايات المتحدة وحلفاءها قصفوا أهدافا تابعة "
                "لتنظيم داعش في العراق في 12 غارة جوية قرب مدينة الرمادي.")
    assert types(a) == ["air_strike"]
    b = analyse("قصفت قوات النظام بالمدفعية الثقيلة وقذائف الهاون بلدة داريا أمس، بعد غارات "
                "جوية على المدينة.")
    assert "shelling" in types(b)


def test_a_bombing_in_the_province_is_not_the_town_bombing_reported_before(analyse, types):
    a = analyse("انفجرت عبوة ناسفة في سوق مدينة بعقوبة ما أدى إلى مقتل ستة مدنيين. وأعلنت "
                "قوات البيشمركة مقتل 20 مسلحا من داعش في معارك متفرقة. وقال مصدر إن "
                "التنظيم فقد عددا من قادته. وأضاف أن المعارك تواصلت حتى الصباح. وبدأت "
                "محكمة في ديالى التحقيق في تفجير سوق خان بني سعد.")
    assert types(a).count("bombing") == 2


def test_an_undated_attack_does_not_absorb_a_dated_one_elsewhere(analyse, types):
    a = analyse("هاجم مقاتلو حزب العمال الكردستاني مركزا للشرطة في بلدة بوزانتي، وقتل "
                "شرطيان خلال تبادل لإطلاق النار. وقتل عامل في هجوم شنه مقاتلو حزب العمال "
                "الكردستاني مساء الخميس في مدينة قارص شرق تركيا.", published="2015-08-01")
    assert types(a) == ["battle", "battle"]


def test_a_place_in_a_second_claim_is_still_a_place(analyse):
    a = analyse("وذكرت مصادر رسمية أن مقاتلي حزب العمال الكردستاني هاجموا قوات الأمن، "
                "وأضافت أن الهجوم وقع مساء السبت في مدينة ماردين وأدى إلى مقتل شرطي.",
                published="2015-08-10")
    [event] = a.events
    assert event.type == "battle" and event.location.name == "Mardin"
