"""Conflicts in full and their resolutions: what the counter's refused change was (the lost
moves, the values that differed), "keep central's" recorded and audited, "re-apply the
counter's move" through the lifecycle, outbox and audit, refused when the state forbids it."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select

from counter_app.domain.dossier import Status
from counter_app.domain.errors import CounterError
from counter_app.domain.lifecycle import Action
from counter_app.domain.sync import differing_fields
from counter_app.services.accounts import Role
from counter_app.services.sync import Resolution
from counter_app.services.sync.admin import CentralAdmin
from counter_app.store.models import AuditRow, OutboxRow
from tests.conftest import AGENCY
from tests.sync.helpers import central_rows, make_counter, one_submission_accepted_twice, take
from tests.sync.test_sync import counter_url


@pytest.fixture(params=["sqlite", "postgresql"])
def central(request):  # type: ignore[no-untyped-def]
    if request.param == "sqlite":
        return request.getfixturevalue("sqlite_central")
    return request.getfixturevalue("pg_central")


def _conflict(central: str, tmp_path, decision: Status):  # type: ignore[no-untyped-def]
    """A dossier in processing; the department moves it to `decision` while the counter,
    not yet told, stops it ("Hồ sơ giả mạo"): central refuses the stop."""
    ws, officer = make_counter(tmp_path, "a")
    supervisor = ws.accounts.add_user("totruong", Role.SUPERVISOR, "matkhau123", "Lê Văn Tổ")
    ws.sync.configure(counter_url(central, "Q1", [AGENCY]))
    ws.sync.run_once()
    (dossier,) = take(ws, officer)
    ws.dossiers.transition(dossier.code, Action.TRANSFER, user=officer)
    ws.sync.run_once()
    with CentralAdmin(central) as admin:
        admin.decide(dossier.code, decision, note="Thiếu bản sao sổ hộ khẩu", actor="phongtp")
    ws.dossiers.transition(dossier.code, Action.STOP, user=officer, note="Hồ sơ giả mạo")
    assert ws.sync.run_once().conflicts == 1
    (conflict,) = ws.sync.conflicts()
    return ws, officer, supervisor, dossier, conflict


def _audit(ws, action: str) -> list[AuditRow]:  # type: ignore[no-untyped-def]
    with ws.database.read() as session:
        return list(session.scalars(select(AuditRow).where(AuditRow.action == action)))


def test_a_conflict_keeps_the_lost_move_and_the_values_that_differed(sqlite_central, tmp_path):
    ws, officer, _, _, conflict = _conflict(sqlite_central, tmp_path, Status.RELEASING)
    (move,) = conflict.lost_moves
    assert (move.action, move.actor, move.note) == ("stop", officer.login, "Hồ sơ giả mạo")
    assert (move.from_status, move.to_status) == (Status.PROCESSING, Status.UNRESOLVED)
    fields = {d.field: (d.counter, d.central) for d in conflict.differences}
    assert fields["status"] == ("unresolved", "releasing")
    assert fields["timeliness"][0] is None and fields["timeliness"][1] is not None
    assert "applicant.full_name" not in fields  # only what differs
    assert conflict.current_status == "releasing" and conflict.resolution is Resolution.OPEN
    ws.close()


def test_keep_central_records_the_decision_in_the_audit_trail(sqlite_central, tmp_path):
    ws, officer, supervisor, dossier, conflict = _conflict(
        sqlite_central, tmp_path, Status.RELEASING
    )
    with pytest.raises(CounterError) as refused:
        ws.sync.keep_central(conflict.id, user=officer)  # an officer may not decide
    assert refused.value.key == "sync.conflict_supervisor"
    ws.sync.keep_central(conflict.id, user=supervisor)
    assert ws.sync.conflicts() == []
    (closed,) = ws.sync.conflicts(open_only=False)
    assert closed.resolution is Resolution.KEEP_CENTRAL and closed.resolved_by == "totruong"
    (entry,) = _audit(ws, "sync.keep-central")
    assert entry.actor == "totruong" and entry.subject == dossier.code
    assert entry.detail["conflict"] == conflict.id
    assert entry.detail["moves"][0]["action"] == "stop"
    assert entry.detail["moves"][0]["note"] == "Hồ sơ giả mạo"
    assert ws.dossiers.get(dossier.code).status is Status.RELEASING
    with pytest.raises(CounterError) as again:
        ws.sync.reapply_conflict(conflict.id, user=supervisor)
    assert again.value.key == "sync.conflict_closed"
    ws.close()


def test_reapply_is_refused_when_the_lifecycle_forbids_it_and_changes_nothing(
    sqlite_central, tmp_path
):
    ws, _, supervisor, dossier, conflict = _conflict(sqlite_central, tmp_path, Status.RELEASING)
    with ws.database.read() as session:
        outbox = len(list(session.scalars(select(OutboxRow))))
    with pytest.raises(CounterError) as refused:
        ws.sync.reapply_conflict(conflict.id, user=supervisor)
    assert refused.value.key == "sync.reapply_refused"
    assert refused.value.message("vi") == (
        "Không thể làm lại thao tác «dừng xử lý» của quầy: hồ sơ đang ở trạng thái "
        "«Đã xử lý xong». Hãy giữ bản của máy chủ trung tâm."
    )
    assert ws.dossiers.get(dossier.code).status is Status.RELEASING
    with ws.database.read() as session:
        assert len(list(session.scalars(select(OutboxRow)))) == outbox
    assert [c.id for c in ws.sync.conflicts()] == [conflict.id]  # still open
    ws.close()


def test_reapply_makes_the_move_again_and_it_reaches_central(central, tmp_path):
    ws, officer, supervisor, dossier, conflict = _conflict(central, tmp_path, Status.WAITING)
    assert conflict.reason == "stop from waiting belongs to central"
    assert ws.dossiers.get(dossier.code).status is Status.WAITING  # central's, kept
    again = ws.sync.reapply_conflict(conflict.id, user=supervisor)
    assert again.status is Status.UNRESOLVED
    last = again.history[-1]
    assert (last.action, last.actor, last.note) == ("stop", "totruong", "Hồ sơ giả mạo")
    assert last.from_status is Status.WAITING
    (move_entry,) = [e for e in _audit(ws, "dossier.stop") if e.actor == "totruong"]
    assert move_entry.detail["from"] == "waiting"
    (resolved,) = _audit(ws, "sync.reapply")
    assert resolved.detail["moves"][0]["actor"] == officer.login
    result = ws.sync.run_once()
    assert result.conflicts == 0 and result.pending == 0
    assert central_rows(central)[dossier.uuid]["status"] == "unresolved"
    (closed,) = ws.sync.conflicts(open_only=False)
    assert closed.resolution is Resolution.REAPPLY
    ws.close()


def test_an_accept_lost_to_another_counter_is_not_made_again(sqlite_central, tmp_path):
    a, b, uuid, first = one_submission_accepted_twice(sqlite_central, tmp_path)
    supervisor = b.accounts.add_user("totruong", Role.SUPERVISOR, "matkhau123")
    b.sync.run_once()
    (conflict,) = b.sync.conflicts()
    assert [m.action for m in conflict.lost_moves] == ["accept"]
    assert "code" in {d.field for d in conflict.differences}
    with pytest.raises(CounterError) as refused:
        b.sync.reapply_conflict(conflict.id, user=supervisor)
    assert refused.value.key == "sync.reapply_intake"
    b.sync.keep_central(conflict.id, user=supervisor)
    assert b.dossiers.get(first.code).uuid == uuid
    a.close()
    b.close()


_values = st.one_of(st.none(), st.integers(), st.text(max_size=5))


@given(
    st.dictionaries(st.sampled_from(["note", "sets", "code"]), _values),
    st.dictionaries(st.sampled_from(["phone", "email"]), _values),
    st.dictionaries(st.sampled_from(["note", "sets", "code"]), _values),
    st.dictionaries(st.sampled_from(["phone", "email"]), _values),
)
def test_differences_name_exactly_the_values_that_differ(top_a, person_a, top_b, person_b):
    counter = top_a | {"applicant": person_a, "history": [1]}
    central = top_b | {"applicant": person_b, "history": [2]}
    named = {d.field: (d.counter, d.central) for d in differing_fields(counter, central)}
    expected = {
        key: (top_a.get(key), top_b.get(key))
        for key in top_a.keys() | top_b.keys()
        if top_a.get(key) != top_b.get(key)
    } | {
        f"applicant.{key}": (person_a.get(key), person_b.get(key))
        for key in person_a.keys() | person_b.keys()
        if person_a.get(key) != person_b.get(key)
    }
    assert named == expected
    assert differing_fields(counter, None) == []
