"""Configuration: ``default_config.toml`` shipped in the package, overlaid by a user file.

Cf. trafilatura's ``settings.py``: defaults are a file in the package, read through
``importlib.resources``; a user file overlays them key by key.
"""

from __future__ import annotations

import os
import tomllib
from importlib import resources
from pathlib import Path
from typing import Any

from .errors import ConfigError

__all__ = ["load_config"]


def _merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in over.items():
        if key not in base:
            raise ConfigError(f"unknown configuration key {key!r}")
        if isinstance(base[key], dict):
            if not isinstance(value, dict):
                raise ConfigError(f"configuration key {key!r} must be a table")
            out[key] = _merge(base[key], value)
        else:
            out[key] = value
    return out


def load_config(path: str | Path | None = None) -> dict[str, Any]:
    """The defaults overlaid by ``path`` (or ``$COMMUNIQUE_CONFIG``) when given.

    Raises:
        ConfigError: the user file is missing, not TOML, or names an unknown key.
    """
    text = resources.files("communique").joinpath("default_config.toml").read_text("utf-8")
    config = tomllib.loads(text)
    user = path or os.environ.get("COMMUNIQUE_CONFIG")
    if user:
        try:
            overlay = tomllib.loads(Path(user).read_text("utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"cannot read configuration {user}: {exc}") from exc
        config = _merge(config, overlay)
    return config
