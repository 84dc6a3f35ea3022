"""Opening the local SQLite store safely: pragmas, migrations with a backup first, and one place
where SQLite's failures become messages the officer can act on."""

from __future__ import annotations

import errno
import gc
import sqlite3
import threading
import time
from collections import deque
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import URL, Engine, create_engine, event, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from counter_app.domain.errors import CounterError
from counter_app.store.migrations import LOCAL_HEAD
from counter_app.store.private import create_private_file, private_file, private_folder

SQLITE_HEADER = b"SQLite format 3\x00"
DEFAULT_BUSY_TIMEOUT_MS = 5000
WRITE_LOCK_POLL_S = 0.0005  # how often a writer asks again for a lock another process holds
BACKUPS_FOLDER = "backups"  # inside the data folder: copies before upgrades, the daily backups


class WriteTurns:
    """This process's writers take SQLite's write lock in the order they asked for it.

    Left to SQLite, a writer that finds the lock taken sleeps in steps growing to 100 ms and
    may keep missing it while the sync worker writes batch after batch: the window's save then
    stalls far longer than any one of the worker's transactions. Queued here, the window's
    write goes next, as soon as the worker's current (short) transaction commits. Writers of
    other processes (a command-line run) still meet SQLite's busy timeout."""

    def __init__(self) -> None:
        self._changed = threading.Condition()
        self._queue: deque[int] = deque()  # the waiting threads, the writing one first

    @contextmanager
    def turn(self) -> Iterator[None]:
        me = threading.get_ident()
        with self._changed:
            if me in self._queue:  # would wait for itself: SQLite has one writer at a time
                raise RuntimeError("a write unit of work inside another on the same thread")
            self._queue.append(me)
            self._changed.wait_for(lambda: self._queue[0] == me)
        try:
            yield
        finally:
            with self._changed:
                self._queue.popleft()
                self._changed.notify_all()


class Database:
    """The local store. Each unit of work opens its own short session; none crosses threads."""

    def __init__(self, path: Path, *, busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS) -> None:
        self.path = path
        self.engine = _make_engine(path, busy_timeout_ms)
        self._write_turns = WriteTurns()

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only unit of work (a deferred transaction: it never blocks writers in WAL)."""
        with self.translated_errors(), Session(self.engine, expire_on_commit=False) as session:
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A write unit of work under SQLite's write lock from its first statement (BEGIN
        IMMEDIATE), so read-then-write sequences such as code allocation cannot interleave
        between processes. Commits at the end, rolls back on any error: all or nothing."""
        immediate = self.engine.execution_options(begin="IMMEDIATE")
        with (
            self._write_turns.turn(),
            self.translated_errors(),
            collector_paused(),
            Session(immediate, expire_on_commit=False) as session,
            session.begin(),
        ):
            yield session

    def fetch(self, sql: str, parameters: Sequence[object] = ()) -> list[Any]:
        """The rows of one SELECT run straight on SQLite: one statement is its own transaction,
        so it sees one committed state. For the small reads made all the time (the settings),
        where SQLAlchemy's own work per statement is most of the cost."""
        with self.translated_errors():
            connection = self.engine.raw_connection()
            try:
                return connection.driver_connection.execute(sql, parameters).fetchall()  # type: ignore[union-attr]
            finally:
                connection.close()

    def checkpoint(self) -> None:
        """Copy the write-ahead log into the file now, without waiting for or blocking anyone
        (PASSIVE). A writer of many transactions calls this after each, so the log never grows
        to SQLite's automatic checkpoint, which the next commit would pay for: often a save in
        the window, stalled behind the copy of pages it never wrote."""
        with self.translated_errors(), self.engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(PASSIVE)")

    @contextmanager
    def translated_errors(self) -> Iterator[None]:
        try:
            yield
        except DBAPIError as error:
            raise sqlite_problem(error.orig, self.path) from error
        except sqlite3.Error as error:
            raise sqlite_problem(error, self.path) from error
        except OSError as error:
            raise os_problem(error, self.path) from error

    def close(self) -> None:
        self.engine.dispose()


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector waits while the write lock is held: a full collection in the
    middle of a sync round's transaction (90 to 100 ms with its thousands of rows in memory)
    was all of it a wait for the window's next save (issue 13). It runs again, when due, once
    the transaction has ended. Left off if it was off (the window's GUI thread collects on a
    timer of its own, ui/collector.py)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def sqlite_url(path: Path) -> URL:
    """The address of an SQLite file, whatever its path holds (`%`, `?`, `#`, spaces, accents):
    built, never pasted into a string SQLAlchemy would parse."""
    return URL.create("sqlite", database=str(path))


