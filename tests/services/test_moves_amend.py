"""Correcting an intake: a move of its own, recorded, audited and synced like any other; the
officer's while the dossier is at the counter, a supervisor's with a reason afterwards."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import func, select

from counter_app.domain.amend import Correction
from counter_app.domain.dossier import DocumentReceived, Status
from counter_app.domain.errors import CounterError, ValidationFailed
from counter_app.domain.lifecycle import Action
from counter_app.services.accounts import Role
from counter_app.services.intake import correction_from_json, request_from_json
from counter_app.services.sync.admin import CentralAdmin, open_central
from counter_app.store.central.models import CentralDossierRow
from counter_app.store.models import AuditRow, OutboxRow
from tests.conftest import AGENCY, TEN_DAYS, intake_json, vn
from tests.sync.conftest import sqlite_central, test_keyring
from tests.sync.helpers import make_counter, take
from tests.sync.test_sync import counter_url

__all__ = ["sqlite_central", "test_keyring"]


@pytest.fixture
def boss(ws):  # type: ignore[no-untyped-def]
    return ws.accounts.add_user("truong", Role.SUPERVISOR, "matkhau123", "Trần Văn Bình")


@pytest.fixture
def received(ws, officer):  # type: ignore[no-untyped-def]
    request = request_from_json(intake_json(TEN_DAYS, phone="0912345678"))
    return ws.intake.receive(request, user=officer, at=vn(2026, 12, 1, 8, 39))


def _outbox(ws) -> int:  # type: ignore[no-untyped-def]
    with ws.database.read() as session:
        return session.scalar(select(func.count()).select_from(OutboxRow)) or 0


def _audit(ws, action: str) -> list[AuditRow]:  # type: ignore[no-untyped-def]
    with ws.database.read() as session:
        return list(session.scalars(select(AuditRow).where(AuditRow.action == action)))


def test_the_officer_corrects_a_dossier_still_at_the_counter(ws, officer, received):  # type: ignore[no-untyped-def]
    outbox = _outbox(ws)
    wrong = Correction.of(received)
    correction = replace(
        wrong,
        applicant=replace(wrong.applicant, phone="0987654321", full_name="Nguyễn Văn Ân"),
        documents=[*wrong.documents, DocumentReceived("Giấy ủy quyền", count=1)],
    )
    amended = ws.dossiers.amend(received.code, correction, user=officer)
    stored = ws.dossiers.get(received.code)
    assert stored.applicant.phone == "0987654321" and stored.applicant.full_name == "Nguyễn Văn Ân"
    assert [d.name for d in stored.documents][-1] == "Giấy ủy quyền"
    assert stored.status is Status.NEW and amended.code == received.code
    last = stored.history[-1]
    assert (last.action, last.actor, last.from_status, last.to_status) == (
        "amend",
        "canbo",
        Status.NEW,
        Status.NEW,
    )
    assert _outbox(ws) == outbox + 1  # synced like any move
    (line,) = _audit(ws, "dossier.amend")
    assert line.detail["changes"]["applicant.phone"] == ["0912345678", "0987654321"]
    assert line.detail["changes"]["applicant.full_name"] == ["Nguyễn Văn An", "Nguyễn Văn Ân"]
    assert "documents" in line.detail["changes"] and "sets" not in line.detail["changes"]
    assert ws.audit.verify() > 0


def test_after_transfer_only_a_supervisor_with_a_reason(ws, officer, boss, received):  # type: ignore[no-untyped-def]
    ws.dossiers.transition(received.code, Action.TRANSFER, user=officer)
    correction = Correction.of(received)
    correction = replace(correction, applicant=replace(correction.applicant, phone="0987654321"))
    outbox = _outbox(ws)
    with pytest.raises(CounterError) as refused:
        ws.dossiers.amend(received.code, correction, user=officer, reason="Sai số điện thoại")
    assert refused.value.key == "amend.supervisor_only"
    assert "lãnh đạo" in refused.value.message("vi")
    with pytest.raises(CounterError) as refused:
        ws.dossiers.amend(received.code, correction, user=boss)
    assert refused.value.key == "amend.reason_required"
    assert _outbox(ws) == outbox and ws.dossiers.get(received.code).applicant.phone == "0912345678"
    amended = ws.dossiers.amend(received.code, correction, user=boss, reason="Sai số điện thoại")
    assert amended.applicant.phone == "0987654321" and amended.status is Status.PROCESSING
    assert amended.history[-1].note == "Sai số điện thoại"
    (line,) = _audit(ws, "dossier.amend")
    assert line.actor == "truong" and line.detail["reason"] == "Sai số điện thoại"


def test_a_correction_that_changes_nothing_or_is_wrong_is_refused(ws, officer, received):  # type: ignore[no-untyped-def]
    outbox = _outbox(ws)
    with pytest.raises(CounterError) as refused:
        ws.dossiers.amend(received.code, Correction.of(received), user=officer)
    assert refused.value.key == "amend.nothing"
    bad = Correction.of(received)
    bad = replace(bad, applicant=replace(bad.applicant, phone="12345"), sets=0)
    with pytest.raises(ValidationFailed) as invalid:
        ws.dossiers.amend(received.code, bad, user=officer)
    assert {p.field for p in invalid.value.problems} == {"phone", "sets"}
    assert _outbox(ws) == outbox and len(ws.dossiers.get(received.code).history) == 1


def test_the_correction_file_changes_only_what_it_names(ws, received):  # type: ignore[no-untyped-def]
    correction = correction_from_json({"applicant": {"phone": "0987 654 321"}}, received)
    assert correction.applicant.phone == "0987654321"
    assert correction.applicant.full_name == received.applicant.full_name
    assert correction.documents == received.documents and correction.note == received.note
    with pytest.raises(CounterError) as refused:
        correction_from_json({"procedure": "x", "fees": []}, received)
    assert refused.value.key == "amend.fields"
    assert "fees, procedure" in refused.value.message("en")


def _central_applicant(url: str, uuid: str) -> dict:
    database = open_central(url)
    try:
        with database.read() as session:
            data = session.scalar(
                select(CentralDossierRow.data).where(CentralDossierRow.uuid == uuid)
            )
    finally:
        database.close()
    return data["applicant"]


@pytest.mark.parametrize("central_moved", [False, True], ids=["followed", "merged"])
def test_a_correction_reaches_central(sqlite_central: str, tmp_path: Path, central_moved: bool):
    """Pushed like any move; when central moved the dossier meanwhile (the department asked
    for a supplement), the correction is merged onto central's state, not lost."""
    ws, officer = make_counter(tmp_path, "a")
    boss = ws.accounts.add_user("truong", Role.SUPERVISOR, "matkhau123", "Trần Văn Bình")
    ws.sync.configure(counter_url(sqlite_central, "Q1", [AGENCY]))
    ws.sync.run_once()
    (dossier,) = take(ws, officer)
    ws.dossiers.transition(dossier.code, Action.TRANSFER, user=officer)
    ws.sync.run_once()
    if central_moved:
        with CentralAdmin(sqlite_central) as admin:
            admin.decide(dossier.code, Status.WAITING, note="Thiếu bản sao", actor="phongtp")
    correction = correction_from_json({"applicant": {"phone": "0987654321"}}, dossier)
    ws.dossiers.amend(dossier.code, correction, user=boss, reason="Sai số điện thoại")
    result = ws.sync.run_once()
    assert result.conflicts == 0 and result.pending == 0
    assert _central_applicant(sqlite_central, dossier.uuid)["phone"] == "0987654321"
    here = ws.dossiers.get(dossier.code)
    assert here.applicant.phone == "0987654321"
    assert here.status is (Status.WAITING if central_moved else Status.PROCESSING)
    ws.close()


