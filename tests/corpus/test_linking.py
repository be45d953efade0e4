import random
from dataclasses import replace

import numpy as np
import pytest

from marsad.config import load_config, merge
from marsad.corpus.event_types import TypeTable
from marsad.corpus.incidents import link_events
from marsad.corpus.link_features import link_event
from marsad.corpus.pair_scores import LinkRules, rule_out
from marsad.errors import ConfigError
from marsad.model import Span
from marsad.registry import Services

REGIME, CIVILIANS, IS = "Military Forces of Syria", "Civilians (Syria)", "Islamic State"
SHAAR_12 = "قتل 12 مدنيا في غارة جوية لطيران النظام على حي الشعار في مدينة حلب صباح الثلاثاء"
SHAAR_15 = "ارتفع عدد ضحايا الغارة التي شنها طيران النظام على حي الشعار بحلب إلى 15 قتيلا"
BAB_CLASH = "اشتباكات عنيفة بين فصائل المعارضة وقوات النظام على أطراف حي الشيخ سعيد"
DEIR = "قصف جوي استهدف سوقا شعبية في مدينة دير الزور وأوقع عشرات الضحايا"


def link(events, texts=None, **kwargs):
    """Link events whose evidence is the whole of their text (``texts``: event id → text)."""
    texts = texts or {}
    full = {}
    whole = []
    for e in events:
        text = texts.get(e.id, f"خبر {e.id} عن حادثة في سوريا")
        full[e.article_id] = (None, text)
        whole.append(replace(e, evidence=(Span(0, len(text)),)))
    events = whole
    kwargs.setdefault("use_embeddings", False)
    incidents, _stats = link_events(events, full, **kwargs)
    return incidents


def groups(incidents):
    return sorted(sorted(i.event_ids) for i in incidents)


def test_same_strike_with_different_tolls_is_one_incident_with_a_dispute(make_event):
    a = make_event("e1", perpetrator=REGIME, target=CIVILIANS, killed=12, outlet="Orient Net",
                   sources=(("observers", "Syrian Observatory for Human Rights"),))
    b = make_event("e2", perpetrator=REGIME, target=CIVILIANS, killed=15, outlet="Enab Baladi")
    (incident,) = link([a, b], {"e1": SHAAR_12, "e2": SHAAR_15})
    assert incident.event_ids == ("e1", "e2")
    assert incident.outlets == ("Enab Baladi", "Orient Net")
    assert incident.corroboration.independent_outlets == 2
    (toll,) = [d for d in incident.disputes if d.field == "fatalities"]
    assert [(v.value, v.sources, v.event_ids) for v in toll.values] == [
        (12, ("Orient Net (Syrian Observatory for Human Rights)",), ("e1",)),
        (15, ("Enab Baladi",), ("e2",)),
    ]
    assert incident.type == "air_strike" and incident.date.value.isoformat() == "2015-07-21"


def test_same_day_same_city_different_types_stay_apart(make_event):
    strike = make_event("e1", perpetrator=REGIME, killed=12)
    clash = make_event("e2", kind="armed_clash", perpetrator=REGIME, killed=12,
                       outlet="Outlet B")
    assert groups(link([strike, clash], {"e1": SHAAR_12, "e2": BAB_CLASH})) == [["e1"], ["e2"]]
    bomb = make_event("e3", kind="suicide_bomb", killed=12, outlet="Outlet C")
    rules = LinkRules.from_config(load_config())
    assert "types" in rule_out(rules, link_event(strike), link_event(bomb))


def test_places_300_km_apart_stay_apart(make_event):
    aleppo = make_event("e1", perpetrator=REGIME, killed=20)
    deir = make_event("e2", perpetrator=REGIME, killed=20, place=(35.336, 40.146),
                      place_name="Deir ez-Zor", admin1="Deir ez-Zor", outlet="Outlet B")
    assert groups(link([aleppo, deir], {"e1": DEIR, "e2": DEIR})) == [["e1"], ["e2"]]
    rules = LinkRules.from_config(load_config())
    assert "km apart" in rule_out(rules, link_event(aleppo), link_event(deir))


