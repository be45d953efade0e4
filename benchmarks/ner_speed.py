"""Speed of the committed NER model alone, on one core: prints one JSON line per run.

    .venv/bin/python benchmarks/ner_speed.py [--file CONLL] [--repeat 3] [--model DIR]
        [--decoder marsad|spacy] [--tagger cnn|crf|union] [--crf DIR]

Tokens come from a CoNLL file (default: the CAMeL test split of ANERcorp in the shared
data folder), already split, so only the model is timed (no tokenising, no lexicons).
Threads are pinned to one (OMP/MKL/OpenBLAS) before numpy loads and the process to one
CPU. ``tokens_per_second`` is wall-clock throughput; ``tokens_per_cpu_second`` divides by
the process's CPU time, which is the one-core figure on a machine shared with other jobs
(on an idle core the two agree). ``--tagger crf`` times the CRF tagger alone (feature
extraction included; its per-word feature cache starts empty in run 1), ``union`` the
CNN joined with it (``[mentions] crf = true``).
"""

from __future__ import annotations

import os

for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[var] = "1"

import argparse  # noqa: E402
import json  # noqa: E402
import platform  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402


def main() -> None:
    from marsad.config import shared_data_dir
    from marsad.ner.conll import read_conll
    from marsad.ner.corpora import CAMEL_TEST
    from marsad.ner.tagger import NerTagger, default_model_path

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--file", help="CoNLL file whose tokens are tagged")
    parser.add_argument("--model", help="model folder (default: the committed one)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--batch-size", type=int, default=256)
    parser.add_argument("--decoder", choices=("marsad", "spacy"), default="marsad",
                        help="marsad's numpy decoder (what the pipeline uses) or spaCy's own")
    parser.add_argument("--tagger", choices=("cnn", "crf", "union"), default="cnn",
                        help="the CNN, the CRF alone, or the CNN joined with the CRF")
    parser.add_argument("--crf", help="CRF folder (default: the committed one)")
    args = parser.parse_args()
    path = Path(args.file) if args.file else shared_data_dir() / CAMEL_TEST
    sentences = [list(s.tokens) for s in read_conll(path)]
    tokens = sum(len(s) for s in sentences)
    started = time.perf_counter()
    crf = None
    if args.tagger != "cnn":
        from marsad.ner.crf import CrfTagger, UnionTagger

        crf = CrfTagger.load(args.crf)
    if args.tagger == "crf":
        tag = crf.tag
    else:
        tagger = NerTagger.load(args.model)
        tagger.batch_size = args.batch_size
        tag = tagger.tag if args.decoder == "marsad" else tagger.tag_with_spacy
        if crf is not None:
            tag = UnionTagger(tagger, crf).tag
    load_s = time.perf_counter() - started
    tag(sentences[:50])  # warm up
    if crf is not None:
        crf.features.clear_cache()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    for run in range(args.repeat):
        started, cpu_started = time.perf_counter(), time.process_time()
        tag(sentences)
        seconds = time.perf_counter() - started
        cpu = time.process_time() - cpu_started
        print(json.dumps({
            "benchmark": "ner_model_tokens_per_second", "run": run + 1,
            "tokens": tokens, "sentences": len(sentences), "seconds": round(seconds, 3),
            "cpu_seconds": round(cpu, 3), "tokens_per_second": round(tokens / seconds),
            "tokens_per_cpu_second": round(tokens / cpu), "threads": 1,
            "decoder": args.decoder, "tagger": args.tagger,
            "load_seconds": round(load_s, 2), "model": str(args.model or default_model_path()),
            "input": path.name, "python": platform.python_version(),
            "cpu": platform.processor() or platform.machine(),
        }), flush=True)


if __name__ == "__main__":
    main()
