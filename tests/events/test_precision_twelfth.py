"""Twelfth round of the detector (dev3-dev5): one report of aircraft and guns is two events."""

from __future__ import annotations


def test_barrel_bombs_and_artillery_in_one_report_are_a_strike_and_a_shelling(analyse):
    a = analyse("وتعرضت بلدة بنش أمس لقصف بالبراميل المتفجرة وقذائف المدفعية، ما أدى إلى "
                "مقتل 4 مدنيين.")
    by_type = {e.type: e for e in a.events}
    assert sorted(by_type) == ["air_strike", "shelling"]
    assert [w.category for w in by_type["air_strike"].weapons] == ["barrel bomb"]
    assert [w.category for w in by_type["shelling"].weapons] == ["artillery"]
    # the toll is told once: it stays with the event the trigger made, not on both
    assert [e.fatalities.count for e in a.events if e.fatalities] == [4]
    assert by_type["air_strike"].location == by_type["shelling"].location


def test_guns_alone_stay_one_shelling(analyse, types):
    a = analyse("وقصفت قوات النظام بلدة بنش أمس بالمدفعية الثقيلة، ما أدى إلى مقتل 4 مدنيين.")
    assert types(a) == ["shelling"]


def test_fighting_at_a_named_checkpoint_the_gazetteer_lacks_is_one_clash(analyse, types):
    a = analyse("كما دارت اشتباكات عنيفة بين قوات النظام والفصائل المقاتلة في محيط حاجز "
                "الزلاقيات بريف حماة الشمالي.")
    assert types(a) == ["battle"]
    b = analyse("كما دارت اشتباكات عنيفة بين قوات النظام والفصائل المقاتلة في ريف حماة "
                "الشمالي.")
    assert types(b) == []  # fighting over a whole countryside, no day: a campaign


def test_a_target_hit_with_a_rigged_motorcycle_is_a_bombing(analyse, types):
    a = analyse("واستهدف تنظيم داعش بدراجة نارية مفخخة حاجزا للقوات الكردية في مدخل مدينة "
                "رأس العين أمس.")
    assert types(a) == ["bombing"]
    b = analyse("واستهدف هجوم انتحاري بسيارة مفخخة حاجزا للقوات الكردية في مدينة رأس العين "
                "أمس.")
    assert types(b) == ["suicide_bombing"]


def test_women_demonstrating_and_arms_taken_are_events(analyse, types):
    a = analyse("وتظاهرت نساء من بلدة مضايا أمس أمام مقر الأمم المتحدة في دمشق.")
    assert types(a) == ["protest"]
    b = analyse("وأعلن مقاتلو المعارضة أمس السيطرة على حاجز الصياد قرب بلودان واغتنام ما فيه "
                "من أسلحة وذخائر.")
    assert "weapons_seizure" in types(b)


def test_afp_opposition_fighters_are_the_rebel_actor(analyse, of_type):
    a = analyse("وسيطر المقاتلون المعارضون أمس على بلدة بنش في ريف إدلب.")
    [capture] = of_type(a, "territory_captured")
    assert capture.actors[0].name == "Syrian opposition armed groups"
    assert capture.actors[0].role == "actor1"
