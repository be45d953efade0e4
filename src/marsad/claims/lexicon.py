"""The claims lexicon: reporting cues, source words and canonical names, folded once."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from marsad.config import read_toml
from marsad.errors import ConfigError
from marsad.text.normalize import normalize

_SUFFIXES = ("ه", "ها", "هم", "هما")


def _fold(words: list[str]) -> frozenset[str]:
    return frozenset(normalize(w).strip() for w in words if normalize(w).strip())


@dataclass(frozen=True)
class ClaimsLexicon:
    """Folded word sets used by the extractor (see resources/claims/lexicon.toml)."""

    speech: frozenset[str]
    continuation: frozenset[str]
    guarded: frozenset[str]
    shown: frozenset[str]
    media_nouns: frozenset[str]
    denial: frozenset[str]
    allegation: frozenset[str]
    participles: frozenset[str]
    hedging: frozenset[str]
    passive_reported: frozenset[str]
    passive_hedged: frozenset[str]
    prepositions: frozenset[str]
    relay_verbs: frozenset[str]
    hedge_words: tuple[str, ...]
    unverified: tuple[str, ...]
    hedge_nouns: frozenset[str]
    negation: frozenset[str]
    background: frozenset[str]
    complementizers: frozenset[str]
    content_preps: frozenset[str]
    content_nouns: frozenset[str]
    stops: frozenset[str]
    channels: frozenset[str]
    clause_openers: frozenset[str]
    kinds: dict[str, frozenset[str]]
    anonymous_markers: tuple[str, ...]
    person_titles: frozenset[str]
    anaphors: frozenset[str]
    names: dict[str, str]

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ClaimsLexicon:
        try:
            verbs, passive, preps = data["verbs"], data["passive"], data["prepositions"]
            hedges, syntax, kinds = data["hedges"], data["syntax"], data["kinds"]
            speech = set(_fold(verbs["speech"]))
            for verb in _fold(verbs["transitive"]):
                speech.update(verb + s for s in _SUFFIXES)
            return cls(
                speech=frozenset(speech),
                continuation=_fold(verbs["continuation"]),
                guarded=_fold(verbs["guarded"]),
                shown=_fold(verbs.get("shown", [])),
                media_nouns=_fold(verbs.get("media_nouns", [])),
                denial=_fold(verbs["denial"]),
                allegation=_fold(verbs["allegation"]) | _fold(
                    [v + s for v in verbs["allegation"] for s in _SUFFIXES]),
                participles=_fold(verbs["participles"]),
                hedging=_fold(verbs["hedging"]),
                passive_reported=_fold(passive["reported"]),
                passive_hedged=_fold(passive["hedged"]),
                prepositions=_fold(preps["forms"]),
                relay_verbs=_fold(preps["relay_verbs"]),
                hedge_words=tuple(sorted(_fold(hedges["words"]), key=len, reverse=True)),
                unverified=tuple(sorted(_fold(hedges["unverified"]))),
                hedge_nouns=_fold(hedges["nouns"]),
                negation=_fold(hedges["negation"]),
                background=_fold(data["background"]["lead"]),
                complementizers=_fold(syntax["complementizers"]),
                content_preps=_fold(syntax["content_preps"]),
                content_nouns=_fold(syntax.get("content_nouns", [])),
                stops=_fold(syntax["stops"]),
                channels=_fold(syntax["channels"]),
                clause_openers=_fold(syntax["clause_openers"]),
                kinds={k: _fold(kinds[k]) for k in
                       ("anonymous", "observers", "media", "social_media", "official",
                        "unspecified") if k in kinds},
                anonymous_markers=tuple(sorted(_fold(kinds["anonymous_markers"]))),
                person_titles=_fold(kinds["person_titles"]),
                anaphors=_fold(kinds["anaphors"]),
                names={normalize(k): v for k, v in data.get("names", {}).items()},
            )
        except (KeyError, TypeError) as exc:
            raise ConfigError(f"claims lexicon is missing or mistypes {exc}; "
                              "compare it with marsad/resources/claims/lexicon.toml") from None


def load_lexicon(path: str | Path | None = None) -> ClaimsLexicon:
    """The packaged lexicon, or the TOML file at ``path``."""
    if path is None:
        return packaged_lexicon()
    return ClaimsLexicon.from_dict(read_toml(path, "claims lexicon"))


@lru_cache(maxsize=1)
def packaged_lexicon() -> ClaimsLexicon:
    """The lexicon shipped with marsad, loaded once per process."""
    raw = resources.files("marsad").joinpath("resources/claims/lexicon.toml").read_text("utf-8")
    return ClaimsLexicon.from_dict(tomllib.loads(raw))
