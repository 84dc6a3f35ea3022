"""The print queue: jobs printed one after another in the background, each with its state and,
when it failed, why, in the operating system's own words. A failed job is never dropped: it
stays in the queue until it is retried (on the same or another printer) or cancelled.

Jobs live on the GUI thread. A worker gets a copy of what it needs (the paper, or how to make
it; the printer; how to record the print) and hands back a plain outcome; it never touches a
job, a widget or the queue.
"""

from __future__ import annotations

import itertools
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from PySide6.QtCore import QObject, QThreadPool, Signal

from counter_app.domain.clock import now
from counter_app.domain.errors import CounterError
from counter_app.services.printing import Paper, PaperKind
from counter_app.services.printing.backend import (
    PrintCancelled,
    PrinterBackend,
    PrintFailed,
    QtPrinterBackend,
)
from counter_app.ui.printing.texts import failure_text, paper_label
from counter_app.ui.workers import Tasks

log = logging.getLogger(__name__)


class JobState(StrEnum):
    QUEUED = "queued"
    PRINTING = "printing"
    DONE = "done"
    FAILED = "failed"
    CANCELLED = "cancelled"


FINISHED = frozenset({JobState.DONE, JobState.CANCELLED})


@dataclass(eq=False)
class PrintJob:
    """One paper for one printer. `make` renders the paper in the worker when there is no
    `paper` yet (the paper is kept once made, so a retry prints the very same one); `record`
    counts the print once the printer took it; `notify` is where to say how it went."""

    id: int
    kind: PaperKind
    code: str
    printer: str
    submitted_at: datetime
    make: Callable[[], Paper] | None = None
    paper: Paper | None = None
    record: Callable[[Paper, str], object] | None = None
    notify: Callable[[str], None] | None = None
    lang: str = "vi"
    state: JobState = JobState.QUEUED
    error: str = ""  # why it failed, for the officer, with the system's own words
    status: str = ""  # what the system said of the printer after the job went through
    attempts: int = 0
    finished_at: datetime | None = None
    cancel: threading.Event = field(default_factory=threading.Event)

    @property
    def reprint(self) -> bool:
        return self.paper is not None and self.paper.reprint

    @property
    def title(self) -> str:
        return f"{paper_label(self.kind)} {self.code}".strip()


@dataclass(frozen=True)
class _Outcome:
    """What a worker hands back: plain data only."""

    paper: Paper | None
    printed: bool = False
    cancelled: bool = False
    failure: PrintFailed | None = None
    refusal: str = ""  # the service refused to make the paper (its message)
    warning: str = ""  # printed, but the print could not be recorded
    status: str = ""


def _work(
    make: Callable[[], Paper] | None,
    paper: Paper | None,
    backend: PrinterBackend,
    printer: str,
    title: str,
    cancel: threading.Event,
    record: Callable[[Paper, str], object] | None,
    lang: str,
) -> _Outcome:
    """Make the paper if need be, print it, record the print (in the worker thread)."""
    if paper is None:
        assert make is not None
        try:
            paper = make()
        except CounterError as error:
            return _Outcome(None, refusal=error.message(lang))
    try:
        status = backend.print_pdf(paper.pdf, printer, title, cancel.is_set)
    except PrintCancelled:
        return _Outcome(paper, cancelled=True)
    except PrintFailed as failed:
        return _Outcome(paper, failure=failed)
    warning = ""
    if record is not None:
        try:
            record(paper, printer)
        except CounterError as error:
            warning = error.message(lang)
    return _Outcome(paper, printed=True, warning=warning, status=status)


