"""Train marsad's Arabic NER model (spaCy, CPU) from the shared NER corpora.

``prepare_data`` reads the corpora, removes everything overlapping the CAMeL test split
(and reports how much), splits off a dev set of ANERcorp stretches and writes spaCy
``DocBin`` files; ``train_model`` writes a spaCy config and trains. ``marsad train ner``
runs both. The test split is read only to find and remove its sentences elsewhere.
"""

from __future__ import annotations

import json
import shutil
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

from marsad.errors import ConfigError
from marsad.ner import corpora as C
from marsad.ner.conll import TaggedSentence, read_conll
from marsad.ner.silver import SILVER
from marsad.ner.tagger import ENTITY_WORDS
from marsad.ner.vectors import keep_norm_key

CORPORA = ("anercorp", "wikifane", "aqmar", "wojood")
DEV_EVERY = 7  # every 7th 200-sentence stretch of ANERcorp's training part is dev


@dataclass
class TrainSettings:
    """What ``marsad train ner`` can vary; defaults are the committed model's."""

    corpora: tuple[str, ...] = CORPORA
    width: int = 96
    depth: int = 4
    embed_rows: int = 5000
    window: int = 1
    hidden_width: int = 64
    dropout: float = 0.15
    max_steps: int = 20000
    max_epochs: int = 0
    patience: int = 3000
    eval_frequency: int = 500
    learn_rate: float = 0.001
    vectors: str | None = None
    base_model: str | None = None
    gazetteer: bool = False
    anercorp_weight: int = 1
    seed: int = 0
    silver: str | None = None
    silver_sentences: int = 0


def _sentences(data_dir: Path, corpora: Sequence[str], types: C.PlaceTypes
               ) -> dict[str, list[TaggedSentence]]:
    readers: dict[str, Callable[[], list[TaggedSentence]]] = {
        "anercorp": lambda: C.retype_places(C.read_anercorp(data_dir), types),
        "wikifane": lambda: C.read_fane(data_dir, "wiki"),
        "newsfane": lambda: C.read_fane(data_dir, "news"),
        "aqmar": lambda: C.read_aqmar(data_dir, types),
        "wojood": lambda: C.read_wojood(data_dir),
    }
    unknown = [c for c in corpora if c not in readers]
    if unknown:
        raise ConfigError(f"unknown corpus {unknown[0]!r}; choose from {', '.join(readers)}")
    return {name: readers[name]() for name in corpora}


def place_types(data_dir: Path, index: C.OverlapIndex) -> tuple[C.PlaceTypes, dict[str, int]]:
    """The GPE/LOC/FAC lexicon from NewsFANE (test overlap removed) and WikiFANE."""
    news, stats = C.without_test_overlap(C.read_fane(data_dir, "news"), index)
    wiki = C.read_fane(data_dir, "wiki")
    return C.PlaceTypes.from_sentences([*news, *wiki]), stats


def shared_rate(sentences: Iterable[TaggedSentence], index: C.OverlapIndex) -> float:
    """Share of the sentences' 20-character stretches that also occur in the test split
    (the coincidental level is about 0.3%, stock phrases and names)."""
    total = hit = 0
    for sent in sentences:
        key = C.fold_key("".join(sent.tokens))
        grams = [key[i : i + C.SHINGLE] for i in range(len(key) - C.SHINGLE + 1)]
        total += len(grams)
        hit += sum(g in index.shingles for g in grams)
    return round(hit / total, 5) if total else 0.0


