"""The window's writes and the sync worker's: a write asked for while the worker writes batch
after batch goes next, instead of sleeping in SQLite's busy handler while the worker takes the
lock again and again (issue 13: a save stalled for seconds during a big sync round)."""

from __future__ import annotations

import threading
import time

import pytest
from sqlalchemy import text

from counter_app.store.database import open_database


@pytest.fixture
def database(tmp_path):  # type: ignore[no-untyped-def]
    database = open_database(tmp_path / "counter.sqlite3", create=True)
    yield database
    database.close()


def test_a_write_waits_for_one_worker_transaction_not_for_the_worker(database) -> None:
    worker_turns: list[int] = []
    stop = threading.Event()
    holding = threading.Event()

    def worker() -> None:
        """Transactions back to back, each holding the lock 20 ms, as a pull of many rows."""
        turn = 0
        while not stop.is_set():
            with database.write() as session:
                session.execute(text("UPDATE settings SET key = key WHERE 0"))
                turn += 1
                worker_turns.append(turn)
                holding.set()
                time.sleep(0.02)

    thread = threading.Thread(target=worker)
    thread.start()
    try:
        assert holding.wait(10)
        asked_during = len(worker_turns)
        with database.write() as session:
            session.execute(text("UPDATE settings SET key = key WHERE 0"))
            granted_after = len(worker_turns)
    finally:
        stop.set()
        thread.join()
    # The worker finished the transaction it was in (and at most began the next before this
    # thread queued); it never ran on transaction after transaction ahead of this one.
    assert granted_after - asked_during <= 1


def test_a_write_goes_in_at_the_next_gap_of_another_process_writer(database, tmp_path) -> None:
    """The window's sync worker runs in a process of its own: outside this process's turns. A
    write asked for while it applies a pull (20 ms transactions, a checkpoint of about 2 ms
    between them) goes in at the next gap, not after SQLite's busy handler has slept past
    many of them in steps growing to 100 ms.

    On a loaded machine this thread is sometimes not scheduled within a 2 ms gap, so a few of
    the twenty writes may wait one transaction more; SQLite's busy handler misses most gaps."""
    other = open_database(tmp_path / "counter.sqlite3")
    waits = _transactions_passed_while_writing(database, other)
    assert sum(wait <= 1 for wait in waits) >= ATTEMPTS - 4, waits


ATTEMPTS = 20


def _transactions_passed_while_writing(database, other) -> list[int]:  # type: ignore[no-untyped-def]
    """For each of ATTEMPTS writes on `database`, how many transactions `other` (its own turns,
    as another process) began and ended between the write being asked for and granted."""
    worker_turns: list[int] = []
    stop = threading.Event()
    holding = threading.Event()

    def worker() -> None:
        while not stop.is_set():
            with other.write() as session:
                session.execute(text("UPDATE settings SET key = key WHERE 0"))
                worker_turns.append(len(worker_turns) + 1)
                holding.set()
                time.sleep(0.02)
            time.sleep(0.002)

    thread = threading.Thread(target=worker)
    thread.start()
    waits = []
    try:
        for _ in range(ATTEMPTS):
            assert holding.wait(10)
            asked_during = len(worker_turns)
            with database.write() as session:
                session.execute(text("UPDATE settings SET key = key WHERE 0"))
                waits.append(len(worker_turns) - asked_during)
            holding.clear()
    finally:
        stop.set()
        thread.join()
        other.close()
    return waits


def test_a_write_inside_a_write_on_the_same_thread_is_refused_at_once(database) -> None:
    """It could only wait for itself; SQLite would have answered "locked" after its timeout."""
    with database.write(), pytest.raises(RuntimeError), database.write():
        pass
    with database.write() as session:  # the turn was given back
        assert session.execute(text("SELECT 1")).scalar() == 1
