"""``marsad train ner`` and ``marsad train vectors``: build the NER model from ../shared/data."""

from __future__ import annotations

import json
import shlex
import sys
from pathlib import Path
from typing import Annotated

import typer

from marsad.cli.app import train_app
from marsad.cli.common import cli_errors, say
from marsad.config import shared_data_dir
from marsad.ner.tagger import default_model_path
from marsad.ner.train import CORPORA, TrainSettings, train_ner

DataOpt = Annotated[str | None, typer.Option(
    help="The shared data folder (default: $MARSAD_SHARED_DATA or ../shared/data).")]


@train_app.command("ner")
def train_ner_command(
    data: DataOpt = None,
    out: Annotated[Path, typer.Option(
        help="Working folder for the DocBins, checkpoints and logs.")] = Path("build/ner"),
    vectors: Annotated[str | None, typer.Option(
        help="A vectors folder made by `marsad train vectors` (its pipeline/ subfolder).")]
    = None,
    corpora: Annotated[str, typer.Option(
        help=f"Comma-separated training corpora from: {', '.join(CORPORA)}, newsfane.")]
    = ",".join(CORPORA),
    max_steps: Annotated[int, typer.Option(help="Training steps (spaCy max_steps).")] = 20000,
    width: Annotated[int, typer.Option(help="tok2vec width.")] = 96,
    depth: Annotated[int, typer.Option(help="tok2vec CNN depth.")] = 4,
    embed_rows: Annotated[int, typer.Option(
        help="Hash embedding rows for the word features (NORM, LOWER; SUFFIX gets half).")]
    = 5000,
    gazetteer: Annotated[bool, typer.Option(
        "--gazetteer/--no-gazetteer",
        help="Give the model place/person gazetteer flags (GeoNames, OpenSyria, WikiFANE, "
             "AQMAR and Wojood names) as a feature.")] = False,
    anercorp_weight: Annotated[int, typer.Option(
        help="Repeat ANERcorp's training sentences this many times.")] = 1,
    base_model: Annotated[str | None, typer.Option(
        help="Start from this trained pipeline (e.g. OUT/model/model-best of a run on all "
             "corpora) and fine-tune it; width and depth then come from it.")] = None,
    dropout: Annotated[float, typer.Option(help="Dropout.")] = 0.15,
    learn_rate: Annotated[float, typer.Option(help="Adam learning rate.")] = 0.001,
    eval_frequency: Annotated[int, typer.Option(
        help="Score the dev split every this many steps.")] = 500,
    patience: Annotated[int, typer.Option(
        help="Stop after this many steps without a better dev score.")] = 3000,
    seed: Annotated[int, typer.Option(help="Random seed.")] = 0,
    silver: Annotated[str | None, typer.Option(
        help="Also train on this CoNLL file of machine-labelled sentences (OUT/silver.conll "
             "of `marsad train ner-silver`).")] = None,
    silver_sentences: Annotated[int, typer.Option(
        help="Use only the first this many --silver sentences (0: all).")] = 0,
    install: Annotated[bool, typer.Option(
        "--install/--no-install",
        help="Copy the best model into the package (src/marsad/resources/models/ner) with "
             "its provenance.json.")] = False,
) -> None:
    """Train the Arabic NER model (spaCy, CPU). The CAMeL test split and every sentence
    overlapping it are removed from all training data first (counts are printed); an
    ANERcorp dev split picks the best checkpoint. Prints the provenance as JSON."""
    with cli_errors():
        settings = TrainSettings(corpora=tuple(c.strip() for c in corpora.split(",") if c),
                                 vectors=vectors, max_steps=max_steps, width=width,
                                 depth=depth, embed_rows=embed_rows, seed=seed,
                                 gazetteer=gazetteer,
                                 anercorp_weight=anercorp_weight, base_model=base_model,
                                 dropout=dropout, patience=patience, learn_rate=learn_rate,
                                 eval_frequency=eval_frequency, silver=silver,
                                 silver_sentences=silver_sentences)
        provenance = train_ner(
            shared_data_dir(data), out, settings,
            install=default_model_path() if install else None,
            command="marsad " + " ".join(shlex.quote(a) for a in sys.argv[1:]), say=say)
    sys.stdout.write(json.dumps(provenance, ensure_ascii=False) + "\n")


