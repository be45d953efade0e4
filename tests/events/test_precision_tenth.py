"""Tenth-round rules of the event detector, from the dev3 articles: Lebanese «أوقف»
arrests, aircraft shot down or fallen, «قصفها» and «استهداف» with shells, a group's
announced «سيطرته», pictures of a blast, tolls shared by several places, aims, figures of
speech, exchanges of bodies and references."""

from __future__ import annotations


def test_arrests_and_halts_are_told_apart(analyse, types):
    a = analyse("وأوقفت قوة من الجيش اللبناني 23 شخصا سوريا شرق لبنان أمس للاشتباه بانتمائهم "
                "إلى تنظيمات إرهابية.")
    assert types(a) == ["abduction_detention"]
    b = analyse("وقالت مصادر إن القوات العراقية أوقفت عمليات القصف على الفلوجة أمس.")
    assert "abduction_detention" not in types(b) and "air_strike" not in types(b)


def test_aircraft_shot_down_or_fallen_are_other(analyse, types):
    a = analyse("وأعلنت الفرقة الأولى الساحلية أمس إسقاط طائرة استطلاع تابعة لقوات الأسد بعد "
                "استهدافها بالمضادات الأرضية في ريف اللاذقية.")
    assert "other" in types(a)
    b = analyse("سقطت أمس طائرة حربية تابعة للنظام السوري في سوق للخضار وسط مدينة أريحا.")
    assert "other" in types(b)
    c = analyse("وطالب المتظاهرون في حلب أمس بإسقاط النظام.")
    assert "other" not in types(c)


def test_shelling_named_by_its_shells(analyse, types):
    a = analyse("جددت قوات الأسد قصفها، بقذائف الهاون والدبابات، على مدينة تلبيسة أمس.")
    assert types(a) == ["shelling"]
    b = analyse("وقتل مدنيان جراء استهداف قوات الأسد قرية المكرمية شرق مدينة تلبيسة بقذائف "
                "الهاون مساء الجمعة.")
    assert types(b) == ["shelling"]
    c = analyse("ودارت اشتباكات عنيفة في سهل الغاب أمس ترافقت مع قصف مكثف بالقذائف والصواريخ "
                "وقصف جوي على قرى المنطقة.")
    assert "shelling" in types(c) and "air_strike" in types(c)


def test_a_group_s_announced_control_is_a_capture_and_its_rule_is_not(analyse, types):
    a = analyse("وقال ناشطون إن تنظيم داعش أعلن سيطرته الكاملة على مدينة القريتين في ريف حمص "
                "الشرقي أمس.")
    assert "territory_captured" in types(a)
    b = analyse("وبلغ عدد الذين أعدمهم تنظيم داعش منذ سيطرته على مدينة الموصل ألفي شخص.")
    assert all(e.historical for e in b.events if e.type == "territory_captured")
    c = analyse("وفر السكان من مناطق سيطرته في ريف حلب أمس.")
    assert "territory_captured" not in types(c)


def test_pictures_of_a_blast_report_it_and_an_aim_does_not(analyse, types):
    a = analyse("ونشر جيش الفتح صورا لتفجير كبير بعربة مدرعة ملغمة على مقر في منطقة الصواغية "
                "قرب بلدة الفوعة أمس.")
    assert "bombing" in types(a)
    b = analyse("وأطلقت الفصائل معركة عاصفة الجنوب التي تهدف إلى السيطرة على أحياء درعا.")
    assert "territory_captured" not in types(b)


def test_a_toll_for_several_places_belongs_to_none_and_truces_kill_no_one(analyse, of_type):
    a = analyse("ونفذ الطيران الحربي أمس غارات على مدينة بنش وبلدات سرمين وتفتناز في ريف إدلب، "
                "ما أدى إلى مقتل 5 مدنيين.")
    strikes = of_type(a, "air_strike")
    assert len(strikes) == 3 and all(e.fatalities is None for e in strikes)
    b = analyse("ونفذ الطيران الحربي أمس غارة على مدينة بنش ما أدى إلى مقتل 5 مدنيين.")
    [strike] = of_type(b, "air_strike")
    assert strike.fatalities.count == 5
    c = analyse("وأجريت في حلب أمس عملية تبادل لعشرات الجثث مع المعارضة، تم بنتيجتها تسليم 30 "
                "جثة من قتلى النظام.")
    deals = of_type(c, "ceasefire_agreement")
    assert deals and all(e.fatalities is None for e in deals)


def test_figures_of_speech_and_references_are_no_events(analyse, types):
    a = analyse("وانسحب هذا المشهد على ريف إدلب، حيث نفذ الطيران الحربي غارات على مدينة بنش.")
    assert "withdrawal" not in types(a)
    b = analyse("في سياق متصل بالمعارك جنوب دمشق، أفاد مراسل بأن الفصائل أعلنت النفير.")
    assert "battle" not in types(b)


