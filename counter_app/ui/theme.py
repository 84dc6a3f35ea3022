"""The few colours the window uses to mean something, and the refusal line drawn with them;
one place so every form and legend says things the same way."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QLabel

from counter_app.ui.fitting import grow_to_fit

OVERDUE_BACKGROUND = QColor("#f8d7da")
OVERDUE_FOREGROUND = QColor("#842029")
DUE_TODAY_BACKGROUND = QColor("#fff3cd")
DUE_TODAY_FOREGROUND = QColor("#664d03")
ERROR_TEXT = QColor("#b00020")
MUTED_TEXT = QColor("#5f6368")
HEADER_BACKGROUND = QColor("#0b4f8a")
HEADER_TEXT = QColor("#ffffff")
HEADER_MUTED_TEXT = QColor("#d6e4f2")

# Ctrl+Enter confirms a dialog whose Enter belongs to a multi-line field.
CONFIRM_KEYS = ("Ctrl+Return", "Ctrl+Enter")


class ErrorLine(QLabel):
    """A line that appears under the fields when something is refused: its window grows to
    make room for it (and for a longer text), so no field is squashed and no text clipped."""

    def setText(self, text: str) -> None:
        super().setText(text)
        grow_to_fit(self)

    def setVisible(self, visible: bool) -> None:
        super().setVisible(visible)
        if visible:
            grow_to_fit(self)


def error_label(name: str) -> QLabel:
    """A refusal shown in place, in red, hidden until there is something to say."""
    label = ErrorLine()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {ERROR_TEXT.name()};")
    label.setVisible(False)
    return label


def scaled_font(base: QFont, scale: float, *, bold: bool = False) -> QFont:
    """`base` made `scale` times larger, bold if asked: a heading, a code, a figure."""
    font = QFont(base)
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(bold)
    return font
