"""Sixteenth round of the detector, from reading its output on fresh unlabelled articles:
appeals and joined triggers, idioms, background cues, and who the generic forces are."""

from __future__ import annotations


def test_what_an_appeal_asks_for_is_no_event(analyse, types):
    a = analyse("ودعا المعتصمون أمس في مدينة اللاذقية إلى إعدام القاتل.")
    assert "attack_on_civilians" not in types(a)
    b = analyse("وطالب مجلس المحافظة أمس الحكومة بوقف اقتحام الفلوجة والقصف الجوي مدة أسبوع.")
    assert types(b) == []
    # (an execution that happened is still one)
    c = analyse("وأعدم تنظيم داعش أمس أربعة سائقين في مدينة الشرقاط.")
    assert types(c) == ["attack_on_civilians"]


def test_a_trigger_joined_to_a_blocked_one_is_blocked_too(analyse, types):
    a = analyse("وتتعرض العائلات في الفلوجة إلى اعتداءات تصل إلى الاعتقال أو الإعدام على يد "
                "تنظيم داعش.")
    assert types(a) == []


def test_an_attack_in_words_and_a_withdrawal_that_means_applies_to(analyse, types):
    a = analyse("وتجمع أنصار التنظيم أمس خارج إسطنبول وألقوا خطابات هاجموا فيها الحكومة "
                "التركية.")
    assert "battle" not in types(a)
    b = analyse("وهذا الحال انسحب أيضا على بلدة قدسيا القريبة بعد إغلاق قوات النظام الطرق.")
    assert "withdrawal" not in types(b)
    c = analyse("وانسحبت قوات النظام أمس من بلدة قدسيا بعد اشتباكات مع فصائل المعارضة.")
    assert "withdrawal" in types(c)


def test_a_condition_after_the_trigger_or_a_possibility_before_it(analyse, types):
    a = analyse("وأكد القادة العسكريون أمس اقتحام الفلوجة في حال فشل المفاوضات مع تنظيم داعش.")
    assert types(a) == []
    b = analyse("وقال التنظيم إن تنفيذ المخطط قد يكون عن طريق تفجير الاحتفالات في لندن السبت.")
    assert types(b) == []
    # («في حالة» is also "in a state of": no condition)
    c = analyse("وكان الجريحان في حالة جيدة، لكن مسلحين من البلدة هاجموا سيارة الجيش "
                "الإسرائيلي في مجدل شمس أمس.")
    assert "battle" in types(c)


def test_prepared_for_detonation_taking_part_and_foiled_plots(analyse, types):
    a = analyse("وركز طيران التحالف أمس على السيارات المفخخة المعدة للتفجير في الفلوجة.")
    assert "bombing" not in types(a)
    b = analyse("وانضم آلاف المتطوعين إلى الشرطة ليشاركوا في العمليات العسكرية في الرمادي.")
    assert types(b) == []
    c = analyse("وأعلنت وزارة الداخلية أمس إحباط عمليات انتحارية كانت تستهدف مساجد في الدمام.")
    assert types(c) == []


def test_non_military_uses_of_trigger_words(analyse, types):
    # spreading a network, a cultural festival, a penalty in law, sport, a police sweep
    assert types(analyse("ويلزم التنظيم أصحاب المحال في الرقة بأن يقتصر نشر الشبكة داخل "
                         "المحل فقط.")) == []
    assert types(analyse("وسجلت تظاهرة هذه السنة حضور مشاركين من فرنسا في مدينة سوسة.")) == []
    assert types(analyse("وأقر البرلمان في تونس القانون الذي ينص على عقوبات تصل إلى "
                         "الإعدام.")) == []
    assert types(analyse("وفي الرياض خطف الفريق القطري بطاقة العبور بعد فوزه أمس.")) == []
    assert types(analyse("وأسفرت الضربة الأمنية الاستباقية في الرياض أمس عن توقيف خلية.")) \
        == ["abduction_detention"]
    assert types(analyse("وغضب عارم اجتاح السكان في مدينة أبها أمس.")) == []


def test_a_bomb_thrown_by_a_man_is_an_explosion_not_a_strike(analyse, types):
    a = analyse("وقام رجل مساء السبت بإلقاء قنبلة باتجاه حانة في مدينة مروة.")
    assert types(a) == ["bombing"]
    b = analyse("وألقى الطيران المروحي أمس براميل متفجرة على مدينة داريا.")
    assert types(b) == ["air_strike"]
    c = analyse("وألقى رجل الأمن القبض على شخص في مدينة الرمادي أمس.")
    assert "bombing" not in types(c)


