"""A connection budget (issue 17): counters sync through a real PgBouncer in transaction mode,
each with its own role, at the same time, and central never sees more server connections than
PgBouncer's `max_db_connections`, however many counters there are; nothing is lost or doubled
although a counter's transactions land on whichever server connection is free (no server-side
prepared statement, no session state). Between rounds a counter holds no connection."""

from __future__ import annotations

import shutil
import tempfile
import threading
from pathlib import Path

import pytest

from tests.conftest import AGENCY, OTHER_AGENCY
from tests.sync.conftest import server_connections, start_pgbouncer
from tests.sync.helpers import central_rows, make_counter, take
from tests.sync.test_sync import counter_url

COUNTERS = 6
BUDGET = 3
ROUNDS = 4


@pytest.fixture
def small_bouncer(pg_server):  # type: ignore[no-untyped-def]
    root = Path(tempfile.mkdtemp(prefix="counter-app-pgbouncer-"))
    bouncer = start_pgbouncer(pg_server, root, max_db_connections=BUDGET)
    yield bouncer
    bouncer.stop()
    shutil.rmtree(root, ignore_errors=True)


def test_counters_sync_through_pgbouncer_within_the_connection_budget(
    pg_server, pg_central, small_bouncer, tmp_path
):  # type: ignore[no-untyped-def]
    database = pg_central.rsplit("/", 1)[1]
    counters = []
    for i in range(COUNTERS):
        ws, user = make_counter(tmp_path, f"c{i}", push_batch=2, pull_page=3)
        agency = (AGENCY, OTHER_AGENCY)[i % 2]
        ws.sync.configure(small_bouncer.url(counter_url(pg_central, f"B{i}", [agency])))
        counters.append((ws, user))
    errors: list[BaseException] = []
    peak = 0
    running = threading.Event()
    running.set()

    def sample() -> None:
        nonlocal peak
        with pg_server.admin() as connection:
            while running.is_set():
                peak = max(peak, server_connections(connection, database, BUDGET))

    def work(ws, user) -> None:  # type: ignore[no-untyped-def]
        try:
            ws.sync.run_once()  # registered, the catalog
            for _ in range(ROUNDS):
                take(ws, user, 6)
                ws.sync.run_once()
        except BaseException as error:
            errors.append(error)

    sampler = threading.Thread(target=sample)
    sampler.start()
    threads = [threading.Thread(target=work, args=counter) for counter in counters]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=600)
    running.clear()
    sampler.join()
    assert not errors, errors
    assert 0 < peak <= BUDGET

    for ws, _ in counters:
        assert ws.sync.run_once().pending == 0
    rows = central_rows(pg_central)
    assert len(rows) == COUNTERS * ROUNDS * 6
    codes = [row["code"] for row in rows.values()]
    assert len(codes) == len(set(codes))
    for ws, _ in counters:
        ws.close()


def test_a_counter_holds_no_connection_between_rounds(pg_server, pg_central, tmp_path):  # type: ignore[no-untyped-def]
    database = pg_central.rsplit("/", 1)[1]
    ws, user = make_counter(tmp_path, "a")
    ws.sync.configure(counter_url(pg_central, "A", [AGENCY]))
    ws.sync.run_once()
    take(ws, user, 3)
    assert ws.sync.run_once().pending == 0
    with pg_server.admin() as connection:
        assert server_connections(connection, database, budget=0) == 0
    ws.close()
