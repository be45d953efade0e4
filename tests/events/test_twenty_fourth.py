"""Twenty-fourth round: events kept apart or merged within a sentence, and the arguments
read from the tuning parts' misses and the unlabelled output."""

from __future__ import annotations

import pytest


def names(event, role=None):
    return [a.name for a in event.actors if role is None or a.role == role]


@pytest.mark.parametrize("text, date, tolls", [
    # ground shelling beside helicopter raids is its own event, and the toll told as its
    # result is not the next clause's
    ("وأفاد ناشطون بأن قوات النظام قصفت بعد منتصف ليل الخميس - الجمعة مناطق في بلدة بسقلا ما "
     "أدى إلى مقتل 3 مواطنين، بينهم امرأتان، وسقوط جرحى، كما قصف الطيران المروحي بالبراميل "
     "المتفجرة مناطق في بلدة تفتناز.", "2015-08-01", {"shelling": 3, "air_strike": None}),
    # a result in the trigger's own clause stays its toll
    ("وقال المرصد السوري لحقوق الإنسان إن الجيش السوري هاجم بلدة الغارية الغربية الواقعة إلى "
     "الشرق من درعا مما أدى إلى مقتل 13 شخصا معظمهم من النساء والأطفال في تكثيف للقصف الجوي "
     "هذا الأسبوع.", "2015-07-25", {"air_strike": 13}),
], ids=["ground-beside-air", "own-clause"])
def test_each_clause_keeps_its_own_toll(analyse, text, date, tolls):
    a = analyse(text, date)
    assert {e.type: e.fatalities and e.fatalities.count for e in a.events} == tolls


def test_a_nationality_is_no_place_of_the_clashes(analyse, of_type):
    a = analyse("كما تحولت مناطق سهل الغاب في ريف حماه الشمالي الغربي وريف جسر الشغور في محافظة "
                "إدلب، مسرحًا لاشتباكات عنيفة دارت بين «حزب الله» اللبناني وقوات النظام "
                "والمسلحين الموالين لها من جنسيات سوريا وعربية وآسيوية من جهة، والفصائل "
                "الإسلامية المعارضة من جهة ثانية.", "2015-08-04")
    [battle] = of_type(a, "battle")
    assert battle.location.name != "Syria"
    assert all(p.name != "Syria" for p in a.places)


def test_shells_named_before_they_fall_are_shelling(analyse, of_type):
    a = analyse("ارتفعت حصيلة قتلى القذائف الصاروخية التي سقطت على احياء عدة في دمشق الى 11 قتيلا "
                "بينهم ثلاثة اطفال فيما اصيب 46 اخرون بجروح، وفق ما اوردت وكالة الانباء السورية.",
                "2015-08-09")
    [shelling] = of_type(a, "shelling")
    assert shelling.trigger.text == "سقطت" and shelling.fatalities.count == 11



def test_clashes_around_the_two_towns_named_before_are_one_event_there(analyse, of_type):
    a = analyse("وأفاد المرصد بمقتل سبعة أشخاص، الاثنين، في قذائف سقطت على بلدتي الفوعة وكفريا "
                "في محافظة إدلب. وأشار إلى «اشتباكات لأكثر من ثماني ساعات متواصلة في محيط "
                "البلدتين» حاول خلالها مقاتلون من فصائل إسلامية وجبهة النصرة دخول البلدتين.",
                "2015-07-22")
    [battle] = of_type(a, "battle")
    assert battle.location.name in ("Al-Fuah", "Kafriya")


def test_the_date_after_after_that_is_not_the_attacks(analyse, of_type):
    a = analyse("وفي الحسكة، تسعى وحدات حماية الشعب الكردية للتقدم في أحياء المدينة، وهاجمت عناصر "
                "تنظيم داعش، من محورَين في حي النشوة في الجهة الغربية من المدينة بعد أن سيطر عليه "
                "التنظيم منذ دخوله الحسكة نهاية الشهر الماضي.", "2015-07-23")
    [battle] = of_type(a, "battle")
    assert not battle.historical and battle.date.inherited
    [capture] = of_type(a, "territory_captured")
    assert capture.historical


