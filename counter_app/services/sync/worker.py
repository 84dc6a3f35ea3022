"""The window's sync worker in a process of its own (issue 13): `SyncService.run_forever` on
its own Workspace over the same data folder, its reports sent back through a pipe.

A process, not a thread, so that a round's Python work never holds the interpreter lock a
save in the window is waiting for. The process is started with "spawn" (the same on Linux,
Windows and in the frozen program), so all it is given is plain, picklable data: the folder,
the language, the intervals and its ends of two pipes. It opens its own store connections; no
database session crosses processes, and SQLite (WAL, busy timeout) shares the write lock.

Its reports and log records go up one pipe (the window writes the records to its log file);
orders come down the other ("sync now", "stop"), and that pipe closing means the window has
gone: the worker stops too. A round under way is always finished first. Ctrl+C in the
terminal that started the window is the window's to handle: the worker ignores it."""

from __future__ import annotations

import gc
import logging
import os
import signal
import threading
import traceback
from dataclasses import dataclass
from enum import StrEnum
from multiprocessing.connection import Connection
from pathlib import Path

from counter_app.domain.errors import CounterError
from counter_app.services.sync.results import SyncResult, SyncStatus
from counter_app.services.sync.service import SyncService

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RoundReport:
    """One round of the worker, as plain data: its result, or why it failed."""

    result: SyncResult | None
    error: str | None  # the failure in the session's language
    error_key: str | None
    status: SyncStatus | None  # read right after the round, by the worker
    pid: int | None = None  # the process that ran the round


@dataclass(frozen=True)
class WorkerOrders:
    """What the worker process is started with (picklable: no Qt object, no session)."""

    data_dir: Path
    lang: str
    poll: float
    full_every: float


@dataclass(frozen=True)
class WorkerEnded:
    """The worker's last word before it ended on an error: what went wrong, for the officer
    (`reason`, in the session's language) and for the log (`trace`)."""

    reason: str
    trace: str


class Order(StrEnum):
    SYNC_NOW = "sync-now"
    STOP = "stop"


def run_worker(orders: WorkerOrders, reports: Connection, commands: Connection) -> None:
    """The worker process's body: rounds until told to stop or until the window is gone."""
    from counter_app.services.workspace import Workspace

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    stop = threading.Event()
    up = _Up(reports)
    logger = logging.getLogger("counter_app")
    logger.addHandler(up)
    logger.setLevel(logging.INFO)
    try:
        with Workspace(orders.data_dir) as workspace:
            keep_rounds_short()
            sync = workspace.sync
            threading.Thread(
                target=_take_orders, args=(commands, sync, stop), name="orders", daemon=True
            ).start()
            sync.run_forever(
                stop,
                poll=orders.poll,
                full_every=orders.full_every,
                on_round=lambda result, error: up.send(_report(sync, orders.lang, result, error)),
            )
    except CounterError as error:  # the store cannot be opened (locked, moved, damaged)
        _last_word(up, error.message(orders.lang))
        raise SystemExit(1) from error
    except BaseException as error:  # a bug: the window logs it and starts a new worker
        _last_word(up, f"{type(error).__name__}: {error}")
        raise
    finally:
        reports.close()


def keep_rounds_short() -> None:
    """What start-up made (the modules, the store's engines and mappers) lives as long as the
    worker: the collector's full passes skip it from now on instead of walking it in the middle
    of a round, as the window does once signed in (ui/app.py). bench/province.py: a round's
    p95 a quarter to a third shorter."""
    gc.collect()
    gc.freeze()


class _Up(logging.Handler):
    """The worker's end of the reports pipe: rounds, the last word and (as a log handler) its
    log records, their message and traceback made text here; one at a time, whatever thread
    sends them."""

    def __init__(self, reports: Connection) -> None:
        super().__init__(logging.INFO)
        self._reports = reports
        self._sending = threading.Lock()

    def send(self, item: RoundReport | WorkerEnded | logging.LogRecord) -> None:
        with self._sending:
            self._reports.send(item)

    def emit(self, record: logging.LogRecord) -> None:
        try:
            record.msg = self.format(record)
            record.args = record.exc_info = record.exc_text = record.stack_info = None
            self.send(record)
        except Exception:  # logging must never end the worker
            self.handleError(record)


def _report(
    sync: SyncService, lang: str, result: SyncResult | None, error: CounterError | None
) -> RoundReport:
    try:
        status: SyncStatus | None = sync.status()
    except CounterError:
        status = None
    return RoundReport(
        result,
        error.message(lang) if error is not None else None,
        error.key if error is not None else None,
        status,
        os.getpid(),
    )


def _take_orders(commands: Connection, sync: SyncService, stop: threading.Event) -> None:
    """Wake the worker on "sync now"; stop it on "stop" or when the window's end closes."""
    try:
        while not stop.is_set():
            if commands.recv() == Order.SYNC_NOW:
                sync.request_sync()
            else:
                stop.set()
    except (EOFError, OSError):  # the window is gone without saying so
        stop.set()


def _last_word(up: _Up, reason: str) -> None:
    try:
        up.send(WorkerEnded(reason, traceback.format_exc()))
    except OSError:  # nobody to tell any more
        log.debug("the window is gone; the worker's last word was not heard")
