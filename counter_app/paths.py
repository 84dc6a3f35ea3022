"""Where the app's own files live: bundled in the wheel or frozen app, or in the source tree."""

from __future__ import annotations

import os
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
DATABASE_FILE = "counter.sqlite3"  # the local store inside the data folder


def _shipped(name: str) -> Path:
    bundled = _PACKAGE / "_bundled" / name
    return bundled if bundled.is_dir() else _PACKAGE.parent / name


def resources_dir() -> Path:
    return _shipped("resources")


def migrations_dir() -> Path:
    return _shipped("db")


def default_data_dir() -> Path:
    """The user's data folder (platformdirs), e.g. ~/.local/share/counter-app on Linux."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("counter-app", appauthor=False))


def cache_dir() -> Path:
    """What the program can work out again, kept to save time (COUNTER_APP_CACHE_DIR, else the
    user's cache folder, e.g. ~/.cache/counter-app on Linux): losing it loses no data."""
    chosen = os.environ.get("COUNTER_APP_CACHE_DIR")
    if chosen:
        return Path(chosen)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("counter-app", appauthor=False))
