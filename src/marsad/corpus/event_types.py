"""Which event types may describe the same incident (``[incidents.types]`` in the config).

Every specific type belongs to one family (the ACLED event type it maps to). Two events can
be one incident only when their types are the same, a known confusable pair (reports of one
strike say "air strike" or "shelling"), or one is a generic type ("explosion", "attack")
covering the other's family. Types the table does not know fall back to the event's ACLED
event_type; an event with neither is only compatible with its own type.
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
        except (AttributeError, TypeError) as exc:
            raise ConfigError(f"[incidents.types] is malformed ({exc}); see default.toml") from None
        return cls(families, generic, frozenset(pairs), acled)

    def families_of(self, event_type: str, acled_type: str | None = None) -> frozenset[str]:
        """The families an event of this type can belong to (a generic type: several)."""
        memo = ("families", event_type, acled_type or "")
        found = self._memo.get(memo)
        if found is None:
            found = self._memo[memo] = self._families_of(event_type, acled_type)
        return found  # type: ignore[no-any-return]

    def _families_of(self, event_type: str, acled_type: str | None) -> frozenset[str]:
        key = _norm(event_type)
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
        a, b = _norm(a_type), _norm(b_type)
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
