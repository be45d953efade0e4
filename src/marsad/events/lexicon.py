"""The event trigger lexicon: trigger words per type, blockers and background cues.

The curated data is ``resources/events/triggers.toml`` (its header explains the format);
``load_event_lexicon()`` reads it once per process and folds every word the way the
text is folded (``marsad.ner.features.fold``) so lookups are plain set and prefix tests.
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from marsad.config import read_toml
from marsad.errors import EventLexiconError
from marsad.events.taxonomy import load_taxonomy
from marsad.ner.features import fold


def _fold_words(words: Any, where: str) -> tuple[tuple[str, ...], ...]:
    if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
        raise EventLexiconError(f"{where}: expected a list of strings")
    return tuple(tuple(fold(part) for part in w.split()) for w in words if w.strip())


@dataclass(frozen=True)
class TriggerRule:
    """Words naming events of ``type`` and the context they need (see triggers.toml)."""

    type: str
    words: tuple[tuple[str, ...], ...]
    near: tuple[str, ...] = ()
    not_near: tuple[str, ...] = ()
    after: bool = False
    window: int = 4
    blocked_by: frozenset[str] = frozenset()
    blocked_if_definite: frozenset[str] = frozenset()
    """Words that block the trigger only when it has the article: «خلال الاشتباكات» refers
    back to fighting told before, «خلال اشتباكات مع قوات النظام» tells new fighting."""
    needs_armed_actor: bool = False
    alone: bool = False
    """The word names an event only in a sentence with no other trigger."""
    indefinite: bool = False
    """The word never counts with the article («القتل» is a practice, «مقتل» an event)."""


@dataclass(frozen=True)
class EventLexicon:
    rules: tuple[TriggerRule, ...]
    blockers: frozenset[str]
    never: frozenset[str]
    historical_cues: tuple[tuple[str, ...], ...]
    historical_window: int = 10
    max_age_days: int = 20
    unreported_before: tuple[tuple[str, ...], ...] = ()
    unreported_sentence: tuple[tuple[str, ...], ...] = ()
    unreported_tally: frozenset[str] = frozenset()
    unreported_period: tuple[tuple[str, ...], ...] = ()
    unreported_habit: tuple[tuple[str, ...], ...] = ()
    nationality: tuple[tuple[str, str, int], ...] = ()
    """(folded adjective, actor name, inter): «مقاتلات تركية» → Military Forces of Turkey."""
    asking: frozenset[str] = frozenset()
    """Appeals, permissions, threats, orders, rulings: what follows إلى/ب/ل is asked for."""
    foiling: frozenset[str] = frozenset()
    forecasting: frozenset[str] = frozenset()

    @functools.cached_property
    def first_words(self) -> frozenset[str]:
        """The first token of every trigger word (a quick filter)."""
        return frozenset(w[0] for r in self.rules for w in r.words)


def parse_event_lexicon(data: Mapping[str, Any], origin: str = "triggers") -> EventLexicon:
    """Build and check an EventLexicon from parsed TOML."""
    types = load_taxonomy()
    rules = []
    for i, raw in enumerate(data.get("trigger", [])):
        where = f"{origin}: trigger[{i}]"
        if raw.get("type") not in types:
            raise EventLexiconError(f"{where}: unknown event type {raw.get('type')!r}; "
                                    f"the taxonomy defines {', '.join(types.ids)}")
        try:
            rules.append(TriggerRule(
                type=raw["type"], words=_fold_words(raw["words"], where),
                near=tuple(fold(w) for w in raw.get("near", [])),
                not_near=tuple(fold(w) for w in raw.get("not_near", [])),
                after=bool(raw.get("after", False)), window=int(raw.get("window", 4)),
                blocked_by=frozenset(fold(w) for w in raw.get("blocked_by", [])),
                blocked_if_definite=frozenset(
                    fold(w) for w in raw.get("blocked_if_definite", [])),
                needs_armed_actor=bool(raw.get("needs_armed_actor", False)),
                alone=bool(raw.get("alone", False)),
                indefinite=bool(raw.get("indefinite", False))))
        except (KeyError, TypeError, ValueError) as exc:
            raise EventLexiconError(f"{where}: missing or malformed key ({exc!r})") from None
    if not rules:
        raise EventLexiconError(f"{origin}: no [[trigger]] entries")
    blockers = data.get("blockers", {})
    hist = data.get("historical", {})
    unreported = data.get("unreported", {})
    return EventLexicon(
        rules=tuple(rules),
        blockers=frozenset(fold(w) for w in blockers.get("before", [])),
        never=frozenset(fold(w) for w in blockers.get("never", [])),
        asking=frozenset(fold(w) for w in blockers.get("asking", [])),
        foiling=frozenset(fold(w) for w in blockers.get("foiling", [])),
        forecasting=frozenset(fold(w) for w in blockers.get("forecasting", [])),
        historical_cues=_fold_words(hist.get("cues", []), f"{origin}: historical.cues"),
        historical_window=int(hist.get("window", 10)),
        max_age_days=int(hist.get("max_age_days", 20)),
        unreported_before=_fold_words(unreported.get("before", []),
                                      f"{origin}: unreported.before"),
        nationality=_nationality(data.get("nationality", {}), origin),
        unreported_sentence=_fold_words(unreported.get("sentence", []),
                                        f"{origin}: unreported.sentence"),
        unreported_tally=frozenset(fold(w) for w in unreported.get("tally", [])),
        unreported_period=_fold_words(unreported.get("period", []),
                                      f"{origin}: unreported.period"),
        unreported_habit=_fold_words(unreported.get("habit", []),
                                     f"{origin}: unreported.habit"),
    )


def _nationality(raw: Any, origin: str) -> tuple[tuple[str, str, int], ...]:
    out = []
    for adjective, value in dict(raw).items():
        if not (isinstance(value, list) and len(value) == 2 and isinstance(value[0], str)
                and isinstance(value[1], int)):
            raise EventLexiconError(f"{origin}: nationality.{adjective}: expected "
                                    "[actor name, inter]")
        out.append((fold(adjective), value[0], value[1]))
    return tuple(out)


def load_event_lexicon(path: str | Path | None = None) -> EventLexicon:
    """The packaged trigger lexicon (read once per process), or the one in ``path``."""
    if not path:
        return _packaged()
    return parse_event_lexicon(read_toml(path, "event lexicon", EventLexiconError), str(path))


@functools.cache
def _packaged() -> EventLexicon:
    raw = resources.files("marsad").joinpath("resources", "events", "triggers.toml")
    return parse_event_lexicon(tomllib.loads(raw.read_text("utf-8")),
                               "resources/events/triggers.toml")
