"""The kiosk (`counter-app kiosk`): a citizen touches their service area (a priority case
first touches who they are) and takes a printed ticket.

Taking and printing run off the GUI thread. A ticket the printer could not print (no paper,
unplugged) is kept on screen with its number and a button to print it again: it already holds
its place in the queue, so nobody loses their turn to a printer."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.errors import CounterError
from counter_app.domain.queue import PRIORITY_REASONS, Area
from counter_app.services.printing.backend import PrintFailed
from counter_app.services.queue import TakenTicket, open_queue, queue_areas
from counter_app.services.queue.ticket import (
    TicketPrinter,
    TicketSetup,
    qt_printer_name,
    render_ticket,
)
from counter_app.services.workspace import Workspace
from counter_app.ui.printing.texts import failure_text
from counter_app.ui.queue import pixel_font
from counter_app.ui.queue.ticket_print import load_ticket_font, print_ticket
from counter_app.ui.workers import Tasks

AREA_COLUMNS = 2
BACK_TO_CHOICE_MS = 8000
TOUCH_HEIGHT = 120
FAILED_COLOUR = "#c1121f"
DONE_COLOUR = "#2a9d8f"


class KioskWindow(QWidget):
    sig_printed = Signal(object)
    """A ticket was printed (TakenTicket)."""
    sig_failed = Signal(object)
    """A ticket was taken but not printed (TakenTicket): it waits on screen for paper."""

    def __init__(
        self,
        workspace: Workspace,
        data_dir: Path,
        lang: str = "vi",
        printer: TicketPrinter | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Take a ticket"))
        self._workspace = workspace
        self._data_dir = data_dir
        self._lang = lang
        settings = workspace.settings
        self._setup = TicketSetup.of(settings)
        self._printer = printer or TicketPrinter.from_setting(self._setup.printer)
        self._font_family = load_ticket_font()
        self.tasks = Tasks(self)
        self.unprinted: list[TakenTicket] = []

        title = QLabel(self.tr("Touch your service area to take a ticket"))
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title.setFont(pixel_font(34, bold=True))
        title.setWordWrap(True)
        title.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.priority = QButtonGroup(self)
        self.priority.setExclusive(False)
        priority_row = QHBoxLayout()
        priority_row.addWidget(_caption(self.tr("Priority:")))
        for reason, text in zip(PRIORITY_REASONS, self._priority_texts(), strict=True):
            button = QPushButton(text)
            button.setCheckable(True)
            button.setMinimumHeight(TOUCH_HEIGHT * 2 // 3)
            button.setFont(pixel_font(22))
            button.setProperty("reason", reason)
            button.toggled.connect(lambda on, b=button: self._only(b) if on else None)
            self.priority.addButton(button)
            priority_row.addWidget(button, 1)
        self.area_buttons: dict[str, QPushButton] = {}
        grid = QGridLayout()
        grid.setSpacing(16)
        for index, area in enumerate(queue_areas(settings)):
            button = QPushButton(f"{area.code}\n{area.name}")
            button.setMinimumHeight(TOUCH_HEIGHT)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            button.setFont(pixel_font(28, bold=True))
            button.clicked.connect(lambda _=False, a=area: self.take(a))
            self.area_buttons[area.code] = button
            grid.addWidget(button, index // AREA_COLUMNS, index % AREA_COLUMNS)

        self.result = QFrame()
        self.result.setObjectName("kioskResult")
        self.result_text = QLabel()
        self.result_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.result_text.setWordWrap(True)
        self.result_text.setFont(pixel_font(30, bold=True))
        self.print_again = QPushButton(self.tr("Print again"))
        self.print_again.setMinimumHeight(TOUCH_HEIGHT * 2 // 3)
        self.print_again.setFont(pixel_font(26, bold=True))
        self.print_again.clicked.connect(self.retry)
        result_layout = QVBoxLayout(self.result)
        result_layout.addWidget(self.result_text)
        result_layout.addWidget(self.print_again)
        self.result.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.setSpacing(20)
        layout.addWidget(title)
        layout.addLayout(grid, 1)
        layout.addLayout(priority_row)
        layout.addWidget(self.result)
        self._back = QTimer(self)
        self._back.setSingleShot(True)
        self._back.setInterval(BACK_TO_CHOICE_MS)
        self._back.timeout.connect(self._ready)

    def start(self) -> None:
        """Nothing to follow: the kiosk answers touches only."""

    def _priority_texts(self) -> tuple[str, str, str]:
        return (self.tr("Elderly"), self.tr("Disabled"), self.tr("Pregnant"))

    def _only(self, chosen: QPushButton) -> None:
        for button in self.priority.buttons():
            if button is not chosen:
                button.setChecked(False)

    def _chosen_priority(self) -> str | None:
        for button in self.priority.buttons():
            if button.isChecked():
                return str(button.property("reason"))
        return None

    # --- taking and printing

    def take(self, area: Area) -> None:
        priority = self._chosen_priority()
        self._set_busy(True)

        def work() -> TakenTicket:
            with open_queue(self._workspace.settings, self._data_dir) as queue:
                return queue.take(area.code, priority)

        self.tasks.run("take", work, self._taken, self._take_failed)

    def _taken(self, taken: TakenTicket) -> None:
        for button in self.priority.buttons():
            button.setChecked(False)
        self._print(taken)

    def _take_failed(self, error: Exception) -> None:
        if not isinstance(error, CounterError):
            raise error
        self._set_busy(False)
        self._show_result(error.message(self._lang), FAILED_COLOUR, retry=False)

    def _print(self, taken: TakenTicket) -> None:
        if self._printer is None:
            self._print_with_qt(taken)
            return
        printer, setup = self._printer, self._setup
        self.tasks.run(
            f"print-{taken.ticket.id}",
            lambda: printer.print(taken, render_ticket(taken, setup.centre, setup.follow_url)),
            lambda _: self._printed(taken),
            lambda error: self._print_failed(taken, error),
        )

    def _print_with_qt(self, taken: TakenTicket) -> None:
        """Any printer the system knows: the one `qt:NAME` names, else the default one."""
        try:
            name = qt_printer_name(self._setup.printer) or ""
        except CounterError as error:
            self._print_failed(taken, error)
            return
        setup, family = self._setup, self._font_family
        self.tasks.run(
            f"print-{taken.ticket.id}",
            lambda: print_ticket(taken, setup.centre, setup.follow_url, name, family),
            lambda _: self._printed(taken),
            lambda error: self._print_failed(taken, self._refusal(taken, error)),
        )

    def _refusal(self, taken: TakenTicket, error: Exception) -> Exception:
        """The system printer's refusal, worded here on the GUI thread."""
        if not isinstance(error, PrintFailed):
            return error
        reason = failure_text(error.failure, error.printer, error.detail)
        return CounterError("queue.printer_unreachable", ticket=taken.ticket.label, reason=reason)

    def _printed(self, taken: TakenTicket) -> None:
        if taken in self.unprinted:
            self.unprinted.remove(taken)
        self._set_busy(False)
        self._show_result(
            self.tr(
                "Your number: {ticket}\n{area}\n{ahead} ahead of you, about {minutes} min"
            ).format(
                ticket=taken.ticket.label,
                area=taken.area.name,
                ahead=taken.ahead,
                minutes=taken.wait_minutes,
            ),
            DONE_COLOUR,
            retry=bool(self.unprinted),
        )
        self.sig_printed.emit(taken)

    def _print_failed(self, taken: TakenTicket, error: Exception) -> None:
        if not isinstance(error, CounterError):
            raise error
        if taken not in self.unprinted:
            self.unprinted.append(taken)
        self._set_busy(False)
        self._show_result(error.message(self._lang), FAILED_COLOUR, retry=True)
        self.sig_failed.emit(taken)

    def retry(self) -> None:
        """Print the tickets still waiting for the printer, oldest first."""
        if self.unprinted:
            self._set_busy(True)
            self._print(self.unprinted[0])

    # --- what the citizen sees

    def _set_busy(self, busy: bool) -> None:
        for button in self.area_buttons.values():
            button.setEnabled(not busy)
        self.print_again.setEnabled(not busy)

    def _show_result(self, text: str, colour: str, *, retry: bool) -> None:
        self.result.setStyleSheet(
            f"#kioskResult {{ background: {colour}; border-radius: 12px; }}"
            "QLabel { color: white; }"
        )
        self.result_text.setText(text)
        self.print_again.setVisible(retry)
        self.result.show()
        if retry:
            self._back.stop()  # stays until the printer is seen to
        else:
            self._back.start()

    def _ready(self) -> None:
        if not self.unprinted:
            self.result.hide()


def _caption(text: str) -> QLabel:
    label = QLabel(text)
    label.setFont(pixel_font(24, bold=True))
    return label