@train_app.command("vectors")
def train_vectors_command(
    data: DataOpt = None,
    out: Annotated[Path, typer.Option(help="Output folder.")] = Path("build/vectors"),
    dim: Annotated[int, typer.Option(help="Vector dimensions.")] = 100,
    bucket: Annotated[int, typer.Option(help="Hashed subword rows (floret buckets).")]
    = 50_000,
    epoch: Annotated[int, typer.Option(help="Training epochs.")] = 5,
    words: Annotated[int, typer.Option(
        help="Also write OUT/words: a plain table of this many most frequent words (faster "
             "to look up than floret's hashed subwords; 0: none).")] = 0,
) -> None:
    """Train floret vectors on the Arabic text of the data folder (SaudiNewsNet and the NER
    corpora without the test split). Writes OUT/pipeline (and OUT/words) for
    `marsad train ner --vectors`."""
    from marsad.ner.vectors import train_vectors

    with cli_errors():
        report = train_vectors(shared_data_dir(data), out, dim=dim, bucket=bucket,
                               epoch=epoch, words=words, say=say)
    sys.stdout.write(json.dumps(report, ensure_ascii=False) + "\n")


@train_app.command("ner-silver")
def train_ner_silver_command(
    lstm: Annotated[Path, typer.Option(
        help="A BiLSTM-CRF folder with weights.npz (`python -m marsad.ner.lstm_train`).")],
    data: DataOpt = None,
    out: Annotated[Path, typer.Option(
        help="Output folder (silver.conll, silver.json).")] = Path("build/ner-silver"),
    sentences: Annotated[int, typer.Option(help="How many sentences to label.")] = 25_000,
    fraction: Annotated[float, typer.Option(
        help="Share of SaudiNewsNet's articles the sentences are drawn from.")] = 0.25,
    seed: Annotated[int, typer.Option(help="Seed of the article draw and shuffle.")]
    = 20261123,
    gold: Annotated[Path, typer.Option(
        help="Events gold file whose articles are left out (skipped when absent).")]
    = Path("gold/events/events.jsonl"),
    teacher: Annotated[Path | None, typer.Option(
        help="Also vote with this fine-tuned e5 teacher folder (`python -m "
             "marsad.ner.e5_train`; needs torch, the train extra).")] = None,
    at_least: Annotated[int, typer.Option(
        help="Keep an entity that at least this many taggers found.")] = 2,
) -> None:
    """Label SaudiNewsNet sentences with the vote of the taggers (the committed CNN and
    CRF, the LSTM in --lstm and the --teacher if given): an entity found by at least
    --at-least of them is kept. The file is for `marsad train ner --silver`; it is
    SaudiNewsNet text (non-commercial): never commit it. Prints the counts as JSON."""
    from marsad.ner.silver import make_silver

    with cli_errors():
        report = make_silver(shared_data_dir(data), out, lstm, sentences=sentences,
                             fraction=fraction, seed=seed, gold=gold, teacher=teacher,
                             at_least=at_least, say=say)
    sys.stdout.write(json.dumps(report, ensure_ascii=False) + "\n")


@train_app.command("ner-crf")
def train_ner_crf_command(
    data: DataOpt = None,
    out: Annotated[Path, typer.Option(
        help="Output folder for the CRF (crf.model, clusters.tsv, word_flags.tsv, "
             "provenance.json).")] = Path("build/ner-crf"),
    vectors_model: Annotated[str | None, typer.Option(
        help="The spaCy model folder whose word vectors are clustered (default: the "
             "committed NER model).")] = None,
    cnn_model: Annotated[str | None, typer.Option(
        help="The CNN model the CRF is joined with for the dev scores (default: the "
             "committed one).")] = None,
    c1: Annotated[float, typer.Option(help="L1 regularisation.")] = 0.1,
    c2: Annotated[float, typer.Option(help="L2 regularisation.")] = 0.05,
    max_iterations: Annotated[int, typer.Option(help="L-BFGS iterations.")] = 150,
    install: Annotated[bool, typer.Option(
        "--install/--no-install",
        help="Copy the CRF into the package (src/marsad/resources/models/ner-crf), keeping "
             "the README there.")] = False,
) -> None:
    """Train the CRF NER tagger (python-crfsuite) on ANERcorp's training part (the CAMeL
    test split and its overlap removed, the CNN's dev stretches held out). Prints the
    provenance (settings, data counts, dev scores of the CRF alone and joined with the
    CNN) as JSON."""
    from marsad.ner.crf import CrfSettings, install_crf, train_ner_crf

    with cli_errors():
        provenance = train_ner_crf(
            shared_data_dir(data), out, CrfSettings(c1=c1, c2=c2, max_iterations=max_iterations),
            vectors_model=Path(vectors_model) if vectors_model else None,
            cnn_model=Path(cnn_model) if cnn_model else None,
            command="marsad " + " ".join(shlex.quote(a) for a in sys.argv[1:]), say=say)
        if install:
            say(f"CRF installed at {install_crf(out)}")
    sys.stdout.write(json.dumps(provenance, ensure_ascii=False) + "\n")