# The moves from a fresh intake to each state, and whether the dossier is still at the counter.
PATHS = {
    "new": ([], True),
    "waiting at the desk": ([(Action.REQUEST_SUPPLEMENT, "Thiếu tờ khai")], True),
    "resubmitted at the desk": (
        [(Action.REQUEST_SUPPLEMENT, "Thiếu tờ khai"), (Action.RESUBMIT, "")],
        True,
    ),
    "refused": ([(Action.REFUSE, "Sai thẩm quyền")], False),
    "withdrawn": ([(Action.WITHDRAW, "")], False),
    "resolved at the desk": ([(Action.RESOLVE, "")], False),
    "processing": ([(Action.TRANSFER, "")], False),
    "waiting after transfer": (
        [(Action.TRANSFER, ""), (Action.REQUEST_SUPPLEMENT, "Thiếu bản sao")],
        False,
    ),
    "back from a supplement": (
        [(Action.TRANSFER, ""), (Action.REQUEST_SUPPLEMENT, "Thiếu"), (Action.RESUBMIT, "")],
        False,
    ),
    "done": ([(Action.TRANSFER, ""), (Action.RESOLVE, ""), (Action.RETURN, "")], False),
}


@pytest.mark.parametrize("path", PATHS.values(), ids=PATHS.keys())
@pytest.mark.parametrize("who", ["officer", "supervisor", "supervisor with a reason"])
def test_who_may_correct_in_every_state(ws, officer, boss, received, path, who):  # type: ignore[no-untyped-def]
    moves, at_the_counter = path
    for action, note in moves:
        ws.dossiers.transition(received.code, action, user=officer, note=note)
    user = officer if who == "officer" else boss
    reason = "Sai số điện thoại" if who.endswith("reason") else ""
    correction = correction_from_json({"applicant": {"phone": "0987654321"}}, received)
    allowed = at_the_counter or reason
    if not allowed:
        with pytest.raises(CounterError) as refused:
            ws.dossiers.amend(received.code, correction, user=user, reason=reason)
        expected = "amend.supervisor_only" if who == "officer" else "amend.reason_required"
        assert refused.value.key == expected
        assert ws.dossiers.get(received.code).applicant.phone == "0912345678"
        return
    status = ws.dossiers.get(received.code).status
    amended = ws.dossiers.amend(received.code, correction, user=user, reason=reason)
    assert amended.applicant.phone == "0987654321" and amended.status is status


def test_a_correction_lost_in_a_conflict_is_made_again_with_its_values(ws, officer, received):  # type: ignore[no-untyped-def]
    """Redoing a conflict's lost moves carries the counter's corrected values onto central's
    state, as a new correction by whoever redoes it."""
    import copy

    from counter_app.domain.sync import reapply

    central = copy.deepcopy(received)
    local = ws.dossiers.amend(
        received.code,
        correction_from_json({"applicant": {"phone": "0987654321"}}, received),
        user=officer,
    )
    lost = [local.history[-1]]
    again, entries = reapply(
        central,
        lost,
        actor="truong",
        at=vn(2026, 12, 2, 9, 0),
        place="Quầy 1",
        shift_due=ws.calendars.shifter(central.agency_code),
        lost=local,
    )
    assert again.applicant.phone == "0987654321" and central.applicant.phone == "0912345678"
    (entry,) = entries
    assert (entry.action, entry.actor, entry.from_status, entry.to_status) == (
        "amend",
        "truong",
        Status.NEW,
        Status.NEW,
    )
