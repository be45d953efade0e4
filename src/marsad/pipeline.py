"""The per-article pipeline: an ordered list of ``Article -> Article`` stages."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from typing import Any

from marsad.config import load_config
from marsad.errors import PipelineError, SpanError
from marsad.model import Article, StageError, spans_of
from marsad.registry import Services, StageFn, StageSpec, get_stage

# What ingest gives every article before the first stage runs.
INGESTED = ("text", "meta")

ErrorHook = Callable[[Article, str, str], None]
StageHook = Callable[[str, Article], None]


def report_to_stderr(article: Article, stage: str, message: str) -> None:
    """Default error hook: one readable line on stderr."""
    where = article.origin or article.id
    print(f"marsad: {where}: stage {stage} failed: {message}", file=sys.stderr)


LAYERS = ("sentences", "mentions", "dates", "quantities", "places", "claims", "events")


def check_spans(article: Article, before: Article | None = None) -> None:
    """Raise SpanError unless every span fits the text and slices to its quoted text.

    With ``before`` (the article a stage was given), layers the stage passed on untouched
    (the same objects over the same text) are not checked again.
    """
    text = article.text
    same_text = before is not None and before.text is text
    for name in LAYERS:
        layer = getattr(article, name)
        if same_text and layer is getattr(before, name):
            continue
        for span, quoted in spans_of(layer):
            if span.end > len(text):
                raise SpanError(f"span [{span.start}, {span.end}) runs past the text ({len(text)})")
            if quoted is not None and text[span.start : span.end] != quoted:
                raise SpanError(
                    f"span [{span.start}, {span.end}) slices {text[span.start:span.end]!r}, "
                    f"not its quoted text {quoted!r}"
                )


def _names(section: dict[str, Any], key: str) -> list[str]:
    names = section.get(key, [])
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        raise PipelineError(f"[pipeline] {key} must be a list of names")
    return names


def stage_specs(config: dict[str, Any]) -> list[StageSpec]:
    """The stages ``[pipeline] stages`` names, in order, without building them.

    ``[pipeline] modules`` names Python modules to import first: your own ``@stage``
    factories, which every process running the pipeline (Dask workers too) must see.
    """
    section = config.get("pipeline", {})
    for module in _names(section, "modules"):
        try:
            importlib.import_module(module)
        except ImportError as exc:
            raise PipelineError(f"cannot import {module!r} named in [pipeline] modules ({exc}); "
                                "install it or fix the name") from None
    return [get_stage(name) for name in _names(section, "stages")]


def check_requirements(specs: list[StageSpec]) -> None:
    """Raise PipelineError unless every stage's requirements come from an earlier stage."""
    available = set(INGESTED)
    for spec in specs:
        missing = [r for r in spec.requires if r not in available]
        if missing:
            need = missing[0]
            givers = sorted(s.name for s in specs if need in s.provides and s is not spec)
            hint = (
                f"put {', '.join(givers)} before it" if givers
                else "add a stage that provides it before it"
            )
            raise PipelineError(
                f"stage {spec.name!r} requires {need!r}, which no earlier stage "
                f"provides; {hint} in [pipeline] stages"
            )
        available.update(spec.provides)


class Pipeline:
    """Runs stages in order; a failing stage is recorded on the article and the run goes on."""

    def __init__(
        self,
        stages: list[tuple[StageSpec, StageFn]],
        *,
        on_error: ErrorHook | None = report_to_stderr,
        on_stage: StageHook | None = None,
    ) -> None:
        self.stages = stages
        self.on_error = on_error
        self.on_stage = on_stage
        self._check_requirements()

    @classmethod
    def from_config(
        cls,
        config: dict[str, Any] | None = None,
        services: Services | None = None,
        **kwargs: Any,
    ) -> Pipeline:
        """Build the stages named in ``config["pipeline"]["stages"]``."""
        config = config if config is not None else load_config()
        services = services if services is not None else Services()
        specs = stage_specs(config)
        built = [(spec, spec.factory(config, services)) for spec in specs]
        return cls(built, **kwargs)

    @property
    def names(self) -> list[str]:
        return [spec.name for spec, _ in self.stages]

    @property
    def provides(self) -> set[str]:
        out = set(INGESTED)
        for spec, _ in self.stages:
            out.update(spec.provides)
        return out

    def _check_requirements(self) -> None:
        check_requirements([spec for spec, _ in self.stages])

    def _record(self, article: Article, stage: str, message: str) -> Article:
        if self.on_error is not None:
            self.on_error(article, stage, message)
        return replace(article, errors=(*article.errors, StageError(stage, message)))

    def __call__(self, article: Article) -> Article:
        failed: dict[str, str] = {}
        for spec, fn in self.stages:
            blocked = [r for r in spec.requires if r in failed]
            if blocked:
                need = blocked[0]
                message = f"skipped: needs {need!r}, which stage {failed[need]} did not produce"
                article = self._record(article, spec.name, message)
                failed.update(dict.fromkeys(spec.provides, spec.name))
                continue
            try:
                result = fn(article)
                if not isinstance(result, Article):
                    raise PipelineError(f"returned {type(result).__name__}, not an Article")
                check_spans(result, article)
            except Exception as exc:  # one stage's failure never sinks the article or batch
                article = self._record(article, spec.name, f"{type(exc).__name__}: {exc}")
                failed.update(dict.fromkeys(spec.provides, spec.name))
                continue
            article = result
            if self.on_stage is not None:
                self.on_stage(spec.name, article)
        return article

    def pipe(self, articles: Iterable[Article]) -> Iterator[Article]:
        for article in articles:
            yield self(article)
