"""Small pieces the intake form repeats: field messages, and spin boxes and lists that leave
the mouse wheel to the scrolling page unless the officer is working in them."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from counter_app.ui import theme


class WheelGuard(QObject):
    """A spin box or a combo under the pointer must not change while the page scrolls."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Wheel
            and isinstance(watched, QWidget)
            and not watched.hasFocus()
        ):
            event.ignore()
            return True
        return super().eventFilter(watched, event)


def guard_wheel(widget: QWidget, guard: WheelGuard) -> None:
    widget.installEventFilter(guard)


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


def scaled_font(base: QFont, scale: float, *, bold: bool = False) -> QFont:
    font = QFont(base)
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(bold)
    return font
