"""Loading the small numpy models marsad ships (``.npz`` under ``marsad/resources``)."""

from __future__ import annotations

from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

import numpy as np

from marsad.errors import ConfigError

T = TypeVar("T")


def load_npz(build: Callable[[Any], T], packaged: str, path: str | Path | None,
             what: str, train: str) -> T:
    """``build(arrays)`` from the ``.npz`` at ``path``, else the packaged file ``packaged``
    (relative to the marsad package); a clear error names ``what`` and the ``train`` command."""
    try:
        if path is None or str(path) == "":
            ref = resources.files("marsad").joinpath(packaged)
            with resources.as_file(ref) as p, np.load(p) as data:
                return build(data)
        with np.load(path) as data:
            return build(data)
    except (OSError, KeyError, ValueError) as exc:
        where = path or f"marsad/{packaged}"
        raise ConfigError(f"cannot load {what} {where} ({exc}); "
                          f"train one with `{train}`") from None
