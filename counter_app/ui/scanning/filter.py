"""Catching the scanner's keys before any widget does, and giving people's keys back.

Installed on the application, the filter sees each key before the focused widget. While the
keys could still be a scan it withholds them (a copy of each event, with the widget it was
going to); once they are a complete burst, it classifies the text and reports it, and the
widget never saw a key of it. Keys that turn out to be typing are sent again to the widgets
they were going to, in the order they came, before the key that decided it, so nothing typed
is lost or reordered; a person's first key waits at most settle_ms (60 ms by default).

Only the focused widget's keys are weighed: a key that a widget ignores travels on to its
parents, and the filter lets those deliveries pass. Shortcut checks for a withheld key are
answered "taken", as a line edit answers them for the text it types, so a window shortcut on
Enter cannot swallow the end of a scan. One filter decides at a time: the scanner test on the
settings page installs its own over the window's.

Time is the moment the filter handles a key, not the keyboard's own time stamp: if the window
freezes in the middle of a scan, the keys left may come after the settle time and be typed.
"""

from __future__ import annotations

import logging
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QInputMethodEvent, QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from counter_app.domain.errors import CounterError
from counter_app.domain.scan import ScanKind, ScanResult, classify_typed_scan
from counter_app.domain.validation import shown_value
from counter_app.ui.app_filters import application_filters
from counter_app.ui.collector import unless_collected
from counter_app.ui.scanning.burst import (
    Burst,
    BurstRecognizer,
    KeyInput,
    KeyKind,
    Typing,
    Verdict,
)
from counter_app.ui.scanning.settings import ScannerSettings

log = logging.getLogger(__name__)

Clock = Callable[[], float]

_WATCHED = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.KeyRelease,
        QEvent.Type.ShortcutOverride,
        QEvent.Type.InputMethod,
    }
)
_MODIFIER_KEYS = frozenset(
    {
        Qt.Key.Key_Shift,
        Qt.Key.Key_Control,
        Qt.Key.Key_Alt,
        Qt.Key.Key_AltGr,
        Qt.Key.Key_Meta,
        Qt.Key.Key_Super_L,
        Qt.Key.Key_Super_R,
        Qt.Key.Key_Hyper_L,
        Qt.Key.Key_Hyper_R,
        Qt.Key.Key_CapsLock,
        Qt.Key.Key_NumLock,
        Qt.Key.Key_ScrollLock,
    }
)
_CONTROL = Qt.KeyboardModifier.ControlModifier
_ALT = Qt.KeyboardModifier.AltModifier
_META = Qt.KeyboardModifier.MetaModifier

# The filter deciding now: the last one installed that is still alive.
_ACTIVE: list[ScannerFilter] = []


def monotonic_ms() -> float:
    return time.monotonic() * 1000.0


def key_kind(event: QKeyEvent) -> KeyKind:
    """What a key press is to the recogniser."""
    key = event.key()
    if key in _MODIFIER_KEYS:
        return KeyKind.PASSIVE
    if event.isAutoRepeat():
        return KeyKind.OTHER
    modifiers = event.modifiers()
    # Ctrl+Alt is AltGr on Windows: it types characters, so it is no shortcut.
    altgr = bool(modifiers & _CONTROL) and bool(modifiers & _ALT)
    shortcut = bool(modifiers & (_CONTROL | _ALT | _META)) and not altgr
    if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
        return KeyKind.OTHER if shortcut else KeyKind.ENTER
    if key == Qt.Key.Key_Tab:
        return KeyKind.OTHER if shortcut else KeyKind.TAB
    if key == Qt.Key.Key_Backspace:
        return KeyKind.OTHER if shortcut else KeyKind.BACKSPACE
    text = event.text()
    if text and text.isprintable() and not shortcut:
        return KeyKind.TEXT
    return KeyKind.OTHER


@dataclass(frozen=True)
class _Held:
    """A withheld event: a copy (the original dies with its delivery), and where it went."""

    target: QWidget
    event: QEvent
    key: int | None  # the key of a press or release, for pairing releases with presses
    press: bool