def test_advances_towards_and_complaints_are_no_captures(analyse, types):
    a = analyse("تقدمت قوات الحكومية العراقية نحو محافظة الأنبار من محور الثرثار أمس.")
    assert "territory_captured" not in types(a)
    b = analyse("وتقدمت وزارة الخارجية السورية بشكوى إلى مجلس الأمن أمس.")
    assert "territory_captured" not in types(b)
    c = analyse("وتقدمت قوات النظام في حي جوبر شرق دمشق أمس بعد اشتباكات.")
    assert "territory_captured" in types(c)


def test_states_aims_fears_and_ongoing_fights_are_no_events(analyse, types):
    a = analyse("ويفرض تنظيم داعش سيطرته الآن على نحو نصف مساحة الأنبار.")
    assert "territory_captured" not in types(a)
    b = analyse("وقد يكون الهدف استخدامهم دروعا بشرية لمنع قوات النظام من قصف المدينة.")
    assert "shelling" not in types(b)
    c = analyse("وتعيش المدينة حالة خوف من توالي سقوط الصواريخ أو حدوث انفجارات في حلب.")
    assert types(c) == []
    d = analyse("وقال إن مشاركة أبناء الأنبار في المعارك الحالية ضد تنظيم داعش في الرمادي مهمة.")
    assert "battle" not in types(d)
    e = analyse("ودعا الوزير إلى إشراك العشائر في معارك تحرير مدنهم من سيطرة تنظيم داعش.")
    assert "territory_captured" not in types(e)


def test_warplanes_with_no_owner_over_syria_are_the_government_s(analyse, of_type):
    a = analyse("وقال ناشطون إن الطيران الحربي نفذ غارات على مدينة بنش في ريف إدلب أمس.")
    [strike] = of_type(a, "air_strike")
    [actor] = [x for x in strike.actors if x.role == "actor1"]
    assert (actor.name, actor.text) == ("Military Forces of Syria", "الطيران الحربي")
    b = analyse("ونفذت طائرات حربية تابعة للتحالف الدولي غارات على مدينة الرقة أمس.")
    [raid] = of_type(b, "air_strike")
    assert [x.name for x in raid.actors if x.role == "actor1"] == [
        "Global Coalition against Daesh"]


def test_a_unit_s_head_word_followed_by_its_own_name_is_no_repeat(analyse):
    a = analyse("وقصفت الفرقة الرابعة حي جوبر أمس. وأعلنت الفرقة الأولى الساحلية أمس إسقاط "
                "طائرة استطلاع تابعة لقوات الأسد في ريف اللاذقية.")
    names = {x.name for e in a.events if e.type == "other" for x in e.actors}
    assert "4th Armoured Division (Syria)" not in names


def test_a_sentence_told_on_a_source_s_word_names_it_whichever_side(analyse, of_type):
    a = analyse("في سياق متصل، أحبطت فصائل المعارضة محاولة تقدم نفذتها القوات النظامية باتجاه "
                "قرية الزيادية في ريف إدلب الغربي أمس، كما أفاد ناشطون.")
    [battle] = of_type(a, "battle")
    assert [s.text for s in battle.sources] == ["ناشطون"] and battle.certainty == "reported"
    b = analyse("وأقدمت جبهة النصرة في مدينة خان شيخون أمس على إعدام محام بعدما اتهمته بالتعامل "
                "مع قوات النظام.")
    assert all(not e.sources for e in b.events)


def test_how_long_a_state_has_lasted_dates_no_event(analyse, of_type):
    a = analyse("ونفذ الطيران الحربي غارات على مدينة بنش، التي تسيطر عليها الفصائل منذ أكثر من "
                "عامين.", published="2015-08-04")
    [strike] = of_type(a, "air_strike")
    assert strike.date is None or strike.date.start.year == 2015
    b = analyse("وقتل مدنيان في غارة على مدينة بنش منذ يومين.", published="2015-08-04")
    [raid] = of_type(b, "air_strike")
    assert str(raid.date.start) == "2015-08-02" and not raid.date.inherited


def test_a_hospital_s_name_is_no_town_abroad(analyse):
    a = analyse("استهدفت طائرات النظام الحربية والمروحية عددا من القرى والبلدات السورية، والتي "
                "تقع تحت سيطرة المعارضة بريف إدلب، حيث قتل 18 مدنياً وأصيب العشرات.\n"
                "وأفاد موقع \"السورية نت\" أن \"طائرة حربية تابعة لقوات النظام استهدفت "
                "بالصواريخ الفراغية، مشفى الشفاء في المدينة، ما أدى لمقتل طاقم طبي.")
    assert {p.country for p in a.places} == {"SY"}


