"""Which event types may describe the same incident (``[incidents.types]`` in the config).

Every specific type belongs to one family (the ACLED event type it maps to). Two events can
be one incident only when their types are the same, a known confusable pair (reports of one
strike say "air strike" or "shelling"), or one is a generic type ("explosion", "attack")
covering the other's family. Types the table does not know fall back to the event's ACLED
event_type; an event with neither is only compatible with its own type.

``aliases`` map the events taxonomy's codes (``resources/taxonomy.toml``, what ``events.v1``
emits) onto the table's types before any lookup, so a detected ``bombing`` is the specific
``remote_explosive``, not a generic type (docs/INCIDENTS.md, "Event types").
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from marsad.errors import ConfigError

Match = Literal["same", "confusable", "generic"]


def _norm(name: str | None) -> str:
    return (name or "").strip().lower().replace(" ", "_").replace("-", "_")


@dataclass(frozen=True)
class TypeTable:
    families: Mapping[str, str]
    generic: Mapping[str, frozenset[str]]
    confusable: frozenset[frozenset[str]]
    acled: Mapping[str, str]
    aliases: Mapping[str, str] = field(default_factory=dict)
    _memo: dict[tuple[str, ...], Any] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def from_config(cls, section: Mapping[str, Any]) -> TypeTable:
        """The table from an ``[incidents.types]`` config section."""
        try:
            families = {_norm(k): str(v) for k, v in section.get("families", {}).items()}
            generic = {_norm(k): frozenset(map(str, v))
                       for k, v in section.get("generic", {}).items()}
            pairs = []
            for pair in section.get("confusable", []):
                if len(pair) != 2:
                    raise ConfigError(f"[incidents.types] confusable entry {pair!r} must "
                                      "name exactly two types")
                pairs.append(frozenset(_norm(p) for p in pair))
            acled = {str(k): str(v) for k, v in section.get("acled", {}).items()}
            aliases = {_norm(k): _norm(str(v)) for k, v in section.get("aliases", {}).items()}
        except (AttributeError, TypeError) as exc:
            raise ConfigError(f"[incidents.types] is malformed ({exc}); see default.toml") from None
        pairs = [frozenset(aliases.get(p, p) for p in pair) for pair in pairs]
        return cls(families, generic, frozenset(pairs), acled, aliases)

    def canonical(self, event_type: str | None) -> str:
        """The table's name for a type: a taxonomy code through ``aliases``, normalised."""
        key = _norm(event_type)
        return self.aliases.get(key, key)

    def is_generic(self, event_type: str | None) -> bool:
        """True for a generic type ("explosion", "attack") that covers whole families."""
        return self.canonical(event_type) in self.generic

    def families_of(self, event_type: str, acled_type: str | None = None) -> frozenset[str]:
        """The families an event of this type can belong to (a generic type: several)."""
        memo = ("families", event_type, acled_type or "")
        found = self._memo.get(memo)
        if found is None:
            found = self._memo[memo] = self._families_of(event_type, acled_type)
        return found  # type: ignore[no-any-return]

    def _families_of(self, event_type: str, acled_type: str | None) -> frozenset[str]:
        key = self.canonical(event_type)
        if key in self.generic:
            return self.generic[key]
        if key in self.families:
            return frozenset([self.families[key]])
        if acled_type and acled_type in self.acled:
            return frozenset([self.acled[acled_type]])
        return frozenset([f"type:{key}"])

    def match(self, a_type: str, b_type: str, a_acled: str | None = None,
              b_acled: str | None = None) -> Match | None:
        """How two event types relate, or None when they cannot be the same incident."""
        memo = ("match", a_type, b_type, a_acled or "", b_acled or "")
        if memo not in self._memo:
            self._memo[memo] = self._match(a_type, b_type, a_acled, b_acled)
        return self._memo[memo]  # type: ignore[no-any-return]

    def _match(self, a_type: str, b_type: str, a_acled: str | None,
               b_acled: str | None) -> Match | None:
        a, b = self.canonical(a_type), self.canonical(b_type)
        if a == b:
            return "same"
        fa, fb = self.families_of(a, a_acled), self.families_of(b, b_acled)
        if not fa & fb:
            return None
        if a in self.generic or b in self.generic:
            return "generic"
        if frozenset((a, b)) in self.confusable:
            return "confusable"
        return None
