"""Fourteenth round of the detector: civilians are never a side of a battle or a capture."""

from __future__ import annotations


def _actors(event):
    return [(a.role, a.name) for a in event.actors]


def test_civilians_are_no_side_of_a_capture_or_a_battle(analyse):
    a = analyse("وسيطر تنظيم داعش أمس على بلدة القريتين في ريف حمص بعد أن قتل عدداً من "
                "المدنيين.")
    assert [_actors(e) for e in a.events] == [[("actor1", "Islamic State")]]
    b = analyse("ودارت اشتباكات أمس بين قوات النظام ومسلحين في حي جوبر أسفرت عن مقتل ثلاثة "
                "مدنيين.")
    assert [_actors(e) for e in b.events] == [[("actor1", "Military Forces of Syria")]]


def test_civilians_stay_the_target_of_shelling(analyse):
    a = analyse("وقتل خمسة مدنيين في قصف لقوات النظام على بلدة كفرنبل أمس.")
    assert [sorted(_actors(e)) for e in a.events] == [
        [("actor1", "Military Forces of Syria"), ("actor2", "Civilians")]]
