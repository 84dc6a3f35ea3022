"""Windows that fit the screen they open on (a counter PC may have 1280×720) and dialogs that
grow when a line of text appears in them, instead of squashing their fields or clipping the
text: a top-level window does not follow its layout's height-for-width by itself."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QDialog, QWidget

# Room kept for the window manager's title bar and borders while the frame is not known yet.
TITLE_BAR = 32
BORDER = 8


def screen_of(window: QWidget) -> QScreen:
    """The screen the window is on, asked of the application and not of the widget: PySide
    ties the QScreen that `QWidget.screen()` returns to the widget, and when the cycle
    collector takes the widget it deletes the screen with it; the next window to open then
    crashes (it did after a detail dialog, and after a sign-out)."""
    return QGuiApplication.screenAt(window.geometry().center()) or QGuiApplication.primaryScreen()


def available_area(window: QWidget) -> QRect:
    """Where the window may be: its screen less the task bar, less room for its frame."""
    screen = screen_of(window)
    area = screen.availableGeometry()
    return area.adjusted(BORDER, TITLE_BAR, -BORDER, -BORDER)


def resize_within_screen(window: QWidget, width: int, height: int) -> None:
    """The size the window would like, or as much of it as the screen has."""
    area = available_area(window)
    window.resize(min(width, area.width()), min(height, area.height()))


def grow_to_fit(widget: QWidget) -> None:
    """Give the shown dialog of `widget` the height its layout needs at its width (a line of
    text has just appeared or grown), as far as the screen allows; it stays on the screen. The
    main window is left alone: its pages scroll."""
    window = widget.window()
    layout = window.layout()
    if layout is None or not isinstance(window, QDialog) or not window.isVisible():
        return
    layout.activate()
    width = window.width()
    if layout.hasHeightForWidth():
        needed = layout.totalHeightForWidth(width)
    else:
        needed = layout.totalSizeHint().height()
    if needed <= window.height():
        return
    area = available_area(window)
    window.resize(width, min(needed, area.height()))
    if window.geometry().bottom() > area.bottom():
        window.move(window.x(), max(area.top(), area.bottom() - window.height()))