class ScannerFilter(QObject):
    sig_scanned = Signal(object)
    """A complete scan (ScanResult): a dossier code, a citizen-ID card, or UNKNOWN with the
    problem that says why it cannot be used."""

    sig_refused = Signal(str)
    """An unusable scan: the reason (str) in the session language, for the status bar."""

    sig_burst = Signal(object)
    """Every complete burst (Burst: raw text, keys and their times) before classification."""

    sig_typing = Signal(object)
    """Withheld keys handed back to the widgets as typing (Typing: the keys and why)."""

    sig_key = Signal(object)
    """Every key the filter weighs (KeyInput), modifiers and releases aside."""

    def __init__(
        self,
        settings: ScannerSettings | None = None,
        lang: str = "vi",
        clock: Clock | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.lang = lang
        self._clock = clock or monotonic_ms
        self._recognizer = BurstRecognizer(settings)
        self._replaying = False
        self._installed = False
        self._swallowed: Counter[int] = Counter()  # releases still due for keys of a scan
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.flush)

    @property
    def settings(self) -> ScannerSettings:
        return self._recognizer.settings

    def set_settings(self, settings: ScannerSettings) -> None:
        """Use new settings from the next key on; keys withheld meanwhile are decided first."""
        self.flush()
        self._recognizer = BurstRecognizer(settings)

    @property
    def collecting(self) -> bool:
        return self._recognizer.collecting

    def install(self) -> None:
        """Watch every key of the application; from now on this filter decides."""
        if self._installed:
            return
        for other in _alive():
            other.flush()
        application_filters().install(self)
        _ACTIVE.append(self)
        self._installed = True

    def uninstall(self) -> None:
        """Give back what is withheld, then stop watching."""
        if not self._installed:
            return
        self.flush()
        if QCoreApplication.instance() is not None:
            application_filters().remove(self)
        if self in _ACTIVE:
            _ACTIVE.remove(self)
        self._installed = False

    def flush(self) -> None:
        """Decide now on the withheld keys, as when settle_ms passes without a key."""
        self._timer.stop()
        self._apply(self._recognizer.settle())

    # --- the filter

    @unless_collected
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not isinstance(event, (QKeyEvent, QInputMethodEvent)):
            return False  # every event of the application passes: its class is asked first
        kind = event.type()
        if kind not in _WATCHED or self._replaying or not self._deciding():
            return False
        if not isinstance(watched, QWidget) or not _is_key_target(watched):
            return False  # the window's copy, or a parent the key travels on to
        if kind == QEvent.Type.KeyPress:
            return self._press(watched, event)  # type: ignore[arg-type]
        if kind == QEvent.Type.KeyRelease:
            return self._release(watched, event)  # type: ignore[arg-type]
        if kind == QEvent.Type.InputMethod:
            return self._input_method(watched, event)  # type: ignore[arg-type]
        return self._shortcut_override(event)  # type: ignore[arg-type]

    def _deciding(self) -> bool:
        alive = _alive()
        return bool(alive) and alive[-1] is self

    def _shortcut_override(self, event: QKeyEvent) -> bool:
        """Qt offers a key to the window's shortcuts before the widget sees it. A key that
        cannot be part of a scan (Ctrl+S after typing) first gives back the keys withheld,
        so the shortcut acts on everything typed, not on all but the last characters."""
        kind = key_kind(event)
        if self._recognizer.would_hold(kind, event.text(), self._clock()):
            event.accept()
            return True
        if kind is KeyKind.OTHER and self._recognizer.collecting:
            self.flush()  # modifiers (Shift of an upper-case letter) stay inside the burst
        return False

    def _press(self, target: QWidget, event: QKeyEvent) -> bool:
        kind = key_kind(event)
        held = _Held(target, QKeyEvent(event), event.key(), press=True)
        return self._feed(KeyInput(self._clock(), kind, event.text(), payload=held))

    def _release(self, target: QWidget, event: QKeyEvent) -> bool:
        key = event.key()
        if self._swallowed[key] > 0:  # the release of a key that ended in a scan
            self._swallowed[key] -= 1
            return True
        if self._pressed_pending(key) <= 0:
            return False
        held = _Held(target, QKeyEvent(event), key, press=False)
        return self._feed(KeyInput(self._clock(), KeyKind.PASSIVE, payload=held))

    def _input_method(self, target: QWidget, event: QInputMethodEvent) -> bool:
        start, length = event.replacementStart(), event.replacementLength()
        erase = min(-start, length) if start < 0 and length > 0 else 0
        held = _Held(target, QInputMethodEvent(event), None, press=False)
        key = KeyInput(
            self._clock(),
            KeyKind.COMMIT,
            event.commitString(),
            erase=erase,
            composing=bool(event.preeditString()),
            payload=held,
        )
        return self._feed(key)

    def _feed(self, key: KeyInput) -> bool:
        """Weigh one event; True when it must not reach its widget now."""
        if key.kind is not KeyKind.PASSIVE:
            self.sig_key.emit(key)
        verdict = self._recognizer.feed(key)
        if self._recognizer.collecting:
            if key.kind is not KeyKind.PASSIVE:
                self._timer.start(self._recognizer.settings.settle_ms)
        else:
            self._timer.stop()
        self._apply(verdict)
        return verdict.held

    def _pressed_pending(self, key: int) -> int:
        """Presses of `key` withheld and not yet released among the withheld events."""
        count = 0
        for pending in self._recognizer.pending:
            held = pending.payload
            if isinstance(held, _Held) and held.key == key:
                count += 1 if held.press else -1
        return count

    # --- what the recogniser decided

    def _apply(self, verdict: Verdict) -> None:
        if verdict.typing is not None:
            self._replay(verdict.typing)
        if verdict.burst is not None:
            self._report(verdict.burst)

    def _replay(self, typing: Typing) -> None:
        self._replaying = True
        try:
            for key in typing.keys:
                held = key.payload
                if isinstance(held, _Held) and shiboken6.isValid(held.target):
                    QCoreApplication.sendEvent(held.target, held.event)
        finally:
            self._replaying = False
        if any(key.kind is not KeyKind.PASSIVE for key in typing.keys):
            self.sig_typing.emit(typing)

    def _report(self, burst: Burst) -> None:
        for key in burst.keys:
            held = key.payload
            if isinstance(held, _Held) and held.key is not None:
                self._swallowed[held.key] += 1 if held.press else -1
        self._swallowed = +self._swallowed  # drop the keys already released
        result = classify_typed_scan(burst.text, burst.rewrites, garbled=burst.garbled)
        log.debug("scan of %d characters: %s", len(burst.text), result.kind.value)
        self.sig_burst.emit(burst)
        self.sig_scanned.emit(result)
        if result.kind is ScanKind.UNKNOWN:
            self.sig_refused.emit(refusal(result, self.lang))


def refusal(result: ScanResult, lang: str) -> str:
    """What to tell the officer about a scan that cannot be used."""
    problem = result.problem or CounterError("scan.unknown", value=shown_value(result.text))
    return problem.message(lang)


def _alive() -> list[ScannerFilter]:
    _ACTIVE[:] = [item for item in _ACTIVE if shiboken6.isValid(item)]
    return _ACTIVE


def _is_key_target(widget: QWidget) -> bool:
    """Whether Qt delivers keys to `widget` first: the focus widget, else the window."""
    focus = QApplication.focusWidget()
    return widget is focus if focus is not None else widget.isWindow()
