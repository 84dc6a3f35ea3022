"""Small pieces the intake form repeats: field messages, muted notes, scaled fonts."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QSizePolicy

from counter_app.ui import theme


def message_label(name: str) -> QLabel:
    """The line under a field that says what is wrong with it; one line high even when empty,
    so the form does not jump while the officer types."""
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {theme.ERROR_TEXT.name()};")
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    label.setMinimumHeight(label.fontMetrics().height())
    return label


def muted_label(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {theme.MUTED_TEXT.name()};")
    return label
