"""Common weapon words of strikes and killings reach the event («مقاتلات تركية»,
«بالصواريخ», «طلقات نارية», «الشاحنة المفخخة»)."""

from __future__ import annotations

import pytest


def weapons(article, etype):
    return [(w.name, w.text) for e in article.events if e.type == etype for w in e.weapons]


@pytest.mark.parametrize(("text", "etype", "expected"), [
    ("نفذت مقاتلات تركية أمس غارات على مواقع حزب العمال الكردستاني في منطقة قنديل.",
     "air_strike", ("warplane (unspecified)", "مقاتلات تركية")),
    ("قصفت قوات النظام بالصواريخ بلدة داريا أمس.", "shelling",
     ("rocket (unspecified)", "الصواريخ")),
    ("انفجرت الشاحنة المفخخة في سوق بلدة خان بني سعد أمس.", "bombing",
     ("VBIED (car bomb)", "الشاحنة المفخخة")),
])
def test_weapon_words(analyse, text, etype, expected):
    assert expected in weapons(analyse(text, published="2015-07-25"), etype)


def test_women_fighters_are_no_aircraft(analyse):
    a = analyse("قالت مقاتلات وحدات حماية المرأة إنهن سيطرن على قرية في ريف الحسكة أمس.",
                published="2015-07-25")
    assert not any(w.name == "warplane (unspecified)" for e in a.events for w in e.weapons)
