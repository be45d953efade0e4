"""The trained NER model: loading it (lazily, once per process) and tagging tokens."""

from __future__ import annotations

import threading
from collections.abc import Iterable, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

from marsad.errors import ConfigError

Entity = tuple[int, int, str]  # token start, token end (exclusive), label
ENTITY_WORDS = "entity_words.tsv"  # written by training next to the model
MAX_LEXEMES = 400_000
"""Lexemes the model's vocabulary may hold before it is reloaded (same results, less memory)."""


def default_model_path() -> Path:
    """The committed model inside the package (``resources/models/ner``)."""
    return Path(str(resources.files("marsad").joinpath("resources", "models", "ner")))


class NerTagger:
    """A spaCy NER pipeline over pre-split tokens; labels are ``PER ORG GPE LOC FAC MISC``."""

    def __init__(self, nlp: Any, batch_size: int = 256,
                 entity_words: dict[str, int] | None = None, path: Path | None = None,
                 max_lexemes: int = MAX_LEXEMES) -> None:
        self.nlp = nlp
        self.batch_size = batch_size
        self.entity_words = entity_words or {}
        self.path = path
        self.max_lexemes = max_lexemes
        self.reloads = 0
        self._decoder: Any = None

    @classmethod
    def load(cls, path: str | Path | None = None) -> NerTagger:
        """Load the model at ``path`` (default: the committed one)."""
        from marsad.ner.features import use_gazetteer
        from marsad.ner.gazetteer import GAZETTEER, read_gazetteer

        p = Path(path) if path else default_model_path()
        if not (p / "config.cfg").is_file():
            raise ConfigError(f"no NER model at {p}; train one with `marsad train ner` or set "
                              "[mentions] model to a model folder")
        words = {}
        if (p / ENTITY_WORDS).is_file():
            for line in (p / ENTITY_WORDS).read_text(encoding="utf-8").splitlines():
                word, _, count = line.partition("\t")
                if count.isdigit():
                    words[word] = int(count)
        # The gazetteer must be in place before any lexeme of the model's vocab exists.
        use_gazetteer(read_gazetteer(p / GAZETTEER) if (p / GAZETTEER).is_file() else {})
        return cls(_load_pipeline(p), entity_words=words, path=p)

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(self.nlp.get_pipe("ner").labels)

    def tag(self, sentences: Iterable[Sequence[str]]) -> list[list[Entity]]:
        """Entities of each sentence (a list of token strings)."""
        from spacy.tokens import Doc

        from marsad.ner.decode import Decoder

        if self._decoder is None:
            self._decoder = Decoder(self.nlp.get_pipe("ner"))
        tok2vec = self.nlp.get_pipe("tok2vec")
        docs = [Doc(self.nlp.vocab, words=list(words)) for words in sentences]
        out: list[list[Entity]] = []
        for i in range(0, len(docs), self.batch_size):
            batch = docs[i:i + self.batch_size]
            out.extend(self._decoder(batch, tok2vec.predict(batch)))
        if self.path is not None and len(self.nlp.vocab) > self.max_lexemes:
            # spaCy keeps a lexeme for every word it has seen; on a long run that grows
            # without end (about 315,000 after 31,000 articles, +270 MB), so start afresh
            self.nlp = _load_pipeline(self.path)
            self._decoder = None
            self.reloads += 1
        return out

    def tag_with_spacy(self, sentences: Iterable[Sequence[str]]) -> list[list[Entity]]:
        """The same as :meth:`tag` through spaCy's own (slower) decoder, for comparison."""
        from spacy.tokens import Doc

        docs = (Doc(self.nlp.vocab, words=list(words)) for words in sentences)
        return [[(e.start, e.end, e.label_) for e in doc.ents]
                for doc in self.nlp.pipe(docs, batch_size=self.batch_size)]

    def proclitic(self, word: str) -> tuple[int, str]:
        """``(characters to leave out, folded rest)`` for an entity's first word.

        A proclitic is stripped only when the rest is a known entity word and more common
        than the whole word (وبريطانيا → بريطانيا, but وليد and بيروت stay whole);
        للأمم keeps its لل in the text and reads الامم.
        """
        from marsad.lexicons.matcher import clitic_variants
        from marsad.ner.features import fold

        key = fold(word)
        whole = self.entity_words.get(key, 0)
        for stripped, rest in clitic_variants(key)[1:]:
            if self.entity_words.get(rest, 0) >= max(2, whole + 1):
                return stripped, rest
        return 0, key


def _load_pipeline(path: Path) -> Any:
    import spacy

    return spacy.load(path, exclude=["tokenizer"])


_LOCK = threading.Lock()
_CACHE: dict[str, NerTagger] = {}


def shared_tagger(path: str | Path | None = None, crf: str | Path | None = None) -> Any:
    """One loaded model per path per process (Dask workers each load it once); with
    ``crf`` (a CRF folder, or "" for the committed one) the CNN joined with that CRF
    (``marsad.ner.crf.UnionTagger``)."""
    key = str(Path(path).resolve()) if path else ""
    with _LOCK:
        if key not in _CACHE:
            _CACHE[key] = NerTagger.load(path)
        if crf is None:
            return _CACHE[key]
        from marsad.ner.crf import CrfTagger, UnionTagger

        union_key = f"{key}|crf:{Path(crf).resolve() if crf else ''}"
        if union_key not in _CACHE:
            _CACHE[union_key] = UnionTagger(_CACHE[key], CrfTagger.load(crf or None))
        return _CACHE[union_key]
