"""Seventeenth round: arguments read from the tuning parts' errors (tolls, ...)."""

from __future__ import annotations

from marsad.model import Quantity
from marsad.quantities.find import find_quantities, unnumbered


def test_a_withdrawal_or_an_arrest_has_no_toll_of_its_own(analyse, dead):
    a = analyse("وقتلت فصائل المعارضة 15 عنصراً من التنظيم أمس وأجبرت الأخير على الانسحاب "
                "إلى قرية أم القرى.")
    assert ("withdrawal", None) in dead(a)
    b = analyse("ونجحت مجموعة عسكرية أميركية أمس بقتل أبو سياف، القيادي في تنظيم داعش، "
                "واعتقال آخرين في دير الزور.")
    assert ("abduction_detention", None) in dead(b)


def test_a_number_of_dead_without_a_figure_is_no_toll(analyse, dead):
    a = analyse("واستهدفت الفصائل آلية لقوات النظام في ريف حماة أمس مما أدى إلى إعطابها "
                "وقتل عدد من عناصر القوات النظامية.")
    assert [d for _, d in dead(a)] == [None]
    # (a figure is still read)
    b = analyse("واستهدفت الفصائل آلية لقوات النظام في ريف حماة أمس مما أدى إلى إعطابها "
                "وقتل 12 عنصرا من القوات النظامية.")
    assert [d[0] for _, d in dead(b) if d] == [12]


def test_unnumbered_counts():
    text = "قتل عدد من العناصر وأصيب العديد من المدنيين وقتل 12 جنديا وعشرات المسلحين"
    found = {q.text: unnumbered(q) for q in find_quantities(text)}
    assert found == {"عدد من العناصر": True, "العديد من المدنيين": True, "12 جنديا": False,
                     "عشرات المسلحين": False}
    assert not unnumbered(Quantity(count=1))


def actors(event):
    return [(a.role, a.name) for a in event.actors]


def test_a_clause_after_the_trigger_has_its_own_subject(analyse, of_type):
    a = analyse("وتعرضت محافظة حلب لقصف الطيران المروحي بالبراميل المتفجرة قرية رسم العبود بريف "
                "حلب الشرقي، في حين استهدفت الفصائل المقاتلة مواقع قوات النظام في محيط حي "
                "الخالدية بمدينة حلب.")
    [strike] = of_type(a, "air_strike")
    assert actors(strike) == [("actor1", "Military Forces of Syria")]


def test_unless_it_counts_the_victims_or_reports_the_same_event(analyse, of_type):
    a = analyse("وغنم مقاتلو جيش الفتح دبابتين في إدلب أمس، فيما قتل 7 من عناصر قوات النظام.")
    [seizure] = of_type(a, "weapons_seizure")
    assert ("actor2", "Military Forces of Syria") in actors(seizure)
    b = analyse("واندلعت اشتباكات عنيفة في مدينة الزبداني أمس، فيما قال ناشطون إن قوات النظام "
                "وحزب الله تحاول التقدم في المدينة.")
    [battle] = of_type(b, "battle")
    assert ("actor1", "Military Forces of Syria") in actors(battle)


def test_aircraft_before_a_short_name_of_the_actor_is_the_weapon(analyse, of_type):
    a = analyse("قصفت طائرات التحالف الدولي مواقع التنظيم في الرقة أمس. ونفذت طائرات التحالف "
                "غارات على مواقع لتنظيم داعش في ريف حلب الشمالي اليوم.")
    second = of_type(a, "air_strike")[-1]
    assert [(w.name, w.text) for w in second.weapons] == [
        ("warplane (unspecified)", "طائرات التحالف")]
    assert a.text[second.weapons[0].span.start:second.weapons[0].span.end] == "طائرات التحالف"


def test_the_side_that_withdrew_is_actor1(analyse, of_type):
    # (a withdrawal beside a capture is implied by it, no event: round 26)
    a = analyse("وشنت الفصائل الإسلامية هجوما عنيفا على بلدة القرقور أجبروا خلاله قوات النظام "
                "على الانسحاب إلى سهل الغاب.")
    [out] = of_type(a, "withdrawal")
    assert actors(out)[0] == ("actor1", "Military Forces of Syria")
    b = analyse("وأشار داود إلى أن القوات الأمنية أحرزت تقدما باتجاه منطقة البوفراج شمال شرقي "
                "الرمادي وأجبر هذا التقدم عناصر تنظيم داعش على الانسحاب من المنطقة.")
    [out] = of_type(b, "withdrawal")
    assert actors(out) == [("actor1", "Islamic State"), ("actor2", "Military Forces of Iraq")]
    # (named again right after the verb, after a first mention as the ones killed)
    c = analyse("وتدخل طيران التحالف الدولي وتمكن من قتل 18 عنصرا من الدواعش وانسحب عناصر "
                "التنظيم إلى مركز الكرمة أمس.")
    [out] = of_type(c, "withdrawal")
    assert actors(out)[0] == ("actor1", "Islamic State")


def test_the_civilians_killed_or_taken_after_the_subject(analyse, of_type):
    a = analyse("وأعدم تنظيم داعش أمس تسعة من سائقي سيارات الأجرة وسط الموصل.")
    [killing] = of_type(a, "attack_on_civilians")
    assert actors(killing) == [("actor1", "Islamic State"), ("actor2", "Civilians")]
    assert killing.actors[1].text == "تسعة من سائقي"
    b = analyse("واختطف مسلحون مجهولون 30 رجلا في بلدة خان بني سعد أمس.")
    [taken] = of_type(b, "abduction_detention")
    assert [(x.role, x.text) for x in taken.actors] == [("actor2", "30 رجلا")]


def test_the_observatorys_militias_loyal_to_the_regime(analyse, of_type):
    a = analyse("ودارت اشتباكات عنيفة بين قوات النظام والمسلحين الموالين لها من جهة والفصائل "
                "الإسلامية من جهة أخرى في ريف حماة أمس.")
    [battle] = of_type(a, "battle")
    assert ("associated", "Pro-Government Militias (Syria)") in actors(battle)


def test_a_strike_alongside_clashes_does_not_take_their_sides(analyse, of_type):
    a = analyse("وفي حلب، اندلعت اشتباكات عنيفة بين قوات المعارضة من جهة، وقوات النظام من جهة "
                "أخرى، في حندرات، تزامناً مع قصف بالبراميل على قريتي حريتان وحيان.")
    strikes = of_type(a, "air_strike")
    assert strikes and all(actors(s) == [("actor1", "Military Forces of Syria")]
                           for s in strikes)
    assert ("actor1", "Syrian opposition armed groups") in actors(of_type(a, "battle")[0])
