import tomllib
from importlib import resources

import pytest

from marsad.errors import TaxonomyError
from marsad.events.taxonomy import interaction_code, load_taxonomy, parse_taxonomy
from marsad.model import AcledType

REQUIRED = {"battle", "territory_captured", "withdrawal", "air_strike", "shelling", "bombing",
            "suicide_bombing", "attack_on_civilians", "abduction_detention", "weapons_seizure",
            "arms_supply", "deployment", "protest", "ceasefire_agreement", "aid_delivery",
            "other"}


def raw_taxonomy():
    text = resources.files("marsad").joinpath("resources", "taxonomy.toml").read_text("utf-8")
    return tomllib.loads(text)


def test_every_project_type_has_both_languages_and_an_acled_mapping():
    taxonomy = load_taxonomy()
    assert set(taxonomy.ids) == REQUIRED
    for kind in taxonomy.types.values():
        assert kind.label and kind.description and kind.label_ar and kind.description_ar
        assert any("\u0600" <= ch <= "\u06ff" for ch in kind.description_ar)
        assert kind.acled.sub_event_type in taxonomy.acled_event_types[kind.acled.event_type]


def test_acled_has_six_types_and_25_sub_types_each_covered_once():
    taxonomy = load_taxonomy()
    assert len(taxonomy.acled_event_types) == 6
    assert len(taxonomy.acled_sub_event_types) == 25
    assert set(taxonomy.acled_covered_by) == set(taxonomy.acled_sub_event_types)
    assert set(taxonomy.acled_covered_by.values()) <= REQUIRED


def test_weapons_seizure_follows_the_contract_example():
    kind = load_taxonomy().get("weapons_seizure")
    assert kind.acled == AcledType("Strategic developments", "Looting/property destruction")
    assert kind.plover == "SEIZE"


def test_rules_pick_the_acled_sub_event_from_actor1():
    taxonomy = load_taxonomy()
    capture = taxonomy.get("territory_captured")
    assert capture.acled_for().sub_event_type == "Non-state actor overtakes territory"
    assert capture.acled_for({"actor1_state"}).sub_event_type == "Government regains territory"
    assert capture.acled_for({"no_fighting", "actor1_state"}).sub_event_type == \
        "Non-violent transfer of territory"
    detention = taxonomy.get("abduction_detention")
    assert detention.acled_for({"actor1_state"}) == AcledType("Strategic developments",
                                                               "Arrests")
    assert detention.plover_for({"actor1_state"}) == ("COERCE", "arrest")
    assert detention.plover_for() == ("ASSAULT", "abduct")


def test_unknown_type_names_the_valid_ones():
    with pytest.raises(TaxonomyError, match="battle, territory_captured"):
        load_taxonomy().get("massacre")


def test_inter_codes_one_to_eight_and_interaction_codes():
    taxonomy = load_taxonomy()
    assert sorted(taxonomy.inter) == list(range(1, 9))
    assert taxonomy.inter[8].name == "External/Other forces"
    assert interaction_code(2, 1) == 12
    assert interaction_code(1, 2) == 12
    assert interaction_code(7, 2) == 27
    assert interaction_code(6) == 60
    assert interaction_code(None, 3) == 30
    assert interaction_code(None, None) is None
    with pytest.raises(TaxonomyError):
        interaction_code(9, 1)


def test_a_mapping_to_a_sub_type_of_another_acled_type_is_refused():
    data = raw_taxonomy()
    data["types"]["battle"]["acled"] = ["Battles", "Air/drone strike"]
    with pytest.raises(TaxonomyError, match=r"types\.battle"):
        parse_taxonomy(data)


def test_a_sub_type_left_uncovered_is_refused():
    data = raw_taxonomy()
    del data["acled"]["covered_by"]["Grenade"]
    with pytest.raises(TaxonomyError, match="covered_by"):
        parse_taxonomy(data)


def test_a_taxonomy_file_can_replace_the_packaged_one(tmp_path):
    path = tmp_path / "t.toml"
    path.write_text("not = [valid", encoding="utf-8")
    with pytest.raises(TaxonomyError, match="not valid TOML"):
        load_taxonomy(path)
    with pytest.raises(TaxonomyError, match="cannot read"):
        load_taxonomy(tmp_path / "missing.toml")
