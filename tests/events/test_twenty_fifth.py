"""Twenty-fifth round: the arguments and types read from the tuning parts' misses and the
unlabelled output."""

from __future__ import annotations

import datetime as dt

import pytest


def names(event, role=None):
    return [a.name for a in event.actors if role is None or a.role == role]


def test_a_running_total_in_a_statement_after_the_protest_is_the_statements(analyse, of_type):
    a = analyse("في حين استذكر العشرات من المسيحيين الذكرى السنوية الأولى لاجتياح تنظيم داعش "
                "للقرى والبلدات ذات الغالبية المسيحية في سهل نينوى، خلال وقفة احتجاجية أمام مكتب "
                "الأمم المتحدة في مدينة أربيل عاصمة إقليم كردستان العراق، كشف ناشط سياسي موصلي "
                "أمس أن تنظيم داعش قتل منذ سيطرته على الموصل الصيف الماضي وحتى الآن 2070 شخصا "
                "في الموصل.", "2015-08-07")
    [protest] = of_type(a, "protest")
    assert protest.location.name == "Erbil"


def test_so_far_in_a_clause_after_that_is_not_the_bombings(analyse, of_type):
    a = analyse("وفي الزبداني استأنف طيران الأسد قصفه العنيف للمدينة، في حين تستمر ميليشيات حزب "
                "الله في محاولاتها للتقدم من دون أن تحقق أي نجاح حتى الآن.", "2015-07-24")
    [strike] = of_type(a, "air_strike")
    assert strike.location.name == "Az Zabadānī"


def test_arms_before_the_statement_are_the_trigger_befores(analyse):
    a = analyse("وفي رد على قصف قوات النظام لمدن وبلدات محافظة درعا بالبراميل المتفجرة أعلنت "
                "كتائب الجيش الأول استهداف مقرات قوات النظام في مدينة خان أرنبة براجمات "
                "الصواريخ.", "2015-07-21")
    first, second = sorted(a.events, key=lambda e: e.trigger.span.start)
    assert [w.name for w in first.weapons] == ["barrel bomb"]
    assert [w.name for w in second.weapons] == ["multiple rocket launcher (unspecified)"]


def test_raids_without_which_the_jets_flew_are_no_event(analyse, of_type):
    a = analyse("وأشار الى ان مقاتلات تركية حلقت ايضا في اجواء جبل قنديل شمال محافظة اربيل التي "
                "تضم عاصمة الاقليم، من دون ان تشن غارات.", "2015-07-26")
    assert not of_type(a, "air_strike")


@pytest.mark.parametrize("text, sources", [
    ("ونقل «المرصد السوري لحقوق الإنسان» عن عدد من سكان المنطقة قولهم: «إن الوحدات الكردية "
     "اعتقلت نحو 150 شابًا ورجلا من بلدة صرين».", ["«المرصد السوري لحقوق الإنسان»",
                                                  "عدد من سكان المنطقة"]),
    # the outlet told is no teller
    ("وقال مسؤول في وحدات حماية الشعب لفرانس برس إن الوحدات اعتقلت نحو 150 شابًا من بلدة "
     "صرين.", ["مسؤول في وحدات حماية الشعب"]),
], ids=["relayed", "told"])
def test_the_teller_of_a_relayed_report_is_a_source(analyse, text, sources):
    [event] = analyse(text, "2015-07-31").events
    assert [s.text for s in event.sources] == sources


@pytest.mark.parametrize("text, kind, roles", [
    # partners of the side that acts are associated
    ("وأفاد مصدر إعلامي بأن وحدات حماية الشعب الكردية بالتعاون مع الكتائب المقاتلة "
     "وبغطاء من طيران التحالف الدولي تمكنت من السيطرة على منطقة الفيلات الحمر جنوب شرق "
     "الحسكة، بعد اشتباكات مع مقاتلي تنظيم داعش استمرت لأيام.", "territory_captured",
     {"actor1": ["YPG: People's Protection Units"], "actor2": ["Islamic State"],
      "associated": ["Global Coalition against Daesh", "Syrian opposition armed groups"]}),
    # the sides before a statement after a strike are the strike's, and so are its ten dead
    ("وقالت مصادر إن غارة لطيران التحالف الدولي على ناحية صوران شمالي حلب تسبب في مقتل "
     "أكثر من عشرة عناصر من تنظيم داعش وإصابة آخرين، مضيفة أن التنظيم اشتبك أيضا مع "
     "قوات المعارضة السورية بنفس المنطقة ومحيطها.", "battle",
     {"actor1": ["Islamic State"], "actor2": ["Syrian opposition armed groups"]}),
], ids=["partners", "statement"])
def test_each_side_in_its_role_and_no_toll_of_another_clause(analyse, of_type, text, kind,
                                                              roles):
    [event] = of_type(analyse(text, "2015-07-21"), kind)
    assert {role: sorted(names(event, role)) for role in roles} == roles
    assert event.fatalities is None


