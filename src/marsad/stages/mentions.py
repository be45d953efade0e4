"""Mentions stage: the trained NER model merged with the actor, weapon, people and site
lexicons (docs/LAYERS.md, ``mentions``).

Model entities start after a proclitic the model's token carried (وبريطانيا → بريطانيا)
when the tagger's entity word list says so; their ``norm`` is the normalised surface
without it (``norm`` = the normalised surface, as docs/LAYERS.md says for places).

Merging keeps one mention per stretch of text, by priority: actor and weapon lexicon hits,
then site mentions (head word + name), then the model's entities, then peoples
(nationality words); among equals the longer span wins. Model entities keep their kind
(PER ORG GPE LOC FAC; MISC only with ``keep_misc``), lexicon hits get the entry's kind,
canonical ``norm`` and ``attrs``.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import partial
from typing import Any

from marsad.errors import ConfigError
from marsad.events.lexicon import EventLexicon, load_event_lexicon
from marsad.events.triggers import find_triggers
from marsad.geo.names import name_key
from marsad.geo.phrases import PLACE_HEADS
from marsad.lexicons.entries import (
    load_actors,
    load_peoples,
    load_site_rules,
    load_weapons,
)
from marsad.lexicons.layer import Candidate, Lexicons, sentence_tokens
from marsad.lexicons.matcher import Token, clitic_variants
from marsad.lexicons.sites import SiteFinder
from marsad.model import Article, Mention, Span
from marsad.ner.features import tokenize
from marsad.ner.propagate import propagate
from marsad.ner.tagger import Entity, NerTagger, shared_tagger
from marsad.registry import Services, StageFn, stage
from marsad.text.normalize import build_view, normalize, view_of
from marsad.text.sentences import split_sentences

LEXICON_HIT, SITE, MODEL, PEOPLE = 4, 3, 2, 1
MODEL_KINDS = ("PER", "ORG", "GPE", "LOC", "FAC")
# Which sentences the NER model reads: all, or only those where an event trigger fires.
MODEL_SENTENCES = ("all", "events")
# Model entities that a head word can turn into a site (مطار + حماة).
SITE_NAMES = ("PER", "ORG", "GPE", "LOC", "FAC")


@dataclass(frozen=True)
class _Pick:
    start: int  # original offsets
    end: int
    kind: str
    norm: str | None
    source: str
    attrs: dict[str, Any]
    priority: int


class MentionFinder:
    """Finds the mentions of a text; ``tagger`` is a callable giving the NER model."""

    def __init__(self, lexicons: Lexicons, tagger: Callable[[], NerTagger | None] | None,
                 *, keep_misc: bool = False,
                 model_gate: Callable[[Sequence[Token]], bool] | None = None,
                 repeat_names: bool = True) -> None:
        self.lexicons = lexicons
        self._tagger = tagger
        self.keep_misc = keep_misc
        self.repeat_names = repeat_names
        """Names the model found are looked for again in the nearby sentences it read."""
        self.model_gate = model_gate
        """When set, the model reads only the sentences (folded tokens) it accepts."""
        self.sites = SiteFinder(lexicons.sites) if lexicons.sites else None

    @classmethod
    def from_config(cls, section: dict[str, Any], services: Services | None = None,
                    events: dict[str, Any] | None = None) -> MentionFinder:
        """Build from a ``[mentions]`` config table (and ``[events]``, whose triggers gate
        the model when ``model_sentences = "events"``); services may supply ``ner_model``,
        ``lexicons`` and ``event_lexicon`` (tests pass tiny ones)."""
        services = services or Services()
        lexicons = services.get("lexicons", lambda: _lexicons_from(section))
        model = section.get("model") or None
        if not section.get("use_model", True):
            tagger = None
        elif "ner_model" in services:
            given = services.get("ner_model", lambda: None)
            tagger = lambda: given  # noqa: E731
        else:
            crf = (section.get("crf_model") or "") if section.get("crf", False) else None
            tagger = lambda: shared_tagger(model, crf)  # noqa: E731  (loads on first use)
        scope = section.get("model_sentences", "all")
        if scope not in MODEL_SENTENCES:
            raise ConfigError(f"[mentions] model_sentences must be one of "
                              f"{', '.join(MODEL_SENTENCES)}, not {scope!r}")
        gate = None
        if scope == "events" and tagger is not None:
            triggers = services.get("event_lexicon", lambda: load_event_lexicon(
                (events or {}).get("triggers") or None))
            gate = partial(_has_trigger, triggers)
        return cls(lexicons, tagger, keep_misc=bool(section.get("keep_misc", False)),
                   model_gate=gate, repeat_names=bool(section.get("repeat_names", True)))

    # ------------------------------------------------------------ the stage

    def __call__(self, text: str, sentences: Sequence[Span], *,
                 every_sentence: bool = False) -> list[Mention]:
        """Mentions of ``text``; ``every_sentence`` lets the model read past its gate."""
        view = view_of(text)
        tokens = sentence_tokens(view, sentences)
        chosen = sentences
        if self.model_gate is not None and not every_sentence:
            chosen = [s for s, t in zip(sentences, tokens, strict=True) if self.model_gate(t)]
        model_picks = self._model(text, chosen)
        picks = list(model_picks)
        lexical = self.lexicons.find(view, sentences, tokens)
        picks += [self._from_candidate(view, c) for c in lexical]
        if self.sites is not None:
            picks += _sites(self.sites, view, tokens, model_picks)
        return [Mention(p.kind, text[p.start:p.end], Span(p.start, p.end), p.norm, p.source,
                        p.attrs) for p in _merge(picks)]

    def _model(self, text: str, sentences: Sequence[Span]) -> list[_Pick]:
        tagger = self._tagger() if self._tagger else None
        if tagger is None:
            return []
        token_spans = [tokenize(text, s.start, s.end) for s in sentences]
        words = [[text[t.start:t.end] for t in spans] for spans in token_spans]
        tagged = tagger.tag(words)
        if self.repeat_names:
            tagged = propagate(words, tagged)
        keep = (*MODEL_KINDS, "MISC") if self.keep_misc else MODEL_KINDS
        out = []
        for spans, sentence, entities in zip(token_spans, words, tagged, strict=True):
            for first, last, label in entities:
                if label not in keep or (label == "PER" and _place_head(sentence[first])):
                    continue
                head = spans[first]
                stripped, _ = tagger.proclitic(text[head.start:head.end])
                start = head.start
                if stripped:
                    start += build_view(text[head.start:head.end]).to_original(stripped)
                end = spans[last - 1].end
                out.append(_Pick(start, end, label, normalize(text[start:end]), "model", {},
                                 MODEL))
        return out

    @staticmethod
    def _from_candidate(view: Any, c: Candidate) -> _Pick:
        span = view.span(c.start, c.end)
        return _Pick(span.start, span.end, c.kind, c.norm, "lexicon", dict(c.attrs), c.priority)

    # ------------------------------------------------------------ evaluation

    def tag_tokens(self, sentences: Sequence[Sequence[str]]) -> list[list[Entity]]:
        """Mentions of pre-tokenised sentences as token entities (for ``marsad eval``).

        The sentences are read as one document (words joined with spaces, sentences with
        line breaks), as an article is, or each alone without ``repeat_names``; mentions
        that do not start and end on token boundaries are widened to the tokens they touch.
        """
        if not self.repeat_names and len(sentences) > 1:
            return [ents for words in sentences for ents in self.tag_tokens([words])]
        starts: list[list[int]] = []
        firsts, spans, pos = [], [], 0
        for words in sentences:
            first = pos
            firsts.append(first)
            starts.append([])
            for w in words:
                starts[-1].append(pos)
                pos += len(w) + 1
            if words:
                spans.append(Span(first, pos - 1))
            else:
                pos += 1
        text = "\n".join(" ".join(words) for words in sentences)
        out: list[list[Entity]] = [[] for _ in sentences]
        for m in self(text, spans, every_sentence=True):
            i = bisect_right(firsts, m.span.start) - 1
            within = starts[i]
            first = bisect_right(within, m.span.start) - 1
            last = bisect_left(within, m.span.end) - 1
            out[i].append((first, last + 1, m.kind))
        return out


def _sites(finder: SiteFinder, view: Any, per_sentence: Sequence[Sequence[Token]],
           model: Sequence[_Pick]) -> list[_Pick]:
    names = [view.view_span(Span(p.start, p.end)) for p in model if p.kind in SITE_NAMES]
    out = []
    for tokens in per_sentence:
        for start, end, head in finder.find(tokens, names):
            span = view.span(start, end)
            out.append(_Pick(span.start, span.end, "FAC", view.text[start:end], "lexicon",
                             {"rule": "site", "head": head}, SITE))
    return out


def _place_head(word: str) -> bool:
    """Whether ``word`` (a proclitic allowed) is a place head no person's name starts with."""
    return any(key[0] in PLACE_HEADS for _, rest in clitic_variants(normalize(word))
               if (key := name_key(rest)))