def split_corpora(data_dir: Path, corpora: Sequence[str] = CORPORA,
                  say: Callable[[str], None] = print, anercorp_weight: int = 1,
                  silver: str | Path | None = None, silver_sentences: int = 0
                  ) -> tuple[list[TaggedSentence], list[TaggedSentence], dict[str, Any]]:
    """The training and dev sentences of ``corpora`` (test overlap removed, ANERcorp's
    dev stretches split off) and the data report. ANERcorp's training sentences are
    repeated ``anercorp_weight`` times (the benchmark is ANERcorp; the other corpora
    differ in style and annotation conventions). ``silver``, a CoNLL file written by
    ``marsad train ner-silver``, adds its first ``silver_sentences`` sentences (all
    when 0) to the training sentences."""
    test = C.read_camel_test(data_dir)
    index = C.OverlapIndex.from_sentences(test)
    types, news_stats = place_types(data_dir, index)
    report: dict[str, Any] = {
        "test_split": {"file": str(C.CAMEL_TEST), "sentences": len(test),
                       "tokens": sum(len(s.tokens) for s in test)},
        "place_types": {"newsfane_overlap_removed": news_stats, "names": len(types.counts)},
        "corpora": {},
    }
    train: list[TaggedSentence] = []
    dev: list[TaggedSentence] = []
    for name, sents in _sentences(data_dir, corpora, types).items():
        kept, stats = C.without_test_overlap(sents, index)
        stats["tokens_kept"] = sum(len(s.tokens) for s in kept)
        stats["shared_with_test_before"] = shared_rate(sents, index)
        stats["shared_with_test_after"] = shared_rate(kept, index)
        stats["overlapping_after"] = sum(index.overlaps(s) for s in kept)
        if name == "anercorp":
            is_dev = [int(s.doc.split(":")[1]) % DEV_EVERY == DEV_EVERY - 1 for s in kept]
            dev += [s for s, d in zip(kept, is_dev, strict=True) if d]
            kept = [s for s, d in zip(kept, is_dev, strict=True) if not d]
        stats["train_sentences"] = len(kept)
        report["corpora"][name] = stats
        say(f"{name}: {json.dumps(stats)}")
        train += kept * (max(1, anercorp_weight) if name == "anercorp" else 1)
    if silver:
        sents = [replace(s, doc=f"{SILVER}:{i}") for i, s in  # one document per sentence
                 enumerate(read_conll(silver, source=SILVER)[: silver_sentences or None])]
        kept, stats = C.without_test_overlap(sents, index)
        stats["file"] = str(silver)
        stats["train_sentences"] = len(kept)
        report["silver"] = stats
        say(f"silver: {json.dumps(stats)}")
        train += kept
    report["dev"] = {"sentences": len(dev), "tokens": sum(len(s.tokens) for s in dev)}
    report["train"] = {"sentences": len(train), "tokens": sum(len(s.tokens) for s in train),
                       "entities": dict(Counter(e[2] for s in train for e in s.entities()))}
    say(f"train {report['train']}, dev {report['dev']}")
    return train, dev, report


def prepare_data(data_dir: Path, out: Path, corpora: Sequence[str] = CORPORA,
                 say: Callable[[str], None] = print, gazetteer: bool = False,
                 anercorp_weight: int = 1, silver: str | Path | None = None,
                 silver_sentences: int = 0) -> dict[str, Any]:
    """Write ``train.spacy`` and ``dev.spacy`` of ``split_corpora`` into ``out`` (and
    ``gazetteer.tsv`` when asked); return the data report."""
    from spacy.tokens import DocBin

    import marsad.ner.features  # noqa: F401  (registers the marsad_ar language)

    train, dev, report = split_corpora(data_dir, corpora, say, anercorp_weight, silver,
                                       silver_sentences)
    out.mkdir(parents=True, exist_ok=True)
    import spacy

    nlp = spacy.blank("marsad_ar")
    for fname, sents in (("train.spacy", train), ("dev.spacy", dev)):
        DocBin(docs=(to_doc(nlp.vocab, s) for s in sents)).to_disk(out / fname)
    (out / "data_report.json").write_text(json.dumps(report, ensure_ascii=False, indent=2))
    # counted over the gold sentences once each: not the silver ones, nor ANERcorp's
    # repeats for --anercorp-weight (the same objects again)
    once = {id(s): s for s in train if s.source != SILVER}
    write_entity_words(once.values(), out / ENTITY_WORDS)
    if gazetteer:
        from marsad.ner.gazetteer import GAZETTEER, build_gazetteer, write_gazetteer

        entries = build_gazetteer(data_dir)
        write_gazetteer(entries, out / GAZETTEER)
        report["gazetteer"] = {"words": len(entries)}
    return report


