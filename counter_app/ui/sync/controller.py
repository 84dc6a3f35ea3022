"""The sync worker of the window: `SyncService.run_forever` in a process of its own
(services/sync/worker.py), its reports picked up on the GUI thread, the indicator's status
read in the background.

Nothing here blocks the window: rounds run in the worker process, so a round's Python work
never holds the interpreter lock a save in the window waits for (issue 13); a timer looks at
the worker's pipe without waiting; status reads run in the thread pool (each service call
opens its own session in the thread that makes it). The worker never touches a widget and
shares no session: it sends plain data (`RoundReport`). A worker that ends unasked is
reported in the session's language and started again at the next status tick; one that
keeps dying (a damaged store) is started again ever more slowly, up to every
`RESTART_AT_MOST_EVERY_S`, and the same message is not said again each time.
"""

from __future__ import annotations

import logging
import multiprocessing
import threading
import time
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess

from PySide6.QtCore import QObject, QTimer, Signal

from counter_app.domain.errors import CounterError
from counter_app.services.sync import SyncStatus
from counter_app.services.sync.worker import (
    Order,
    RoundReport,
    WorkerEnded,
    WorkerOrders,
    run_worker,
)
from counter_app.ui.session import Session
from counter_app.ui.workers import Tasks

log = logging.getLogger(__name__)

STATUS_REFRESH_MS = 5_000  # entries waiting change with every intake, between rounds too
REPORTS_EVERY_MS = 50  # how often the worker's pipe is looked at (never waited on)
STOP_WAIT_S = 120.0  # the round under way is finished first; a worker stuck longer is ended
WORKER_DIED = "sync.worker_died"  # ended with no word: killed, out of memory
WORKER_FAILED = "sync.worker_failed"  # ended on an error it could name
RESTART_AT_MOST_EVERY_S = 300.0  # the longest wait before starting a worker that keeps dying


