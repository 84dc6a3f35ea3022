"""Work that may take time runs here, off the GUI thread; results come back by signal.

A task is a plain function calling services (each service call opens its own short session in
the worker's thread); it returns plain data and never touches a widget. The result or the
error is delivered on the GUI thread. Each `Tasks` owner keeps only its newest answer per
purpose, so a slow old search can never overwrite a newer one.
"""

from __future__ import annotations

import itertools
import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThreadPool, Signal

log = logging.getLogger(__name__)


class _Relay(QObject):
    """Carries a task's outcome from the worker thread to the GUI thread. Only the ticket
    crosses threads in the queued signal; the outcome waits in a locked mailbox (PySide6 can
    mishandle reference counts of Python objects sent through cross-thread signals)."""

    sig_answered = Signal(str, int)
    """(purpose, ticket) of a task whose outcome is in the mailbox."""

    def __init__(self) -> None:
        super().__init__()
        self._lock = threading.Lock()
        self._mailbox: dict[int, tuple[bool, Any]] = {}

    def post(self, purpose: str, ticket: int, ok: bool, outcome: Any) -> None:
        with self._lock:
            self._mailbox[ticket] = (ok, outcome)
        self.sig_answered.emit(purpose, ticket)

    def take(self, ticket: int) -> tuple[bool, Any]:
        with self._lock:
            return self._mailbox.pop(ticket)


class Tasks(QObject):
    """Background tasks of one page. `run(purpose, work, done, failed)`: only the newest task of
    each purpose is answered; `busy` says whether any is still running (for a progress hint)."""

    sig_busy = Signal(bool)
    """True when the first task starts, False when the last one has answered."""

    def __init__(self, parent: QObject | None = None, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self._pool = pool or QThreadPool.globalInstance()
        self._relay = _Relay()
        self._relay.sig_answered.connect(self._answered)
        self._tickets = itertools.count(1)
        self._latest: dict[str, int] = {}
        self._handlers: dict[int, tuple[Callable[[Any], None], Callable[[Exception], None]]] = {}

    @property
    def busy(self) -> bool:
        return bool(self._handlers)

    def running(self, purpose: str) -> bool:
        """Whether a task of this purpose has not answered yet."""
        return purpose in self._latest

    def run(
        self,
        purpose: str,
        work: Callable[[], Any],
        done: Callable[[Any], None],
        failed: Callable[[Exception], None],
    ) -> int:
        ticket = next(self._tickets)
        was_busy = self.busy
        stale = self._latest.get(purpose)
        if stale is not None:
            self._handlers.pop(stale, None)
        self._latest[purpose] = ticket
        self._handlers[ticket] = (done, failed)
        relay = self._relay

        def run() -> None:
            try:
                result = work()
            except Exception as error:  # handed to the owner, who decides how to tell the user
                relay.post(purpose, ticket, False, error)
            else:
                relay.post(purpose, ticket, True, result)

        # A plain callable, not a QRunnable subclass: PySide6 then owns the wrapper itself.
        self._pool.start(run)
        if not was_busy:
            self.sig_busy.emit(True)
        return ticket

    def _answer(self, purpose: str, ticket: int) -> tuple[Callable, Callable] | None:
        handlers = self._handlers.pop(ticket, None)
        if self._latest.get(purpose) == ticket:
            del self._latest[purpose]
        if not self.busy:
            self.sig_busy.emit(False)
        return handlers

    def _answered(self, purpose: str, ticket: int) -> None:
        ok, outcome = self._relay.take(ticket)
        handlers = self._answer(purpose, ticket)
        if handlers is None:
            if not ok:
                log.info("a superseded %s task failed: %r", purpose, outcome)
            return
        done, failed = handlers
        if ok:
            done(outcome)
        else:
            failed(outcome)

    def wait(self, msecs: int = 5000) -> bool:
        """Block until the pool is idle (tests, and closing the window)."""
        return self._pool.waitForDone(msecs)
