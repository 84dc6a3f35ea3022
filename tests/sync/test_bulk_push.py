"""A push in bulk (issue 17): on PostgreSQL a batch's new dossiers go up in one INSERT and its
followed dossiers in one UPDATE, under the counter's own role, so row-level security and the
dossiers' trigger still check and number every row; a counter that keeps its connection behind
PgBouncer logs in once, not once a round."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import psycopg
import pytest
from sqlalchemy import Engine, event, select

from counter_app.domain.errors import CounterError
from counter_app.domain.lifecycle import Action
from counter_app.services.sync.admin import open_central
from counter_app.store.central.dialects import among
from counter_app.store.central.repository import DOSSIERS
from tests.conftest import AGENCY
from tests.sync.helpers import central_rows, make_counter, take
from tests.sync.test_sync import counter_url

BATCH = 120


@contextmanager
def dossier_writes() -> Iterator[list[tuple[str, bool]]]:
    """(statement, executemany) of every write of central's dossiers meanwhile (not the
    counter's own store, SQLite)."""
    seen: list[tuple[str, bool]] = []

    def spy(conn, cursor, statement, parameters, context, executemany) -> None:  # type: ignore[no-untyped-def]
        words = " ".join(statement.split()[:3]).lower()
        central = conn.dialect.name == "postgresql"
        if central and words.startswith(("insert into dossiers", "update dossiers")):
            seen.append((words, executemany))

    event.listen(Engine, "before_cursor_execute", spy)
    try:
        yield seen
    finally:
        event.remove(Engine, "before_cursor_execute", spy)


def test_a_batch_goes_up_in_one_statement_a_kind_and_each_row_is_numbered(pg_central, tmp_path):  # type: ignore[no-untyped-def]
    ws, user = make_counter(tmp_path, "a", faulty=True, push_batch=BATCH)
    ws.sync.configure(counter_url(pg_central, "BULK", [AGENCY]))
    ws.settings.set("sync.lease_target", BATCH + 10)
    ws.sync.run_once()
    dossiers = take(ws, user, BATCH)
    with dossier_writes() as writes:
        assert ws.sync.run_once(full=False).pushed == BATCH
    assert writes == [("insert into dossiers", False)]
    rows = central_rows(pg_central)
    assert {r["code"] for r in rows.values()} == {d.code for d in dossiers}
    first = {uuid: row["seq"] for uuid, row in rows.items()}
    assert len(set(first.values())) == BATCH  # the trigger numbered every row

    for dossier in dossiers:
        ws.dossiers.transition(dossier.code, Action.TRANSFER, user=user)
    ws.faults.fail_next, ws.faults.fail_on = "after", "push"  # central commits, no reply
    with dossier_writes() as writes, pytest.raises(CounterError):
        ws.sync.run_once(full=False)
    assert writes == [("update dossiers as", False)]
    rows = central_rows(pg_central)
    assert {r["status"] for r in rows.values()} == {"processing"}
    assert all(rows[uuid]["seq"] > max(first.values()) for uuid in first)
    assert len({row["seq"] for row in rows.values()}) == BATCH

    # the same versions again: taken as duplicates, nothing written, nothing doubled
    with dossier_writes() as writes:
        assert ws.sync.run_once(full=False).pending == 0
    assert writes == []
    assert central_rows(pg_central) == rows
    ws.close()


def test_a_counter_behind_pgbouncer_keeps_its_connection_between_rounds(
    pg_server, pg_central, pgbouncer, tmp_path
):  # type: ignore[no-untyped-def]
    ws, user = make_counter(tmp_path, "a")
    ws.sync.configure(pgbouncer.url(counter_url(pg_central, "KEEP", [AGENCY])))
    logins: list[object] = []

    def count(dbapi_connection, record) -> None:  # type: ignore[no-untyped-def]
        if isinstance(dbapi_connection, psycopg.Connection):  # not the counter's own store
            logins.append(dbapi_connection)

    event.listen(Engine, "connect", count)
    try:
        ws.sync.run_once()
        take(ws, user, 2)
        ws.sync.run_once(full=False)
        assert len(logins) == 2  # the default: a login a round
        ws.settings.set("central.keep_connection", True)
        for _ in range(3):
            take(ws, user, 2)
            assert ws.sync.run_once(full=False).pending == 0
        ws.sync.run_once()
    finally:
        event.remove(Engine, "connect", count)
    assert len(logins) == 3
    assert len(central_rows(pg_central)) == 8
    ws.close()