def test_factions_of_the_opposition_are_the_opposition(analyse, of_type):
    a = analyse("واتسعت دائرة القتال إلى ريف اللاذقية، حيث استهدفت فصائل من المعارضة مواقع تابعة "
                "للقوات السورية النظامية، في قرية صلنفة في ريف اللاذقية الشرقي.", "2015-08-01")
    [battle] = of_type(a, "battle")
    assert names(battle, "actor1") == ["Syrian opposition armed groups"]


def test_the_side_named_before_a_passive_verb_was_acted_upon(analyse, of_type):
    a = analyse("وتتألف الفرقة 30 من عناصر مدربين، والعديد من المقاتلين الذين كانوا ينتمون إلى "
                "الفرقة 30 طردت من ريف إدلب على يد جبهة النصرة في ابريل.", "2015-07-31")
    [capture] = of_type(a, "territory_captured")
    assert names(capture, "actor1") == ["Jabhat al-Nusra"]
    assert names(capture, "actor2") == ["Division 30"]


def test_the_many_killed_of_a_side_were_hit(analyse, of_type):
    a = analyse("وأضاف الخزرجي أن «الاشتباكات أدت إلى سقوط العشرات من عناصر (داعش) بين قتيل "
                "وجريح» في منطقة التأميم بالرمادي.", "2015-07-27")
    assert all("Islamic State" not in names(e, "actor1") for e in a.events)
    assert any("Islamic State" in names(e, "actor2") for e in a.events)


def test_what_the_speakers_own_attack_led_to_is_theirs(analyse, of_type):
    a = analyse("وأعلن مقاتلو المعارضة أمس، أنهم نفذوا هجومًا مباغتًا ليل الاثنين - الثلاثاء، أسفر "
                "عن السيطرة على ثلاثة حواجز في الجبل الشرقي المحاذي لبلدة بلودان: «وقتل الكثير من "
                "قوات الأسد»، بحسب ما أفاد ناشطون.", "2015-07-22")
    [capture] = of_type(a, "territory_captured")
    assert names(capture, "actor1") == ["Syrian opposition armed groups"]
    assert names(capture, "actor2") == ["Military Forces of Syria"]


def test_fighters_eliminated_by_an_operations_command_are_a_battle_with_its_dead(
        analyse, of_type):
    a = analyse("من جهته أعلن قائد العمليات في بابل اللواء رياض الخيكاني أن قيادة عمليات بابل "
                "تمكنت من القضاء على 10 إرهابيين حاولوا الاعتداء على القطعات العسكرية غرب "
                "الرمادي.", "2015-07-31")
    [battle] = of_type(a, "battle")
    assert names(battle, "actor1") == ["Military Forces of Iraq"]
    assert battle.fatalities.count == 10


def test_fighters_eliminated_until_today_are_a_campaigns_total(analyse, of_type):
    a = analyse("وتمكن الجيش التركي «من القضاء على 390 إرهابيا حتى اليوم»، خلال العمليات الجوية "
                "التي نفذها أخيرا ضد مواقع «بي كا كا» في إقليم شمال العراق.", "2015-08-11")
    assert not of_type(a, "battle")


def test_the_city_shelled_is_the_town_named_last(analyse, of_type):
    a = analyse("وسيطرت القوات العراقية على منطقة في الرمادي أمس. وفي سياق متصل، تضاربت الأنباء "
                "بشأن نتائج القصف الجوي الذي يشنه الجيش العراقي على مواقع تنظيم داعش في الفلوجة. "
                "وأعلنت إدارة مستشفى الفلوجة التعليمي عن مقتل 9 أشخاص وإصابة 12 آخرين في قصف "
                "القوات الحكومية العراقية على المدينة.", "2015-07-22")
    dead = [e for e in a.events if e.fatalities is not None and e.fatalities.count == 9]
    assert [e.location.name for e in dead] == ["Al Fallūjah"]



def test_the_aircraft_beside_a_battle_are_no_weapon_of_it(analyse, of_type):
    a = analyse("وشهدت كوباني ومحيطها بين أيلول وكانون الثاني معارك ضارية بين التنظيم والمقاتلين "
                "الأكراد الذين نجحوا بمؤازرة من طائرات الائتلاف الدولي بقيادة أميركية في صد هجوم "
                "التنظيم الإرهابي على المدينة.", "2015-07-23")
    assert of_type(a, "battle")
    assert all(not e.weapons for e in of_type(a, "battle"))


