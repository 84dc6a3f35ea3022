"""The sync's follow-ups: a supervisor's conflict decision reaches central's conflict row
(once, only for the counter's own conflicts), attachment changes wake the worker's quick
rounds, and the central schema's history runs down and up again."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import inspect, select, text

from counter_app.domain.dossier import Status
from counter_app.domain.errors import CounterError
from counter_app.domain.lifecycle import Action
from counter_app.services.accounts import Role
from counter_app.services.sync import Resolution
from counter_app.services.sync.admin import CentralAdmin, open_central
from counter_app.store.central import conflicts
from counter_app.store.central.database import CENTRAL_HEAD, _config, central_revision
from counter_app.store.central.models import CentralConflictRow
from counter_app.store.central.wire import ConflictDecision
from tests.conftest import AGENCY, OTHER_AGENCY
from tests.digitising.conftest import COMPONENT, write_page
from tests.sync.conftest import wait_for
from tests.sync.helpers import central_rows, make_counter, take
from tests.sync.test_attachments_sync import (
    as_counter,
    central_content,
    counter_url,
    scans,
)


@pytest.fixture(params=["sqlite", "pg"])
def central(request):  # type: ignore[no-untyped-def]
    return request.getfixturevalue(f"{request.param}_central")


def _conflict(central: str, tmp_path, decision: Status, counter_id: str = "A"):  # type: ignore[no-untyped-def]
    """A dossier in processing; the department moves it to `decision` while the counter stops
    it: central refuses the stop and keeps the conflict. The counter's sync can fail on
    request (`ws.faults`)."""
    url = counter_url(central, counter_id, [AGENCY])
    ws, officer = make_counter(tmp_path, counter_id.lower(), faulty=True)
    supervisor = ws.accounts.add_user("totruong", Role.SUPERVISOR, "matkhau123", "Lê Văn Tổ")
    ws.sync.configure(url)
    ws.sync.run_once()
    (dossier,) = take(ws, officer)
    ws.dossiers.transition(dossier.code, Action.TRANSFER, user=officer)
    ws.sync.run_once()
    with CentralAdmin(central) as admin:
        admin.decide(dossier.code, decision, note="Thiếu bản sao sổ hộ khẩu", actor="phongtp")
    ws.dossiers.transition(dossier.code, Action.STOP, user=officer, note="Hồ sơ giả mạo")
    assert ws.sync.run_once().conflicts == 1
    (conflict,) = ws.sync.conflicts()
    return ws, url, supervisor, dossier, conflict


def central_conflicts(admin_url: str) -> list[tuple]:
    """(dossier uuid, pushed version, resolved_at, resolved_by, resolution) of every row."""
    database = open_central(admin_url)
    try:
        with database.read() as session:
            rows = session.scalars(select(CentralConflictRow).order_by(CentralConflictRow.id))
            return [
                (r.dossier_uuid, r.pushed_version, r.resolved_at, r.resolved_by, r.resolution)
                for r in rows
            ]
    finally:
        database.close()


def test_keep_central_reaches_centrals_conflict_row_once(central, tmp_path):
    ws, _, supervisor, dossier, conflict = _conflict(central, tmp_path, Status.RELEASING)
    assert central_conflicts(central) == [(dossier.uuid, conflict.local_version, None, None, None)]
    assert not ws.sync.work_waiting()
    ws.sync.keep_central(conflict.id, user=supervisor)
    assert ws.sync.work_waiting()  # a quick round has something to send
    (closed,) = ws.sync.conflicts(open_only=False)

    ws.faults.fail_on, ws.faults.fail_next = "resolve", "after"  # the reply lost after commit
    with pytest.raises(CounterError):
        ws.sync.run_once(full=False)
    ((_, _, at, by, resolution),) = central_conflicts(central)
    assert (at, by, resolution) == (closed.resolved_at, "totruong", "keep-central")
    assert ws.sync.work_waiting()  # not known as sent: it goes again
    ws.sync.run_once(full=False)
    assert central_conflicts(central) == [
        (dossier.uuid, conflict.local_version, closed.resolved_at, "totruong", "keep-central")
    ]  # the repeat changed nothing
    assert not ws.sync.work_waiting()
    ws.close()


def test_redone_moves_and_the_decision_both_reach_central(central, tmp_path):
    ws, _, supervisor, dossier, conflict = _conflict(central, tmp_path, Status.WAITING)
    ws.sync.reapply_conflict(conflict.id, user=supervisor)
    result = ws.sync.run_once()
    assert result.pending == 0 and result.conflicts == 0
    assert central_rows(central)[dossier.uuid]["status"] == "unresolved"
    ((_, _, at, by, resolution),) = central_conflicts(central)
    assert at is not None and (by, resolution) == ("totruong", "reapply")
    ws.close()


def test_a_counter_cannot_resolve_another_agencys_conflict(central, tmp_path):
    ws, _, supervisor, dossier, conflict = _conflict(central, tmp_path, Status.RELEASING)
    url_b = counter_url(central, "B", [OTHER_AGENCY])  # counter 2, another agency
    url_c = counter_url(central, "C", [AGENCY])  # counter 3, the same agency, not its conflict
    decision = ConflictDecision(
        dossier.uuid, conflict.local_version, "keep-central", "ke-gian", conflict.at
    )
    for url, number in ((url_b, 2), (url_c, 3)):
        database = open_central(url) if url.startswith("sqlite") else as_counter(url)
        with pytest.raises(CounterError) as denied, database.write() as session:
            conflicts.resolve_conflicts(session, number, [decision])
        assert denied.value.key == "central.denied"
        if not url.startswith("sqlite"):  # nor behind the function's back
            with pytest.raises(CounterError) as denied, database.write() as session:
                session.execute(text("UPDATE conflicts SET resolution = 'reapply'"))
            assert denied.value.key == "central.denied"
        database.close()
    assert central_conflicts(central) == [(dossier.uuid, conflict.local_version, None, None, None)]
    ws.sync.keep_central(conflict.id, user=supervisor)  # its own counter may
    ws.sync.run_once(full=False)
    assert central_conflicts(central)[0][4] == "keep-central"
    ws.close()


def test_a_decision_central_refuses_is_logged_and_never_holds_the_rounds_up(
    sqlite_central, tmp_path, caplog
):
    """The counter stopped serving the dossier's agency since (an administrator's change):
    central refuses the decision; the round still ends and later rounds do not try again."""
    ws, _, supervisor, dossier, conflict = _conflict(sqlite_central, tmp_path, Status.RELEASING)
    database = open_central(sqlite_central)
    with database.write() as session:
        session.execute(
            text("UPDATE counter_agencies SET agency_code = :other WHERE counter_number = 1"),
            {"other": OTHER_AGENCY},
        )
    database.close()
    ws.sync.keep_central(conflict.id, user=supervisor)
    assert ws.sync.work_waiting()
    with caplog.at_level("WARNING", logger="counter_app.services.sync.rounds"):
        ws.sync.run_once(full=False)  # no error: the refusal is logged
    assert dossier.uuid in caplog.text and "refused" in caplog.text
    assert not ws.sync.work_waiting()
    assert central_conflicts(sqlite_central)[0][4] is None  # central kept its row open
    (closed,) = ws.sync.conflicts(open_only=False)
    assert closed.resolution == Resolution.KEEP_CENTRAL  # the decision stays at the counter
    ws.close()


# --- attachment changes wake the worker


def test_an_attachment_change_is_work_for_a_quick_round(sqlite_central, tmp_path):
    ws, user = make_counter(tmp_path, "a")
    ws.sync.configure(counter_url(sqlite_central, "A", [AGENCY]))
    ws.sync.run_once()  # registered, the catalog pulled
    (dossier,) = take(ws, user)
    ws.sync.run_once()
    assert not ws.sync.work_waiting() and ws.sync.status().attachments_waiting == 0
    (item,) = ws.attachments.attach(
        dossier.code, [write_page(scans(tmp_path), "p.png", seed=30)], component=COMPONENT,
        user=user,
    )  # fmt: skip
    assert ws.sync.pending() == 0  # no outbox entry...
    assert ws.sync.work_waiting()  # ...but the journal says it waits
    status = ws.sync.status()
    assert status.pending == 0 and status.attachments_waiting == 1
    ws.sync.run_once(full=False)
    assert central_content(sqlite_central, item.sha256) is not None
    assert not ws.sync.work_waiting() and ws.sync.status().attachments_waiting == 0
    ws.close()


def test_the_worker_sends_an_attachment_without_a_full_round(central, tmp_path):
    ws, user = make_counter(tmp_path, "a")
    ws.sync.configure(counter_url(central, "A", [AGENCY]))
    ws.sync.run_once()  # registered, the catalog pulled
    (dossier,) = take(ws, user)
    stop = threading.Event()
    worker = threading.Thread(
        target=ws.sync.run_forever,
        args=(stop,),
        kwargs={"poll": 0.05, "full_every": 3600.0},  # only the quick path can send it
        daemon=True,
    )
    worker.start()
    try:
        assert wait_for(lambda: dossier.uuid in central_rows(central), timeout=60)
        assert wait_for(lambda: not ws.sync.work_waiting(), timeout=60)
        (item,) = ws.attachments.attach(
            dossier.code, [write_page(scans(tmp_path), "p.png", seed=31)], component=COMPONENT,
            user=user,
        )  # fmt: skip
        assert wait_for(lambda: central_content(central, item.sha256) is not None, timeout=60)
    finally:
        stop.set()
        worker.join(timeout=30)
    assert not worker.is_alive()
    assert all(entry.ok for entry in ws.sync.log())
    ws.close()


# --- the central schema's history, both ways


def test_the_central_history_runs_down_to_c0001_and_up_again(central, tmp_path):
    from alembic import command

    database = open_central(central)
    try:
        with database.engine.begin() as connection:
            assert central_revision(connection) == CENTRAL_HEAD == "c0014"
        for revision, gone in (
            ("c0009", ("ratings", None)),
            ("c0007", ("fallback_slots", None)),
            ("c0005", ("audit_anchors", None)),
            ("c0004", ("central_lifecycle_moves", None)),
            ("c0003", ("conflicts", "resolution")),
            ("c0002", ("attachments", None)),
            ("c0001", ("calendar_overrides", "removed")),
        ):
            with database.engine.begin() as connection:
                command.downgrade(_config(connection), revision)
                assert central_revision(connection) == revision
                schema = inspect(connection)
                table, column = gone
                if column is None:
                    assert not schema.has_table(table)
                else:
                    assert column not in {c["name"] for c in schema.get_columns(table)}
        with database.engine.begin() as connection:
            command.upgrade(_config(connection), "head")
            assert central_revision(connection) == CENTRAL_HEAD
    finally:
        database.close()
    # everything the history makes works again: leases, pushes, originals, decisions
    ws, _, supervisor, _, conflict = _conflict(central, tmp_path, Status.RELEASING)
    ws.sync.keep_central(conflict.id, user=supervisor)
    ws.sync.run_once()
    assert central_conflicts(central)[0][4] == "keep-central"
    ws.close()