def _make_engine(path: Path, busy_timeout_ms: int, *, foreign_keys: bool = True) -> Engine:
    engine = create_engine(sqlite_url(path), connect_args={"timeout": busy_timeout_ms / 1000})

    @event.listens_for(engine, "connect")
    def _configure(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        dbapi_connection.isolation_level = None  # we emit BEGIN ourselves, below
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
        cursor.execute("PRAGMA journal_mode = WAL")  # readers never wait for the writer
        cursor.execute(f"PRAGMA foreign_keys = {'ON' if foreign_keys else 'OFF'}")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection) -> None:
        mode = connection.get_execution_options().get("begin", "DEFERRED")
        if mode == "IMMEDIATE":
            _take_write_lock(connection.connection.dbapi_connection, busy_timeout_ms)
        else:  # straight to SQLite: a statement through SQLAlchemy cost a read a third of its time
            connection.connection.dbapi_connection.execute(f"BEGIN {mode}")

    return engine


def _take_write_lock(dbapi_connection: sqlite3.Connection, busy_timeout_ms: int) -> None:
    """BEGIN IMMEDIATE, asking again every half millisecond while another process (the
    window's sync worker, a command) holds the write lock, until the busy timeout.

    SQLite's own busy handler sleeps in steps growing to 100 ms: a save in the window then
    keeps missing the short gaps between the sync worker's transactions and stalls for a
    tenth of a second or more (issue 13). Writers of this process still take turns first
    (`WriteTurns`), so only one of its threads asks at a time."""
    deadline = time.monotonic() + busy_timeout_ms / 1000
    dbapi_connection.execute("PRAGMA busy_timeout = 0")
    try:
        while True:
            try:
                dbapi_connection.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as error:
                if error.sqlite_errorcode != sqlite3.SQLITE_BUSY or time.monotonic() >= deadline:
                    raise
            time.sleep(WRITE_LOCK_POLL_S)
    finally:
        dbapi_connection.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")


def sqlite_problem(error: BaseException | None, path: Path) -> CounterError:
    """Name what went wrong in words the officer can act on."""
    reason = str(error).lower()
    if "locked" in reason or "busy" in reason:
        return CounterError("db.locked")
    if "readonly" in reason or "read-only" in reason:
        return CounterError("db.readonly", path=str(path))
    if "not a database" in reason or "malformed" in reason or "corrupt" in reason:
        return CounterError("db.corrupt", path=str(path))
    if "disk is full" in reason or "database or disk is full" in reason:
        return CounterError("db.disk_full")
    if "unable to open" in reason:
        return CounterError("db.readonly", path=str(path))
    return CounterError("db.error", reason=str(error))


def os_problem(error: OSError, path: Path) -> CounterError:
    if error.errno == errno.ENOSPC:
        return CounterError("db.disk_full")
    if error.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return CounterError("db.readonly", path=str(path))
    return CounterError("file.unwritable", path=str(error.filename or path), reason=error.strerror)


def emptied_store(path: Path) -> CounterError:
    """The refusal of a zero-byte store, naming the newest backup in the data folder if any."""
    backup = newest_backup(path.parent)
    if backup is None:
        return CounterError("db.emptied", path=str(path), backups=str(path.parent / BACKUPS_FOLDER))
    return CounterError("db.emptied_backup", path=str(path), backup=str(backup))


