"""The one path for messages: information to the status bar (through `Messages`), a dialog
only when the officer must read or decide, the crash dialog (crash.py) for bugs.

Tests replace `show_error` to see the message without a modal loop.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget

from counter_app.domain.errors import CounterError


class Messages(QObject):
    """Where pages send information; the main window shows it in its status bar."""

    sig_info = Signal(str)
    """A short line of information (str), shown for a few seconds."""

    def info(self, text: str) -> None:
        # Not logged: these lines name applicants ("ID card read: …"), and logs hold codes only.
        self.sig_info.emit(text)


def ask(
    parent: QWidget | None,
    title: str,
    text: str,
    go: str,
    stay: str = "",
    *,
    icon: QMessageBox.Icon = QMessageBox.Icon.Question,
) -> bool:
    """The one question before something that cannot be taken back: True when the officer
    chose `go`. The safe answer (`stay`, else "Stay") is the default, so Enter and Esc keep
    everything as it was."""
    box = QMessageBox(parent)
    box.setIcon(icon)
    box.setWindowTitle(title)
    box.setText(text)
    chosen = box.addButton(go, QMessageBox.ButtonRole.DestructiveRole)
    safe = box.addButton(
        stay or QCoreApplication.translate("Notify", "Stay"), QMessageBox.ButtonRole.RejectRole
    )
    box.setDefaultButton(safe)
    box.setEscapeButton(safe)
    box.exec()
    return box.clickedButton() is chosen


def ask_text(parent: QWidget | None, title: str, label: str, *, secret: bool = False) -> str | None:
    """One line typed for one use (a ticket number; a token's PIN, `secret`: never shown as it
    is typed); None when the officer cancelled or typed nothing."""
    mode = QLineEdit.EchoMode.Password if secret else QLineEdit.EchoMode.Normal
    text, ok = QInputDialog.getText(parent, title, label, mode)
    return text if ok and text.strip() else None


def show_error(parent: QWidget | None, text: str) -> None:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("Notify", "One-stop counter"))
    box.setText(text)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.exec()


def show_counter_error(parent: QWidget | None, error: CounterError, lang: str) -> None:
    show_error(parent, error.message(lang))
