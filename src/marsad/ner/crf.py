"""A linear-chain CRF tagger for Arabic NER (python-crfsuite) over hand-made word features.

A second opinion beside the spaCy CNN of ``marsad/ner/tagger.py`` (issue #3): alone it
scores a little below the CNN on the ANERcorp dev split, but its entities fill the CNN's
gaps (``UnionTagger``: every CRF entity that overlaps no CNN entity is added), which
lifts dev F1 by about two points (see ``resources/models/ner-crf/README.md``).
Each token is described by binary string features of itself and of the words up to
``WINDOW`` either side:

- the folded word, its proclitics and the stem without them (``features.split_proclitics``),
  the stem's first and last 1–4 letters, its shape (digits, Latin, length class, ال);
- the k-means cluster of the folded word's static vector (the CNN model's word table) at
  a few granularities (``train_clusters``; saved with the model as ``clusters.tsv``);
- gazetteer flags (``marsad/ner/gazetteer.py``: place names, person-name words) and word
  lists: person titles and organisation heads of the claims lexicon, its speech verbs,
  place heads (``corpora.LOC_HEADS``/``FAC_HEADS``), words of the actor lexicon's aliases;
- optionally any extra per-token strings (another tagger's BIO tag) passed by the caller.

Features of the most recent ``WORD_CACHE`` word types are kept (``lru_cache``), so tagging
costs a few list joins per token plus crfsuite's Viterbi.
"""

from __future__ import annotations

import json
import shutil
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from marsad.errors import ConfigError
from marsad.ner.conll import TaggedSentence, bio_entities
from marsad.ner.features import base_shape, fold, split_proclitics

Entity = tuple[int, int, str]
CLUSTERS = "clusters.tsv"
WORD_FLAGS = "word_flags.tsv"
CRF_MODEL = "crf.model"
PROVENANCE = "provenance.json"
MODEL_FILES = (CRF_MODEL, CLUSTERS, WORD_FLAGS, PROVENANCE)
"""What a CRF folder holds (and ``install_crf`` copies)."""
WINDOW = 2
WORD_CACHE = 20_000
"""Word types whose features are kept (about 3.3 kB each: some 66 MB when full)."""


@dataclass(frozen=True)
class FeatureSet:
    """Which feature groups a CRF uses (ablations switch them off)."""

    affixes: int = 4
    clusters: bool = True
    flags: bool = True
    window: int = WINDOW
    bigrams: bool = True


