"""The settings the administration page edits, as the registry declares them.

Other parts of the window read the same keys (the start-up applies the language and the font,
the scanner reads its timings), so the readers here never fail: a missing or malformed value
gives the default, and the page shows what will really be used.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from counter_app.domain.settings_registry import REGISTRY
from counter_app.services.settings import SettingsService
from counter_app.ui.scanning.settings import LIMITS, MAX_AFFIX, TERMINATORS, ScannerSettings

COUNTER_NAME = REGISTRY["counter.name"]
DESK = REGISTRY["counter.desk"]
SCANNER = REGISTRY["scanner"]
LANGUAGE = REGISTRY["ui.language"]
FONT_SIZE = REGISTRY["ui.font_size"]
IDLE_LOCK_MINUTES = REGISTRY["ui.idle_lock_minutes"]


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


# The scanner's fields, as this page edits them, with the scanner work's ranges and defaults
# (counter_app/ui/scanning/settings.py); any other field of the stored dict is kept.
SCANNER_TEXT_MAX = MAX_AFFIX
_SCANNER_DEFAULTS = ScannerSettings()
SCANNER_NUMBERS = {
    name: IntRange(low, high, getattr(_SCANNER_DEFAULTS, name))
    for name, (low, high) in LIMITS.items()
}
ENTER, TAB = TERMINATORS
SCANNER_DEFAULTS: dict[str, object] = _SCANNER_DEFAULTS.to_dict()


def language(settings: SettingsService) -> str:
    return settings.text(LANGUAGE.key) or str(LANGUAGE.default)


def font_size(settings: SettingsService) -> int:
    return settings.number(FONT_SIZE.key) or 0


def idle_lock_minutes(settings: SettingsService) -> int:
    return settings.number(IDLE_LOCK_MINUTES.key) or 0


def scanner(settings: SettingsService) -> dict[str, object]:
    """The stored scanner dict with every field this page knows filled in."""
    stored = settings.value(SCANNER.key)
    merged = dict(SCANNER_DEFAULTS)
    if isinstance(stored, dict):
        merged.update(stored)
    return merged


def terminator_kinds(value: object) -> set[str]:
    """The ending keys a stored value names ("enter", "tab", in any case)."""
    tokens: Iterable[object] = value if isinstance(value, list | tuple) else ()
    return {t.casefold() for t in tokens if isinstance(t, str) and t.casefold() in TERMINATORS}
