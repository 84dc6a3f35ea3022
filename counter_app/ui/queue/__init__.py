"""The queue's screens: the desk's bar in the main window, the kiosk and the board."""

from __future__ import annotations

from PySide6.QtGui import QFont


def pixel_font(pixels: int, *, bold: bool = False) -> QFont:
    """A font by its height in pixels: the kiosk and the board size text to their screen."""
    font = QFont()
    font.setPixelSize(max(8, pixels))
    font.setBold(bold)
    return font
