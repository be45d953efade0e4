"""Configuration: the packaged ``default.toml`` merged with an optional user file."""

from __future__ import annotations

import copy
import os
import tomllib
from importlib import resources
from pathlib import Path
from typing import Any

from marsad.errors import ConfigError, MarsadError

ENV_VAR = "MARSAD_CONFIG"


def default_config() -> dict[str, Any]:
    """The packaged defaults as a fresh dict."""
    raw = resources.files("marsad").joinpath("default.toml").read_text(encoding="utf-8")
    return tomllib.loads(raw)


def merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    """A copy of ``base`` with ``override`` applied: tables merge, other values replace."""
    out = copy.deepcopy(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = merge(out[key], value)
        else:
            out[key] = copy.deepcopy(value)
    return out


def load_config(
    path: str | Path | None = None, overrides: dict[str, Any] | None = None
) -> dict[str, Any]:
    """Defaults, then the user file (``path`` or ``$MARSAD_CONFIG``), then ``overrides``."""
    config = default_config()
    path = path or os.environ.get(ENV_VAR) or None
    if path:
        p = Path(path)
        try:
            user = tomllib.loads(p.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ConfigError(f"config file {p} does not exist; check --config/{ENV_VAR}") from None
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"config file {p} is not valid TOML: {exc}") from None
        config = merge(config, user)
    if overrides:
        config = merge(config, overrides)
    return config


def read_toml(path: str | Path, what: str,
              error: type[MarsadError] = ConfigError) -> dict[str, Any]:
    """A TOML data file (a lexicon, the taxonomy ...); one ``error`` line names ``what`` failed."""
    p = Path(path)
    try:
        return tomllib.loads(p.read_text(encoding="utf-8"))
    except OSError as exc:
        raise error(f"cannot read {what} {p}: {exc.strerror}") from None
    except tomllib.TOMLDecodeError as exc:
        raise error(f"{what} {p} is not valid TOML: {exc}") from None


DATA_ENV_VAR = "MARSAD_SHARED_DATA"


# The SaudiNewsNet day files (``YYYY-MM-DD.zip``) inside the shared data folder.
SAUDINEWSNET = Path("news") / "saudinewsnet" / "dataset"


def shared_data_dir(path: str | Path | None = None, *, must_exist: bool = True) -> Path:
    """The shared data folder: ``path``, else ``$MARSAD_SHARED_DATA``, else ../shared/data.

    With ``must_exist`` a missing folder is a ``ConfigError``; without, the caller reports
    the file it could not read.
    """
    chosen = Path(path or os.environ.get(DATA_ENV_VAR) or Path("..") / "shared" / "data")
    if must_exist and not chosen.is_dir():
        raise ConfigError(f"data folder {chosen} does not exist; pass --data DIR or set "
                          f"{DATA_ENV_VAR}")
    return chosen