def write_entity_words(sentences: Iterable[TaggedSentence], path: Path) -> None:
    """Folded words of training entities with counts: the tagger uses them to tell a
    proclitic (وبريطانيا) from a name's own first letter (وليد, بيروت)."""
    from marsad.ner.features import fold

    counts: Counter[str] = Counter()
    for sent in sentences:
        for s, e, _ in sent.entities():
            counts.update(fold(t) for t in sent.tokens[s:e])
    lines = [f"{w}\t{n}" for w, n in sorted(counts.items(), key=lambda x: (-x[1], x[0]))
             if n >= 2 and "\t" not in w]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def to_doc(vocab: Any, sent: TaggedSentence) -> Any:
    """A spaCy Doc of the sentence's tokens with its entities (missing tokens unset)."""
    from spacy.tokens import Doc

    doc = Doc(vocab, words=list(sent.tokens))
    spans = [doc.char_span(doc[s].idx, doc[e - 1].idx + len(doc[e - 1]), label=label)
             for s, e, label in sent.entities()]
    missing = [doc[i : i + 1] for i in sorted(sent.missing)]
    spans = [sp for sp in spans if not any(sp.start <= m.start < sp.end for m in missing)]
    doc.set_ents(spans, missing=missing, default="outside")
    return doc


def config_text(settings: TrainSettings) -> str:
    """The spaCy training config for ``settings``; with ``base_model`` its tok2vec and ner
    are copied from that trained pipeline and trained further (fine-tuning)."""
    if settings.base_model:
        base = json.dumps(settings.base_model)
        components = f"""
[components]

[components.tok2vec]
source = {base}

[components.ner]
source = {base}
"""
    else:
        components = _fresh_components(settings)
    return f"""
[paths]
train = null
dev = null
vectors = {json.dumps(settings.vectors) if settings.vectors else "null"}

[system]
gpu_allocator = null
seed = {settings.seed}

[nlp]
lang = "marsad_ar"
pipeline = ["tok2vec", "ner"]
batch_size = 256

{components}
[corpora]

[corpora.train]
@readers = "spacy.Corpus.v1"
path = ${{paths.train}}

[corpora.dev]
@readers = "spacy.Corpus.v1"
path = ${{paths.dev}}

[training]
dev_corpus = "corpora.dev"
train_corpus = "corpora.train"
seed = ${{system.seed}}
dropout = {settings.dropout}
patience = {settings.patience}
max_epochs = {settings.max_epochs}
max_steps = {settings.max_steps}
eval_frequency = {settings.eval_frequency}

[training.batcher]
@batchers = "spacy.batch_by_words.v1"
discard_oversize = false
tolerance = 0.2

[training.batcher.size]
@schedules = "compounding.v1"
start = 100
stop = 1000
compound = 1.001

[training.optimizer]
@optimizers = "Adam.v1"
learn_rate = {settings.learn_rate}
L2 = 0.01
grad_clip = 1.0

[training.logger]
@loggers = "spacy.ConsoleLogger.v1"
progress_bar = false

[training.score_weights]
ents_f = 1.0
ents_p = 0.0
ents_r = 0.0

[initialize]
vectors = ${{paths.vectors}}
"""


def _fresh_components(settings: TrainSettings) -> str:
    vectors = "true" if settings.vectors else "false"
    rows = settings.embed_rows
    return f"""
[components]

[components.tok2vec]
factory = "tok2vec"

[components.tok2vec.model]
@architectures = "spacy.Tok2Vec.v2"

[components.tok2vec.model.embed]
@architectures = "spacy.MultiHashEmbed.v2"
width = {settings.width}
attrs = ["NORM", "LOWER", "PREFIX", "SUFFIX", "SHAPE"]
rows = [{rows}, {rows}, 500, {rows // 2}, 200]
include_static_vectors = {vectors}

[components.tok2vec.model.encode]
@architectures = "spacy.MaxoutWindowEncoder.v2"
width = {settings.width}
depth = {settings.depth}
window_size = {settings.window}
maxout_pieces = 3

[components.ner]
factory = "ner"

[components.ner.model]
@architectures = "spacy.TransitionBasedParser.v2"
state_type = "ner"
extra_state_tokens = false
hidden_width = {settings.hidden_width}
maxout_pieces = 2
use_upper = true

[components.ner.model.tok2vec]
@architectures = "spacy.Tok2VecListener.v1"
width = {settings.width}
"""


