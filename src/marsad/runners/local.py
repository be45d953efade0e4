"""The in-process runner: ingest results through the pipeline, into the store and out."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from marsad.errors import InputError
from marsad.exports.jsonl import article_record, dumps
from marsad.model import Article
from marsad.pipeline import Pipeline

if TYPE_CHECKING:  # the store (SQLAlchemy) is not imported on workers
    from marsad.store import Store


@dataclass
class RunSummary:
    """What a run did: counts for the closing line and the exit status."""

    articles: int = 0
    from_store: int = 0
    events: int = 0
    failed_inputs: int = 0
    stage_errors: int = 0
    seconds: float = 0.0
    failures: list[str] = field(default_factory=list)

    @property
    def rate(self) -> float:
        """Articles per second (stored ones read back included)."""
        return self.articles / self.seconds if self.seconds > 0 else 0.0

    def line(self) -> str:
        return (f"{self.articles} articles ({self.from_store} already stored), "
                f"{self.events} events, {self.failed_inputs} inputs failed, "
                f"{self.stage_errors} stage errors in {self.seconds:.1f} s "
                f"({self.rate:.1f} articles/s)")

    def count(self, article: Article, *, from_store: bool = False) -> None:
        """Count one article that was emitted."""
        self.articles += 1
        self.from_store += from_store
        self.events += len(article.events)
        self.stage_errors += sum(1 for e in article.errors if e.stage != "ingest")

    def fail(self, error: InputError) -> None:
        """Count one input that could not be read or analysed."""
        self.failed_inputs += 1
        self.failures.append(str(error))


class IntermediateWriter:
    """``--save-intermediate DIR``: each stage's output as ``DIR/NN-stage.jsonl``."""

    def __init__(self, folder: Path, stage_names: list[str]) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self._files = {
            name: (folder / f"{i:02d}-{name}.jsonl").open("w", encoding="utf-8")
            for i, name in enumerate(stage_names, start=1)
        }

    def __call__(self, stage: str, article: Article) -> None:
        self._files[stage].write(dumps(article_record(article)) + "\n")

    def close(self) -> None:
        for handle in self._files.values():
            handle.close()


def pipeline_signature(stage_names: Iterable[str]) -> str:
    """What a stored result was made with; a change means it is analysed again."""
    return ",".join(stage_names)


def flush_batch(
    batch: Sequence[Article | str],
    *,
    analyse: Callable[[Article], Article],
    emit: Callable[[Article], None],
    on_input_error: Callable[[InputError], None],
    summary: RunSummary,
    store: Store | None,
    signature: str,
    search_terms: Mapping[str, tuple[str, str]] | None = None,
) -> None:
    """Emit a batch in input order and store its new articles in one transaction.

    An article already stored with this pipeline (by an earlier run, or a duplicate met
    earlier in this one) is read back instead of analysed; a ``str`` item is the id of one
    known to be stored. Even on Ctrl-C, what was analysed is stored. ``search_terms``:
    see ``Store.add``.
    """
    ids = [item if isinstance(item, str) else item.id for item in batch]
    stored = store.stored_pipelines(ids) if store is not None else {}
    fresh: dict[str, Article] = {}
    try:
        for item, article_id in zip(batch, ids, strict=True):
            if store is not None and (article_id in fresh or stored.get(article_id) == signature):
                previous = fresh.get(article_id) or store.get_article(article_id)
                if previous is not None:
                    summary.count(previous, from_store=True)
                    emit(previous)
                    continue
            if isinstance(item, str):
                gone = InputError(item, "was stored when the run began but is gone from the "
                                        "database now; run again")
                summary.fail(gone)
                on_input_error(gone)
                continue
            analysed = analyse(item)
            summary.count(analysed)
            fresh[article_id] = analysed
            emit(analysed)
    finally:  # even on Ctrl-C, what was analysed is kept
        if store is not None and fresh:
            store.add(fresh.values(), signature, search_terms=search_terms)


def run_local(
    inputs: Iterable[Article | InputError],
    pipeline: Pipeline,
    *,
    emit: Callable[[Article], None],
    on_input_error: Callable[[InputError], None],
    store: Store | None = None,
    batch_size: int = 200,
    on_progress: Callable[[RunSummary], None] | None = None,
) -> RunSummary:
    """Analyse every article; articles already stored with this pipeline are read back.

    Each batch is written to the store before the next is read, so an interrupted run
    keeps what it finished and a rerun picks up after it.
    """
    summary = RunSummary()
    started = time.perf_counter()
    signature = pipeline_signature(pipeline.names)
    batch: list[Article] = []
    batch_size = batch_size if store is not None else 1

    def flush() -> None:
        try:
            flush_batch(batch, analyse=pipeline, emit=emit, on_input_error=on_input_error,
                        summary=summary, store=store, signature=signature)
        finally:
            batch.clear()
        if on_progress is not None:
            on_progress(summary)

    for item in inputs:
        if isinstance(item, InputError):
            summary.fail(item)
            on_input_error(item)
            if store is not None:
                store.record_failure(item.origin, item.reason)
            continue
        batch.append(item)
        if len(batch) >= batch_size:
            flush()
    if batch:
        flush()
    summary.seconds = time.perf_counter() - started
    return summary
