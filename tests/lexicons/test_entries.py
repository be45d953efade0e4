import pytest

from marsad.errors import ConfigError
from marsad.lexicons.entries import load_actors, load_peoples, load_site_rules, load_weapons
from marsad.ner.features import fold


def test_shipped_lexicons_load_with_what_consumers_need():
    actors = {a.id: a for a in load_actors()}
    isis = actors["isis"]
    assert isis.name == "Islamic State" and isis.attrs["inter"] == 2
    assert {"تنظيم الدولة", "داعش", "الدولة الإسلامية"} <= set(isis.aliases)
    assert {r.alias for r in isis.context} >= {"الدولة", "التنظيم"}
    for required in ("syria-military", "ndf", "syria-4th-division", "russia-military",
                     "iran-irgc", "turkey-military", "global-coalition", "hezbollah", "sdf",
                     "ypg", "fsa", "hts", "jabhat-al-nusra", "jabhat-fateh-al-sham",
                     "jaysh-al-islam", "ahrar-al-sham", "iraq-military", "pmf", "iraq-cts",
                     "peshmerga", "civilians", "protesters"):
        assert required in actors, required
    assert all(1 <= a.attrs["inter"] <= 8 for a in actors.values())
    weapons = {w.id: w for w in load_weapons()}
    assert weapons["9k333-verba"].attrs == {"weapon_id": "9k333-verba", "category": "MANPADS"}
    assert "سام 7" in weapons["9k32-strela-2"].aliases
    for required in ("9m133-kornet", "bgm-71-tow", "t-72", "bm-21-grad", "barrel-bomb",
                     "sarin", "chlorine", "vbied", "su-24", "mig-23", "drone"):
        assert required in weapons, required


def test_no_alias_points_at_two_entries():
    seen = {}
    for entry in [*load_actors(), *load_weapons()]:
        for alias in (*entry.aliases, *entry.latin):
            key = " ".join(fold(w) for w in alias.split())
            assert seen.setdefault(key, entry.id) == entry.id, (alias, seen[key], entry.id)


def test_peoples_generate_nisba_forms_but_not_excluded_ones():
    syrian = {p.id: p for p in load_peoples()}["syrian"]
    assert {"سوري", "السورية", "السوريين", "سوريون"} <= set(syrian.aliases)
    assert "سورية" not in syrian.aliases  # that is the country


def test_site_rules_load():
    rules = load_site_rules()
    assert "مطار" in rules.heads and "العسكري" in rules.trailing


@pytest.mark.parametrize("body, message", [
    ('[[actor]]\nid="x"\nname="X"\nkind="ORG"\ninter=9\naliases=["س"]', "inter must be"),
    ('[[actor]]\nid="x"\nname="X"\nkind="GANG"\ninter=2\naliases=["س"]', "kind 'GANG'"),
    ('[[actor]]\nid="x"\nkind="ORG"\ninter=2\naliases=["س"]', "missing 'name'"),
    ('[[actor]]\nid="x"\nname="X"\nkind="ORG"\ninter=2\naliases="س"', "list of non-empty"),
    ('[[actor]\n', "not valid TOML"),
])
def test_bad_lexicon_files_name_the_entry_and_the_problem(tmp_path, body, message):
    path = tmp_path / "actors.toml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        load_actors(path)