def test_region_level_place_joins_only_inside_its_region_and_with_strong_evidence(make_event):
    town = make_event("e1", perpetrator=REGIME, target=CIVILIANS, killed=12)
    region = dict(place=(36.25, 37.6167), geo=3, place_name="Aleppo governorate",
                  outlet="Outlet B")
    strong = make_event("e2", perpetrator=REGIME, target=CIVILIANS, killed=12, **region)
    weak = make_event("e3", killed=40, **{**region, "outlet": "Outlet C"})
    elsewhere = make_event("e4", perpetrator=REGIME, target=CIVILIANS, killed=12,
                           **{**region, "admin1": "Idlib", "outlet": "Outlet D"})
    texts = {"e1": SHAAR_12, "e2": SHAAR_15, "e3": DEIR, "e4": SHAAR_15}
    assert groups(link([town, strong], texts)) == [["e1", "e2"]]
    assert groups(link([town, weak], texts)) == [["e1"], ["e3"]]
    assert groups(link([town, elsewhere], texts)) == [["e1"], ["e4"]]
    rules = LinkRules.from_config(load_config())
    assert "regions" in rule_out(rules, link_event(town), link_event(elsewhere))


def test_two_events_of_one_article_never_merge(make_event):
    a = make_event("e1", article="ar_1", killed=5)
    b = make_event("e2", article="ar_1", killed=5, evidence=(50, 90))
    c = make_event("e3", killed=5, outlet="Outlet B")
    incidents = link([a, b, c], {"e1": SHAAR_12, "e2": SHAAR_12, "e3": SHAAR_12})
    assert not any({"e1", "e2"} <= set(inc.event_ids) for inc in incidents)


def test_neighbouring_towns_across_a_border_stay_apart(make_event):
    suruc = make_event("e1", kind="suicide_bomb", place=(36.976, 38.425), country="TR",
                       admin1="Şanlıurfa", place_name="Suruç", killed=2)
    kobani = make_event("e2", kind="suicide_bomb", place=(36.891, 38.353), country="SY",
                        admin1="Aleppo", place_name="Kobani", killed=2, outlet="Outlet B")
    assert groups(link([suruc, kobani], {"e1": SHAAR_12, "e2": SHAAR_12})) == [["e1"], ["e2"]]


def test_date_slack_follows_precision(make_event):
    rules = LinkRules.from_config(load_config())
    day1 = link_event(make_event("e1", day="2015-07-21"))
    day3 = link_event(make_event("e2", day="2015-07-23", outlet="Outlet B"))
    days = link_event(make_event("e3", day="2015-07-20", until="2015-07-22", precision=2,
                                 outlet="Outlet C"))
    assert "dates 2 days apart" in rule_out(rules, day1, day3)
    assert rule_out(rules, days, day3) is None  # one day past a few-days window: allowed


def test_chains_do_not_join_events_that_are_ruled_out(make_event):
    west = make_event("e1", place=(36.20, 37.00), place_name="West", killed=9)
    middle = make_event("e2", place=(36.20, 37.15), geo=2, place_name="Middle", killed=9,
                        outlet="Outlet B")
    east = make_event("e3", place=(36.20, 37.30), place_name="East", killed=9,
                      outlet="Outlet C")
    text = {"e1": SHAAR_12, "e2": SHAAR_12, "e3": SHAAR_12}
    found = groups(link([west, middle, east], text))
    assert len(found) == 2
    assert not any({"e1", "e3"} <= set(g) for g in found)


def test_unknown_perpetrator_on_one_side_is_allowed(make_event):
    claimed = make_event("e1", kind="suicide_bomb", perpetrator=IS, target=CIVILIANS, killed=30)
    unclaimed = make_event("e2", kind="explosion", target=CIVILIANS, killed=30,
                           outlet="Outlet B")
    texts = {"e1": "تبنى تنظيم داعش الهجوم الانتحاري على المركز الثقافي في سروج",
             "e2": "انفجار في المركز الثقافي في بلدة سروج يوقع 30 قتيلا"}
    assert groups(link([claimed, unclaimed], texts)) == [["e1", "e2"]]


def test_different_perpetrators_and_targets_are_ruled_out(make_event):
    rules = LinkRules.from_config(load_config())
    a = link_event(make_event("e1", perpetrator=IS, target=CIVILIANS))
    b = link_event(make_event("e2", perpetrator=REGIME, target="Syrian rebels",
                              outlet="Outlet B"))
    assert rule_out(rules, a, b) == "different perpetrators and targets"


def test_copied_wire_text_counts_as_one_independent_outlet(make_event):
    wire = "قتل 12 مدنيا في غارة جوية لطيران النظام على حي الشعار في مدينة حلب صباح اليوم"
    events = [make_event(f"e{i}", killed=12, outlet=o)
              for i, o in enumerate(("Outlet A", "Outlet B", "Outlet C"), 1)]
    (incident,) = link(events, {"e1": wire, "e2": wire, "e3": SHAAR_15})
    assert incident.outlets == ("Outlet A", "Outlet B", "Outlet C")
    assert incident.corroboration.independent_outlets == 2
    assert incident.corroboration.copied_outlets == (("Outlet A", "Outlet B"),)


