"""A fake clock and a keyboard that sends real Qt key events at the times the clock says."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from tests.ui.scanning.telex import BACKSPACE

CODE = "000.00.06.H37-261125-0042"
QR = (
    "020090001234|123456789|Nguyễn Văn An|15031990|Nam|"
    "Số 5, đường Trần Đăng Ninh, phường Tam Thanh, thành phố Lạng Sơn|20042021"
)


class FakeClock:
    def __init__(self, start: float = 10_000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, ms: float) -> None:
        self.now += ms


def key_of(ch: str) -> tuple[Qt.Key, Qt.KeyboardModifier]:
    """The key and modifiers a US keyboard uses for a character (others: Key_unknown, as an
    input method's or a scanner's Unicode character arrives)."""
    if ch.isascii() and ch.isalpha():
        shift = Qt.KeyboardModifier.ShiftModifier if ch.isupper() else Qt.KeyboardModifier(0)
        return Qt.Key(ord(ch.upper())), shift
    if ch.isascii() and ch.isprintable():
        return Qt.Key(ord(ch)), Qt.KeyboardModifier(0)
    return Qt.Key.Key_unknown, Qt.KeyboardModifier(0)


class Keyboard:
    def __init__(self, clock: FakeClock) -> None:
        self.clock = clock

    @staticmethod
    def _target(widget: QWidget | None) -> QWidget:
        target = widget or QApplication.focusWidget()
        assert target is not None, "no widget has the focus"
        return target

    def click(
        self,
        ch: str,
        gap: float,
        widget: QWidget | None = None,
        *,
        caps_lock: bool = False,
    ) -> None:
        """One character; Caps Lock swaps the case of letters and leaves Shift as pressed."""
        self.clock.advance(gap)
        if ch == BACKSPACE:
            self.special(Qt.Key.Key_Backspace, 0, widget)
            return
        key, modifiers = key_of(ch)
        text = ch.swapcase() if caps_lock and ch.isalpha() else ch
        QTest.sendKeyEvent(QTest.KeyAction.Click, self._target(widget), key, text, modifiers)

    def type(
        self,
        text: Iterable[str],
        gaps: float | Iterable[float],
        widget: QWidget | None = None,
        *,
        caps_lock: bool = False,
    ) -> None:
        chars = list(text)
        spacing = [gaps] * len(chars) if isinstance(gaps, int | float) else list(gaps)
        for ch, gap in zip(chars, spacing, strict=True):
            self.click(ch, gap, widget, caps_lock=caps_lock)

    def special(self, key: Qt.Key, gap: float, widget: QWidget | None = None) -> None:
        """Enter, Tab, Backspace, an arrow: with the text a keyboard sends for it."""
        self.clock.advance(gap)
        text = {Qt.Key.Key_Return: "\r", Qt.Key.Key_Tab: "\t", Qt.Key.Key_Backspace: "\b"}
        QTest.sendKeyEvent(
            QTest.KeyAction.Click,
            self._target(widget),
            key,
            text.get(key, ""),
            Qt.KeyboardModifier(0),
        )

    def enter(self, gap: float = 5, widget: QWidget | None = None) -> None:
        self.special(Qt.Key.Key_Return, gap, widget)

    def tab(self, gap: float = 5, widget: QWidget | None = None) -> None:
        self.special(Qt.Key.Key_Tab, gap, widget)

    def scan(
        self,
        text: str,
        gap: float = 5,
        widget: QWidget | None = None,
        *,
        end: Qt.Key | None = Qt.Key.Key_Return,
        caps_lock: bool = False,
        pause: float = 500,
    ) -> None:
        """A scanner, `pause` ms after the last key: the characters `gap` ms apart, then the
        terminator."""
        self.clock.advance(pause)
        self.type(text, gap, widget, caps_lock=caps_lock)
        if end is not None:
            self.special(end, gap, widget)

    def input_method(
        self,
        gap: float,
        *,
        commit: str = "",
        erase: int = 0,
        preedit: str = "",
        widget: QWidget | None = None,
    ) -> None:
        """An IBus/fcitx event: a preedit, or a commit replacing `erase` characters."""
        self.clock.advance(gap)
        event = QInputMethodEvent(preedit, [])
        event.setCommitString(commit, -erase, erase)
        QApplication.sendEvent(self._target(widget), event)