def test_a_bomb_dropped_is_no_crash(analyse, types):
    a = analyse("وقال شاهدان إن الطائرة الحربية أسقطت قنبلة في سوق مدينة أريحا أمس.")
    assert "other" not in types(a)


def test_an_investigated_or_recalled_bombing_is_background(analyse, of_type):
    a = analyse("وشكلت محكمة استئناف ديالى أمس هيئة قضائية للتحقيق في جريمة تفجير سوق خان بني "
                "سعد.", published="2015-07-23")
    assert [e.historical for e in of_type(a, "bombing")] == [True]
    b = analyse("وأدوات التنظيم من شبابنا كما حدث في تفجير المساجد في القطيف والدمام.",
                published="2015-08-10")
    assert {e.historical for e in of_type(b, "bombing")} == {True}


def test_a_definite_report_of_a_recalled_bombing_joins_it(analyse, of_type):
    a = analyse("ودعا الوزير إلى الإسراع في التحقيق في التفجير الذي استهدف سوق ناحية خان "
                "بني سعد الجمعة الماضية. وزار الوزير الناحية للاطلاع على حيثيات التفجير "
                "الإجرامي الذي ضرب السوق.", published="2015-07-21")
    assert [e.historical for e in of_type(a, "bombing")] == [True]


def test_a_capture_in_a_relative_pluperfect_clause_is_background(analyse, of_type):
    a = analyse("وتراجعت قوات النظام في محيط الزبداني في عدد من المحاور التي كانت قد تقدمت "
                "فيها.")
    assert [e.historical for e in of_type(a, "territory_captured")] == [True]


def test_a_chronicle_entry_and_a_bare_year_after_and_in(analyse, types):
    a = analyse("1994 - مواجهات في قزوين بين متظاهرين والقوات الإيرانية.",
                published="2015-08-08")
    assert a.events and all(e.historical for e in a.events)
    b = analyse("وفي 2013، وقع تفجير في بلدة ريحانلي على الحدود التركية قتل 51 شخصا.",
                published="2015-07-25")
    assert [(e.type, e.historical, e.date.start.year) for e in b.events] == [
        ("bombing", True, 2013)]


def test_generic_forces_belong_to_the_country_of_the_clause(analyse):
    a = analyse("وقتلت ناشطة أمس في تبادل إطلاق نار مع الشرطة في أحد أحياء إسطنبول، بينما "
                "قصفت قوات النظام مدينة داريا.", published="2015-07-25")
    names = {a.name for e in a.events for a in e.actors}
    assert "Police Forces of Turkey" in names and "Police Forces of Syria" not in names


def test_another_countrys_named_forces_are_not_the_home_forces(analyse):
    a = analyse("وقصفت قوات النظام مدينة داريا أمس. وقتل خمسة من قوات الأمن المصرية في هجوم "
                "نفذه مسلحون على نقاط تفتيش في العريش.")
    names = {a.name for e in a.events for a in e.actors}
    assert "Military Forces of Syria" in names
    assert not any(e.type == "battle" and "Military Forces of Syria" in
                   {x.name for x in e.actors} for e in a.events)


def test_goods_taken_and_a_plot_foiled_by_the_authorities(analyse, types):
    a = analyse("وسيطر مقاتلو التنظيم في نينوى على مخزون القمح في المحافظة.")
    assert "territory_captured" not in types(a)
    b = analyse("وانشق الشاب عن تنظيم داعش في الرقة، وقد أحبطت السلطات العراقية هجوما له كان "
                "يعتزم تنفيذه.")
    assert "battle" not in types(b)
    c = analyse("وأحبطت فصائل المعارضة أمس محاولة تقدم لقوات النظام نحو بلدة مورك.")
    assert types(c) == ["battle"]


def test_the_outlet_sabq_in_a_dateline_is_no_background_cue(analyse, of_type):
    a = analyse("سبق- وكالات: قصفت طائرات الجيش الليبي مواقع متشددين في مدينة درنة أمس.",
                published="2015-07-21")
    assert [e.historical for e in of_type(a, "air_strike")] == [False]
    b = analyse("سبق أن قصفت طائرات الجيش الليبي مواقع متشددين في مدينة درنة.",
                published="2015-07-21")
    assert [e.historical for e in of_type(b, "air_strike")] == [True]


