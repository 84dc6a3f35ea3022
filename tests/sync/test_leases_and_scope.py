"""Code leases are handed by central, never written by a counter (revision c0002), and a counter
works only for its agencies: on PostgreSQL by its role, on a trial SQLite central by the
repository, the same refusals either way."""

from __future__ import annotations

import itertools
import json
import subprocess
import sys
import threading
from datetime import timedelta

import pytest
from sqlalchemy import select, text

from counter_app.domain.clock import now
from counter_app.domain.errors import CounterError
from counter_app.services.sync.admin import CentralAdmin, open_central
from counter_app.services.sync.gateway import CentralGateway
from counter_app.store.central.database import CentralAddress
from counter_app.store.central.models import CodeLeaseRow
from tests.conftest import AGENCY, OTHER_AGENCY
from tests.sync.helpers import central_rows, local_rows, make_counter, take
from tests.sync.test_postgres import add_counter, as_counter


def _all_leases(url: str) -> list[tuple]:
    database = open_central(url)
    try:
        with database.read() as session:
            return [
                (r.agency_code, r.day, r.first, r.last, r.counter_number)
                for r in session.scalars(select(CodeLeaseRow).order_by(CodeLeaseRow.first))
            ]
    finally:
        database.close()


def _disjoint(leases: list[tuple]) -> bool:
    by_day: dict[tuple, list[tuple[int, int]]] = {}
    for agency, day, first, last, _ in leases:
        by_day.setdefault((agency, day), []).append((first, last))
    for ranges in by_day.values():
        ranges.sort()
        if any(a[1] >= b[0] for a, b in itertools.pairwise(ranges)):
            return False
    return True


# --- PostgreSQL: the lease functions


def test_a_counter_role_cannot_write_leases_itself(pg_central):
    made, url = add_counter(pg_central, "A", [AGENCY])
    central = as_counter(url)
    today = now().date()
    row = {"a": AGENCY, "d": today, "n": made.number, "t": now()}
    for statement in (
        "INSERT INTO code_leases (agency_code, day, counter_number, first, last, granted_at) "
        "VALUES (:a, :d, :n, 1, 8000, :t)",
        "INSERT INTO lease_heads (agency_code, day, next_first) VALUES (:a, :d, 8000)",
        "UPDATE lease_heads SET next_first = 8000",
    ):
        with pytest.raises(CounterError) as denied, central.write() as session:
            session.execute(text(statement), row)
        assert denied.value.key == "central.denied"
    with central.write() as session:
        taken = session.execute(
            text("SELECT * FROM take_code_lease(:a, :d, 50)"), {"a": AGENCY, "d": today}
        ).one()
    assert tuple(taken) == (1, 50)
    assert _all_leases(pg_central) == [(AGENCY, today, 1, 50, made.number)]
    central.close()


def test_heads_only_for_the_counters_agencies_and_a_small_share_of_another(pg_central):
    made, url = add_counter(pg_central, "A", [AGENCY])
    central = as_counter(url)
    today = now().date()
    with pytest.raises(CounterError) as denied, central.write() as session:
        session.execute(
            text("SELECT raise_code_head(:a, :d, 500)"), {"a": OTHER_AGENCY, "d": today}
        )
    assert denied.value.key == "central.denied"
    assert f"does not serve agency {OTHER_AGENCY}" in denied.value.message("en")
    with pytest.raises(CounterError) as denied, central.write() as session:
        session.execute(
            text("SELECT * FROM take_code_lease(:a, :d, 50)"), {"a": "999.99.99.H99", "d": today}
        )
    assert "is not in the catalog" in denied.value.message("en")
    # receiving anywhere (revision c0009): another agency's numbers, up to its guest share
    for _ in range(2):
        with central.write() as session:
            session.execute(
                text("SELECT * FROM take_code_lease(:a, :d, 200)"), {"a": OTHER_AGENCY, "d": today}
            )
    assert _all_leases(pg_central) == [
        (OTHER_AGENCY, today, 1, 200, made.number),
        (OTHER_AGENCY, today, 201, 300, made.number),
    ]
    central.close()
    with (  # the administrator is no counter either
        CentralAdmin(pg_central) as admin,
        pytest.raises(CounterError) as denied,
        admin.database.write() as session,
    ):
        session.execute(
            text("SELECT * FROM take_code_lease(:a, :d, 50)"), {"a": AGENCY, "d": today}
        )
    assert "is not a counter of this central" in denied.value.message("en")
    assert all(lease[0] == OTHER_AGENCY for lease in _all_leases(pg_central))


def test_concurrent_takers_never_overlap(pg_central):
    counters = [add_counter(pg_central, f"C{i}", [AGENCY]) for i in range(4)]
    today = now().date()
    days = [today, today + timedelta(days=1)]
    errors: list[BaseException] = []
    start = threading.Barrier(len(counters))

    def taker(number: int, url: str) -> None:
        from counter_app.store.central.database import split_password

        bare, password = split_password(url)
        gateway = CentralGateway(CentralAddress(bare, password=password))
        try:
            start.wait()
            for round_ in range(8):
                wanted = {(AGENCY, day): 30 + 20 * round_ for day in days}
                gateway.leases(number, wanted, today)
        except BaseException as error:  # reported by the main thread
            errors.append(error)
        finally:
            gateway.close()

    threads = [threading.Thread(target=taker, args=(made.number, url)) for made, url in counters]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    leases = _all_leases(pg_central)
    assert len(leases) == len(counters) * 8 * len(days)
    assert _disjoint(leases)
    assert all(last < 9000 for *_, last, _ in leases)
    for day in days:  # no gap either: the head moved by exactly what was leased
        firsts = sorted((first, last) for _, d, first, last, _ in leases if d == day)
        assert firsts[0][0] == 1
        assert all(a[1] + 1 == b[0] for a, b in itertools.pairwise(firsts))


