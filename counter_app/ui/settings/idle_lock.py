"""The idle lock: after some minutes without keyboard or mouse, the window hides its data and
asks the signed-in officer's password again.

An application-wide event filter does two things. Unlocked, it notes the time of each key press,
click, wheel turn or move of the mouse. Locked, it lets input reach only the lock screen, and
swallows everything else, including shortcuts and what a handheld scanner types, so nothing
reaches the pages beneath. Keys typed into the lock screen are handed to it directly, so no
other application filter (the scanner's) sees the password either.

The lock screen is a window of its own, application-modal and laid over the main window: it
works even when a dialog is open (a modal dialog would keep the keyboard from an overlay inside
the main window). Every other window of the application gets a curtain over its content.

Signing in as another officer is not offered here: only the officer who signed in unlocks.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QInputEvent, QMouseEvent, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.errors import CounterError
from counter_app.ui import theme
from counter_app.ui.app_filters import application_filters
from counter_app.ui.collector import unless_collected
from counter_app.ui.session import Session
from counter_app.ui.settings import values
from counter_app.ui.settings.widgets import text_colour

CHECK_INTERVAL_MS = 5_000

_T = QEvent.Type
# Input that counts as someone at the desk.
_ACTIVITY = frozenset(
    {_T.KeyPress, _T.MouseButtonPress, _T.MouseButtonDblClick, _T.MouseMove, _T.Wheel,
     _T.TouchBegin, _T.TouchUpdate, _T.TabletPress}
)  # fmt: skip
# Input that must not reach anything but the lock screen while locked.
_INPUT = _ACTIVITY | frozenset(
    {_T.KeyRelease, _T.ShortcutOverride, _T.Shortcut, _T.MouseButtonRelease, _T.TouchEnd,
     _T.TabletMove, _T.TabletRelease, _T.InputMethod, _T.ContextMenu, _T.HoverEnter,
     _T.HoverMove, _T.Enter, _T.DragEnter, _T.DragMove, _T.Drop}
)  # fmt: skip
_KEYS = frozenset({_T.KeyPress, _T.KeyRelease})
_COVERED_TYPES = frozenset({Qt.WindowType.Window, Qt.WindowType.Dialog, Qt.WindowType.Tool})


def _alive(widget: QObject | None) -> bool:
    return widget is not None and shiboken6.isValid(widget)


class Curtain(QWidget):
    """An opaque cover over one window's content while the application is locked."""

    def __init__(self, host: QWidget) -> None:
        super().__init__(host)
        self.setObjectName("lockCurtain")
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, theme.HEADER_BACKGROUND)
        palette.setColor(QPalette.ColorRole.WindowText, theme.HEADER_TEXT)
        self.setPalette(palette)
        label = QLabel(self.tr("Locked"))
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        self.setGeometry(host.rect())
        host.installEventFilter(self)
        self.raise_()
        self.show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == _T.Resize and isinstance(watched, QWidget):
            self.setGeometry(watched.rect())
            self.raise_()
        return False


