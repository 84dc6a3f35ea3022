"""What the window needs before the store is open: language, font size, the counter's name.

Read straight from the SQLite file, read-only, with the standard library only, so the sign-in
window can appear before SQLAlchemy and the rest are even imported. Anything unreadable gives
the defaults; opening the store properly reports the real problem a moment later.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from counter_app.paths import DATABASE_FILE

LANGUAGES = ("vi", "en")
FONT_SIZES = range(9, 21)


@dataclass(frozen=True)
class StartupPreferences:
    language: str = "vi"
    font_size: int = 11
    counter_name: str = "Bộ phận Một cửa"


def startup_preferences(data_dir: Path) -> StartupPreferences:
    path = data_dir / DATABASE_FILE
    if not path.is_file():
        return StartupPreferences()
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=1)
        try:
            rows = dict(
                connection.execute(
                    "SELECT key, value FROM settings WHERE key IN "
                    "('ui.language', 'ui.font_size', 'counter.name')"
                ).fetchall()
            )
        finally:
            connection.close()
    except sqlite3.Error:
        return StartupPreferences()
    values = {key: _value(raw) for key, raw in rows.items()}
    defaults = StartupPreferences()
    language = values.get("ui.language")
    size = values.get("ui.font_size")
    name = values.get("counter.name")
    return StartupPreferences(
        language=language if language in LANGUAGES else defaults.language,
        font_size=size if isinstance(size, int) and size in FONT_SIZES else defaults.font_size,
        counter_name=name if isinstance(name, str) and name.strip() else defaults.counter_name,
    )


def _value(raw: object) -> object:
    try:
        data = json.loads(raw) if isinstance(raw, str) else None
    except ValueError:
        return None
    return data.get("value") if isinstance(data, dict) else None
