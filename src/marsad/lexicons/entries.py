"""Lexicon entries (actors, weapons, peoples, site heads) and their TOML loaders.

The curated files live in ``marsad/resources/lexicons/`` with their sources noted at the
top of each file. Loaders check every field and say which entry is wrong.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from marsad.config import read_toml
from marsad.errors import ConfigError

ACTOR_KINDS = ("ORG", "ARMED_GROUP", "MILITARY_UNIT", "NORP")


@dataclass(frozen=True)
class ContextRule:
    """When an ambiguous alias (الدولة, التنظيم) counts as a mention of its entry."""

    alias: str
    needs_article_alias: bool = True
    preceded_by: tuple[str, ...] = ()
    quoted: bool = False
    not_followed_by: tuple[str, ...] = ()
    # entries whose naming licenses the alias as well («طيران التحالف» in an article on
    # the Islamic State), unless one of ``unless_named`` is named
    or_named: tuple[str, ...] = ()
    unless_named: tuple[str, ...] = ()


@dataclass(frozen=True)
class Entry:
    """One lexicon entry: what a hit becomes (kind, norm, attrs) and how it is written."""

    id: str
    name: str
    kind: str
    aliases: tuple[str, ...]
    latin: tuple[str, ...] = ()
    attrs: dict[str, Any] = field(default_factory=dict)
    context: tuple[ContextRule, ...] = ()


@dataclass(frozen=True)
class SiteRules:
    """Head words that make a following name a facility (مطار كويرس, حقل الشاعر)."""

    heads: tuple[str, ...]
    stop: tuple[str, ...]
    trailing: tuple[str, ...]
    numbered_heads: tuple[str, ...] = ()


def lexicon_path(name: str) -> Path:
    return Path(str(resources.files("marsad").joinpath("resources", "lexicons", name)))


def _strings(item: dict[str, Any], key: str, where: str) -> tuple[str, ...]:
    value = item.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ConfigError(f"{where}: {key!r} must be a list of non-empty strings")
    return tuple(v.strip() for v in value)


def _required(item: dict[str, Any], key: str, where: str) -> Any:
    if key not in item:
        raise ConfigError(f"{where}: missing {key!r}")
    return item[key]


def _context(item: dict[str, Any], where: str) -> tuple[ContextRule, ...]:
    rules = []
    for n, raw in enumerate(item.get("context", [])):
        w = f"{where} context {n + 1}"
        # (one rule may cover several aliases: «المقاتلين الأكراد», «المقاتلون الأكراد»)
        aliases = _strings(raw, "aliases", w) if "aliases" in raw else (
            str(_required(raw, "alias", w)),)
        rules.extend(ContextRule(
            alias=alias,
            needs_article_alias=bool(raw.get("needs_article_alias", True)),
            preceded_by=_strings(raw, "preceded_by", w),
            quoted=bool(raw.get("quoted", False)),
            not_followed_by=_strings(raw, "not_followed_by", w),
            or_named=_strings(raw, "or_named", w),
            unless_named=_strings(raw, "unless_named", w),
        ) for alias in aliases)
    return tuple(rules)


def load_actors(path: str | Path | None = None) -> list[Entry]:
    """Actor entries: kind ORG/ARMED_GROUP/MILITARY_UNIT/NORP, attrs actor_id, inter, country."""
    p = Path(path) if path else lexicon_path("actors.toml")
    entries = []
    for n, item in enumerate(read_toml(p, "lexicon file").get("actor", [])):
        where = f"{p.name} actor {item.get('id', n + 1)}"
        kind = _required(item, "kind", where)
        if kind not in ACTOR_KINDS:
            raise ConfigError(f"{where}: kind {kind!r} is not one of {', '.join(ACTOR_KINDS)}")
        inter = _required(item, "inter", where)
        if not isinstance(inter, int) or not 1 <= inter <= 8:
            raise ConfigError(f"{where}: inter must be an ACLED inter code 1-8, not {inter!r}")
        attrs: dict[str, Any] = {"actor_id": _required(item, "id", where), "inter": inter,
                                 "country": item.get("country") or None}
        if item.get("parent"):
            attrs["parent"] = item["parent"]
        entries.append(Entry(id=attrs["actor_id"], name=_required(item, "name", where),
                             kind=kind, aliases=_strings(item, "aliases", where),
                             latin=_strings(item, "latin", where), attrs=attrs,
                             context=_context(item, where)))
    _check_unique(entries, p)
    return entries


def load_weapons(path: str | Path | None = None) -> list[Entry]:
    """Weapon entries: kind WEAPON, attrs weapon_id and category."""
    p = Path(path) if path else lexicon_path("weapons.toml")
    entries = []
    for n, item in enumerate(read_toml(p, "lexicon file").get("weapon", [])):
        where = f"{p.name} weapon {item.get('id', n + 1)}"
        wid = _required(item, "id", where)
        entries.append(Entry(id=wid, name=_required(item, "name", where), kind="WEAPON",
                             aliases=_strings(item, "aliases", where),
                             latin=_strings(item, "latin", where),
                             attrs={"weapon_id": wid,
                                    "category": _required(item, "category", where)},
                             context=_context(item, where)))
    _check_unique(entries, p)
    return entries


# Endings of an Arabic nisba adjective: سوري سورية سوريين سوريون سوريات (and with ال).
_NISBA_ENDINGS = ("", "ة", "ين", "ون", "ات")


def load_peoples(path: str | Path | None = None) -> list[Entry]:
    """NORP entries (nationalities, peoples, religious groups); nisba forms are generated."""
    p = Path(path) if path else lexicon_path("peoples.toml")
    entries = []
    for n, item in enumerate(read_toml(p, "lexicon file").get("people", [])):
        where = f"{p.name} people {item.get('id', n + 1)}"
        forms = list(_strings(item, "forms", where))
        for base in _strings(item, "nisba", where):
            forms += [base + ending for ending in _NISBA_ENDINGS]
        forms += ["ال" + f for f in forms if not f.startswith("ال")]
        exclude = set(_strings(item, "exclude", where))
        forms = [f for f in forms if f not in exclude]
        pid = _required(item, "id", where)
        entries.append(Entry(id=pid, name=_required(item, "name", where), kind="NORP",
                             aliases=tuple(dict.fromkeys(forms)),
                             latin=_strings(item, "latin", where), attrs={"norp_id": pid}))
    _check_unique(entries, p)
    return entries


def load_site_rules(path: str | Path | None = None) -> SiteRules:
    p = Path(path) if path else lexicon_path("sites.toml")
    data = read_toml(p, "lexicon file")
    where = p.name
    return SiteRules(heads=_strings(data, "heads", where), stop=_strings(data, "stop", where),
                     trailing=_strings(data, "trailing", where),
                     numbered_heads=_strings(data, "numbered_heads", where))


def _check_unique(entries: list[Entry], path: Path) -> None:
    seen: set[str] = set()
    for entry in entries:
        if entry.id in seen:
            raise ConfigError(f"{path.name}: id {entry.id!r} is used twice")
        seen.add(entry.id)