def newest_backup(data_dir: Path) -> Path | None:
    """The most recent backup kept under the data folder: a daily or manual zip, a copy made
    before an upgrade or a restore."""
    try:
        found = [
            candidate
            for candidate in (data_dir / BACKUPS_FOLDER).rglob("*")
            if candidate.suffix in (".zip", ".sqlite3")
            and candidate.is_file()
            and candidate.stat().st_size > 0
        ]
    except OSError:
        return None
    return max(found, key=lambda candidate: candidate.stat().st_mtime, default=None)


def _check_header(path: Path) -> None:
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as error:
        raise os_problem(error, path) from error
    if header and header != SQLITE_HEADER:
        raise CounterError("db.corrupt", path=str(path))


def _backup_copy(database: Database, revision: str) -> Path:
    """Copy the file aside with SQLite's online backup before a migration touches it."""
    folder = database.path.parent / BACKUPS_FOLDER
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = folder / f"{database.path.stem}-before-upgrade-from-{revision}-{stamp}.sqlite3"
    try:
        private_folder(folder)
        source = sqlite3.connect(database.path)
        copy = sqlite3.connect(target)
        with copy:
            source.backup(copy)
        source.close()
        copy.close()
        private_file(target)
    except sqlite3.Error as error:
        raise sqlite_problem(error, database.path) from error
    except OSError as error:
        raise os_problem(error, target) from error
    return target


def current_revision(database: Database) -> str | None:
    with database.read() as session:
        has_table = session.execute(
            text("SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'")
        ).first()
        if not has_table:
            return None
        return session.execute(text("SELECT version_num FROM alembic_version")).scalar()


def open_database(
    path: Path, *, create: bool = False, busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS
) -> Database:
    """Open the store, creating it only when asked (init), upgrading it when it is behind."""
    if not path.exists():
        if not create:
            raise CounterError("db.not_initialised", path=str(path.parent))
        try:
            private_folder(path.parent)
            create_private_file(path)
        except OSError as error:
            raise os_problem(error, path) from error
    else:
        _check_header(path)
        if path.stat().st_size == 0:
            # An emptied file is not a fresh start, not even for init: numbering would begin
            # again at 0001. The data is gone; a backup brings it back.
            raise emptied_store(path)
    database = Database(path, busy_timeout_ms=busy_timeout_ms)
    try:
        revision = current_revision(database)
        if revision != LOCAL_HEAD:
            migrate(database, revision, create=create)
    except BaseException:
        database.close()
        raise
    return database


def migrate(database: Database, revision: str | None, *, create: bool) -> None:
    from counter_app.store import migrations

    if revision is not None and revision not in migrations.known_revisions():
        raise CounterError("db.newer", path=str(database.path))
    if revision is None and not (create and create_allowed(database)):
        raise CounterError("db.not_initialised", path=str(database.path.parent))
    if revision is not None:
        _backup_copy(database, revision)
    # SQLite rebuilds a table to alter it; with foreign keys enforced, dropping the old copy of
    # a parent table would fail. Migrate with them off, then check every reference still holds.
    engine = _make_engine(database.path, DEFAULT_BUSY_TIMEOUT_MS, foreign_keys=False)
    try:
        with database.translated_errors(), engine.begin() as connection:
            migrations.upgrade(connection)
            broken = connection.exec_driver_sql("PRAGMA foreign_key_check").first()
            if broken is not None:
                raise CounterError("db.error", reason=f"foreign key check failed: {tuple(broken)}")
    finally:
        engine.dispose()


def create_allowed(database: Database) -> bool:
    """An empty file may be initialised; a file with someone else's tables may not."""
    with database.read() as session:
        tables = session.execute(text("SELECT count(*) FROM sqlite_master")).scalar()
    return not tables
