"""Stages for the runner tests, imported by name through ``[pipeline] modules``.

Dask workers import this module themselves, so the tests put its folder on ``sys.path``.
"""

from __future__ import annotations

import gc
import os
import signal
from pathlib import Path
from typing import Any

from marsad.model import Article
from marsad.registry import Services, StageFn, stage
from marsad.runners.dask import PartResult

# ids of the articles the ``test-seen.v1`` stage analysed in this process
SEEN: list[str] = []


@stage("test-seen.v1", requires=("text",))
def seen_stage(config: dict[str, Any], services: Services) -> StageFn:
    def run(article: Article) -> Article:
        SEEN.append(article.id)
        return article

    return run


@stage("test-kill.v1", requires=("text",))
def kill_stage(config: dict[str, Any], services: Services) -> StageFn:
    """Kills its own process on articles holding ``[test_kill] marker``.

    With ``once_file`` set it kills only the first time (the file remembers), as a worker
    lost by accident would; without, every time, as an article that crashes its worker.
    """
    section = config.get("test_kill", {})
    marker = section.get("marker", "KILL-WORKER")
    once_file = section.get("once_file")

    def run(article: Article) -> Article:
        if marker in article.text:
            if once_file is not None:
                if Path(once_file).exists():
                    return article
                Path(once_file).touch()
            os.kill(os.getpid(), signal.SIGKILL)
        return article

    return run


@stage("test-raise.v1", requires=("text",))
def raise_stage(config: dict[str, Any], services: Services) -> StageFn:
    """Fails on articles holding RAISE-HERE (the pipeline records it on the article)."""

    def run(article: Article) -> Article:
        if "RAISE-HERE" in article.text:
            raise ValueError("this article was made to fail")
        return article

    return run


@stage("test-interrupt.v1", requires=("text",))
def interrupt_stage(config: dict[str, Any], services: Services) -> StageFn:
    """Ctrl-C on the first article holding INTERRUPT-HERE, once (``[test_interrupt] once_file``)."""
    once_file = Path(config["test_interrupt"]["once_file"])

    def run(article: Article) -> Article:
        if "INTERRUPT-HERE" in article.text and not once_file.exists():
            once_file.touch()
            raise KeyboardInterrupt
        return article

    return run


@stage("test-environ.v1", requires=("text",))
def environ_stage(config: dict[str, Any], services: Services) -> StageFn:
    """Fails where Dask's MALLOC_TRIM_THRESHOLD_ reached the process (it costs the NER
    model's arrays a fresh mapping each time: about a fifth of a worker's CPU)."""

    def run(article: Article) -> Article:
        if "MALLOC_TRIM_THRESHOLD_" in os.environ:
            raise RuntimeError("MALLOC_TRIM_THRESHOLD_ is set in this process")
        return article

    return run


class GcState:
    """Unpickles as whether the garbage collector was on at that moment."""

    def __reduce__(self) -> tuple:
        return (gc.isenabled, ())


def part_with_gc_probe() -> PartResult:
    """A part result whose one item tells how the driver unpickled it."""
    return PartResult(items=[GcState()])
