"""Silver NER sentences: unlabelled news sentences labelled by a vote of taggers.

The committed CNN, the CRF (``ner-crf``), a BiLSTM-CRF (``lstm_train``, run with numpy by
``marsad.ner.lstm``) and optionally the fine-tuned multilingual-e5 teacher
(``e5_train``, torch) each tag SaudiNewsNet sentences; an entity (exact tokens and type)
that at least two of them found is kept. On ANERcorp's dev split that vote is
more accurate than any one tagger, so training the CNN on ANERcorp plus these sentences
(``marsad train ner --silver``) passes some of the vote's accuracy to the one fast model.
The sentences are SaudiNewsNet's (non-commercial): they are written under ``build/``,
never committed. Articles of the events gold set are left out.
"""

from __future__ import annotations

import json
import random
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from marsad.errors import ConfigError
from marsad.ner.conll import TaggedSentence, entities_to_bio
from marsad.ner.features import tokenize
from marsad.text.sentences import split_sentences

Entity = tuple[int, int, str]
NEWS = Path("news/saudinewsnet/dataset")
SEED = 20261123
SILVER = "silver"  # the ``source`` of machine-labelled sentences


def gold_article_ids(path: Path) -> set[str]:
    """Article ids of an events gold file (``gold/events/events.jsonl``); none if absent."""
    if not path.is_file():
        return set()
    with path.open(encoding="utf-8") as f:
        return {json.loads(line)["article_id"] for line in f if line.strip()}


def news_sentences(data_dir: Path, *, fraction: float = 0.25, seed: int = SEED,
                   exclude: set[str] | frozenset[str] = frozenset(), min_tokens: int = 6,
                   max_tokens: int = 60) -> list[list[str]]:
    """Tokenised sentences of a seeded ``fraction`` of SaudiNewsNet's articles (none whose
    id is in ``exclude``), each token sequence once, shuffled with ``seed``."""
    from marsad.ingest.sources import read_inputs

    zips = sorted((data_dir / NEWS).glob("*.zip"))
    if not zips:
        raise ConfigError(f"no SaudiNewsNet zips in {data_dir / NEWS}")
    rng = random.Random(seed)
    seen: set[tuple[str, ...]] = set()
    out: list[list[str]] = []
    for article in read_inputs(str(z) for z in zips):
        text = getattr(article, "text", None)
        if text is None or article.id in exclude or rng.random() >= fraction:
            continue
        for s in split_sentences(text):
            tokens = [text[t.start:t.end] for t in tokenize(text, s.start, s.end)]
            if min_tokens <= len(tokens) <= max_tokens and tuple(tokens) not in seen:
                seen.add(tuple(tokens))
                out.append(tokens)
    rng.shuffle(out)
    return out


def vote(predictions: Sequence[Sequence[Sequence[Entity]]], at_least: int = 2
         ) -> list[list[Entity]]:
    """Per sentence, the entities found by at least ``at_least`` of the taggers."""
    out = []
    for per_tagger in zip(*predictions, strict=True):
        counts = Counter(e for entities in per_tagger for e in set(entities))
        out.append(sorted(e for e, n in counts.items() if n >= at_least))
    return out


def label(sentences: Sequence[Sequence[str]],
          predictions: Sequence[Sequence[Sequence[Entity]]], at_least: int = 2
          ) -> list[TaggedSentence]:
    """The sentences tagged with the vote over each tagger's ``predictions`` of them."""
    voted = vote(predictions, at_least)
    return [TaggedSentence(tuple(tokens), tuple(entities_to_bio(len(tokens), entities)),
                           source=SILVER, doc=f"{SILVER}:{i}")
            for i, (tokens, entities) in enumerate(zip(sentences, voted, strict=True))]


def write_conll(sentences: Iterable[TaggedSentence], path: Path) -> None:
    """'token TAG' lines, a blank line between sentences (read back by ``read_conll``)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as f:
        for s in sentences:
            f.writelines(f"{t} {g}\n" for t, g in zip(s.tokens, s.tags, strict=True))
            f.write("\n")


def make_silver(data_dir: Path, out: Path, lstm: Path, *, sentences: int = 25_000,
                fraction: float = 0.25, seed: int = SEED, gold: Path | None = None,
                cnn_model: Path | None = None, crf_model: Path | None = None,
                teacher: Path | None = None, at_least: int = 2,
                say: Callable[[str], None] = print) -> dict[str, Any]:
    """Write ``out``/silver.conll: ``sentences`` news sentences labelled by the vote of the
    CNN, the CRF, the LSTM in ``lstm`` and the e5 ``teacher`` folder when given (articles
    of the events ``gold`` file left out); return (and write as ``silver.json``) the
    counts."""
    import time

    from marsad.ner.crf import CrfTagger
    from marsad.ner.lstm import LstmTagger
    from marsad.ner.tagger import NerTagger

    taggers = {"cnn": NerTagger.load(cnn_model).tag, "crf": CrfTagger.load(crf_model).tag,
               "lstm": LstmTagger.load(lstm).tag}
    if teacher is not None:
        from marsad.ner.e5_train import load_teacher  # needs torch: the train extra

        taggers["e5"] = load_teacher(teacher)[1]
    started = time.time()
    pool = news_sentences(data_dir, fraction=fraction, seed=seed,
                          exclude=gold_article_ids(gold) if gold else frozenset())
    chosen = pool[:sentences]
    say(f"{len(pool)} distinct sentences, {len(chosen)} labelled")
    per_tagger = {name: tag(chosen) for name, tag in taggers.items()}
    labelled = label(chosen, list(per_tagger.values()), at_least)
    write_conll(labelled, out / "silver.conll")
    report = {
        "sentences": len(labelled), "pool_sentences": len(pool),
        "tokens": sum(len(s.tokens) for s in labelled), "fraction": fraction, "seed": seed,
        "lstm": str(lstm), "teacher": str(teacher) if teacher else None,
        "at_least": at_least, "gold_excluded": str(gold) if gold else None,
        "entities": {name: sum(map(len, ents)) for name, ents in per_tagger.items()},
        "voted": dict(Counter(e[2] for s in labelled for e in s.entities())),
        "seconds": round(time.time() - started),
    }
    (out / "silver.json").write_text(json.dumps(report, ensure_ascii=False, indent=2))
    return report
