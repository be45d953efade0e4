"""Twenty-sixth round: the arguments and types read from the tuning parts' misses and the
unlabelled output."""

from __future__ import annotations

import pytest


def names(event, role=None):
    return [a.name for a in event.actors if role is None or a.role == role]


@pytest.mark.parametrize(("text", "place"), [
    # a direction and a city after a town only say where the town lies
    ("وفي مدينة منبج شمال حلب التي يسيطر عليها تنظيم داعش، بثت وكالة أعماق صورا لقصف جوي من "
     "النظام استهدف مستشفى عائشة، والذي أدى إلى سقوط عدد من الضحايا.", "Manbij"),
    # (unless a clause of its own opens after them: the town is the first event's)
    ("أعلن تنظيم داعش مسؤوليته عن هجوم بسيارة مفخخة في حي البياع جنوب غرب بغداد وأسفر عن "
     "مقتل 18 شخصا، فيما قتل اثنان في تفجير مزدوج استهدف منطقة شمال شرق العاصمة.", "Baghdad"),
])
def test_a_place_that_locates_the_one_before_is_none(analyse, text, place):
    a = analyse(text, "2015-07-21")
    last = max(a.events, key=lambda e: e.trigger.span.start)
    assert last.location.name == place


@pytest.mark.parametrize(("text", "kinds"), [
    # barrel bombs named after a long place still fall from aircraft
    ("قتل ستة أشخاص من عائلة واحدة جراء استهداف مدينة بصرى الشام بريف المحافظة الشرقي "
     "بالبراميل المتفجرة.", ["air_strike"]),
    ("وفي الزبداني استمرت حملة قوات النظام على المدينة، وتم استهدافها بعشرات الصواريخ "
     "الفراغية والبراميل المتفجرة.", ["air_strike"]),
    ("وفي رد على قصف قوات النظام لمدن وبلدات محافظة درعا بالبراميل المتفجرة أعلنت كتائب "
     "وتشكيلات الجيش الأول التابع للجيش الحر استهداف مقرات قوات النظام براجمات الصواريخ.",
     ["air_strike", "shelling"]),
    # (an aircraft brought down after it was targeted struck nothing)
    ("أعلنت الفرقة الأولى الساحلية عن إسقاط طائرة استطلاع تابعة لقوات الأسد بعد استهدافها "
     "بالمضادات الأرضية في منطقة مركشيلة.", []),
])
def test_a_target_hit_with_barrel_bombs_is_an_air_strike(analyse, text, kinds):
    a = analyse(text, "2015-07-21")
    told = [e.type for e in sorted(a.events, key=lambda e: e.trigger.span.start)]
    assert [t for t in told if t in ("air_strike", "shelling")] == kinds


def test_where_opens_a_clause_with_a_subject_of_its_own(analyse, of_type):
    a = analyse("وقال إن الولايات المتحدة حولت مناطق في ريف محافظة حلب إلى مناطق طيران عسكري "
                "لطائرات التحالف، بالتزامن مع عمليات عسكرية نفذتها القوات التركية ضد أهداف تابعة "
                "لتنظيم داعش، حيث نفذت طائرات التحالف ضربات ضد التنظيم في ريف حلب الشرقي.",
                "2015-08-01")
    [strike] = of_type(a, "air_strike")
    assert names(strike, "actor1") == ["Global Coalition against Daesh"]
    assert "Military Forces of Turkey" not in names(strike)


def test_where_tells_who_when_the_clause_before_names_nobody(analyse, of_type):
    a = analyse("وتشبه هذه الطريقة ما استخدمه عناصر تنظيم داعش في نينوى العراقية، حيث أقدموا "
                "في شهر يونيو الماضي على إعدام متهمين بالتجسس.", "2015-08-10")
    [killing] = of_type(a, "attack_on_civilians")
    assert names(killing, "actor1") == ["Islamic State"]


@pytest.mark.parametrize(("text", "toll"), [
    ("وقتل خمسة عناصر من «جبهة النصرة» ومقاتلون موالون لها، وستة مقاتلين من فصائل مقاتلة "
     "مؤيدة للفرقة في الاشتباكات.", 11),
    ("وسجل ناشطون مقتل 34 عنصرا من حزب الله و17 من قوات النظام، بالإضافة إلى عنصرين من الحرس "
     "الثوري الإيراني في معارك الزبداني.", 53),
])
def test_dead_listed_after_a_comma_add_up(analyse, text, toll):
    a = analyse(text, "2015-08-01")
    [battle] = [e for e in a.events if e.type == "battle"]
    assert battle.fatalities.count == toll


