"""Work that may take time runs here, off the GUI thread; results come back by signal.

A task is a plain function calling services (each service call opens its own short session in
the worker's thread); it returns plain data and never touches a widget. The result or the
error is delivered on the GUI thread. Each `Tasks` owner keeps only its newest answer per
purpose, so a slow old search can never overwrite a newer one.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)


class _Relay(QObject):
    """Carries a task's outcome from the worker thread to the GUI thread (queued signal)."""

    sig_done = Signal(str, int, object)
    """(purpose, ticket, result) of a task that finished."""
    sig_failed = Signal(str, int, object)
    """(purpose, ticket, exception) of a task that raised."""


class _Runnable(QRunnable):
    def __init__(self, relay: _Relay, purpose: str, ticket: int, work: Callable[[], Any]) -> None:
        super().__init__()
        self._relay = relay
        self._purpose = purpose
        self._ticket = ticket
        self._work = work

    def run(self) -> None:
        try:
            result = self._work()
        except Exception as error:  # delivered to the owner, who decides how to tell the user
            self._relay.sig_failed.emit(self._purpose, self._ticket, error)
        else:
            self._relay.sig_done.emit(self._purpose, self._ticket, result)


class Tasks(QObject):
    """Background tasks of one page. `run(purpose, work, done, failed)`: only the newest task of
    each purpose is answered; `busy` says whether any is still running (for a progress hint)."""

    sig_busy = Signal(bool)
    """True when the first task starts, False when the last one has answered."""

    def __init__(self, parent: QObject | None = None, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self._pool = pool or QThreadPool.globalInstance()
        self._relay = _Relay()
        self._relay.sig_done.connect(self._done)
        self._relay.sig_failed.connect(self._failed)
        self._tickets = itertools.count(1)
        self._latest: dict[str, int] = {}
        self._handlers: dict[int, tuple[Callable[[Any], None], Callable[[Exception], None]]] = {}

    @property
    def busy(self) -> bool:
        return bool(self._handlers)

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
        self._pool.start(_Runnable(self._relay, purpose, ticket, work))
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

    def _done(self, purpose: str, ticket: int, result: object) -> None:
        handlers = self._answer(purpose, ticket)
        if handlers is not None:
            handlers[0](result)

    def _failed(self, purpose: str, ticket: int, error: object) -> None:
        handlers = self._answer(purpose, ticket)
        if handlers is None:
            log.info("a superseded %s task failed: %r", purpose, error)
            return
        assert isinstance(error, Exception)
        handlers[1](error)

    def wait(self, msecs: int = 5000) -> bool:
        """Block until the pool is idle (tests, and closing the window)."""
        return self._pool.waitForDone(msecs)
