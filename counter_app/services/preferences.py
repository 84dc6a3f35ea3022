"""What the window needs before the store is open: whether there is a store at all (else the
first-run wizard), language, font size, the counter's name.

Read straight from the SQLite file, read-only, with the standard library and the settings
registry only, so the sign-in window can appear before SQLAlchemy and the rest are even
imported. Anything unreadable gives the registry's defaults; opening the store properly reports
the real problem a moment later.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import NamedTuple

from counter_app.domain.settings_registry import default, int_default, read
from counter_app.paths import DATABASE_FILE

_KEYS = ("ui.language", "ui.font_size", "counter.name")


class StartupPreferences(NamedTuple):
    language: str = str(default("ui.language"))
    font_size: int = int_default("ui.font_size")
    counter_name: str = str(default("counter.name"))


_DEFAULTS = StartupPreferences()


def needs_setup(data_dir: Path) -> bool:
    """No store at all in the folder: a new counter (an emptied file is not: see the store)."""
    return not (data_dir / DATABASE_FILE).exists()


def startup_preferences(data_dir: Path) -> StartupPreferences:
    path = data_dir / DATABASE_FILE
    if not path.is_file():
        return _DEFAULTS
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=1)
        try:
            rows = dict(
                connection.execute(
                    "SELECT key, value FROM settings WHERE key IN (?, ?, ?)", _KEYS
                ).fetchall()
            )
        finally:
            connection.close()
    except sqlite3.Error:
        return _DEFAULTS
    language, size, name = (read(key, _value(rows.get(key))) for key in _KEYS)
    return StartupPreferences(
        language=str(language),
        font_size=size if isinstance(size, int) else _DEFAULTS.font_size,
        counter_name=str(name).strip() or _DEFAULTS.counter_name,
    )


def _value(raw: object) -> object:
    try:
        data = json.loads(raw) if isinstance(raw, str) else None
    except ValueError:
        return None
    return data.get("value") if isinstance(data, dict) else None
