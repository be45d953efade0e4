"""``marsad eval ner FILE``: score the NER model (or the whole mentions stage) on a
CoNLL file with gold BIO tags.

Two label schemes are understood:

- ``conll4`` (ANERcorp and its CAMeL test split: PERS LOC ORG MISC). marsad's kinds map
  back as PER → PERS; GPE, LOC, FAC → LOC; ORG, ARMED_GROUP, MILITARY_UNIT → ORG;
  MISC, WEAPON → MISC; NORP is dropped (ANERcorp leaves nationalities and peoples
  untagged).
- ``marsad`` (the kinds of docs/LAYERS.md; gold ``PERS`` is read as ``PER``), compared
  as they are.

``auto`` picks ``conll4`` when every gold type is one of PERS/PER, LOC, ORG, MISC.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from marsad.errors import ConfigError
from marsad.ner.conll import TaggedSentence, read_conll
from marsad.ner.scoring import score_entities

CONLL4 = {
    "PER": "PERS", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "ORG": "ORG",
    "ARMED_GROUP": "ORG", "MILITARY_UNIT": "ORG", "MISC": "MISC", "WEAPON": "MISC",
}
SCHEMES = ("auto", "conll4", "marsad")

Entity = tuple[int, int, str]
Predictor = Callable[[Sequence[Sequence[str]]], list[list[Entity]]]


def detect_scheme(sentences: Sequence[TaggedSentence]) -> str:
    types = {label for s in sentences for *_, label in s.entities()}
    return "conll4" if types <= {"PERS", "PER", "LOC", "ORG", "MISC"} else "marsad"


def map_entities(entities: Sequence[Entity], scheme: str) -> list[Entity]:
    """Predicted entities in the gold file's scheme (unmapped kinds are dropped)."""
    if scheme == "conll4":
        return [(s, e, CONLL4[label]) for s, e, label in entities if label in CONLL4]
    return list(entities)


def _gold(sent: TaggedSentence, scheme: str) -> list[Entity]:
    if scheme == "conll4":
        return [(s, e, "PERS" if label == "PER" else label) for s, e, label in sent.entities()]
    return [(s, e, "PER" if label == "PERS" else label) for s, e, label in sent.entities()]


def evaluate_sentences(sentences: Sequence[TaggedSentence], predict: Predictor,
                       scheme: str = "auto") -> dict[str, Any]:
    """Score ``predict`` (token lists → entities) against gold sentences."""
    if scheme not in SCHEMES:
        raise ConfigError(f"unknown label scheme {scheme!r}; use one of {', '.join(SCHEMES)}")
    if scheme == "auto":
        scheme = detect_scheme(sentences)
    predicted = predict([s.tokens for s in sentences])
    result = score_entities([_gold(s, scheme) for s in sentences],
                            [map_entities(p, scheme) for p in predicted])
    result["scheme"] = scheme
    result["sentences"] = len(sentences)
    result["tokens"] = sum(len(s.tokens) for s in sentences)
    return result


def evaluate_file(path: str | Path, *, predict: Predictor | None = None,
                  scheme: str = "auto", model: str | Path | None = None,
                  lexicons: bool = False, context: bool = True,
                  crf: str | Path | None = None) -> dict[str, Any]:
    """What ``marsad eval ner`` prints: entity-level micro P/R/F1 and ``per_type``.

    ``predict`` defaults to the NER model at ``model`` (the committed one unless given);
    with ``lexicons`` the whole mentions stage (model merged with the lexicon layers)
    is scored instead. With ``context`` the file is read as running text (names found
    are looked for again nearby, as in an article), else each sentence alone. With
    ``crf`` (a CRF folder, "" for the committed one) the CRF's entities fill the CNN's
    gaps (``marsad.ner.crf.UnionTagger``).
    """
    sentences = read_conll(path)
    if predict is None:
        if lexicons:
            from marsad.stages.mentions import MentionFinder

            section: dict[str, Any] = {"repeat_names": context, "crf": crf is not None,
                                       "crf_model": str(crf or "")}
            if model:
                section["model"] = str(model)
            predict = MentionFinder.from_config(section).tag_tokens
        else:
            from marsad.ner.propagate import in_context
            from marsad.ner.tagger import shared_tagger

            tag = shared_tagger(model, crf).tag
            predict = in_context(tag) if context else tag
    result = evaluate_sentences(sentences, predict, scheme)
    result["file"] = str(path)
    result["system"] = "mentions stage (model + lexicons)" if lexicons else "model"
    if crf is not None:
        result["system"] += " with the CRF filling the CNN's gaps"
    result["context"] = context
    return result
