"""The board on the wall (`counter-app board`, full screen on a TV): the number at each desk,
the last one called blinking, the citizens waiting per area, and each call said aloud.

A thread of its own follows the shared queue (LISTEN on PostgreSQL, a cheap poll on SQLite) and
hands the newest state to the GUI thread through a mailbox; a server that stops answering turns
the board's banner red until it answers again, and nothing it showed is lost meanwhile."""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QResizeEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from counter_app.domain.clock import now
from counter_app.domain.errors import CounterError
from counter_app.domain.queue import BoardState, announcement
from counter_app.services.queue import QueueService
from counter_app.ui.queue import pixel_font

FOLLOW_TIMEOUT_S = 1.0
RETRY_S = 2.0
BLINKS = 12  # the last number called blinks six times
BLINK_MS = 400
DESK_COLUMNS = 4
BACKGROUND = "#0b2545"
NUMBER_COLOUR = "#ffd166"
BLINK_COLOUR = "#ef476f"
TEXT_COLOUR = "#ffffff"


class _Mailbox(QObject):
    """The follower thread leaves the newest state (or the error) here and rings."""

    sig_rang = Signal()

    def __init__(self) -> None:
        super().__init__()
        self._lock = threading.Lock()
        self._state: BoardState | CounterError | None = None

    def post(self, state: BoardState | CounterError) -> None:
        with self._lock:
            self._state = state
        self.sig_rang.emit()

    def take(self) -> BoardState | CounterError | None:
        with self._lock:
            state, self._state = self._state, None
            return state


class BoardFollower:
    """Follows the queue on its own thread; the QueueService is opened and used there only."""

    def __init__(self, open_service: Callable[[], QueueService], mailbox: _Mailbox) -> None:
        self._open = open_service
        self._mailbox = mailbox
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="board-follower", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def _run(self) -> None:
        service: QueueService | None = None
        seen = -1
        while not self._stop.is_set():
            try:
                if service is None:
                    service = self._open()
                last = service.wait_for_change(seen, FOLLOW_TIMEOUT_S)
                if last != seen:
                    seen = last
                    self._mailbox.post(service.board())
            except CounterError as error:
                self._mailbox.post(error)
                if service is not None:
                    service.close()
                service, seen = None, -1
                self._stop.wait(RETRY_S)
        if service is not None:
            service.close()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(FOLLOW_TIMEOUT_S + 5)


class _DeskCell(QFrame):
    def __init__(self, desk: int, caption: str) -> None:
        super().__init__()
        self.desk = desk
        self.setObjectName("deskCell")
        self.setStyleSheet(
            f"#deskCell {{ border: 2px solid {TEXT_COLOUR}; border-radius: 12px; }}"
            f"QLabel {{ color: {TEXT_COLOUR}; }}"
        )
        self.caption = QLabel(caption)
        self.number = QLabel("—")
        self.number.setObjectName("deskNumber")
        for label in (self.caption, self.number):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addWidget(self.caption)
        layout.addWidget(self.number, 1)

    def show_number(self, text: str, colour: str = NUMBER_COLOUR) -> None:
        self.number.setText(text)
        self.number.setStyleSheet(f"color: {colour};")