class LockScreen(QWidget):
    """The window's lock: who must unlock, the password field, and what went wrong."""

    sig_submitted = Signal(str)
    """The password typed (str), when Unlock is pressed or Enter is typed."""

    def __init__(self, session: Session, idle_minutes: int, owner: QWidget | None) -> None:
        """`idle_minutes`: how long the window went unused, or 0 when locked on purpose."""
        super().__init__(owner, Qt.WindowType.Window | Qt.WindowType.FramelessWindowHint)
        self.setObjectName("lockScreen")
        self.setWindowTitle(self.tr("Locked"))
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, theme.HEADER_BACKGROUND)
        self.setPalette(palette)
        self._owner = owner

        user = session.user
        identity = session.workspace.settings.identity()
        card = QFrame()
        card.setObjectName("lockCard")
        card.setAutoFillBackground(True)
        card.setFrameShape(QFrame.Shape.StyledPanel)
        card_palette = card.palette()
        card_palette.setColor(
            QPalette.ColorRole.Window, card_palette.color(QPalette.ColorRole.Base)
        )
        card.setPalette(card_palette)
        card.setMaximumWidth(520)
        counter = QLabel(identity.name)
        counter.setObjectName("lockCounter")
        counter.setWordWrap(True)
        text_colour(counter, theme.MUTED_TEXT)
        self.title_label = QLabel(self.tr("The window is locked"))
        self.title_label.setObjectName("lockTitle")
        self.title_label.setFont(theme.scaled_font(self.title_label.font(), 1.4, bold=True))
        if idle_minutes > 0:
            why = self.tr("Nobody has used it for {n} minutes, so its data is hidden.").format(
                n=idle_minutes
            )
        else:
            why = self.tr("Its data is hidden until the officer comes back.")
        self.reason_label = QLabel(why)
        self.reason_label.setWordWrap(True)
        self.who_label = QLabel(
            self.tr("{name} ({login}), enter your password to continue.").format(
                name=user.full_name or user.login, login=user.login
            )
        )
        self.who_label.setObjectName("lockOfficer")
        self.who_label.setWordWrap(True)
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("lockPassword")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.returnPressed.connect(self._submit)
        password_label = QLabel(self.tr("&Password:"))
        password_label.setBuddy(self.password_edit)
        self.unlock_button = QPushButton(self.tr("&Unlock"))
        self.unlock_button.setObjectName("unlockButton")
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self._submit)
        self.error_label = QLabel()
        self.error_label.setObjectName("lockError")
        self.error_label.setWordWrap(True)
        text_colour(self.error_label, theme.ERROR_TEXT)
        self.error_label.setVisible(False)
        self.only_label = QLabel(self.tr("Only the officer who signed in can unlock this window."))
        self.only_label.setWordWrap(True)
        text_colour(self.only_label, theme.MUTED_TEXT)

        row = QHBoxLayout()
        row.addWidget(password_label)
        row.addWidget(self.password_edit, 1)
        row.addWidget(self.unlock_button)
        inside = QVBoxLayout(card)
        inside.setContentsMargins(28, 24, 28, 24)
        inside.setSpacing(10)
        inside.addWidget(counter)
        inside.addWidget(self.title_label)
        inside.addWidget(self.reason_label)
        inside.addWidget(self.who_label)
        inside.addSpacing(4)
        inside.addLayout(row)
        inside.addWidget(self.error_label)
        inside.addWidget(self.only_label)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        middle = QHBoxLayout()
        middle.addStretch(1)
        middle.addWidget(card, 3)
        middle.addStretch(1)
        layout.addLayout(middle)
        layout.addStretch(1)
        if owner is not None:
            owner.installEventFilter(self)
        self.follow_owner()

    def follow_owner(self) -> None:
        """Lie over the main window's content, wherever it is."""
        if _alive(self._owner) and self._owner is not None:
            self.setGeometry(self._owner.geometry())
        else:
            self.resize(960, 600)

    @unless_collected
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._owner and event.type() in (_T.Move, _T.Resize):
            self.follow_owner()
        return False

    def _submit(self) -> None:
        self.sig_submitted.emit(self.password_edit.text())

    def refuse(self, text: str) -> None:
        self.password_edit.clear()
        self.error_label.setText(text)
        self.error_label.setVisible(True)
        self.password_edit.setFocus()