def test_the_row_checks_ask_once_and_come_back_as_they_were(pg_central):  # type: ignore[no-untyped-def]
    """Revision c0014: every row-level security policy that names the counter asks
    `central_my_number()` once a statement (an initial plan), not once a row, and the dossiers'
    trigger walks new moves by position; its downgrade gives both back as they were. (What
    they refuse is checked by tests/security/test_central_*.py.)"""
    from alembic import command

    from counter_app.services.sync.admin import open_central
    from counter_app.store.central.database import _config

    once = "( SELECT central_my_number() AS central_my_number)"

    def asked() -> list[str]:
        with psycopg.connect(pg_central) as connection:
            rows = connection.execute(
                "SELECT qual, with_check FROM pg_policies WHERE schemaname = 'public'"
            ).fetchall()
        return [part for row in rows for part in row if part and "central_my_number()" in part]

    def walks_by_position() -> bool:
        with psycopg.connect(pg_central) as connection:
            row = connection.execute(
                "SELECT prosrc FROM pg_proc WHERE proname = 'central_check_dossier_write'"
            ).fetchone()
        assert row is not None
        source = row[0]
        return "FOR position IN" in source and "WITH ORDINALITY" not in source

    assert len(asked()) >= 10 and walks_by_position()
    assert all(part.count("central_my_number()") == part.count(once) for part in asked())
    database = open_central(pg_central)
    try:
        with database.engine.begin() as connection:
            command.downgrade(_config(connection), "c0013")
        assert asked() and all(once not in part for part in asked())
        assert not walks_by_position()
        with database.engine.begin() as connection:
            command.upgrade(_config(connection), "head")
    finally:
        database.close()
    assert all(part.count("central_my_number()") == part.count(once) for part in asked())
    assert walks_by_position()


def test_a_push_reads_central_with_the_same_statements_whatever_its_size(pg_central, tmp_path):  # type: ignore[no-untyped-def]
    """Central's reads of a batch's dossiers and codes name the batch in one parameter (an
    array), so a push of 3 and one of 40 send the same statements: psycopg and the server do
    not read a statement of one placeholder a dossier for each batch (issue 17's push). The
    pushes still land: every dossier at central once, with its code."""
    ws, user = make_counter(tmp_path, "a")
    ws.sync.configure(counter_url(pg_central, "ANY", [AGENCY]))
    ws.sync.run_once()
    reads: dict[int, set[tuple[str, int]]] = {3: set(), 40: set()}
    size = 0

    def spy(conn, cursor, statement, parameters, context, executemany) -> None:  # type: ignore[no-untyped-def]
        if conn.dialect.name == "postgresql" and "FROM dossiers" in statement:
            reads[size].add((statement, len(parameters)))

    made = []
    event.listen(Engine, "before_cursor_execute", spy)
    try:
        for size in (3, 40):
            made += take(ws, user, size)
            assert ws.sync.run_once(full=False).pushed == size
    finally:
        event.remove(Engine, "before_cursor_execute", spy)
    assert reads[3] == reads[40]
    assert len(reads[3]) >= 2 and all(count <= 2 for _, count in reads[3])
    rows = central_rows(pg_central)
    assert sorted(r["code"] for r in rows.values()) == sorted(d.code for d in made)
    ws.close()

    # a value longer than the column is not cut down to one that matches
    database = open_central(pg_central)
    try:
        with database.read() as session:
            wanted = [made[0].uuid, made[1].uuid, made[2].uuid + "-0", made[3].code + "X"]
            found = session.scalars(
                select(DOSSIERS.c.uuid).where(among(session, DOSSIERS.c.uuid, wanted))
            ).all()
            codes = session.scalars(
                select(DOSSIERS.c.code).where(among(session, DOSSIERS.c.code, wanted))
            ).all()
    finally:
        database.close()
    assert sorted(found) == sorted([made[0].uuid, made[1].uuid]) and codes == []