class BoardWindow(QWidget):
    """Built with a way to open the queue service (in the follower's thread) and to speak."""

    sig_shown = Signal(object)
    """A new state is on screen (BoardState): tests and the benchmark wait for it."""

    def __init__(
        self,
        open_service: Callable[[], QueueService],
        area_names: dict[str, str],
        speak: Callable[[str], None] | None = None,
        parent: QWidget | None = None,
        *,
        notice: str = "",
    ) -> None:
        """`notice`: what the centre must see to fix (the voice missing), on the board itself:
        the Windows program has no console to print it on."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Queue board"))
        self.setObjectName("board")
        self.setStyleSheet(
            f"#board {{ background: {BACKGROUND}; }} QLabel {{ color: {TEXT_COLOUR}; }}"
        )
        self.setAutoFillBackground(True)
        self._area_names = area_names
        self._speak = speak
        self._last_call: int | None = None  # nothing is said for what was called before start
        self.state: BoardState | None = None
        self.cells: dict[int, _DeskCell] = {}

        self.banner = QLabel(self.tr("Please come to the desk when your number is called"))
        self.banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.clock = QLabel()
        self.called = QLabel("")
        self.called.setObjectName("lastCalled")
        self.called.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.grid = QGridLayout()
        self.grid.setSpacing(16)
        self.waiting = QLabel("")
        self.waiting.setObjectName("waiting")
        self.waiting.setWordWrap(True)
        self.notice = QLabel(notice)
        self.notice.setObjectName("notice")
        self.notice.setWordWrap(True)
        self.notice.setVisible(bool(notice))
        top = QHBoxLayout()
        top.addWidget(self.banner, 1)
        top.addWidget(self.clock)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addLayout(top)
        layout.addWidget(self.called)
        layout.addLayout(self.grid, 1)
        layout.addWidget(self.waiting)
        layout.addWidget(self.notice)

        self._blink = QTimer(self)
        self._blink.setInterval(BLINK_MS)
        self._blink.timeout.connect(self._toggle)
        self._blinks_left = 0
        self._tick = QTimer(self)
        self._tick.timeout.connect(self._show_time)
        self._tick.start(1000)
        self._show_time()
        self._mailbox = _Mailbox()
        self._mailbox.sig_rang.connect(self._delivered)
        self._follower = BoardFollower(open_service, self._mailbox)
        self._rescale()

    def start(self) -> None:
        self._follower.start()

    def stop(self) -> None:
        self._follower.stop()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.stop()
        super().closeEvent(event)

    # --- showing

    def _show_time(self) -> None:
        self.clock.setText(now().strftime("%H:%M"))

    def _delivered(self) -> None:
        state = self._mailbox.take()
        if isinstance(state, CounterError):
            self._offline(state)
        elif state is not None:
            self.show_state(state)

    def _offline(self, error: CounterError) -> None:
        self.banner.setText(self.tr("Queue server not answering: trying again…"))
        self.banner.setStyleSheet(f"background: {BLINK_COLOUR}; color: {TEXT_COLOUR};")
        self.banner.setToolTip(error.message())

    def show_state(self, state: BoardState) -> None:
        self.banner.setText(self.tr("Please come to the desk when your number is called"))
        self.banner.setStyleSheet("")
        self.state = state
        for item in state.desks:
            self._cell(item.desk).show_number(item.ticket.label)
        serving = {item.desk for item in state.desks}
        for desk, cell in self.cells.items():
            if desk not in serving:
                cell.show_number("—")
        self.waiting.setText(
            "   ".join(
                self.tr("{area}: {count} waiting").format(
                    area=self._area_names.get(area, area), count=count
                )
                for area, count in sorted(state.waiting.items())
            )
            or self.tr("Nobody is waiting")
        )
        called = state.last_called
        if called is not None and called.desk is not None:
            self.called.setText(
                self.tr("Number {ticket} — desk {desk}").format(
                    ticket=called.label, desk=called.desk
                )
            )
            if self._last_call is not None and state.last_call > self._last_call:
                self._announce(called.label, called.desk)
        self._last_call = state.last_call
        self.sig_shown.emit(state)

    def _announce(self, label: str, desk: int) -> None:
        self._blinks_left = BLINKS
        self._blink.start()
        if self._speak is not None:
            self._speak(announcement(label, desk))

    def _toggle(self) -> None:
        self._blinks_left -= 1
        called = self.state.last_called if self.state else None
        cell = self.cells.get(called.desk) if called and called.desk else None
        lit = self._blinks_left % 2 == 1
        self.called.setStyleSheet(f"color: {BLINK_COLOUR if lit else NUMBER_COLOUR};")
        if cell is not None and called is not None:
            cell.show_number(called.label, BLINK_COLOUR if lit else NUMBER_COLOUR)
        if self._blinks_left <= 0:
            self._blink.stop()

    def _cell(self, desk: int) -> _DeskCell:
        if desk not in self.cells:
            self.cells[desk] = _DeskCell(desk, self.tr("Desk {desk}").format(desk=desk))
            for index, number in enumerate(sorted(self.cells)):
                self.grid.addWidget(self.cells[number], index // DESK_COLUMNS, index % DESK_COLUMNS)
            self._rescale()
        return self.cells[desk]

    # --- sizes follow the screen: readable from the back of the hall

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._rescale()

    def _rescale(self) -> None:
        unit = max(8, self.height() // 40)
        rows = max(1, (len(self.cells) + DESK_COLUMNS - 1) // DESK_COLUMNS)
        self.banner.setFont(pixel_font(unit * 2, bold=True))
        self.clock.setFont(pixel_font(unit * 2, bold=True))
        self.called.setFont(pixel_font(unit * 4, bold=True))
        self.waiting.setFont(pixel_font(int(unit * 1.5)))
        self.notice.setFont(pixel_font(unit))
        for cell in self.cells.values():
            cell.caption.setFont(pixel_font(int(unit * 1.6), bold=True))
            cell.number.setFont(pixel_font(max(unit * 2, unit * 7 // rows), bold=True))