class PrintQueue(QObject):
    """Every print of this window, one at a time, in submission order. The jobs stay listed
    (done ones until `remove_finished`), so the queue panel shows what happened."""

    sig_job_changed = Signal(int)
    """A job was added or its state changed (job id)."""

    sig_job_finished = Signal(int)
    """A job ended: printed, failed or cancelled (job id)."""

    sig_jobs_removed = Signal()
    """Finished jobs were taken off the list."""

    def __init__(
        self,
        backend: PrinterBackend | None = None,
        parent: QObject | None = None,
        *,
        clock: Callable[[], datetime] = now,
    ) -> None:
        super().__init__(parent)
        self.backend: PrinterBackend = backend or QtPrinterBackend()
        self.jobs: list[PrintJob] = []
        self._clock = clock
        self._ids = itertools.count(1)
        self._tasks: Tasks | None = None
        self._pool: QThreadPool | None = None
        self._running: PrintJob | None = None

    # --- what pages call
    def submit(
        self,
        kind: PaperKind,
        code: str,
        printer: str,
        *,
        paper: Paper | None = None,
        make: Callable[[], Paper] | None = None,
        record: Callable[[Paper, str], object] | None = None,
        notify: Callable[[str], None] | None = None,
        lang: str = "vi",
    ) -> PrintJob:
        """Queue a paper (or how to make it) for `printer`; "" means the system's default.
        With no printer at all the job is kept, failed, with a message that says so. Nothing
        is said before this returns: every outcome comes back from the worker."""
        if paper is None and make is None:
            raise ValueError("a print job needs a paper or a way to make it")
        job = PrintJob(
            next(self._ids),
            PaperKind(kind),
            code,
            printer,
            self._clock(),
            make=make,
            paper=paper,
            record=record,
            notify=notify,
            lang=lang,
        )
        self.jobs.append(job)
        self._start(job)
        return job

    def retry(self, job_id: int, printer: str | None = None) -> bool:
        """Queue a failed or cancelled job again, on `printer` if given, else on its own
        printer while the system still knows it, else on the default one."""
        job = self.job(job_id)
        if job is None or job.state not in (JobState.FAILED, JobState.CANCELLED):
            return False
        if printer:
            job.printer = printer
        elif job.printer not in self.backend.printers():
            job.printer = ""
        job.cancel.clear()
        job.error = ""
        job.status = ""
        job.finished_at = None
        self._start(job)
        return True

    def cancel(self, job_id: int) -> bool:
        """A waiting or failed job is cancelled now; a printing one after its current page."""
        job = self.job(job_id)
        if job is None:
            return False
        if job.state is JobState.PRINTING:
            job.cancel.set()
            return True
        if job.state not in (JobState.QUEUED, JobState.FAILED):
            return False
        self._finish(job, JobState.CANCELLED)
        self._say(job, self.tr("Cancelled: {paper}.").format(paper=job.title))
        return True

    def remove_finished(self) -> int:
        """Take printed and cancelled jobs off the list; failed ones stay until dealt with."""
        kept = [job for job in self.jobs if job.state not in FINISHED]
        removed = len(self.jobs) - len(kept)
        if removed:
            self.jobs = kept
            self.sig_jobs_removed.emit()
        return removed

    def job(self, job_id: int) -> PrintJob | None:
        return next((job for job in self.jobs if job.id == job_id), None)

    def count(self, *states: JobState) -> int:
        return sum(1 for job in self.jobs if job.state in states)

    def unfinished(self) -> list[PrintJob]:
        """Jobs still to print or to deal with: what closing the window would leave behind."""
        return [job for job in self.jobs if job.state not in FINISHED]

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until the job printing now, if any, is through (closing the window, tests)."""
        return self._pool.waitForDone(msecs) if self._pool is not None else True

    # --- inside
    def _start(self, job: PrintJob) -> None:
        """Queue the job; even with no printer at all it goes through the worker, which makes
        the paper (kept for the retry) and hears from the backend that there is none."""
        if not job.printer:
            job.printer = self.backend.default_printer()
        job.state = JobState.QUEUED
        self.sig_job_changed.emit(job.id)
        self._pump()

    def _pump(self) -> None:
        if self._running is not None:
            return
        job = next((j for j in self.jobs if j.state is JobState.QUEUED), None)
        if job is None:
            return
        if self._tasks is None:
            self._pool = QThreadPool(self)
            self._pool.setMaxThreadCount(1)
            self._tasks = Tasks(self, self._pool)
        self._running = job
        job.state = JobState.PRINTING
        job.attempts += 1
        self.sig_job_changed.emit(job.id)
        make, paper, backend, printer = job.make, job.paper, self.backend, job.printer
        title, cancel, record, lang = job.title, job.cancel, job.record, job.lang
        self._tasks.run(
            f"job-{job.id}",
            lambda: _work(make, paper, backend, printer, title, cancel, record, lang),
            lambda outcome: self._answered(job, outcome),
            lambda error: self._broke(job, error),
        )

    def _answered(self, job: PrintJob, outcome: _Outcome) -> None:
        self._running = None
        if outcome.paper is not None:
            job.paper = outcome.paper
        if outcome.printed:
            job.status = outcome.status
            job.error = outcome.warning
            self._finish(job, JobState.DONE)
            self._say(job, self._done_text(job))
        elif outcome.cancelled:
            self._finish(job, JobState.CANCELLED)
            self._say(job, self.tr("Cancelled: {paper}.").format(paper=job.title))
        else:
            failed = outcome.failure
            job.error = (
                failure_text(failed.failure, failed.printer or job.printer, failed.detail)
                if failed is not None
                else outcome.refusal
            )
            self._finish(job, JobState.FAILED)
            self._say(job, self._failed_text(job))
        self._pump()

    def _broke(self, job: PrintJob, error: Exception) -> None:
        """A fault of ours in the worker: logged with its trace; the job stays, failed."""
        log.error("print job %s broke", job.id, exc_info=error)
        self._running = None
        job.error = self.tr("Unexpected error while printing: {error}").format(error=error)
        self._finish(job, JobState.FAILED)
        self._say(job, self._failed_text(job))
        self._pump()

    def _finish(self, job: PrintJob, state: JobState) -> None:
        job.state = state
        job.finished_at = self._clock()
        self.sig_job_changed.emit(job.id)
        self.sig_job_finished.emit(job.id)

    def _done_text(self, job: PrintJob) -> str:
        if job.reprint:
            text = self.tr("Reprinted: {paper} on {printer}.")
        else:
            text = self.tr("Printed: {paper} on {printer}.")
        text = text.format(paper=job.title, printer=job.printer)
        if job.status:
            text += " " + self.tr("The printer says: “{status}”.").format(status=job.status)
        if job.error:
            text += " " + self.tr("The print could not be recorded: {reason}").format(
                reason=job.error
            )
        return text

    def _failed_text(self, job: PrintJob) -> str:
        return self.tr("Not printed: {paper}. {reason} The job stays in the print queue.").format(
            paper=job.title, reason=job.error
        )

    @staticmethod
    def _say(job: PrintJob, text: str) -> None:
        if job.notify is not None:
            job.notify(text)
