"""Language and font of the application: Qt translators for Vietnamese, the base font."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QApplication

from counter_app.paths import resources_dir

log = logging.getLogger(__name__)

BASE_POINT_SIZE = 11
CATALOGUE = "counter_app"
# Qt's own texts (standard buttons, context menus, file and print dialogs): Qt ships no
# Vietnamese catalogue, so resources/translations/qtbase_vi.ts is ours, with Qt's contexts and
# source texts; lupdate never reads it, scripts/translations only compiles it.
QT_CATALOGUE = "qtbase"
UI_ROOT = Path(__file__).resolve().parent
# Parts of the window with a catalogue of their own (resources/translations/<area>_vi.ts), so
# work on one part never rewrites another's translations; the rest is in counter_app_vi.ts.
AREAS = (
    "intake",
    "scanning",
    "returns",
    "settings",
    "printing",
    "sync",
    "digitising",
    "first_run",
    "reports",
    "queue",  # the desk's queue bar, the kiosk and the board (issue 20)
)


def translations_dir() -> Path:
    return resources_dir() / "translations"


def catalogue_of(source: Path) -> str:
    """Which catalogue holds the strings of a source file of the window."""
    parts = source.resolve().relative_to(UI_ROOT).parts
    return parts[0] if len(parts) > 1 and parts[0] in AREAS else CATALOGUE


def catalogue_sources() -> dict[str, list[Path]]:
    """Every catalogue with the source files lupdate reads for it."""
    found: dict[str, list[Path]] = {}
    for source in sorted(UI_ROOT.rglob("*.py")):
        found.setdefault(catalogue_of(source), []).append(source)
    return found


def install_translations(app: QCoreApplication, lang: str) -> list[QTranslator]:
    """Vietnamese loads every compiled catalogue of resources/translations: the window's and
    Qt's own (QT_CATALOGUE); English is the source language of both and loads nothing."""
    if lang != "vi":
        return []
    installed: list[QTranslator] = []
    catalogues = sorted(translations_dir().glob(f"*_{lang}.qm"))
    if not catalogues:
        log.warning("no translation in %s: the window will be in English", translations_dir())
    for path in catalogues:
        own = QTranslator(app)
        if own.load(str(path)):
            app.installTranslator(own)
            installed.append(own)
        else:
            log.warning("translation %s could not be read", path)
    return installed


def remove_translations(app: QCoreApplication, translators: list[QTranslator]) -> None:
    for translator in translators:
        app.removeTranslator(translator)


def apply_base_font(app: QApplication, points: int = BASE_POINT_SIZE) -> None:
    """The system's own font family (the application's until now), 11 pt unless the counter
    chose otherwise: readable at a counter, native everywhere."""
    font = app.font()
    font.setPointSizeF(points)
    app.setFont(font)