def test_what_is_allowed_or_called_for_with_li_is_no_event(analyse, types):
    a = analyse("ووافقت أنقرة على السماح للطائرات الأمريكية بشن غارات من قاعدة إنجرليك.")
    assert types(a) == []
    b = analyse("وأقر مجلس الأمن عقوبات على العراق ودعوته مجددا للانسحاب من الكويت.")
    assert "withdrawal" not in types(b)
    c = analyse("وكانت حركة طالبان قد دخلت في محادثات سلام مع الحكومة في كابول.")
    assert "territory_captured" not in types(c)


def test_threats_rulings_refusals_and_aims_are_no_events(analyse, types):
    a = analyse("وقد هدد الفرع المصري لتنظيم داعش الأربعاء بإعدام رهينة في القاهرة.")
    assert "attack_on_civilians" not in types(a)
    b = analyse("وأجلت محكمة جنايات مصرية أمس الحكم لكنها قضت في القضية نفسها بإعدام عشرة.")
    assert types(b) == []
    c = analyse("وبعد مفاوضات استمرت ساعات رفض المقاتلون تسليم أسلحتهم في نالتشيك.")
    assert types(c) == []
    d = analyse("وأوضحت الصحيفة أن المتطرفين يهدفون إلى تفجير قنبلة في وسط لندن.")
    assert types(d) == []


def test_slogans_blessings_the_occupation_money_and_contracts(analyse, types):
    assert types(analyse("وأعلن نصر الله أن تحرير فلسطين يمر عبر القلمون.")) == []
    assert types(analyse("انظروا إلى مسجد رسول الله صلى الله عليه وسلم في المدينة "
                         "المنورة، هؤلاء الدواعش لا يعرفونه.")) == []
    assert types(analyse("واعتدى عناصر من شرطة الاحتلال أمس على مصلين في المسجد "
                         "الأقصى.")) == []
    assert "territory_captured" not in types(analyse(
        "وانشق قائد في داعش عن التنظيم في سوريا بعد أن استولوا على ملايين الدولارات."))
    assert types(analyse("وأعلن المشرف على الفريق في جدة توصله إلى اتفاق نهائي معه "
                         "لتمثيله الموسم المقبل.")) == []


def test_a_wars_total_is_no_events_toll(analyse, dead):
    a = analyse("وهاجمت طائرات تركية مقاتلة معسكرات حزب العمال الكردستاني في شمال العراق "
                "أمس، في نزاع أوقع أكثر من 40000 قتيل منذ 1984.")
    assert [d for d in dead(a) if d[0] == "air_strike"] == [("air_strike", None)]


def test_joining_a_war_or_a_visit_is_no_capture(analyse, types):
    a = analyse("ودخلت تركيا بقوة الحملة العسكرية لمواجهة تنظيم داعش في سوريا أمس.")
    assert "territory_captured" not in types(a)
    b = analyse("وقال إن وفدا تركيا دخل لزيارة قبر سليمان شاه في مدينة تل أبيض أمس.")
    assert "territory_captured" not in types(b)
    c = analyse("ودخلت قوات المعارضة مدينة تل أبيض أمس بعد انسحاب تنظيم داعش منها.")
    assert "territory_captured" in types(c)


def test_a_branch_description_names_no_second_actor(analyse):
    a = analyse("وخطفت جبهة النصرة ذراع تنظيم القاعدة في سوريا أمس خمسة مقاتلين في قرية قاح.")
    names = {x.name for e in a.events for x in e.actors}
    assert "Jabhat al-Nusra" in names and "al-Qaeda" not in names


def test_an_order_is_not_what_it_orders(analyse, types):
    a = analyse("ويقول سكان في الرقة إن تنظيم داعش أصدر تعليمات بإعدام كل من يحاول الهرب.")
    assert types(a) == []


def test_a_forecast_is_no_event(analyse, types):
    a = analyse("توقع رئيس إقليم كردستان مسعود بارزاني تحرير بقية مناطق سنجار قريبا.",
                published="2015-08-04")
    assert types(a) == []
    b = analyse("وحررت قوات البيشمركة أمس بقية مناطق سنجار من تنظيم داعش.",
                published="2015-08-04")
    assert types(b) == ["territory_captured"]