class SyncController(QObject):
    """Runs the counter's sync in the background while the window is open.

    `start()` starts the worker when a central address is set (standalone, nothing runs);
    `stop()` stops it and waits for it (call it when the window closes); `sync_now()` is the
    "Sync now" button. `status` is the newest `SyncStatus` read, None before the first."""

    sig_status = Signal(object)
    """The newest status (SyncStatus), after a round or a background read."""

    sig_round = Signal(object)
    """A round of the worker ended, well or not, or the worker died (RoundReport)."""

    sig_syncing = Signal(bool)
    """True when "Sync now" was asked, False when the round it asked for has ended."""

    def __init__(
        self,
        session: Session,
        parent: QObject | None = None,
        *,
        poll: float = 0.5,
        full_every: float = 15.0,
        status_every_ms: int = STATUS_REFRESH_MS,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._orders = WorkerOrders(session.workspace.data_dir, session.lang, poll, full_every)
        self.status: SyncStatus | None = None
        self.last_error: str | None = None  # the last failed round's message, until one succeeds
        self.syncing = False
        self._worker: BaseProcess | None = None
        self._reports: Connection | None = None
        self._commands: Connection | None = None
        self._commanding = threading.Lock()  # "sync now" comes from background tasks too
        self._last_word: str | None = None  # why the worker is ending, when it said so
        self._restart = False  # the worker died: start another at the next tick
        self._deaths = 0  # in a row, with no round ended since
        self._restart_after = 0.0  # time.monotonic() before which none is started
        self._reader = QTimer(self)
        self._reader.setInterval(REPORTS_EVERY_MS)
        self._reader.timeout.connect(self._read_reports)
        self._tasks = Tasks(self)
        self._timer = QTimer(self)
        self._timer.setInterval(status_every_ms)
        self._timer.timeout.connect(self._tick)
        self._codes_warned = False

    # --- the worker

    @property
    def running(self) -> bool:
        return self._worker is not None and self._worker.is_alive()

    @property
    def worker_pid(self) -> int | None:
        """The worker process's id while it runs."""
        return self._worker.pid if self.running and self._worker is not None else None

    def start(self) -> bool:
        """Read the status and, with a central address set, start the worker. Returns whether
        the worker runs."""
        self.refresh_status()
        if self.running:
            return True
        if self._session.workspace.settings.identity().central_url is None:
            return False
        self._start_worker()
        self._timer.start()
        return True

    def _start_worker(self) -> None:
        self._close_worker()
        context = multiprocessing.get_context("spawn")  # as on Windows and in the frozen program
        reports, worker_reports = context.Pipe(duplex=False)
        worker_commands, commands = context.Pipe(duplex=False)
        worker = context.Process(
            target=run_worker,
            args=(self._orders, worker_reports, worker_commands),
            name="syncWorker",
            daemon=True,  # ended at the program's exit if never stopped
        )
        worker.start()
        worker_reports.close()  # the worker's ends are its own now: its exit closes the pipe
        worker_commands.close()
        self._worker, self._reports, self._commands = worker, reports, commands
        self._restart = False
        self._last_word = None
        self._session.workspace.sync.forward_requests = self._order_round
        self._reader.start()

    def stop(self) -> None:
        """Stop the worker and wait for it: the round under way is finished, never cut."""
        self._timer.stop()
        self._reader.stop()
        worker = self._worker
        if worker is not None:
            self._command(Order.STOP)
            deadline = time.monotonic() + STOP_WAIT_S
            while worker.is_alive() and time.monotonic() < deadline:
                worker.join(REPORTS_EVERY_MS / 1000)
                self._read_while_stopping()  # a worker blocked on a full pipe would never end
            if worker.is_alive():
                log.warning("the sync worker did not stop in %s s: ended", STOP_WAIT_S)
                worker.terminate()
                worker.join()
        self._close_worker()
        self._restart = False
        self._tasks.wait()
        self._set_syncing(False)

    def _close_worker(self) -> None:
        self._reader.stop()
        self._session.workspace.sync.forward_requests = None
        with self._commanding:
            for pipe in (self._reports, self._commands):
                if pipe is not None:
                    pipe.close()
            self._reports = self._commands = None
        self._worker = None

    def sync_now(self) -> None:
        """ "Sync now": a full round at once, even in the middle of a back-off."""
        if self.running:
            self._set_syncing(True)
            self._session.workspace.sync.request_sync()  # forwarded to the worker
        elif self.start():  # the worker's first round is a full one
            self._set_syncing(True)

    def _order_round(self) -> None:
        self._command(Order.SYNC_NOW)

    def _command(self, order: Order) -> None:
        with self._commanding:
            if self._commands is None:
                return
            try:
                self._commands.send(order)
            except OSError:  # the worker is gone; the reader tells the officer
                log.info("the sync worker could not be told %s: it has ended", order)

    def _set_syncing(self, syncing: bool) -> None:
        if syncing != self.syncing:
            self.syncing = syncing
            self.sig_syncing.emit(syncing)

    def _tick(self) -> None:
        if (
            self._restart
            and time.monotonic() >= self._restart_after
            and self._session.workspace.settings.identity().central_url
        ):
            self._start_worker()
        self.refresh_status()

    # --- the worker's reports, read on the GUI thread without waiting

    def _read_reports(self) -> None:
        reports, worker = self._reports, self._worker
        if reports is None or worker is None:
            return
        try:
            while reports.poll():
                self._delivered(reports.recv())
        except (EOFError, OSError):  # the worker's end is closed: it has ended
            pass
        if self._worker is worker and not worker.is_alive():
            self._worker_died(worker)

    def _read_while_stopping(self) -> None:
        """Log lines and last words still go to the log; a round's report is left unshown."""
        try:
            while self._reports is not None and self._reports.poll():
                item = self._reports.recv()
                if not isinstance(item, RoundReport):
                    self._delivered(item)
        except (EOFError, OSError):
            return

    def _delivered(self, item: RoundReport | WorkerEnded | logging.LogRecord) -> None:
        if isinstance(item, logging.LogRecord):  # the worker's, for this process's log file
            logging.getLogger(item.name).handle(item)
            return
        if isinstance(item, WorkerEnded):
            log.error("the sync worker ended: %s\n%s", item.reason, item.trace)
            self._last_word = item.reason
            return
        self.last_error = item.error
        self._deaths = 0  # a round ended: the worker lives
        self._set_syncing(False)
        if item.result is not None and item.result.pulled:  # the worker's caches are its own
            self._session.workspace.catalog.invalidate()
            self._session.workspace.calendars.invalidate()
        self.sig_round.emit(item)
        if item.status is not None:
            self._publish(item.status)

    def _worker_died(self, worker: BaseProcess) -> None:
        """Ended unasked (killed, out of memory, a bug): say so, unless it is what was said
        last; the next tick starts another, after a wait that doubles with each death in a row
        (a damaged store would otherwise be opened, and reported, every few seconds)."""
        pid, code = worker.pid, worker.exitcode
        error = (
            CounterError(WORKER_FAILED, reason=self._last_word)
            if self._last_word
            else CounterError(WORKER_DIED, code=code)
        )
        log.warning("the sync worker %s ended with exit code %s", pid, code)
        self._close_worker()
        self._restart = True
        self._deaths += 1
        wait = self._timer.interval() / 1000 * 2 ** (self._deaths - 1)
        self._restart_after = time.monotonic() + min(wait, RESTART_AT_MOST_EVERY_S)
        message = error.message(self._session.lang)
        said_already = message == self.last_error
        self.last_error = message
        self._set_syncing(False)
        if not said_already:
            self._session.messages.info(message)
        self.sig_round.emit(RoundReport(None, message, error.key, None, pid))

    # --- the status, read off the GUI thread

    def refresh_status(self) -> None:
        sync = self._session.workspace.sync
        self._tasks.run("status", sync.status, self._publish, self._status_failed)

    def _status_failed(self, error: Exception) -> None:
        if not isinstance(error, CounterError):
            raise error
        log.info("the sync status could not be read: %s", error)

    def _publish(self, status: SyncStatus) -> None:
        if status.online and not self._deaths:  # a dying worker's message stays till a round
            self.last_error = None
        self.status = status
        self._warn_codes(status)
        self.sig_status.emit(status)

    def _warn_codes(self, status: SyncStatus) -> None:
        """Say once in the status bar that codes run low; again only after it recovered."""
        if status.codes_low and not self._codes_warned:
            self._session.messages.info(
                self.tr(
                    "Few dossier codes are left for offline intake ({n}): synchronise while "
                    "the line is up."
                ).format(n=status.codes_left)
            )
        self._codes_warned = status.codes_low
