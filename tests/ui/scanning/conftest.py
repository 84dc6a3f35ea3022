"""A desk: a window with two line edits, the scanner filter on the application, a fake clock
and a keyboard that types at the times the clock says."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from counter_app.domain.scan import ScanResult
from counter_app.ui.scanning.filter import ScannerFilter
from tests.ui.scanning.keyboard import FakeClock, Keyboard


class RecordingEdit(QLineEdit):
    """A line edit that remembers the key presses that type: key, text, modifiers."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.setObjectName(name)
        self.presses: list[tuple[int, str, Qt.KeyboardModifier]] = []

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.text():  # modifier keys aside
            self.presses.append((event.key(), event.text(), event.modifiers()))
        super().keyPressEvent(event)


@dataclass
class Desk:
    window: QWidget
    first: RecordingEdit
    second: RecordingEdit
    filter: ScannerFilter
    clock: FakeClock
    keyboard: Keyboard
    scans: list[ScanResult] = field(default_factory=list)
    refusals: list[str] = field(default_factory=list)

    def reset(self) -> None:
        self.filter.flush()
        for edit in (self.first, self.second):
            edit.clear()
            edit.presses.clear()
        self.scans.clear()
        self.refusals.clear()
        self.first.setFocus()


def show_active(qtbot, window: QWidget) -> None:
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()


def open_desk(qtbot, lang: str = "en") -> Desk:
    window = QWidget()
    first, second = RecordingEdit("first"), RecordingEdit("second")
    layout = QVBoxLayout(window)
    layout.addWidget(first)
    layout.addWidget(second)
    show_active(qtbot, window)
    first.setFocus()
    clock = FakeClock()
    scanner = ScannerFilter(lang=lang, clock=clock, parent=window)
    desk = Desk(window, first, second, scanner, clock, Keyboard(clock))
    scanner.sig_scanned.connect(desk.scans.append)
    scanner.sig_refused.connect(desk.refusals.append)
    scanner.install()
    return desk


@pytest.fixture
def desk(qtbot) -> Iterator[Desk]:
    opened = open_desk(qtbot)
    yield opened
    opened.filter.uninstall()