def test_result_and_ids_do_not_depend_on_input_order(make_event):
    events = [make_event(f"e{i}", killed=12 + i % 2, outlet=f"Outlet {i}") for i in range(6)]
    events += [make_event(f"d{i}", place=(35.336, 40.146), place_name="Deir", outlet=f"O{i}")
               for i in range(3)]
    texts = {e.id: SHAAR_12 if e.id.startswith("e") else DEIR for e in events}
    first = [(i.id, i.event_ids) for i in link(events, texts)]
    shuffled = events[:]
    random.Random(7).shuffle(shuffled)
    assert [(i.id, i.event_ids) for i in link(shuffled, texts)] == first
    assert len(first) == 2


def test_events_without_date_or_publication_stay_alone(make_event):
    a = replace(make_event("e1"), date=None, published=None)
    b = make_event("e2", outlet="Outlet B")
    assert groups(link([a, b], {"e1": SHAAR_12, "e2": SHAAR_12})) == [["e1"], ["e2"]]


class FakeEmbedder:
    """Deterministic bag-of-character-trigram vectors (no model in unit tests)."""

    def __init__(self):
        self.texts = []

    def embed(self, texts):
        self.texts.extend(texts)
        out = np.zeros((len(texts), 64), dtype=np.float32)
        for row, text in enumerate(texts):
            for i in range(len(text) - 2):
                out[row, hash(text[i:i + 3]) % 64] += 1
        return out


def test_embeddings_are_computed_only_for_undecided_pairs(make_event):
    fake = FakeEmbedder()
    services = Services(embedder=fake)
    wire = "قتل 12 مدنيا في غارة جوية لطيران النظام على حي الشعار في مدينة حلب صباح اليوم"
    copies = [make_event("e1", killed=12), make_event("e2", killed=12, outlet="Outlet B")]
    _, stats = link_events(copies, {e.article_id: (None, wire) for e in copies},
                           services=services)
    assert stats.embedded_texts == 0 and fake.texts == []  # a copied text decides alone
    unsure = [make_event("u1", killed=12, place=None),
              make_event("u2", kind="shelling", killed=30, outlet="Outlet B")]
    texts = {"ar_u1": ("غارة على حلب", SHAAR_12), "ar_u2": ("قصف على حلب", SHAAR_15)}
    _, stats = link_events(unsure, texts, services=services)
    assert stats.embedded_texts == 2 and len(fake.texts) == 2


def test_type_table_matches():
    table = TypeTable.from_config(load_config()["incidents"]["types"])
    assert table.match("air_strike", "air_strike") == "same"
    assert table.match("air_strike", "shelling") == "confusable"
    assert table.match("explosion", "suicide_bomb") == "generic"
    assert table.match("attack", "armed_clash") == "generic"
    assert table.match("air_strike", "suicide_bomb") is None
    assert table.match("air_strike", "arrest") is None
    assert table.match("mystery", "enigma") is None
    assert table.match("mystery", "Mystery") == "same"
    assert table.families_of("sniping", "Battles") == {"battle"}


def test_every_taxonomy_code_has_a_family_and_aliases_are_specific():
    """events.v1's codes (resources/taxonomy.toml) map onto the linker's types."""
    from marsad.events.taxonomy import load_taxonomy

    table = TypeTable.from_config(load_config()["incidents"]["types"])
    taxonomy = load_taxonomy()
    for code in taxonomy.ids:
        acled = taxonomy.get(code).acled.event_type
        assert not table.families_of(code, acled) & {f"type:{code}"}, code
    # taxonomy `battle` and `bombing` are specific codes, not the old generic types
    assert table.match("bombing", "air_strike") is None
    assert table.match("bombing", "car_bomb") == "confusable"
    assert table.match("bombing", "explosion") == "generic"
    assert table.match("battle", "armed_clash") == "same"
    assert table.match("battle", "territory_captured") == "confusable"
    assert table.match("suicide_bombing", "bombing") == "confusable"
    assert table.match("suicide_bombing", "suicide_bomb") == "same"
    assert not table.is_generic("battle") and table.is_generic("explosion")


def test_bad_settings_are_clear_errors():
    with pytest.raises(ConfigError, match=r"unknown setting \[incidents\] link_scor"):
        LinkRules.from_config(merge(load_config(), {"incidents": {"link_scor": 1}}))
    with pytest.raises(ConfigError, match=r"incidents\.weights"):
        LinkRules.from_config(merge(load_config(), {"incidents": {"weights": {"x": 1}}}))
    with pytest.raises(ConfigError, match="cosine_ceiling"):
        LinkRules.from_config(merge(load_config(), {"incidents": {"cosine_ceiling": 0.1}}))