def test_reports_with_other_perpetrators_and_other_tolls_are_two_events(analyse, of_type):
    a = analyse("وقال مصدر إن الجيش العراقي قصف بالمدفعية مواقع التنظيم أمس ما أسفر عن مقتل 27 "
                "عنصرا. وفي محافظة نينوى قالت مصادر عسكرية إن قوات البشمركة قصفت معاقل تنظيم "
                "داعش في قضاء سنجار أمس ما أدى إلى مقتل نحو عشرين عنصرا.")
    assert len(of_type(a, "shelling")) == 2


def test_aircraft_named_as_the_actor_and_bullets_are_weapons(analyse, of_type):
    a = analyse("وشن طيران التحالف الدولي غارات على مواقع التنظيم في مدينة الرمادي أمس.")
    [strike] = of_type(a, "air_strike")
    assert ("warplane (unspecified)", "طيران التحالف الدولي") in [
        (w.name, w.text) for w in strike.weapons]
    b = analyse("وأعدم تنظيم داعش أربعة سائقين رميا بالرصاص في قضاء الشرقاط أمس.")
    [killing] = of_type(b, "attack_on_civilians")
    assert [w.name for w in killing.weapons] == ["small arms (unspecified)"]
    c = analyse("ودخل وقف إطلاق النار حيز التنفيذ في الزبداني أمس.")
    assert not [m for m in c.mentions if m.kind == "WEAPON"]


def test_machine_gun_fire_is_a_clash_and_an_aircraft_attack_a_strike(analyse, types):
    a = analyse("وقال المصدر إن قوات البيشمركة قصفت أمس بالمدافع الرشاشة مواقع التنظيم قرب قضاء "
                "مخمور.")
    assert types(a) == ["battle"]
    b = analyse("وقال شهود إن طائرات حربية تركية شنت هجوما عنيفا على مواقع الحزب في محافظة "
                "دهوك أمس.")
    assert types(b) == ["air_strike"]


def test_an_eviction_is_no_withdrawal_and_a_plea_no_capture(analyse, types):
    a = analyse("وأبلغ التنظيم 200 عائلة كردية في منطقة كوبجليل شرق الموصل بإخلاء منازلهم أمس.")
    assert "withdrawal" not in types(a)
    b = analyse("وقدمت الأحزاب مذكرة طالبنا فيها بالإسراع في تحرير مناطق سهل نينوى.")
    assert "territory_captured" not in types(b)


def test_an_exchange_told_by_what_was_given_for_what_is_an_agreement(analyse, types):
    a = analyse("أفرج النظام السوري أمس عن سبعة عناصر من مقاتلي جبهة النصرة مقابل إطلاق الأخيرة "
                "عن عدد من عناصر النظام في حي القابون.")
    assert "ceasefire_agreement" in types(a)
    b = analyse("وقال المصدر إنه طرح قبل أيام وقف إطلاق النار في الزبداني مقابل وقف إطلاق النار "
                "في الفوعة.")
    assert "ceasefire_agreement" not in types(b)


def test_permissions_and_the_future_are_no_events(analyse, types):
    a = analyse("وأعلنت أنقرة في يوليو أنها سمحت للطائرات العسكرية الأميركية بشن هجمات على "
                "مواقع التنظيم في سوريا.")
    assert "air_strike" not in types(a)
    b = analyse("أعلنت تركيا أمس أنها ستطلق قريبا هجوما واسع النطاق ضد تنظيم داعش في شمال "
                "سوريا.")
    assert "battle" not in types(b)


def test_a_named_campaign_is_no_battle(analyse, types):
    a = analyse("ولم تحسم القوات الحكومية السورية، مدعومة بقوات حزب الله اللبناني، معركة "
                "الزبداني بعد شهر على انطلاقتها.")
    assert "battle" not in types(a)
    b = analyse("ودارت معارك عنيفة بين قوات النظام وفصائل المعارضة في الزبداني أمس.")
    assert types(b) == ["battle"]


def test_plans_aims_and_blows_are_no_events(analyse, types):
    a = analyse("وأعلنت الأجهزة الأمنية الإطاحة بعدد من الإرهابيين الذين كانوا يخططون لنشر الفتن "
                "وقتل الأبرياء في الرياض.")
    assert "battle" not in types(a)
    b = analyse("ونفخر بقدرات الأجهزة الأمنية التي تتبعت خيوط الخلايا وسددت إليها ضربة حاسمة.")
    assert "air_strike" not in types(b)
    c = analyse("وقال إن الهدف الرئيس السيطرة على منابع النفط في دير الزور.")
    assert "territory_captured" not in types(c)


