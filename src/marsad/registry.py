"""The stage registry: ``@stage("name.v1", requires=..., provides=...)`` on a factory.

A factory takes ``(config, services)`` and returns a callable ``Article -> Article``.
``requires``/``provides`` name article layers ("text", "sentences", "mentions", ...);
the pipeline checks them when it is built.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from marsad.errors import PipelineError
from marsad.model import Article

StageFn = Callable[[Article], Article]
Factory = Callable[[dict[str, Any], "Services"], StageFn]


@dataclass(frozen=True)
class StageSpec:
    name: str
    factory: Factory
    requires: tuple[str, ...]
    provides: tuple[str, ...]


_REGISTRY: dict[str, StageSpec] = {}
_LOADED = False


def stage(
    name: str, *, requires: tuple[str, ...] = (), provides: tuple[str, ...] = ()
) -> Callable[[Factory], Factory]:
    """Register a stage factory under ``name`` (a versioned name such as ``"text.v1"``)."""

    def register(factory: Factory) -> Factory:
        existing = _REGISTRY.get(name)
        if existing is not None and existing.factory is not factory:
            raise PipelineError(f"stage name {name!r} is registered twice; give one a new version")
        _REGISTRY[name] = StageSpec(name, factory, tuple(requires), tuple(provides))
        return factory

    return register


def _load_builtin_stages() -> None:
    global _LOADED
    if _LOADED:
        return
    import marsad.stages as package

    for info in pkgutil.iter_modules(package.__path__):
        importlib.import_module(f"{package.__name__}.{info.name}")
    _LOADED = True


def available_stages() -> dict[str, StageSpec]:
    """Every registered stage by name (built-in ones are imported on first use)."""
    _load_builtin_stages()
    return dict(_REGISTRY)


def get_stage(name: str) -> StageSpec:
    stages = available_stages()
    if name not in stages:
        known = ", ".join(sorted(stages)) or "none"
        raise PipelineError(f"unknown stage {name!r}; registered stages are: {known}")
    return stages[name]


class Services:
    """Shared services (gazetteer, lexicons, models) passed to stage factories.

    Tests pass tiny ones by name; anything not passed is built once on first request.
    """

    def __init__(self, **provided: Any) -> None:
        self._items: dict[str, Any] = dict(provided)

    def get(self, name: str, build: Callable[[], Any]) -> Any:
        if name not in self._items:
            self._items[name] = build()
        return self._items[name]

    def __contains__(self, name: str) -> bool:
        return name in self._items
