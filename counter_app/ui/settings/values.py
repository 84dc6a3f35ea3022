"""The settings keys the administration page edits, with their defaults and ranges.

Other parts of the window read the same keys (the start-up applies the language and the font,
the scanner reads its timings), so the readers here never fail: a missing or malformed value
gives the default, and the page shows what will really be used.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from counter_app.domain.messages import DEFAULT_LANGUAGE, LANGUAGES
from counter_app.services.settings import SettingsService

COUNTER_NAME = "counter.name"
CENTRAL_URL = "central.url"
SCANNER = "scanner"
LANGUAGE = "ui.language"
FONT_SIZE = "ui.font_size"
IDLE_LOCK_MINUTES = "ui.idle_lock_minutes"

COUNTER_NAME_MAX = 120
DESK_MAX = 99

FONT_SIZE_MIN, FONT_SIZE_MAX, DEFAULT_FONT_SIZE = 9, 20, 11
IDLE_MINUTES_MIN, IDLE_MINUTES_MAX, DEFAULT_IDLE_MINUTES = 0, 480, 10  # 0 = never lock


@dataclass(frozen=True)
class IntRange:
    low: int
    high: int
    default: int

    def read(self, value: object) -> int:
        if (
            isinstance(value, int)
            and not isinstance(value, bool)
            and self.low <= value <= self.high
        ):
            return value
        return self.default


FONT_SIZE_RANGE = IntRange(FONT_SIZE_MIN, FONT_SIZE_MAX, DEFAULT_FONT_SIZE)
IDLE_MINUTES_RANGE = IntRange(IDLE_MINUTES_MIN, IDLE_MINUTES_MAX, DEFAULT_IDLE_MINUTES)

# The scanner's fields, as this page edits them, with the scanner work's ranges and defaults
# (counter_app/ui/scanning/settings.py); any other field of the stored dict is kept.
SCANNER_TEXT_MAX = 16
SCANNER_NUMBERS = {
    "max_interval_ms": IntRange(1, 1000, 35),
    "min_length": IntRange(1, 200, 8),
    "settle_ms": IntRange(1, 5000, 60),
}
ENTER, TAB = "enter", "tab"
TERMINATORS = (ENTER, TAB)
SCANNER_DEFAULTS: dict[str, object] = {
    "prefix": "",
    "suffix": "",
    "terminators": list(TERMINATORS),
    **{name: spec.default for name, spec in SCANNER_NUMBERS.items()},
}


def language(settings: SettingsService) -> str:
    value = settings.get(LANGUAGE)
    return value if isinstance(value, str) and value in LANGUAGES else DEFAULT_LANGUAGE


def font_size(settings: SettingsService) -> int:
    return FONT_SIZE_RANGE.read(settings.get(FONT_SIZE))


def idle_lock_minutes(settings: SettingsService) -> int:
    return IDLE_MINUTES_RANGE.read(settings.get(IDLE_LOCK_MINUTES))


def scanner(settings: SettingsService) -> dict[str, object]:
    """The stored scanner dict with every field this page knows filled in."""
    stored = settings.get(SCANNER)
    merged = dict(SCANNER_DEFAULTS)
    if isinstance(stored, dict):
        merged.update(stored)
    return merged


def terminator_kinds(value: object) -> set[str]:
    """The ending keys a stored value names ("enter", "tab", in any case)."""
    tokens: Iterable[object] = value if isinstance(value, list | tuple) else ()
    return {t.casefold() for t in tokens if isinstance(t, str) and t.casefold() in TERMINATORS}
