"""``marsad analyze`` and ``marsad demo``: articles in, JSON Lines of events or articles out."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from importlib import resources
from pathlib import Path
from typing import Annotated

import typer

from marsad.cli.app import app
from marsad.cli.common import cli_errors, config_from, parse_date, say
from marsad.cli.progress import RunProgress
from marsad.errors import ClusterError, InputError, StoreError
from marsad.exports.jsonl import write_article
from marsad.ingest import IngestOptions, read_inputs
from marsad.ingest.parts import plan_parts, read_plan
from marsad.model import Article
from marsad.pipeline import Pipeline
from marsad.runners.local import IntermediateWriter, RunSummary, run_local
from marsad.store import Store


class OutputFormat(StrEnum):
    events = "events"
    articles = "articles"


def samples_dir() -> Path:
    """The folder of sample articles bundled with the package."""
    return Path(str(resources.files("marsad").joinpath("resources", "samples")))


def _parse_fields(values: list[str] | None) -> dict[str, tuple[str, ...]]:
    fields: dict[str, tuple[str, ...]] = {}
    for item in values or []:
        key, sep, name = item.partition("=")
        key = key.strip()
        if not sep or key not in ("title", "text", "url", "outlet", "published") or not name:
            raise typer.BadParameter(
                f"{item!r}: use FIELD=NAME with FIELD one of title, text, url, outlet, "
                "published", param_hint="--field")
        fields[key] = tuple(n.strip() for n in name.split(",") if n.strip())
    return fields


def analyze_paths(
    paths: list[str],
    *,
    fmt: OutputFormat = OutputFormat.events,
    published: str | None = None,
    outlet: str | None = None,
    db: str | None = None,
    config_path: str | None = None,
    fields: list[str] | None = None,
    encoding: str | None = None,
    input_format: str | None = None,
    save_intermediate: Path | None = None,
    workers: int | None = None,
    scheduler: str | None = None,
    link: bool = False,
) -> RunSummary:
    """What ``marsad analyze`` does, callable from Python: lines go to stdout.

    ``workers`` runs a local Dask cluster of that many processes, ``scheduler`` uses an
    existing one (or ``"synchronous"``); otherwise everything runs in this process.
    ``link`` then links the stored events into incidents (needs ``db``), as
    ``marsad incidents --db --link-only`` does; its one-line summary goes to stderr.
    """
    if link and not db:
        raise StoreError("--link links the events stored in a database: add --db FILE")
    distributed = workers is not None or scheduler is not None
    if distributed and save_intermediate:
        raise ClusterError("--save-intermediate writes each stage's output from this process; "
                           "run without --workers/--scheduler to use it")
    config = config_from(config_path)
    overrides = _parse_fields(fields)
    options = IngestOptions.from_config(
        config, outlet=outlet, published=parse_date(published), encoding=encoding,
        input_format=input_format,
    )
    if overrides:
        options = IngestOptions(**{**options.__dict__, "fields": {**options.fields,
                                                                   **overrides}})
    pipeline = None if distributed else Pipeline.from_config(config)
    writer = None
    if pipeline is not None and save_intermediate:
        writer = IntermediateWriter(save_intermediate, pipeline.names)
        pipeline.on_stage = writer
    runner = config.get("runner", {})
    streaming = "-" in paths and not distributed
    parts = None if streaming else plan_parts(
        paths, options,
        bytes_per_part=int(float(runner.get("jsonl_part_mb", 1)) * 1e6) if distributed else None)
    progress = RunProgress(sum(part.size for part in parts) if parts is not None else None)
    batch_size = int(config.get("store", {}).get("batch_size", 200))
    store = Store.open(db) if db else None
    out = sys.stdout

    def emit(article: Article) -> None:
        write_article(article, out, fmt.value)
        out.flush()

    def on_input_error(error: InputError) -> None:
        say(f"skipped {error}")

    try:
        if pipeline is None:
            from marsad.runners.dask import run_dask  # imports distributed: only when asked

            summary = run_dask(
                parts or [], config, options, emit=emit, on_input_error=on_input_error,
                store=store, batch_size=batch_size, workers=workers, scheduler=scheduler,
                records_per_part=int(runner.get("records_per_part", 50)),
                on_progress=progress.articles, on_part=progress.advance)
        else:
            inputs = read_inputs(paths, options) if parts is None else read_plan(
                parts, options, on_part=lambda part: progress.advance(part.size))
            summary = run_local(inputs, pipeline, emit=emit, on_input_error=on_input_error,
                                store=store, batch_size=batch_size,
                                on_progress=progress.articles)
        progress.close(summary)
        if link and store is not None:
            from marsad.corpus.incidents import link_store

            say(link_store(store, config=config).line())
        return summary
    finally:
        progress.close()
        if store is not None:
            store.close()
        if writer is not None:
            writer.close()


def _finish(summary: RunSummary) -> None:
    say(summary.line())
    if summary.articles == 0:
        raise typer.Exit(1)


@app.command()
def analyze(
    paths: Annotated[list[str], typer.Argument(
        help="Files, folders (read recursively), .zip/.gz archives, or - for stdin.")],
    fmt: Annotated[OutputFormat, typer.Option(
        "--format", help="One line per event, or per article with all its layers.")] =
        OutputFormat.events,
    published: Annotated[str | None, typer.Option(
        help="Publication date YYYY-MM-DD for inputs that carry none.")] = None,
    outlet: Annotated[str | None, typer.Option(
        help="Outlet name for inputs that carry none.")] = None,
    db: Annotated[str | None, typer.Option(
        help="Also store articles and events in this SQLite file (created if missing) or "
             "postgresql:// database.")] = None,
    config: Annotated[str | None, typer.Option(
        help="A TOML file overriding any of marsad's default settings.")] = None,
    field: Annotated[list[str] | None, typer.Option(
        help="Record field names for JSON/CSV inputs, e.g. --field text=content "
             "(repeatable; FIELD is title, text, url, outlet or published).")] = None,
    encoding: Annotated[str | None, typer.Option(
        help="Force an input encoding (default: detect UTF-8/UTF-16/Windows-1256).")] = None,
    input_format: Annotated[str | None, typer.Option(
        help="Force the input format: text, markdown, html, json, jsonl or csv.")] = None,
    save_intermediate: Annotated[Path | None, typer.Option(
        help="Write each stage's output as JSON Lines into this folder.")] = None,
    workers: Annotated[int | None, typer.Option(
        min=1, help="Analyse on a local Dask cluster of this many worker processes "
                    "(output still in input order).")] = None,
    scheduler: Annotated[str | None, typer.Option(
        help="Analyse on an existing Dask cluster, e.g. tcp://host:8786 (its workers need "
             "marsad installed and the same input paths), or 'synchronous' for Dask in "
             "this process.")] = None,
    link: Annotated[bool, typer.Option(
        "--link", help="With --db: then link the stored events into incidents (what "
                       "marsad incidents --db FILE --link-only does; incremental).")] = False,
) -> None:
    """Analyse articles and print JSON Lines (one event, or one article, a line).

    With --db a run is resumable: run it again after an interruption and stored articles
    are read back instead of analysed again. A progress bar appears on long runs.
    With --db and --link the stored events are then linked into incidents.
    """
    with cli_errors(), _interruptible(db):
        summary = analyze_paths(
            paths, fmt=fmt, published=published, outlet=outlet, db=db, config_path=config,
            fields=field, encoding=encoding, input_format=input_format,
            save_intermediate=save_intermediate, workers=workers, scheduler=scheduler,
            link=link,
        )
    _finish(summary)


@contextmanager
def _interruptible(db: str | None) -> Iterator[None]:
    """Ctrl-C: say what was kept and how to go on, exit with status 130."""
    try:
        yield
    except KeyboardInterrupt:
        say("interrupted; " + (f"finished articles are kept in {db}: run the same command "
                               "again to go on from there" if db else
                               "nothing was stored (use --db FILE for runs you can resume)"))
        raise typer.Exit(130) from None


@app.command()
def demo(
    fmt: Annotated[OutputFormat, typer.Option(
        "--format", help="One line per event, or per article with all its layers.")] =
        OutputFormat.events,
    db: Annotated[str | None, typer.Option(
        help="Also store the results in this SQLite file and link its events into "
             "incidents.")] = None,
) -> None:
    """Analyse the sample articles bundled with marsad (a one-command tour).

    With --db the stored events are also linked into incidents (marsad incidents).
    """
    with cli_errors():
        summary = analyze_paths([str(samples_dir())], fmt=fmt, db=db, link=db is not None)
    _finish(summary)