@dataclass
class WordLists:
    """Per-word lookups: cluster ids (one per granularity) and flag letters."""

    clusters: dict[str, tuple[str, ...]] = field(default_factory=dict)
    flags: dict[str, str] = field(default_factory=dict)

    @classmethod
    def load(cls, folder: Path) -> WordLists:
        clusters, flags = {}, {}
        if (folder / CLUSTERS).is_file():
            for line in (folder / CLUSTERS).read_text(encoding="utf-8").splitlines():
                word, *ids = line.split("\t")
                clusters[word] = tuple(ids)
        if (folder / WORD_FLAGS).is_file():
            for line in (folder / WORD_FLAGS).read_text(encoding="utf-8").splitlines():
                word, _, letters = line.partition("\t")
                flags[word] = letters
        return cls(clusters, flags)

    def save(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        (folder / CLUSTERS).write_text(
            "".join(f"{w}\t" + "\t".join(ids) + "\n" for w, ids in sorted(self.clusters.items())
                    if "\t" not in w and "\n" not in w), encoding="utf-8")
        (folder / WORD_FLAGS).write_text(
            "".join(f"{w}\t{f}\n" for w, f in sorted(self.flags.items())
                    if "\t" not in w and "\n" not in w), encoding="utf-8")


class CrfFeatures:
    """Token features for the CRF; ``sentence`` gives one list of strings per token."""

    def __init__(self, lists: WordLists, features: FeatureSet = FeatureSet()) -> None:
        self.lists = lists
        self.features = features
        self._word = lru_cache(maxsize=WORD_CACHE)(self._word_features)

    def clear_cache(self) -> None:
        """Forget the per-word features computed so far (for timing a cold start)."""
        self._word.cache_clear()

    def _word_features(self, token: str) -> tuple[tuple[str, ...], ...]:
        """Features of one word at each offset -window..window (offset 0 is the richest)."""
        fs = self.features
        word = fold(token)
        clitic, stem = split_proclitics(word)
        shape = base_shape(token)
        clusters = self.lists.clusters.get(word) or self.lists.clusters.get(stem) or ()
        flags = self.lists.flags.get(word) or self.lists.flags.get(stem) or ""
        core = [f"w={word}", f"s={stem}", f"sh={shape}"]
        if fs.clusters:
            core += [f"c{i}={c}" for i, c in enumerate(clusters)] or ["c=none"]
        if fs.flags:
            core += [f"f={letter}" for letter in flags]
        here = [*core, f"pc={clitic}"]
        bare = stem[2:] if stem.startswith("ال") and len(stem) > 4 else stem
        for n in range(1, fs.affixes + 1):
            if len(bare) >= n:
                here += [f"p{n}={bare[:n]}", f"x{n}={bare[-n:]}"]
        out = []
        for offset in range(-fs.window, fs.window + 1):
            if offset == 0:
                out.append(tuple(here))
            else:
                near = core if abs(offset) == 1 else core[:2] + core[3:4]
                extra = [f"x2={bare[-2:]}"] if abs(offset) == 1 else []
                out.append(tuple(f"{offset}{f}" for f in [*near, *extra]))
        return tuple(out)

    def sentence(self, tokens: Sequence[str],
                 extra: Sequence[Sequence[str]] | None = None) -> list[list[str]]:
        """One feature list per token; ``extra`` adds per-token strings (with ±1 copies)."""
        fs = self.features
        window = fs.window
        words = [self._word(t) for t in tokens]
        n = len(tokens)
        out = []
        for i in range(n):
            feats = ["bias"]
            for offset in range(-window, window + 1):
                j = i + offset
                if 0 <= j < n:
                    feats.extend(words[j][offset + window])
                elif offset in (-1, 1):
                    feats.append("BOS" if offset < 0 else "EOS")
            if fs.bigrams:
                here = words[i][window][0][2:]  # the folded word, without "w="
                if i > 0:
                    feats.append(f"b-={words[i - 1][window][0][2:]}|{here}")
                if i + 1 < n:
                    feats.append(f"b+={here}|{words[i + 1][window][0][2:]}")
            if extra is not None:
                feats += [f"e={e}" for e in extra[i]]
                if i > 0:
                    feats += [f"-1e={e}" for e in extra[i - 1]]
                if i + 1 < n:
                    feats += [f"1e={e}" for e in extra[i + 1]]
            out.append(feats)
        return out


def bio_tags(sentence: TaggedSentence) -> list[str]:
    """The sentence's BIO tags, missing tokens as O (crfsuite has no missing labels)."""
    return [t if t else "O" for t in sentence.tags]


def train_crf(sentences: Iterable[TaggedSentence], features: CrfFeatures, model_file: Path,
              *, c1: float = 0.05, c2: float = 0.01, max_iterations: int = 150,
              extra: Sequence[Sequence[Sequence[str]]] | None = None,
              min_freq: int = 1) -> dict[str, Any]:
    """Train an L-BFGS CRF on ``sentences`` into ``model_file``; returns crfsuite's log."""
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for k, sent in enumerate(sentences):
        trainer.append(features.sentence(sent.tokens, extra[k] if extra else None),
                       bio_tags(sent))
    trainer.set_params({"c1": c1, "c2": c2, "max_iterations": max_iterations,
                        "feature.possible_transitions": True,
                        "feature.minfreq": min_freq})
    model_file.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(model_file))
    return {"last_iteration": trainer.logparser.last_iteration,
            "iterations": len(trainer.logparser.iterations)}


class CrfTagger:
    """A trained CRF with its word lists; ``tag`` has ``NerTagger.tag``'s interface."""

    def __init__(self, model_file: Path, features: CrfFeatures) -> None:
        import pycrfsuite

        if not model_file.is_file():
            raise ConfigError(f"no CRF model at {model_file.parent}; train one with "
                              "`marsad train ner-crf` or set [mentions] crf_model")
        self.features = features
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(model_file))

    @classmethod
    def load(cls, folder: str | Path | None = None,
             feature_set: FeatureSet | None = None) -> CrfTagger:
        """The CRF at ``folder`` (default: the committed one) with its saved feature set."""
        p = Path(folder) if folder else default_crf_path()
        if feature_set is None:
            settings = p / PROVENANCE
            saved = (json.loads(settings.read_text(encoding="utf-8"))["settings"]["features"]
                     if settings.is_file() else {})
            feature_set = FeatureSet(**saved)
        return cls(p / CRF_MODEL, CrfFeatures(WordLists.load(p), feature_set))

    def tag(self, sentences: Iterable[Sequence[str]],
            extra: Sequence[Sequence[Sequence[str]]] | None = None) -> list[list[Entity]]:
        out = []
        for k, tokens in enumerate(sentences):
            if not tokens:
                out.append([])
                continue
            tags = self._tagger.tag(self.features.sentence(tokens, extra[k] if extra else None))
            out.append(list(bio_entities(tags)))
        return out


