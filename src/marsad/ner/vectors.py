"""Static word vectors for the NER model: floret (fastText with hashed subwords) trained
on the Arabic text of the shared data folder.

The text is tokenised like the NER input and folded (``features.fold``) so the vectors are
looked up by the ``NORM`` attribute. The CAMeL test split and every sentence overlapping it
are left out. The raw text is written to a temporary file and deleted: only the vectors
are kept, with a provenance note: floret's table of hashed subword rows, or (``words``)
a plain table of the most frequent words' floret vectors, which spaCy looks up by index
instead of hashing every token's character n-grams (about a quarter of the NER model's
time); words outside it get no vector.
"""

from __future__ import annotations

import json
import tempfile
import zipfile
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from marsad.config import SAUDINEWSNET
from marsad.errors import ConfigError
from marsad.ner import corpora as C
from marsad.ner.features import LANG, fold, tokenize


def saudinewsnet_text(data_dir: Path) -> Iterator[str]:
    """Titles and paragraphs of the SaudiNewsNet articles (read, never copied)."""
    folder = data_dir / SAUDINEWSNET
    for path in sorted(folder.glob("*.zip")):
        with zipfile.ZipFile(path) as archive:
            for member in archive.namelist():
                for article in json.loads(archive.read(member)):
                    yield article.get("title") or ""
                    yield from (article.get("content") or "").split("\n")


def corpus_text(data_dir: Path) -> Iterator[str]:
    """Sentences of the NER corpora (without the test split and its overlaps)."""
    index = C.OverlapIndex.from_sentences(C.read_camel_test(data_dir))
    sources = [C.read_anercorp(data_dir), C.read_fane(data_dir, "news"),
               C.read_fane(data_dir, "wiki"), C.read_aqmar(data_dir), C.read_wojood(data_dir)]
    for sents in sources:
        kept, _ = C.without_test_overlap(sents, index)
        for sent in kept:
            yield " ".join(sent.tokens)


def folded_line(text: str) -> str:
    return " ".join(fold(text[s.start:s.end]) for s in tokenize(text))


def write_training_text(data_dir: Path, path: Path) -> dict[str, int]:
    """Folded, tokenised, de-duplicated lines for floret; returns line and token counts."""
    seen: set[int] = set()
    counts = {"lines": 0, "tokens": 0, "saudinewsnet_lines": 0}
    with path.open("w", encoding="utf-8") as out:
        for origin, lines in (("saudinewsnet", saudinewsnet_text(data_dir)),
                              ("corpora", corpus_text(data_dir))):
            for raw in lines:
                line = folded_line(raw)
                if line.count(" ") < 3 or hash(line) in seen:
                    continue
                seen.add(hash(line))
                out.write(line + "\n")
                counts["lines"] += 1
                counts["tokens"] += line.count(" ") + 1
                if origin == "saudinewsnet":
                    counts["saudinewsnet_lines"] += 1
    return counts


def word_counts(text_file: Path) -> Counter[str]:
    """Counts of the space-separated words of a training text file."""
    counts: Counter[str] = Counter()
    with text_file.open(encoding="utf-8") as handle:
        for line in handle:
            counts.update(line.split())
    return counts


def word_table(floret_pipeline: Path, counts: Counter[str], words: int, out: Path) -> int:
    """Write at ``out`` a spaCy pipeline whose vectors are a plain table of the ``words``
    most frequent words, each with its floret vector; returns the number of rows."""
    import numpy
    import spacy
    from spacy.vectors import Vectors

    source = spacy.load(floret_pipeline)
    keep = [w for w, _ in counts.most_common(words)]
    data = numpy.asarray(source.vocab.vectors.get_batch(keep), dtype="float32")
    nlp = spacy.blank(LANG)
    nlp.vocab.vectors = Vectors(strings=nlp.vocab.strings, shape=data.shape, attr="NORM")
    for row, word in enumerate(keep):
        nlp.vocab.vectors.add(word, vector=data[row])
    nlp.to_disk(out)
    keep_norm_key(out)
    return len(keep)


def keep_norm_key(pipeline: Path) -> None:
    """Record in a saved pipeline that its plain vectors table is keyed by ``NORM``.

    spaCy 3.8 writes the key attribute to ``vocab/vectors.cfg`` only for floret tables,
    so a plain table would be read back keyed by ``ORTH`` (raw text); this adds it.
    """
    from spacy.attrs import NORM

    cfg_path = pipeline / "vocab" / "vectors.cfg"
    if not cfg_path.is_file():
        return
    cfg = json.loads(cfg_path.read_text(encoding="utf-8"))
    if cfg.get("mode", "default") == "default" and "attr" not in cfg:
        cfg["attr"] = NORM
        cfg_path.write_text(json.dumps(cfg), encoding="utf-8")


def train_vectors(data_dir: Path, out: Path, *, dim: int = 100, bucket: int = 50_000,
                  epoch: int = 5, min_count: int = 5, threads: int = 2, words: int = 0,
                  say: Callable[[str], None] = print) -> dict[str, Any]:
    """Train floret vectors and write them as a spaCy vectors folder at ``out``/pipeline
    (with ``words``, also the plain table of that many words at ``out``/words)."""
    try:
        import floret
    except ImportError:
        raise ConfigError("training vectors needs floret: pip install floret") from None
    import spacy
    from spacy.training.initialize import convert_vectors

    out.mkdir(parents=True, exist_ok=True)
    settings = {"model": "cbow", "mode": "floret", "dim": dim, "bucket": bucket,
                "minn": 3, "maxn": 5, "hashCount": 2, "epoch": epoch, "minCount": min_count}
    with tempfile.TemporaryDirectory() as tmp:
        text = Path(tmp) / "text.txt"
        counts = write_training_text(data_dir, text)
        say(f"vector text: {counts}")
        model = floret.train_unsupervised(str(text), thread=threads, **settings)
        floret_file = Path(tmp) / "vectors.floret"
        model.save_floret_vectors(str(floret_file))
        nlp = spacy.blank(LANG)
        convert_vectors(nlp, floret_file, truncate=0, prune=-1, mode="floret", attr="NORM")
        nlp.to_disk(out / "pipeline")
        if words:
            rows = word_table(out / "pipeline", word_counts(text), words, out / "words")
            say(f"word table: {rows} words")
    report = {"text": counts, "floret": settings, "word_table": words,
              "sources": ["SaudiNewsNet (CC BY-NC-SA 4.0; text read at training time only)",
                          "ANERcorp training part", "NewsFANE and WikiFANE (CC BY-SA 3.0)",
                          "AQMAR (CC BY-SA 3.0)", "Wojood sample (MIT)"],
              "excluded": "the CAMeL test split and every sentence overlapping it"}
    (out / "vectors_report.json").write_text(json.dumps(report, indent=2))
    return report
