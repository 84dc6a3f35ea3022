"""The sync worker of the window: `SyncService.run_forever` on a QThread of its own, reports
carried back to the GUI thread, the indicator's status read in the background.

Nothing here blocks the window: rounds run on the worker thread and status reads in the
thread pool (each service call opens its own session in the thread that makes it). The worker
never touches a widget; it puts plain data (`RoundReport`) in a locked mailbox and emits a
signal without arguments, as `workers.Tasks` does.
"""

from __future__ import annotations

import logging
import threading
from collections import deque
from dataclasses import dataclass

from PySide6.QtCore import QObject, QThread, QTimer, Signal

from counter_app.domain.errors import CounterError
from counter_app.services.sync import SyncResult, SyncStatus
from counter_app.ui.session import Session
from counter_app.ui.workers import Tasks

log = logging.getLogger(__name__)

STATUS_REFRESH_MS = 5_000  # entries waiting change with every intake, between rounds too


@dataclass(frozen=True)
class RoundReport:
    """One round of the worker, as plain data: its result, or why it failed."""

    result: SyncResult | None
    error: str | None  # the failure in the session's language
    error_key: str | None
    status: SyncStatus | None  # read right after the round, on the worker thread


class _Mailbox(QObject):
    """Reports wait here under a lock; only an argument-less signal crosses threads."""

    sig_posted = Signal()
    """A report (or the worker's crash) is waiting in the mailbox."""

    def __init__(self) -> None:
        super().__init__()
        self._lock = threading.Lock()
        self._items: deque[RoundReport | BaseException] = deque()

    def post(self, item: RoundReport | BaseException) -> None:
        with self._lock:
            self._items.append(item)
        self.sig_posted.emit()

    def take_all(self) -> list[RoundReport | BaseException]:
        with self._lock:
            items = list(self._items)
            self._items.clear()
        return items


class _SyncThread(QThread):
    def __init__(
        self, session: Session, stop: threading.Event, mailbox: _Mailbox, poll: float, full: float
    ) -> None:
        super().__init__()
        self.setObjectName("syncWorker")
        self._session = session
        self._stop = stop
        self._mailbox = mailbox
        self._poll = poll
        self._full = full

    def run(self) -> None:
        sync = self._session.workspace.sync
        lang = self._session.lang

        def on_round(result: SyncResult | None, error: CounterError | None) -> None:
            try:
                status: SyncStatus | None = sync.status()
            except CounterError:
                status = None
            self._mailbox.post(
                RoundReport(
                    result,
                    error.message(lang) if error is not None else None,
                    error.key if error is not None else None,
                    status,
                )
            )

        try:
            sync.run_forever(self._stop, poll=self._poll, full_every=self._full, on_round=on_round)
        except BaseException as error:  # a bug: the GUI thread raises it for the crash handler
            self._mailbox.post(error)


class SyncController(QObject):
    """Runs the counter's sync in the background while the window is open.

    `start()` starts the worker when a central address is set (standalone, nothing runs);
    `stop()` stops it and waits for it (call it when the window closes); `sync_now()` is the
    "Sync now" button. `status` is the newest `SyncStatus` read, None before the first."""

    sig_status = Signal(object)
    """The newest status (SyncStatus), after a round or a background read."""

    sig_round = Signal(object)
    """A round of the worker ended, well or not (RoundReport)."""

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
        self._poll = poll
        self._full_every = full_every
        self.status: SyncStatus | None = None
        self.last_error: str | None = None  # the last failed round's message, until one succeeds
        self.syncing = False
        self._stop = threading.Event()
        self._thread: _SyncThread | None = None
        self._mailbox = _Mailbox()
        self._mailbox.sig_posted.connect(self._delivered)
        self._tasks = Tasks(self)
        self._timer = QTimer(self)
        self._timer.setInterval(status_every_ms)
        self._timer.timeout.connect(self.refresh_status)
        self._codes_warned = False

    # --- the worker

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.isRunning()

    def start(self) -> bool:
        """Read the status and, with a central address set, start the worker. Returns whether
        the worker runs."""
        self.refresh_status()
        if self.running:
            return True
        if self._session.workspace.settings.identity().central_url is None:
            return False
        self._stop = threading.Event()
        self._thread = _SyncThread(
            self._session, self._stop, self._mailbox, self._poll, self._full_every
        )
        self._thread.start()
        self._timer.start()
        return True

    def stop(self) -> None:
        """Stop the worker and wait for it (at most the end of the round under way)."""
        self._timer.stop()
        self._stop.set()
        if self._thread is not None:
            self._thread.wait()
            self._thread = None
        self._tasks.wait()
        self._set_syncing(False)

    def sync_now(self) -> None:
        """ "Sync now": a full round at once, even in the middle of a back-off."""
        if self.running:
            self._set_syncing(True)
            self._session.workspace.sync.request_sync()
        elif self.start():  # the worker's first round is a full one
            self._set_syncing(True)

    def _set_syncing(self, syncing: bool) -> None:
        if syncing != self.syncing:
            self.syncing = syncing
            self.sig_syncing.emit(syncing)

    def _delivered(self) -> None:
        for item in self._mailbox.take_all():
            if isinstance(item, BaseException):
                self._set_syncing(False)
                raise item
            self.last_error = item.error
            self._set_syncing(False)
            self.sig_round.emit(item)
            if item.status is not None:
                self._publish(item.status)

    # --- the status, read off the GUI thread

    def refresh_status(self) -> None:
        sync = self._session.workspace.sync
        self._tasks.run("status", sync.status, self._publish, self._status_failed)

    def _status_failed(self, error: Exception) -> None:
        if not isinstance(error, CounterError):
            raise error
        log.info("the sync status could not be read: %s", error)

    def _publish(self, status: SyncStatus) -> None:
        if status.online:
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
