"""Sixth-round rules of the event detector, from reading its output on unlabelled
articles: words of a trigger type used in another sense, plans and warrants, statistics
over a period, and reports of one bombing that must merge (or must not)."""

from __future__ import annotations


def types(article):
    return sorted(e.type for e in article.events)


def test_dropping_food_or_leaflets_is_no_strike(analyse):
    a = analyse("تحاصر فصائل المعارضة بلدة نبل منذ عامين، وتقوم طائرات النظام بإلقاء "
                "سلال غذائية للسكان من الجو.")
    assert "air_strike" not in types(a)
    b = analyse("ألقت الطائرات المروحية براميل متفجرة على بلدة داريا أمس.")
    assert types(b) == ["air_strike"]


def test_heroes_objections_and_cells_are_no_other_events(analyse):
    a = analyse("قال المقاتل إنهم كانوا يظنون أن القادمين أبطال جاؤوا لحمايتهم في الرقة.")
    assert "other" not in types(a)
    b = analyse("أعلنت الشرطة تفكيك خلية تابعة للتنظيم في مدينة كركوك أمس.")
    assert "other" not in types(b)
    c = analyse("تمكنت فرق الهندسة من تفكيك عبوة ناسفة في مدينة كركوك أمس.")
    assert types(c) == ["other"]
    d = analyse("تحطمت طائرة حربية تابعة للنظام في مدينة أريحا أمس.")
    assert types(d) == ["other"]


def test_an_exchange_of_fire_is_a_battle(analyse):
    a = analyse("وقع تبادل لإطلاق النار يوم الخميس قرب بلدة كلس بين الجيش التركي ومقاتلي "
                "تنظيم داعش.", published="2015-07-24")
    assert types(a) == ["battle"]


def test_plans_and_warrants_are_no_events(analyse):
    a = analyse("اتهمت الشرطة الشاب بالتخطيط لتفجيرات في مدينة بغداد الأسبوع المقبل.")
    assert "bombing" not in types(a)
    b = analyse("أصدرت محكمة في أنقرة أمس مذكرة باعتقال 40 متهما بالانتماء للتنظيم.")
    assert "abduction_detention" not in types(b)


def test_statistics_over_a_period_are_no_events(analyse):
    a = analyse("وشنت القوات التركية غارات جوية على مواقع الحزب في شمال العراق أسفرت عن "
                "مقتل 200 مسلح في نفس الفترة.")
    assert "air_strike" not in types(a)
    b = analyse("ونفذ التنظيم في الآونة الأخيرة سلسلة من التفجيرات في بغداد ومحافظات "
                "أخرى.")
    assert "bombing" not in types(b)