def test_the_lease_head_stops_below_the_fallback_zone(pg_central):
    _, url = add_counter(pg_central, "A", [AGENCY])
    central = as_counter(url)
    today = now().date()
    admin = open_central(pg_central)  # a counter may not raise a head that far (c0005)
    with admin.write() as session:
        session.execute(
            text("INSERT INTO lease_heads VALUES (:a, :d, 8991)"), {"a": AGENCY, "d": today}
        )
    admin.close()
    with central.write() as session:
        first = session.execute(
            text("SELECT * FROM take_code_lease(:a, :d, 50)"), {"a": AGENCY, "d": today}
        ).all()
        none_left = session.execute(
            text("SELECT * FROM take_code_lease(:a, :d, 50)"), {"a": AGENCY, "d": today}
        ).all()
    assert [tuple(r) for r in first] == [(8991, 8999)] and none_left == []
    central.close()


# --- SQLite: add-counter and the same scope in the repository


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "counter_app.main", "--lang", "en", *args],
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.slow  # runs the real program as a process
def test_add_counter_on_sqlite_names_the_counter_in_its_address(sqlite_central, tmp_path):
    done = _cli("central", "add-counter", sqlite_central, "--counter", "Q1", "--agency", AGENCY)
    assert done.returncode == 0, done.stderr
    made = json.loads(done.stdout)
    assert made["credentials"] == "none" and made["role"] is None and made["password"] is None
    assert made["agencies"] == [AGENCY] and made["number"] == 1
    assert made["central"] == f"{sqlite_central}?counter=Q1"
    again = _cli("central", "add-counter", sqlite_central, "--counter", "Q1", "--agency", AGENCY)
    assert again.returncode == 1 and again.stderr.strip() == "Counter Q1 already exists."

    ws, user = make_counter(tmp_path, "q1")
    ws.sync.configure(made["central"])
    ws.sync.run_once()
    assert ws.settings.identity().counter_number == 1
    assert ws.settings.get("central.agencies") == [AGENCY]
    take(ws, user, 2)
    ws.sync.run_once()
    assert {r["written_by"] for r in central_rows(sqlite_central).values()} == {1}
    other, _ = make_counter(tmp_path, "intruder")
    other.sync.configure(made["central"])
    with pytest.raises(CounterError) as taken:
        other.sync.run_once()
    assert taken.value.key == "central.counter_taken"
    unknown, _ = make_counter(tmp_path, "unknown")
    unknown.sync.configure(f"{sqlite_central}?counter=NOPE")
    with pytest.raises(CounterError) as refused:
        unknown.sync.run_once()
    assert refused.value.key == "central.not_a_counter"
    for each in (ws, other, unknown):
        each.close()


def test_sqlite_central_keeps_a_counter_to_its_agencies(sqlite_central, tmp_path):
    with CentralAdmin(sqlite_central) as admin:
        admin.add_counter("A", [AGENCY])
        admin.add_counter("B", [OTHER_AGENCY])
    a, user_a = make_counter(tmp_path, "a")
    b, user_b = make_counter(tmp_path, "b")
    a.sync.configure(f"{sqlite_central}?counter=A")
    b.sync.configure(f"{sqlite_central}?counter=B")
    a.sync.run_once()
    b.sync.run_once()
    take(a, user_a, 2)
    take(b, user_b, 1, procedure="1.009972.000.00.00.H37")
    a.sync.run_once()
    b.sync.run_once()
    assert len(central_rows(sqlite_central)) == 3
    assert len(local_rows(a)) == 2 and len(local_rows(b)) == 1  # pull: nothing of the other's

    gateway = CentralGateway(CentralAddress(sqlite_central))
    today = now().date()
    with pytest.raises(CounterError) as denied:
        gateway.leases(1, {("999.99.99.H99", today): 10}, today)
    assert denied.value.key == "central.denied"  # not an agency of the catalog
    leases = gateway.leases(1, {(OTHER_AGENCY, today): 400}, today)  # receiving anywhere
    assert (
        sum(lease.last - lease.first + 1 for lease in leases if lease.agency_code == OTHER_AGENCY)
        == 300
    )
    foreign = take(b, user_b, 1, procedure="1.009972.000.00.00.H37")[0]
    with b.database.read() as session:
        from counter_app.store.central import replica

        batch = replica.pending_batch(session, 10)
    with pytest.raises(CounterError) as denied:
        gateway.push(1, batch.items)  # B's dossier pushed as A
    assert denied.value.key == "central.denied"
    assert foreign.uuid not in central_rows(sqlite_central)
    gateway.close()
    a.close()
    b.close()