def test_shelling_named_by_its_guns_beside_a_strike_stays(analyse, of_type):
    a = analyse("وأضافت أن «الضربة أدت إلى مقتل الإرهابي طلال خميس علوش الجغيفي أحد قيادات (داعش) "
                "في الناحية»، مشيرا إلى أن «قصفا مدفعيا من قبل القوات الأمنية المشتركة في قاطع "
                "الكرمة، أدى إلى مقتل الإرهابي عمر أسعد سريح الخليفاوي».", "2015-07-24")
    [shelling] = of_type(a, "shelling")
    assert [w.name for w in shelling.weapons] == ["artillery (unspecified)"]
    assert shelling.fatalities.count == 1


def test_who_took_the_checkpoints_took_what_was_in_them(analyse, of_type):
    a = analyse("وأعلن مقاتلو المعارضة أمس، أنهم نفذوا هجومًا مباغتًا ليل الاثنين - الثلاثاء، "
                "أسفر عن السيطرة على ثلاثة حواجز في الجبل الشرقي المحاذي لبلدة بلودان: "
                "«واغتنام ما فيها وتدمير دبابتين وقتل الكثير من قوات الأسد».", "2015-07-22")
    [seizure] = of_type(a, "weapons_seizure")
    assert names(seizure, "actor1") == ["Syrian opposition armed groups"]
    assert names(seizure, "actor2") == ["Military Forces of Syria"]


@pytest.mark.parametrize(("text", "kind"), [
    # aircraft that step in strike
    ("مضيفا أن طيران التحالف الدولي تدخل وتمكن من قتل 18 عنصرا من الدواعش وتدمير مركبتين.",
     "air_strike"),
    # a march in solidarity is a protest
    ("مشيرا إلى أن المئات من مواطني الإقليم بدأوا بالسير نحو جبال قنديل أمس تضامنا مع مقاتلي "
     "الحزب.", "protest"),
])
def test_words_that_name_an_event_by_what_is_around_them(analyse, text, kind):
    a = analyse(text, "2015-07-27")
    assert kind in [e.type for e in a.events]


def test_a_cache_blown_up_in_a_strike_is_no_bombing(analyse):
    a = analyse("وأضاف المصدر أن «خمس عجلات مصفحة كان يستقلها قادة التنظيم تم تدميرها مع تفجير "
                "مخبأ كبير للأسلحة والصواريخ ومخزن للوقود في المكان ذاته».", "2015-07-22")
    assert "bombing" not in [e.type for e in a.events]


def test_what_a_force_cannot_do_is_no_event(analyse):
    a = analyse("وقال فورد: «أعتقد أن هذا الأمر غير وارد، فأولا قوات الأسد لاتستطيع استعادة ضواحي "
                "العاصمة دمشق وهي تحاول القيام بذلك منذ أشهر».", "2015-08-08")
    assert "territory_captured" not in [e.type for e in a.events]


def test_an_attack_named_by_its_town_is_the_one_reported(analyse):
    a = analyse("فرقت الشرطة التركية مساء الجمعة في اسطنبول مئات المتظاهرين الذين كانوا يدينون "
                "تنظيم داعش بعد الهجوم الانتحاري الذي وقع مطلع الأسبوع الجاري في سوروتش جنوب "
                "البلاد.\nواستهدف هجوم سوروتش مجموعة من الشبان اليساريين الناشطين في سبيل "
                "القضية الكردية كانوا يرغبون في اجتياز الحدود للمشاركة في إعادة أعمار مدينة "
                "كوباني السورية التي دمرت في أربعة أشهر من المعارك العنيفة التي انتهت بانتصار "
                "وحدات حماية الشعب الكردي على المتطرفين.", "2015-07-25")
    assert "battle" not in [e.type for e in a.events]
    assert [e.type for e in a.events].count("suicide_bombing") == 1