def _has_trigger(lexicon: EventLexicon, tokens: Sequence[Token]) -> bool:
    return bool(find_triggers(lexicon, tokens))


def _merge(picks: Sequence[_Pick]) -> list[_Pick]:
    """Non-overlapping picks: higher priority first, then longer, then earlier."""
    chosen: list[_Pick] = []
    for pick in sorted(picks, key=lambda p: (-p.priority, -(p.end - p.start), p.start)):
        if pick.end <= pick.start:
            continue
        if any(pick.start < c.end and c.start < pick.end for c in chosen):
            continue
        chosen.append(pick)
    return sorted(chosen, key=lambda p: (p.start, p.end))


def _lexicons_from(section: dict[str, Any]) -> Lexicons:
    return Lexicons(
        [*load_actors(section.get("actors") or None),
         *load_weapons(section.get("weapons") or None)],
        load_peoples(section.get("peoples") or None),
        load_site_rules(section.get("sites") or None),
    )


@stage("mentions.v1", requires=("sentences",), provides=("mentions",))
def mentions_stage(config: dict[str, Any], services: Services) -> StageFn:
    finder = services.get("mention_finder",
                          lambda: MentionFinder.from_config(config.get("mentions", {}), services,
                                                            config.get("events", {})))

    def run(article: Article) -> Article:
        sentences = article.sentences or tuple(split_sentences(article.text))
        return replace(article, mentions=tuple(finder(article.text, sentences)))

    return run