def full_config(settings: TrainSettings) -> Any:
    """``config_text`` filled with spaCy's defaults for everything it leaves out."""
    from spacy.language import DEFAULT_CONFIG
    from spacy.util import load_config_from_str

    return DEFAULT_CONFIG.merge(load_config_from_str(config_text(settings)))


def train_model(data: Path, out: Path, settings: TrainSettings) -> Path:
    """Train on ``data``/train.spacy (dev.spacy for model selection); returns model-best."""
    from spacy.cli.train import train as spacy_train

    from marsad.ner.features import use_gazetteer
    from marsad.ner.gazetteer import GAZETTEER, read_gazetteer

    use_gazetteer(read_gazetteer(data / GAZETTEER) if settings.gazetteer else {})
    out.mkdir(parents=True, exist_ok=True)
    cfg = out / "config.cfg"
    full_config(settings).to_disk(cfg)
    started = time.time()
    spacy_train(cfg, out, overrides={"paths.train": str(data / "train.spacy"),
                                     "paths.dev": str(data / "dev.spacy")})
    (out / "train_seconds.txt").write_text(f"{time.time() - started:.0f}\n")
    for saved in ("model-best", "model-last"):
        keep_norm_key(out / saved)
        if settings.gazetteer and (out / saved).is_dir():
            shutil.copy(data / GAZETTEER, out / saved / GAZETTEER)  # the model reads it
    return out / "model-best"


def package_model(best: Path, dest: Path, provenance: dict[str, Any], data: Path) -> None:
    """Copy a trained pipeline to ``dest`` (replacing it) with its provenance JSON and the
    word lists it reads (``entity_words.tsv``, ``gazetteer.tsv``) from ``data``."""
    from marsad.ner.gazetteer import GAZETTEER

    if dest.exists():
        shutil.rmtree(dest)
    shutil.copytree(best, dest)
    for name in (ENTITY_WORDS, GAZETTEER):
        if (data / name).is_file():
            shutil.copy(data / name, dest / name)
    (dest / "provenance.json").write_text(json.dumps(provenance, ensure_ascii=False, indent=2))


def dev_scores(model: Path, data_dir: Path) -> dict[str, Any]:
    """The model's scores on the dev stretches of ANERcorp, in ANERcorp's four classes."""
    from marsad.ner.evaluate import evaluate_sentences
    from marsad.ner.tagger import NerTagger

    dev = [s for s in C.read_anercorp(data_dir)
           if int(s.doc.split(":")[1]) % DEV_EVERY == DEV_EVERY - 1]
    return evaluate_sentences(dev, NerTagger.load(model).tag, "conll4")


def train_ner(data_dir: Path, out: Path, settings: TrainSettings, *,
              install: Path | None = None, command: str = "",
              say: Callable[[str], None] = print) -> dict[str, Any]:
    """Prepare the data, train, score on dev; with ``install`` copy the model there with
    its provenance. Returns the provenance record."""
    import datetime as dt

    import spacy

    report = prepare_data(data_dir, out / "data", settings.corpora, say, settings.gazetteer,
                          settings.anercorp_weight, settings.silver, settings.silver_sentences)
    started = time.time()
    best = train_model(out / "data", out / "model", settings)
    seconds = round(time.time() - started)
    scores = dev_scores(best, data_dir)
    summary = {k: scores[k] for k in ("precision", "recall", "f1")}
    say(f"dev (ANERcorp, 4 classes): {json.dumps(summary)}")
    provenance = {
        "trained": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "command": command,
        "spacy": spacy.__version__,
        "settings": asdict(settings),
        "training_seconds": seconds,
        "data": report,
        "dev_scores_conll4": scores,
    }
    if install is not None:
        package_model(best, install, provenance, out / "data")
        say(f"model installed at {install}")
    (out / "provenance.json").write_text(json.dumps(provenance, ensure_ascii=False, indent=2))
    return provenance
