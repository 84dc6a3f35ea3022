"""The one way this window tells the user something went wrong: a message box.

Tests replace `show_error` to see the message without a modal loop.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from counter_app.domain.errors import CounterError


def show_error(parent: QWidget | None, text: str) -> None:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("Notify", "One-stop counter"))
    box.setText(text)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.exec()


def show_counter_error(parent: QWidget | None, error: CounterError, lang: str) -> None:
    show_error(parent, error.message(lang))
