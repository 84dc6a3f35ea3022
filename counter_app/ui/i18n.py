"""Language and font of the application: Qt translators for Vietnamese, the base font."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication

from counter_app.paths import resources_dir

log = logging.getLogger(__name__)

BASE_POINT_SIZE = 11
CATALOGUE = "counter_app"


def translations_dir() -> Path:
    return resources_dir() / "translations"


def install_translations(app: QCoreApplication, lang: str) -> list[QTranslator]:
    """Vietnamese loads our catalogue and, when PySide6 ships it, Qt's own (buttons of
    standard dialogs); English is the source language and loads nothing."""
    if lang != "vi":
        return []
    installed: list[QTranslator] = []
    vietnamese = QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_base = QTranslator(app)
    if qt_base.load(vietnamese, "qtbase", "_", qt_dir):
        app.installTranslator(qt_base)
        installed.append(qt_base)
    own = QTranslator(app)
    path = translations_dir() / f"{CATALOGUE}_{lang}.qm"
    if own.load(str(path)):
        app.installTranslator(own)
        installed.append(own)
    else:
        log.warning("translation %s not found: the window will be in English", path)
    return installed


def remove_translations(app: QCoreApplication, translators: list[QTranslator]) -> None:
    for translator in translators:
        app.removeTranslator(translator)


def apply_base_font(app: QApplication) -> None:
    """The system's own font family at 11 pt: readable at a counter, native everywhere."""
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont)
    font.setPointSizeF(BASE_POINT_SIZE)
    app.setFont(font)