CLUSTER_SIZES = (64, 256, 1024)


def train_clusters(vectors_model: Path, sizes: Sequence[int] = CLUSTER_SIZES,
                   seed: int = 0) -> dict[str, tuple[str, ...]]:
    """Folded word -> k-means cluster id at each size, over the (unit-length) static
    vectors of a spaCy model folder's word table (keys are folded words)."""
    import numpy as np
    from sklearn.cluster import MiniBatchKMeans
    from spacy.strings import StringStore
    from spacy.vectors import Vectors

    vectors = Vectors().from_disk(vectors_model / "vocab", exclude=["strings"])
    strings = StringStore().from_disk(vectors_model / "vocab" / "strings.json")
    keys = [k for k in vectors.key2row if k in strings]
    table = np.asarray(vectors.data)[[vectors.key2row[k] for k in keys]]
    table = table / np.maximum(np.linalg.norm(table, axis=1, keepdims=True), 1e-9)
    ids = [MiniBatchKMeans(n_clusters=k, random_state=seed, n_init=3, batch_size=4096)
           .fit_predict(table) for k in sizes]
    return {strings[key]: tuple(str(col[row]) for col in ids) for row, key in enumerate(keys)}


def word_flags(data_dir: Path) -> dict[str, str]:
    """Folded word -> flag letters: ``P``/``p``/``N`` from the NER gazetteer, ``T`` person
    title, ``O`` organisation head, ``V`` speech verb (claims lexicon), ``L``/``F`` place
    heads, ``A`` a word of an actor alias."""
    from marsad.claims.lexicon import packaged_lexicon
    from marsad.lexicons.entries import load_actors
    from marsad.ner.corpora import FAC_HEADS, LOC_HEADS
    from marsad.ner.features import tokenize
    from marsad.ner.gazetteer import build_gazetteer

    flags: dict[str, set[str]] = {w: set(f) for w, f in build_gazetteer(data_dir).items()}

    def add(words: Iterable[str], letter: str) -> None:
        for phrase in words:
            for span in tokenize(phrase):
                word = fold(phrase[span.start:span.end])
                if len(word) > 1 and word.isalpha():
                    flags.setdefault(word, set()).add(letter)
                    if letter in "TO" and not word.startswith("ال"):
                        flags.setdefault("ال" + word, set()).add(letter)
                break  # only a phrase's first word heads it

    lexicon = packaged_lexicon()
    add(lexicon.person_titles, "T")
    add(lexicon.kinds.get("official", ()), "O")
    add(lexicon.speech, "V")
    add(LOC_HEADS, "L")
    add(FAC_HEADS, "F")
    for actor in load_actors():
        for alias in actor.aliases:
            for span in tokenize(alias):
                word = fold(alias[span.start:span.end])
                if len(word) > 2 and word.isalpha():
                    flags.setdefault(word, set()).add("A")
    return {w: "".join(sorted(f)) for w, f in flags.items()}


def default_crf_path() -> Path:
    """The committed CRF inside the package (``resources/models/ner-crf``)."""
    return Path(str(resources.files("marsad").joinpath("resources", "models", "ner-crf")))


class UnionTagger:
    """The CNN's entities plus every CRF entity that overlaps none of them.

    Has ``NerTagger``'s interface (``tag``, ``proclitic``, ``labels``) so the mentions
    stage and ``marsad eval ner`` use it in the CNN's place.
    """

    def __init__(self, cnn: Any, crf: CrfTagger) -> None:
        self.cnn = cnn
        self.crf = crf

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(self.cnn.labels)

    def proclitic(self, word: str) -> tuple[int, str]:
        return self.cnn.proclitic(word)

    def tag(self, sentences: Iterable[Sequence[str]]) -> list[list[Entity]]:
        sentences = [list(s) for s in sentences]
        return [union(a, b) for a, b in
                zip(self.cnn.tag(sentences), self.crf.tag(sentences), strict=True)]