def test_a_hedge_after_a_blast_keeps_the_blasts_dead(analyse, of_type):
    a = analyse("وأثناء قيام منسوبي القوات بأداء صلاة الظهر جماعة في مسجد مقر القوات، حدث تفجير في "
                "جموع المصلين نتج عنه استشهاد عشرة من منسوبي القوات إضافة إلى ثلاثة من العاملين في "
                "الموقع، كما عُثر في الموقع على أشلاء يعتقد أنها ناتجة عن تفجير بأحزمة ناسفة.",
                "2015-08-06")
    assert a.events and {e.fatalities and e.fatalities.count for e in a.events} == {13}


def test_an_agreement_opening_a_base_is_no_ceasefire(analyse, of_type):
    a = analyse("قالت وزارة الخارجية التركية اليوم الأربعاء إن تركيا وقعت رسميا اتفاقا مع الولايات "
                "المتحدة يفتح قاعدة إنجيرليك الجوية أمام التحالف الذي تقوده واشنطن ضد متشددي "
                "تنظيم الدولة الإسلامية.", "2015-07-29")
    assert not of_type(a, "ceasefire_agreement")


def test_what_the_strikes_came_after_dates_them_not(analyse, of_type):
    a = analyse("قصفت طائرات حربية تركية أهدافا لتنظيم الدولة الإسلامية في سوريا للمرة الأولى "
                "اليوم الجمعة. وتزامنت الضربات الجوية التي جاءت بعد اتصال هاتفي بين إردوغان "
                "والرئيس الأمريكي باراك أوباما يوم الأربعاء مع سلسلة من حملات الشرطة في "
                "أنحاء تركيا.", "2015-07-24")
    [strike] = of_type(a, "air_strike")
    assert strike.date.value == dt.date(2015, 7, 24)


@pytest.mark.parametrize("text, date, kind, role, expected", [
    # «على» before the trigger governs it, not the side after it
    ("وفي رد على قصف قوات النظام لمدن وبلدات محافظة درعا بالبراميل المتفجرة أعلنت "
     "كتائب الجيش الأول استهداف مقرات قوات النظام في مدينة خان أرنبة.",
     "2015-07-21", "air_strike", "actor1", ["Military Forces of Syria"]),
    # a side's checkpoint hit
    ("قالت وحدات حماية الشعب إنها تقدمت. واستهدف هجوم آخر بسيارة مفخخة حاجزا أمنيا "
     "لمقاتلين أكراد في جنوب مدينة كوباني السورية.",
     "2015-07-21", "bombing", "actor2", ["YPG: People's Protection Units"]),
    # the side after «طرد» is driven out
    ("فيما تمكن المقاتلون الأكراد من طرد تنظيم داعش من حي في جنوب مدينة الحسكة.",
     "2015-07-26", "territory_captured", "actor2", ["Islamic State"]),
    # the group after an arrest noun was arrested
    ("أعلنت السلطات المغربية اليوم القبض على خلية إرهابية تتكون من 8 عناصر ينشطون "
     "باربع مدن مغربية، ابدوا ولائهم وتأييدهم لتنظيم داعش الارهابي.",
     "2015-07-21", "abduction_detention", "actor2", ["Islamic State"]),
    # fighters who crossed a border deployed (counted, not hit)
    ("وكان 54 عنصرًا من الفرقة 30، من الذين تلقوا تدريبات عسكرية في تركيا في اطار "
     "البرنامج الاميركي لتدريب المعارضة المعتدلة، اجتازوا قبل أكثر من اسبوعين الحدود "
     "إلى داخل سوريا بهدف التصدي لتنظيم «داعش».",
     "2015-08-02", "deployment", "actor1", ["Division 30"]),
    # the raids after an aiming verb are its subject
    ("واستهدفت غارات للجيش التركي في معظمها مواقع لحزب العمال الكردستاني في شمال "
     "العراق، وبعض مواقع تنظيم داعش في سوريا.",
     "2015-08-09", "air_strike", "actor1", ["Military Forces of Turkey"]),
    # a state's police announcing an arrest made it
    ("وأمس اعلنت الشرطة التركية عن اعتقال ثلاثة اشخاص يشتبه في مشاركتهم في قتل "
     "الشرطيين.",
     "2015-07-24", "abduction_detention", "actor1", ["Police Forces of Turkey"]),
    # aircraft counted from an air force are its own
    ("وقبيل الساعة 04,00 قامت ثلاث مقاتلات اف-16 من سلاح الجو التركي بقصف 3 مواقع "
     "للجهاديين في المنطقة الحدودية في سوريا المقابلة لمدينة كيليس.",
     "2015-07-24", "air_strike", "actor1", ["Military Forces of Turkey"]),
], ids=["reply-to", "checkpoint", "driven-out", "arrested", "crossed", "aiming-subject",
        "police-announce", "aircraft-counted"])
def test_the_side_marked_by_the_words_around_it(analyse, of_type, text, date, kind, role,
                                              expected):
    event = of_type(analyse(text, date), kind)[0]
    assert names(event, role) == expected