def test_high_explosive_is_no_explosion(analyse, of_type):
    a = analyse("وتحدث عن سقوط مئات القذائف من حواجز الحوش والمعسكر، إلى جانب صواريخ من نوع «فيل» "
                "الشديدة الانفجار التي استهدفت الزبداني.", "2015-07-25")
    assert of_type(a, "shelling") and not of_type(a, "bombing")


def test_the_party_of_a_hezbollah_article_is_hezbollah(analyse, of_type):
    a = analyse("وقال مصدر معارض إن حزب الله يحاصر الزبداني. وتابع أن الحزب «بدأ استنزاف المقاتلين "
                "المعارضين في الداخل، منذ الأربعاء، بعد السيطرة على سهل الزبداني».", "2015-07-25")
    [capture] = of_type(a, "territory_captured")
    assert names(capture, "actor1") == ["Hezbollah"]


def test_the_ruling_party_is_not_hezbollah(analyse):
    a = analyse("وقال حزب الله إنه يدعم الحكومة. وانتقد زعيم الحزب الحاكم في تركيا الحكومة "
                "اللبنانية.", "2015-08-01")
    assert not any(m.norm == "Hezbollah" and m.text == "الحزب" for m in a.mentions)




SURUC = (
    "اعلنت السلطات التركية ان شابا في العشرين هو منفذ الهجوم الانتحاري الاثنين الذي تبناه "
    "تنظيم داعش وأوقع 32 قتيلا على الاقل في سوروتش على الحدود مع سوريا، حسبما افاد مصدر "
    "رسمي امس. وصرح مسؤول تركي رفض الكشف عن هويته «نؤكد بالاستناد الى تحاليل جينية ان "
    "منفذ الهجوم رجل في العشرين من اديامان (جنوب شرق تركيا)». وأوردت الصحف التركية أن "
    "الشاب الذي أشير إليه بالأحرف الاولى من اسمه «ش أ أ» التحق بصفوف تنظيم داعش قبل شهرين "
    "فقط. وأشارت السلطات التركية الى انه فجر نفسه قبيل ظهر الاثنين في حدائق المركز "
    "الثقافي في سوروتش (جنوب) على الحدود مع سوريا وسط حشد من الشباب المؤيدين للأكراد "
    "أرادوا المشاركة في اعادة اعمار كوباني (عين العرب السورية). من جهة ثانية قال مسؤول "
    "تركي كبير امس إن تركيا سترفع الحظر على الدخول إلى تويتر وذلك بعد وقت قصير من محو "
    "موقع التدوين المصغر صورا تتعلق بهجوم انتحاري اتهمت السلطات تنظيم الدولة الإسلامية "
    "بارتكابه.")


def test_a_bombing_told_again_in_its_country_is_the_same_bombing(analyse, of_type):
    [bombing] = of_type(analyse(SURUC, "2015-07-23"), "suicide_bombing")
    assert bombing.fatalities.count == 32 and len(bombing.evidence) >= 2


@pytest.mark.parametrize("text, date, kind, actor1", [
    ("أعلن الجيش التركي مقتل ثلاثة جنود أتراك أمس الخميس حين فتح عناصر من حزب العمال "
     "الكردستاني النار على قافلة عسكرية في محافظة شرناق.", "2015-07-31", "battle",
     "PKK: Kurdistan Workers' Party"),
    ("نفذت عناصر من تنظيم داعش الإرهابي حكم الإعدام بـ19 إرهابيا من التنظيم في الفلوجة، بداعي "
     "فرارهم من مواجهات القوات الحكومية.", "2015-08-01", "attack_on_civilians", "Islamic State"),
], ids=["opened-fire", "carried-out"])
def test_fighters_of_a_group_after_a_verb_of_acting_act(analyse, of_type, text, date, kind,
                                                        actor1):
    [event] = of_type(analyse(text, date), kind)
    assert names(event, "actor1") == [actor1]


