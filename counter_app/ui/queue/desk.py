"""The desk's queue bar in the main window: call next (F9), call again (F10), absent (F11),
a ticket by its number (a priority case, an absent citizen back), send to another area.

The ticket called is the citizen at the desk: the intake page's next saved dossier records it
(and so the waiting time). Every call runs off the GUI thread; a queue server that does not
answer leaves the window as it is and says so in the status bar."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QWidget,
)

from counter_app.domain.clock import local
from counter_app.domain.dossier import Dossier
from counter_app.domain.errors import CounterError
from counter_app.domain.queue import Ticket, TicketState
from counter_app.services.queue import QueueService, open_queue, queue_areas, record_ticket
from counter_app.ui import notify, theme
from counter_app.ui.session import Session
from counter_app.ui.workers import Tasks

CALL_NEXT_KEY = "F9"
RECALL_KEY = "F10"
ABSENT_KEY = "F11"


class DeskQueueBar(QFrame):
    """A thin band under the header; hidden parts never block intake without a queue."""

    sig_called = Signal(object)
    """A ticket was called to this desk (Ticket): the citizen is coming to the desk."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("deskQueue")
        self.setStyleSheet("#deskQueue { border-bottom: 1px solid palette(mid); }")
        self._session = session
        self._queue: QueueService | None = None
        self._opening = threading.Lock()
        self.tasks = Tasks(self)
        self.current: Ticket | None = None

        self.ticket_label = QLabel(self.tr("No ticket called"))
        self.ticket_label.setObjectName("deskTicket")
        self.ticket_label.setFont(theme.scaled_font(self.ticket_label.font(), 1.3, bold=True))
        self.call_button = self._button(self.tr("Call next"), CALL_NEXT_KEY, self.call_next)
        self.recall_button = self._button(self.tr("Call again"), RECALL_KEY, self.recall)
        self.absent_button = self._button(self.tr("Absent"), ABSENT_KEY, self.absent)
        self.number_button = self._button(self.tr("Call a number…"), "", self.call_number)
        self.transfer_button = QPushButton(self.tr("Send to area…"))
        self.transfer_button.setMenu(self._areas_menu())

        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 4, 12, 4)
        layout.addWidget(QLabel(self.tr("Queue:")))
        layout.addWidget(self.ticket_label, 1)
        for button in (
            self.call_button,
            self.recall_button,
            self.absent_button,
            self.number_button,
            self.transfer_button,
        ):
            layout.addWidget(button)
        self._show(None)

    def _button(self, text: str, key: str, action: Callable[[], None]) -> QPushButton:
        button = QPushButton(f"{text} ({key})" if key else text)
        button.clicked.connect(action)
        if key:
            QShortcut(QKeySequence(key), self).activated.connect(action)
        return button

    def _areas_menu(self) -> QMenu:
        menu = QMenu(self)
        for area in queue_areas(self._session.workspace.settings):
            action = menu.addAction(f"{area.code} – {area.name}")
            action.triggered.connect(lambda _=False, code=area.code: self.transfer(code))
        return menu

    def _service(self) -> QueueService:
        """Opened by the first task, in its worker thread (a server may take seconds)."""
        with self._opening:
            if self._queue is None:
                workspace = self._session.workspace
                self._queue = open_queue(workspace.settings, workspace.data_dir)
            return self._queue

    # --- actions (each in the background; the answer comes back on the GUI thread)

    def _run(self, work: Callable[[QueueService], Any]) -> None:
        """One action at a time: a second F9 while the first call is on its way would serve
        the first citizen in no time and call the next one over them. Recording a ticket on
        a saved dossier runs beside them: F10 just after a save is not lost."""
        if self.tasks.running("queue"):
            return
        self.tasks.run("queue", lambda: work(self._service()), self._answered, self._failed)

    def call_next(self) -> None:
        self._run(lambda queue: queue.call_next())

    def recall(self) -> None:
        self._run(lambda queue: queue.recall())

    def absent(self) -> None:
        self._run(lambda queue: queue.finish(absent=True))

    def transfer(self, area: str) -> None:
        self._run(lambda queue: queue.transfer(area))

    def call_number(self) -> None:
        label = notify.ask_text(
            self, self.tr("Call a number"), self.tr("Ticket number (e.g. 125, or Ư7):")
        )
        if label is not None:
            self._run(lambda queue: queue.call_ticket(label))

    def _answered(self, ticket: Ticket) -> None:
        called = ticket.state is TicketState.CALLED
        self._show(ticket if called else None)
        if called:
            self.sig_called.emit(ticket)
        else:
            self._session.messages.info(
                self.tr("Ticket {ticket}: {state}").format(
                    ticket=ticket.label, state=self._state_text(ticket)
                )
            )

    def _state_text(self, ticket: Ticket) -> str:
        if ticket.state is TicketState.ABSENT:
            return self.tr("absent")
        if ticket.state is TicketState.WAITING:
            return self.tr("sent to area {area}").format(area=ticket.area)
        return self.tr("served")

    def _failed(self, error: Exception) -> None:
        if not isinstance(error, CounterError):
            raise error
        self._session.messages.info(error.message(self._session.lang))

    def _show(self, ticket: Ticket | None) -> None:
        self.current = ticket
        for button in (self.recall_button, self.absent_button, self.transfer_button):
            button.setEnabled(ticket is not None)
        if ticket is None:
            self.ticket_label.setText(self.tr("No ticket called"))
            return
        waited = (ticket.waited_seconds or 0) // 60
        self.ticket_label.setText(
            self.tr("Number {ticket} (area {area}), taken at {taken}, waited {minutes} min").format(
                ticket=ticket.label,
                area=ticket.area,
                taken=local(ticket.taken_at).strftime("%H:%M"),
                minutes=int(waited),
            )
        )

    def record_on_dossier(self, dossier: Dossier) -> None:
        """The dossier just saved was the called citizen's: it keeps the ticket."""
        code = dossier.code
        if self.current is None or not code:
            return
        ticket = self.current
        database = self._session.workspace.database
        self.tasks.run(
            "stamp", lambda: record_ticket(database, code, ticket), lambda _: None, self._failed
        )

    def close_queue(self) -> None:
        self.tasks.wait()
        if self._queue is not None:
            self._queue.close()
            self._queue = None