def test_deals_sentences_skills_forecasts_and_threats_are_no_events(analyse, types):
    a = analyse("وأعلن الوزير أن طهران وقعت الاتفاق النووي مع الغرب أمس.")
    assert "ceasefire_agreement" not in types(a)
    b = analyse("وأصدرت محكمة في طرابلس أمس حكما غيابيا بإعدام سيف الإسلام القذافي.")
    assert "attack_on_civilians" not in types(b)
    c = analyse("وقال إن المعتقلين تلقوا تدريبات مكثفة في مجال التفخيخ في الرقة.")
    assert "bombing" not in types(c)
    d = analyse("وقال إن القوات تطارد عناصر داعش في الرمادي، مرجحا أن يتم تحرير المدينة خلال أيام.")
    assert "territory_captured" not in types(d)
    e = analyse("وتوعد تنظيم داعش في ليبيا مجلس النواب بعمليات ذبح وقتل قريبة.")
    assert types(e) == []
    f = analyse("وتشكل هذه الخطوة ضربة له بعد احتجاجات بغداد.")
    assert "air_strike" not in types(f)


def test_minefields_and_diplomatic_deals_are_no_events(analyse, types):
    a = analyse("وأصابت الضربات وحدات تكتيكية ومواقع قتالية وحقول ألغام قريبة من مدينة الرقة.")
    assert "bombing" not in types(a)
    b = analyse("وقال مسؤول أميركي إن الولايات المتحدة وروسيا توصلتا إلى اتفاق على مسودة قرار في "
                "الأمم المتحدة بشأن سوريا.")
    assert "ceasefire_agreement" not in types(b)
    c = analyse("وقتل جنديان تركيان أمس في انفجار لغم في جنوب شرق تركيا.")
    assert "bombing" in types(c)


def test_avoiding_a_strike_and_launching_a_campaign_are_no_events(analyse, types):
    a = analyse("وتنازل النظام السوري عن ترسانته الكيماوية لتفادي ضربة أميركية.")
    assert "air_strike" not in types(a)
    b = analyse("وأعلنت جبهة النصرة إطلاق عملية عسكرية في ريف حلب الشمالي أمس.")
    assert "battle" not in types(b)


def test_a_capture_told_in_a_relative_clause_is_background_unless_recent(analyse, of_type):
    a = analyse("وقالت المنظمة إن تنظيم داعش ارتكب انتهاكات في بلدة صرين التي سيطر عليها "
                "التنظيم في 27 يوليو.", published="2015-07-31")
    assert [e.historical for e in of_type(a, "territory_captured")] == [True]
    b = analyse("وقالت المنظمة إن تنظيم داعش ارتكب انتهاكات في بلدة صرين التي سيطر عليها "
                "التنظيم أمس.", published="2015-07-31")
    assert [e.historical for e in of_type(b, "territory_captured")] == [False]


def test_since_a_day_this_week_is_news_and_halts_appeals_and_states_are_no_events(
        analyse, types, of_type):
    a = analyse("وقال المتحدث إن «الطائرات التركية بدأت منذ الليلة قبل الماضية في قصف مواقعنا "
                "في مناطق زاب وآفاشين».", published="2015-07-26")
    strikes = of_type(a, "air_strike")
    assert strikes and not any(e.historical for e in strikes)
    b = analyse("وأعلنت اللجنة أمس أن توقف الغارات على محافظة حلب أدى إلى انخفاض عدد الضحايا.")
    assert "air_strike" not in types(b)
    c = analyse("ودعت الهيئة المنظمات إلى العمل على إدخال الأدوية إلى مخيم اليرموك.")
    assert "aid_delivery" not in types(c)
    d = analyse("وعزت المجموعة تفشي الأمراض إلى استمرار سيطرة تنظيم الدولة على مخيم اليرموك.")
    assert "territory_captured" not in types(d)


def test_tolls_of_two_sides_joined_by_and_add_up_and_the_injured_do_not(analyse, of_type):
    a = analyse("وقتل 28 عنصرا من الجيش العراقي ومليشيا الحشد الشعبي و18 مقاتلا من تنظيم "
                "الدولة في المعارك.")
    (battle,) = of_type(a, "battle")
    assert battle.fatalities.count == 46
    assert battle.fatalities.text == a.text[battle.fatalities.span.start:
                                            battle.fatalities.span.end]
    assert battle.fatalities.text.endswith("و18 مقاتلا")
    b = analyse("وأسفر التفجير عن مقتل 3 من عناصر القوات الأمنية وإصابة 7 آخرين.")
    assert [e.fatalities.count for e in of_type(b, "bombing")] == [3]