@pytest.mark.parametrize("text", [
    "كشفت التحقيقات التي تجريها السلطات القضائية العراقية في التفجير الذي نفذه تنظيم داعش في "
    "خان بني سعد، وخلف 100 قتيل و150 جريحا، تورط رجال شرطة في هذه العملية.",
    "كشفت التحقيقات التي تجريها السلطات القضائية العراقية في عملية التفجير التي نفذها تنظيم "
    "داعش في منطقة خان بني سعد، تورط رجال شرطة.",
], ids=["bombing", "bombing-operation"])
def test_the_bombing_under_investigation_is_background(analyse, of_type, text):
    [bombing] = of_type(analyse(text, "2015-07-22"), "bombing")
    assert bombing.historical


def test_a_target_named_at_length_before_the_guns_is_shelled(analyse, of_type):
    a = analyse("إلى ذلك، واصل الثوار استهداف قريتي كفريا والفوعة المواليتين لنظام الأسد شمال إدلب "
                "بالمدفعية الثقيلة.", "2015-08-03")
    assert of_type(a, "shelling")


def test_a_group_of_a_sides_members_was_abducted(analyse, of_type):
    a = analyse("خطفت جبهة النصرة، ذراع تنظيم القاعدة في سوريا، أمس، مجموعة ثانية من أعضاء "
                "الفرقة 30 مشاة قرب مدينة أعزاز.", "2015-08-06")
    [abduction] = of_type(a, "abduction_detention")
    assert names(abduction, "actor2") == ["Division 30"]



@pytest.mark.parametrize("text, date, kind, actor1", [
    ("وزاد الاستياء لدى المسؤولين الامريكيين بعد تمنع تركيا عن لعب دور كامل في التحالف. غير ان "
     "تفجيرا انتحاريا داميا في بلدة حدودية تركية نسب الى تنظيم داعش تبعته اشتباكات حدودية، جعل "
     "سياسة انقرة اكثر تشددا.", "2015-07-25", "suicide_bombing", "Islamic State"),
    ("وفي حادثة منفصلة، نُسبت أيضا إلى حزب العمال الكردستاني، قتل جندي تركي وجرح اربعة آخرون في "
     "ساعة مبكرة اليوم، عندما انفجر لغم أرضي، بينما كانت قافلة عسكرية تمر على طريق في مدينة "
     "مديات.", "2015-08-02", "bombing", "PKK: Kurdistan Workers' Party"),
], ids=["laid-at-isis", "laid-at-pkk"])
def test_the_group_a_deed_is_laid_at_did_it(analyse, of_type, text, date, kind, actor1):
    [event] = of_type(analyse(text, date), kind)
    assert names(event, "actor1") == [actor1]


def test_a_campaign_begun_weeks_ago_is_background(analyse, of_type):
    a = analyse("وبدأت قوات النظام و”حزب الله” اللبناني في الرابع من تموز/يوليو هجوما على مدينة "
                "الزبداني، آخر مدينة في المنطقة الحدودية مع لبنان لا تزال بيد المعارضة.",
                "2015-07-21")
    [battle] = of_type(a, "battle")
    assert battle.historical


def test_an_attack_begun_days_ago_is_news(analyse, of_type):
    a = analyse("وبدأت قوات النظام و”حزب الله” اللبناني قبل ثلاثة أيام هجوما على مدينة "
                "الزبداني، آخر مدينة في المنطقة الحدودية مع لبنان لا تزال بيد المعارضة.",
                "2015-07-21")
    [battle] = of_type(a, "battle")
    assert not battle.historical


@pytest.mark.parametrize("text", [
    "وأكد أردوغان أن تنظيم داعش وحزب العمال الكردستاني وتنظيم حزب تحرير الشعب الثوري كلها "
    "تنظيمات إرهابية سنتخذ كافة التدابير اللازمة تجاهها.",
    "ودارت اشتباكات بين قوات النظام وجيش التحرير الفلسطيني من جهة والفصائل من جهة أخرى.",
], ids=["party", "army"])
def test_liberation_in_a_name_is_no_capture(analyse, of_type, text):
    assert not of_type(analyse(text, "2015-07-25"), "territory_captured")
