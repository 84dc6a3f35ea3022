"""A printer that fails on demand, a session whose print queue uses it, and dossiers to print.

Offscreen there are no printers, so the queue is tested with `FakePrinters`; Qt's own print
system is tested by printing to a PDF file (test_qt_printing.py)."""

from __future__ import annotations

import io
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pytest
from pypdf import PdfReader

from counter_app.domain.dossier import Dossier
from counter_app.services.accounts import User
from counter_app.services.printing.backend import Failure, PrintCancelled, PrintFailed
from counter_app.services.workspace import Workspace
from counter_app.ui import notify
from counter_app.ui.printing.queue import JobState, PrintJob, PrintQueue
from counter_app.ui.session import Session
from tests.ui.conftest import NOW, receive

A4_PRINTER = "Máy in A4 quầy 1"
LABEL_PRINTER = "Zebra ZD220"


@dataclass(frozen=True)
class Printed:
    printer: str
    title: str
    pages: int
    pdf: bytes


class FakePrinters:
    """The printers of an imaginary office. `fail(times, at_page, detail)` makes the next
    `times` jobs break off before page `at_page` (1-based) with the system's `detail`;
    `hold()` keeps the next job waiting before its first page until `release()`."""

    def __init__(self, names: tuple[str, ...] = (A4_PRINTER, LABEL_PRINTER)) -> None:
        self.names = list(names)
        self.default = names[0] if names else ""
        self.printed: list[Printed] = []
        self.pages_sent = 0
        self.status = ""
        self._failures = 0
        self._fail_page = 1
        self._detail = ""
        self._lock = threading.Lock()
        self._gate = threading.Event()
        self._hold_next = False
        self.waiting = threading.Event()

    def fail(self, times: int = 1, *, at_page: int = 1, detail: str = "Paper out") -> None:
        self._failures, self._fail_page, self._detail = times, at_page, detail

    def hold(self) -> None:
        self._gate.clear()
        self._hold_next = True

    def release(self) -> None:
        self._gate.set()

    # --- PrinterBackend
    def printers(self) -> list[str]:
        return list(self.names)

    def default_printer(self) -> str:
        return self.default

    def print_pdf(self, pdf: bytes, printer: str, title: str, cancelled: Callable[[], bool]) -> str:
        if not printer:
            raise PrintFailed(Failure.NO_PRINTER)
        if printer not in self.names:
            raise PrintFailed(Failure.UNKNOWN_PRINTER, printer)
        if self._hold_next:
            self._hold_next = False
            self.waiting.set()
            assert self._gate.wait(30), "the test never released the printer"
        pages = len(PdfReader(io.BytesIO(pdf)).pages)
        for page in range(1, pages + 1):
            if cancelled():
                raise PrintCancelled()
            with self._lock:
                if self._failures and page == self._fail_page:
                    self._failures -= 1
                    raise PrintFailed(Failure.INTERRUPTED, printer, self._detail)
                self.pages_sent += 1
        self.printed.append(Printed(printer, title, pages, pdf))
        return self.status


@pytest.fixture
def printers() -> FakePrinters:
    return FakePrinters()


@pytest.fixture
def queue(printers: FakePrinters) -> Iterator[PrintQueue]:
    queue = PrintQueue(printers, clock=lambda: NOW)
    yield queue
    printers.release()
    assert queue.wait(), "a print job was still running"


@pytest.fixture
def session(workspace: Workspace, staff: User, queue: PrintQueue) -> Session:
    workspace.papers.clock = lambda: NOW
    return Session(workspace, staff, "vi", clock=lambda: NOW, printing=queue)


@pytest.fixture
def dossier(workspace: Workspace, staff: User) -> Dossier:
    return receive(workspace, staff, "Trần Thị Mai", "2.002", NOW.replace(hour=8))


@pytest.fixture
def errors(monkeypatch) -> list[str]:
    """Message boxes, captured instead of shown."""
    shown: list[str] = []
    monkeypatch.setattr(notify, "show_error", lambda parent, text: shown.append(text))
    return shown


def finished(qtbot, queue: PrintQueue, start: Callable[[], object]) -> PrintJob:
    """Run `start` (which queues one job) and wait until that job has ended."""
    with qtbot.waitSignal(queue.sig_job_finished, timeout=20_000) as blocker:
        start()
    job = queue.job(blocker.args[0])
    assert job is not None and job.state is not JobState.PRINTING
    return job


def prints_of(workspace: Workspace, code: str) -> list[tuple[str, dict]]:
    """The print entries of the audit log for one dossier: (action, detail), oldest first."""
    from counter_app.store.models import AuditRow  # the test reads the log as support would

    with workspace.database.read() as db:
        rows = db.query(AuditRow).filter(AuditRow.subject == code).order_by(AuditRow.id).all()
        return [(r.action, dict(r.detail)) for r in rows if r.action.startswith("paper.")]