def test_two_suicide_bombings_and_the_fighting_beside_them(analyse):
    a = analyse("وفي محافظة حلب (شمال)، قتل 28 عنصرا على الاقل من الفصائل المقاتلة وداعش اثر "
                "اشتباكات بين الطرفين وتفجيرين انتحاريين نفذهما التنظيم في ريف حلب الشمالي، وفق "
                "ما اعلن المرصد السوري لحقوق الانسان.", "2015-08-09")
    kinds = {e.type: e for e in a.events}
    assert set(kinds) == {"battle", "suicide_bombing"}
    assert names(kinds["suicide_bombing"], "actor1") == ["Islamic State"]


def test_a_dual_names_bombings(analyse, of_type):
    a = analyse("نفذ تنظيم داعش الإرهابي تفجيرين انتحاريين في قريتين قرب بلدة تل أبيض الحدودية "
                "السورية التي يسيطر عليها الأكراد وسط أنباء عن سقوط قتلى.", "2015-07-25")
    [bombing] = of_type(a, "suicide_bombing")
    assert names(bombing, "actor1") == ["Islamic State"]


def test_a_sentence_opening_with_kana_and_dated_weeks_back_is_background(analyse, of_type):
    a = analyse("وكان 54 عنصرا من «الفرقة 30» من الذين تلقوا تدريبات عسكرية في تركيا في إطار "
                "البرنامج الأميركي لتدريب المعارضة المعتدلة، اجتازوا قبل أكثر من أسبوعين الحدود "
                "إلى داخل سوريا بهدف التصدي لتنظيم داعش.", "2015-08-01")
    [deployment] = of_type(a, "deployment")
    assert deployment.historical


def test_a_fronted_while_clause_lends_no_actor_to_the_main_clause(analyse, of_type):
    a = analyse("وفيما تتواصل الحرب ضد «داعش»، سيطرت فصائل المعارضة المنضوية في غرفة عمليات جيش "
                "الفتح، أمس، على قرية القرقور الواقعة في منطقة سهل الغاب بريف حماه الغربي، وذلك "
                "بعد اشتباكات دارت بينها وبين القوات النظامية.", "2015-08-01")
    [capture] = of_type(a, "territory_captured")
    assert "Islamic State" not in names(capture)


def test_a_speaker_telling_what_its_fighters_did_is_actor1(analyse, of_type):
    a = analyse("وقال جيش الفتح على صفحته الرسمية في موقع التواصل الاجتماعي «فيسبوك»، إن مقاتليه "
                "فجّروا خلال الهجوم أحد مقرات لواء شهداء اليرموك في بلدة الشجرة غرب مدينة درعا.",
                "2015-08-01")
    [bombing] = of_type(a, "bombing")
    assert names(bombing, "actor1") == ["Jaysh al-Fatah"]


@pytest.mark.parametrize(("text", "withdrawals"), [
    # a capture implies the withdrawal it forced
    ("تمكنت الفصائل الإسلامية، من السيطرة على بلدة القرقور وتلتها الواقعتين عند أطراف محافظة "
     "إدلب، بعد هجوم عنيف أجبروا خلاله قوات النظام على الانسحاب إلى سهل الغاب.", 0),
    # (a withdrawal told as an act is its own event)
    ("وسيطر التنظيم على كامل بلدة مهين بعد اشتباكات مع قوات الأسد، وانسحبت قوات الأسد نحو "
     "مستودعات مهين على أطراف البلدة.", 1),
])
def test_a_withdrawal_a_capture_implies_is_none(analyse, text, withdrawals):
    a = analyse(text, "2015-08-08")
    assert [e.type for e in a.events].count("withdrawal") == withdrawals


@pytest.mark.parametrize(("text", "expected"), [
    # a capital acting is its state's forces, in a fight as in a strike
    ("وأطلقت أنقرة عملية عسكرية ضد حزب العمال الكردستاني في الجبال على جانبي الحدود بين "
     "العراق وتركيا.", ["Military Forces of Turkey"]),
    # (another town is only where)
    ("وفي هجومين منفصلين بإقليمي فان واغري قتل المتمردون جنديين ليرتفع عدد قتلى أفراد قوات "
     "الأمن التركية منذ 20 يوليو الماضي إلى 21 قتيلا على الأقل.", []),
])
def test_a_state_named_as_the_subject_of_a_fight_is_actor1(analyse, of_type, text, expected):
    [battle] = of_type(analyse(text, "2015-08-01"), "battle")
    assert names(battle, "actor1") == expected