class IdleLock(QObject):
    """Locks the window after `minutes` without input (0 = never). Tests pass a `clock`
    (seconds, like time.monotonic) and call `check()` instead of waiting for the timer."""

    sig_locked = Signal()
    """The window was locked (no arguments)."""
    sig_unlocked = Signal()
    """The officer's password was accepted and the window shows its data again."""

    def __init__(
        self,
        session: Session,
        minutes: int | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
        check_interval_ms: int = CHECK_INTERVAL_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._clock = clock
        if minutes is None:
            minutes = values.idle_lock_minutes(session.workspace.settings)
        self._minutes = max(0, minutes)
        self._window: QWidget | None = None
        self._installed = False
        self._last_input = clock()
        self._last_mouse = QPoint()
        self.screen: LockScreen | None = None
        self._curtains: list[Curtain] = []
        self._focus_before: QWidget | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(check_interval_ms)
        self._timer.timeout.connect(self.check)

    # --- set-up
    @property
    def minutes(self) -> int:
        return self._minutes

    def install(self, window: QWidget) -> None:
        """Watch the whole application's input; lock over `window`."""
        self._window = window
        if not self._installed:
            application_filters().install(self)
            self._installed = True
        self._restart()

    def uninstall(self) -> None:
        self._timer.stop()
        if self.is_locked():
            self._release()
        if QApplication.instance() is not None and self._installed:
            application_filters().remove(self)
        self._installed = False
        self._window = None

    def set_minutes(self, minutes: int) -> None:
        """A new delay, counted from now; 0 never locks."""
        self._minutes = max(0, int(minutes))
        self._restart()

    def _restart(self) -> None:
        self._last_input = self._clock()
        if self._installed and self._minutes > 0 and not self.is_locked():
            self._timer.start()
        else:
            self._timer.stop()

    def idle_seconds(self) -> float:
        return self._clock() - self._last_input

    def check(self) -> None:
        """Lock if the delay has run out since the last input."""
        due = self._installed and self._minutes > 0 and not self.is_locked()
        if due and self.idle_seconds() >= self._minutes * 60:
            self._engage(idle_minutes=self._minutes)

    # --- locking
    def is_locked(self) -> bool:
        return self.screen is not None

    def lock(self) -> None:
        """Lock now, as when the officer leaves the desk."""
        self._engage(idle_minutes=0)

    def _engage(self, idle_minutes: int) -> None:
        if self.is_locked() or not self._installed:
            return
        self._timer.stop()
        self._close_popups()
        focus = QApplication.focusWidget()
        self._focus_before = focus if _alive(focus) else None
        window = self._window if _alive(self._window) else None
        for host in QApplication.topLevelWidgets():
            self._cover(host)
        self.screen = LockScreen(self._session, idle_minutes, window)
        self.screen.sig_submitted.connect(self.unlock)
        application_filters().install(self)  # first again, ahead of any installed since
        self.screen.show()
        self.screen.activateWindow()
        self.screen.password_edit.setFocus()
        self.sig_locked.emit()

    def _close_popups(self) -> None:
        for _ in range(10):
            popup = QApplication.activePopupWidget()
            if popup is None:
                return
            popup.close()

    def _cover(self, host: QWidget) -> None:
        if (
            not host.isVisible()
            or host is self.screen
            or host.windowType() not in _COVERED_TYPES
            or any(_alive(c) and c.parentWidget() is host for c in self._curtains)
        ):
            return
        self._curtains.append(Curtain(host))

    def _cover_new_window(self, watched: QObject) -> None:
        """A window that opens while locked (a message, a dialog) is covered at once."""
        if isinstance(watched, QWidget) and watched.isWindow():
            self._cover(watched)

    def note_input(self) -> None:
        """Someone is at the desk although the filter saw no key: a scan the scanner's
        filter took whole, for instance."""
        if not self.is_locked():
            self._last_input = self._clock()

    def unlock(self, password: str) -> bool:
        """Check the signed-in officer's password; a refusal is shown on the lock screen."""
        screen = self.screen
        if screen is None:
            return True
        if not password:
            screen.refuse(self.tr("Enter your password."))
            return False
        try:
            self._session.workspace.accounts.authenticate(self._session.user.login, password)
        except CounterError as error:
            if error.key == "login.failed":  # the login is not in doubt here
                screen.refuse(self.tr("Wrong password."))
            else:
                screen.refuse(error.message(self._session.lang))
            return False
        self._release()
        self.sig_unlocked.emit()
        return True

    def _release(self) -> None:
        screen, self.screen = self.screen, None
        if screen is not None and _alive(screen):
            screen.hide()
            screen.deleteLater()
        for curtain in self._curtains:
            if _alive(curtain):
                curtain.hide()
                curtain.deleteLater()
        self._curtains = []
        window = self._window if _alive(self._window) else None
        if window is not None:
            window.activateWindow()
        focus, self._focus_before = self._focus_before, None
        if focus is not None and _alive(focus) and focus.isVisible():
            focus.setFocus(Qt.FocusReason.OtherFocusReason)
        self._restart()

    # --- the filter
    def _on_screen(self, watched: QObject) -> bool:
        screen = self.screen
        if screen is None:
            return False
        if isinstance(watched, QWidget):
            return watched is screen or screen.isAncestorOf(watched)
        if watched is screen.windowHandle():
            return True
        owner = watched.parent()
        return isinstance(owner, QWidget) and (owner is screen or screen.isAncestorOf(owner))

    @unless_collected
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not isinstance(event, QInputEvent) and self.screen is None:
            return False  # every event of the application passes: its class is asked first
        kind = event.type()
        if kind not in _INPUT:
            if kind == _T.Show and self.screen is not None:
                self._cover_new_window(watched)
            return False
        if self.screen is None:
            if kind in _ACTIVITY and self._is_real_activity(kind, event):
                self._last_input = self._clock()
            return False
        if not self._on_screen(watched):
            return True
        if kind in _KEYS and isinstance(watched, QWidget):
            # Straight to the lock screen's widget, out of reach of any other filter.
            watched.event(event)
            return True
        return False

    def _is_real_activity(self, kind: QEvent.Type, event: QEvent) -> bool:
        """A mouse move counts only if the pointer really moved: Qt also sends synthetic
        moves when widgets change under a still pointer."""
        if kind != _T.MouseMove or not isinstance(event, QMouseEvent):
            return True
        where = event.globalPosition().toPoint()
        if where == self._last_mouse:
            return False
        self._last_mouse = where
        return True
