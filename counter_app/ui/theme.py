"""The few colours the window uses to mean something; one place so a legend can reuse them."""

from __future__ import annotations

from PySide6.QtGui import QColor

OVERDUE_BACKGROUND = QColor("#f8d7da")
OVERDUE_FOREGROUND = QColor("#842029")
DUE_TODAY_BACKGROUND = QColor("#fff3cd")
DUE_TODAY_FOREGROUND = QColor("#664d03")
ERROR_TEXT = QColor("#b00020")
MUTED_TEXT = QColor("#5f6368")
HEADER_BACKGROUND = QColor("#0b4f8a")
HEADER_TEXT = QColor("#ffffff")
HEADER_MUTED_TEXT = QColor("#d6e4f2")
