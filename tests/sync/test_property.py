"""Several counters, random offline periods and random faults (cut before central, reply
lost after central committed): central ends holding exactly the union of their dossiers,
every code unique, nothing lost, nothing doubled, every copy agreeing."""

from __future__ import annotations

import contextlib
import tempfile
import uuid
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from counter_app.domain.dossier import Status
from counter_app.domain.errors import CounterError
from counter_app.domain.lifecycle import Action
from counter_app.services.sync.admin import CentralAdmin
from tests.conftest import SMALL_CATALOG
from tests.sync.helpers import central_rows, local_rows, make_counter, take

COUNTERS = 3
MOVES = [Action.TRANSFER, Action.WITHDRAW, Action.RESOLVE, Action.RETURN, Action.REFUSE]
DECISIONS = [Status.RELEASING, Status.WAITING, Status.PAYING, Status.PROCESSING, Status.UNRESOLVED]

counter = st.integers(0, COUNTERS - 1)
step = st.one_of(
    st.tuples(st.just("take"), counter, st.integers(1, 3)),
    st.tuples(st.just("move"), counter, st.sampled_from(MOVES)),
    st.tuples(st.just("offline"), counter, st.booleans()),
    st.tuples(
        st.just("fault"),
        counter,
        st.sampled_from(["before", "after"]),
        st.sampled_from(["push", "pull", "leases", None]),
    ),
    st.tuples(st.just("sync"), counter),
    st.tuples(st.just("decide"), st.integers(0, 10**6), st.sampled_from(DECISIONS)),
)


def _new_central(kind: str, root: Path, pg_server) -> str:  # type: ignore[no-untyped-def]
    from counter_app.domain.catalog_file import catalog_from_json

    if kind == "sqlite":
        url = f"sqlite:///{root / 'central.sqlite3'}"
    else:
        name = f"prop_{uuid.uuid4().hex[:10]}"
        with pg_server.admin() as connection:
            connection.execute(f'CREATE DATABASE "{name}"')
        url = pg_server.url(name)
    with CentralAdmin(url) as admin:
        admin.init()
        admin.import_catalog(catalog_from_json(SMALL_CATALOG))
    return url


def _counter_url(url: str, index: int) -> str:
    if url.startswith("sqlite"):
        return url
    from tests.conftest import AGENCY, OTHER_AGENCY

    with CentralAdmin(url) as admin:
        made = admin.add_counter(f"C{index}", [AGENCY, OTHER_AGENCY])
    host = url.split("@", 1)[1]
    return f"postgresql://{made.role}:{made.password}@{host}"


def run_scenario(kind: str, steps: list[tuple], pg_server=None) -> None:  # type: ignore[no-untyped-def]
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        url = _new_central(kind, root, pg_server)
        counters = []
        for i in range(COUNTERS):
            ws, user = make_counter(root, f"c{i}", faulty=True, push_batch=2, pull_page=3)
            ws.sync.configure(_counter_url(url, i))
            ws.sync.run_once()  # registered while online
            counters.append((ws, user))
        taken: set[str] = set()
        try:
            for item in steps:
                _play(item, counters, url, taken)
            for ws, _ in counters:
                ws.faults.offline, ws.faults.fail_next = False, None
            for _ in range(2):  # everything up, then everything down
                for ws, _ in counters:
                    ws.sync.run_once()
            central = central_rows(url)
            assert set(central) == taken  # the union: nothing lost, nothing extra
            codes = [row["code"] for row in central.values()]
            assert None not in codes and len(set(codes)) == len(codes)
            for ws, _ in counters:
                assert ws.sync.pending() == 0
                for uuid_, row in local_rows(ws).items():
                    mine = central[uuid_]
                    assert (row["code"], row["version"], row["status"]) == (
                        mine["code"],
                        mine["version"],
                        mine["status"],
                    ), uuid_
        finally:
            for ws, _ in counters:
                ws.close()


def _play(item: tuple, counters: list, url: str, taken: set[str]) -> None:
    kind = item[0]
    if kind == "decide":
        rows = sorted(central_rows(url).values(), key=lambda r: r["seq"])
        if rows:
            # refused unless legal from where the dossier stands
            with CentralAdmin(url) as admin, contextlib.suppress(CounterError):
                admin.decide(rows[item[1] % len(rows)]["code"], item[2], note="Quyết định")
        return
    ws, user = counters[item[1]]
    if kind == "take":
        try:
            taken.update(d.uuid for d in take(ws, user, item[2]))
        except CounterError as error:  # only when the codes for today run out offline
            assert error.key == "code.exhausted"
    elif kind == "move":
        mine = [r["code"] for r in local_rows(ws).values() if r["code"]]
        if mine:
            with contextlib.suppress(CounterError):
                ws.dossiers.transition(mine[-1], item[2], user=user, note="Lý do")
    elif kind == "offline":
        ws.faults.offline = item[2]
    elif kind == "fault":
        ws.faults.fail_next, ws.faults.fail_on = item[2], item[3]
    else:
        try:
            ws.sync.run_once()
        except CounterError as error:
            assert error.key == "sync.offline"


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(step, min_size=5, max_size=30))
def test_counters_with_random_faults_converge_on_sqlite(steps):
    run_scenario("sqlite", steps)


@pytest.mark.slow
@settings(
    max_examples=6,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(steps=st.lists(step, min_size=5, max_size=25))
def test_counters_with_random_faults_converge_on_postgresql(pg_server, steps):
    run_scenario("postgresql", steps, pg_server)