def union(first: Sequence[Entity], second: Sequence[Entity]) -> list[Entity]:
    """``first`` plus the entities of ``second`` that overlap none of ``first``."""
    added = [e for e in second if not any(e[0] < f[1] and f[0] < e[1] for f in first)]
    return sorted([*first, *added])


# ---------------------------------------------------------------- training


@dataclass
class CrfSettings:
    """What ``marsad train ner-crf`` can vary; defaults are the committed CRF's."""

    c1: float = 0.1
    c2: float = 0.05
    max_iterations: int = 150
    cluster_sizes: tuple[int, ...] = CLUSTER_SIZES
    features: FeatureSet = field(default_factory=FeatureSet)
    seed: int = 0


def dev_scores(tagger: Callable[[Sequence[Sequence[str]]], list[list[Entity]]],
               dev: Sequence[TaggedSentence]) -> dict[str, Any]:
    """Four-class scores of ``tagger`` on ``dev``, each sentence alone and in context."""
    from marsad.ner.evaluate import evaluate_sentences
    from marsad.ner.propagate import in_context

    out = {}
    for reading, predict in (("sentence_alone", tagger), ("in_context", in_context(tagger))):
        result = evaluate_sentences(dev, predict, "conll4")
        out[reading] = {k: result[k] for k in ("precision", "recall", "f1", "per_type")}
    return out


def train_ner_crf(data_dir: Path, out: Path, settings: CrfSettings, *,
                  vectors_model: Path | None = None, cnn_model: Path | None = None,
                  command: str = "", say: Callable[[str], None] = print) -> dict[str, Any]:
    """Train the CRF on ANERcorp's training part (``split_corpora``: test overlap removed,
    dev stretches held out) into ``out`` with its word lists and ``provenance.json``;
    scores the CRF alone and the CNN at ``cnn_model`` joined with it on dev."""
    import datetime as dt

    from marsad.ner import corpora as C
    from marsad.ner.tagger import NerTagger, default_model_path
    from marsad.ner.train import DEV_EVERY, split_corpora

    train, _, report = split_corpora(data_dir, ("anercorp",), say)
    # Dev as the CNN's dev_scores reads it: ANERcorp's own four classes.
    dev = [s for s in C.read_anercorp(data_dir)
           if int(s.doc.split(":")[1]) % DEV_EVERY == DEV_EVERY - 1]
    vectors_model = vectors_model or default_model_path()
    started = time.time()
    lists = WordLists(train_clusters(vectors_model, settings.cluster_sizes, settings.seed),
                      word_flags(data_dir))
    say(f"word lists: {len(lists.clusters)} clustered words, {len(lists.flags)} flagged")
    out.mkdir(parents=True, exist_ok=True)
    lists.save(out)
    features = CrfFeatures(lists, settings.features)
    log = train_crf(train, features, out / CRF_MODEL, c1=settings.c1, c2=settings.c2,
                    max_iterations=settings.max_iterations)
    seconds = round(time.time() - started)
    crf = CrfTagger(out / CRF_MODEL, features)
    union_tagger = UnionTagger(NerTagger.load(cnn_model), crf)
    scores = {"crf": dev_scores(crf.tag, dev), "cnn_union_crf": dev_scores(union_tagger.tag, dev)}
    for name, result in scores.items():
        say(f"dev {name}: " + ", ".join(f"{r} F1 {v['f1']:.4f}" for r, v in result.items()))
    provenance = {
        "trained": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "command": command,
        "settings": asdict(settings),
        "vectors_from": str(vectors_model),
        "cnn_model": str(cnn_model or default_model_path()),
        "training_seconds": seconds,
        "crfsuite": log,
        "data": report,
        "dev_scores_conll4": scores,
    }
    (out / PROVENANCE).write_text(json.dumps(provenance, ensure_ascii=False, indent=2))
    return provenance


def install_crf(out: Path) -> Path:
    """Copy the CRF trained into ``out`` into the package (its README there is kept)."""
    dest = default_crf_path()
    dest.mkdir(parents=True, exist_ok=True)
    for name in MODEL_FILES:
        shutil.copy(out / name, dest / name)
    return dest
