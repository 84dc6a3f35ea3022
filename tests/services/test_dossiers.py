from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from counter_app.domain.dossier import DossierFilter, Status, Timeliness
from counter_app.domain.errors import CounterError
from counter_app.domain.lifecycle import Action
from counter_app.services.intake import request_from_json
from counter_app.store.models import AuditRow, OutboxRow
from tests.conftest import SAME_DAY, TEN_DAYS, intake_json, vn


@pytest.fixture
def dossier(ws, officer):  # type: ignore[no-untyped-def]
    return ws.intake.receive(
        request_from_json(intake_json(TEN_DAYS)), user=officer, at=vn(2025, 4, 24, 9, 30)
    )


def test_lifecycle_moves_are_stored_with_history(ws, officer, dossier):
    code = dossier.code
    ws.dossiers.transition(code, Action.TRANSFER, user=officer, at=vn(2025, 4, 24, 10))
    done = ws.dossiers.transition(code, Action.RESOLVE, user=officer, at=vn(2025, 5, 6, 10))
    assert done.status is Status.RELEASING
    assert done.timeliness is Timeliness.EARLY
    returned = ws.dossiers.transition(code, Action.RETURN, user=officer, at=vn(2025, 5, 7, 8))
    stored = ws.dossiers.get(code)
    assert stored.status is Status.DONE
    assert stored.returned_at == returned.returned_at == vn(2025, 5, 7, 8)
    assert [(h.action, h.from_status, h.to_status) for h in stored.history] == [
        ("receive", None, Status.NEW),
        ("transfer", Status.NEW, Status.PROCESSING),
        ("resolve", Status.PROCESSING, Status.RELEASING),
        ("return", Status.RELEASING, Status.DONE),
    ]


def test_illegal_move_is_refused_and_changes_nothing(ws, officer, dossier):
    with ws.database.read() as session:
        before = session.scalar(select(func.count()).select_from(OutboxRow))
    with pytest.raises(CounterError) as refused:
        ws.dossiers.transition(dossier.code, Action.RETURN, user=officer)
    assert refused.value.key == "lifecycle.illegal"
    assert "Được tiếp nhận" in refused.value.message("vi")
    assert "Received" in refused.value.message("en")
    stored = ws.dossiers.get(dossier.code)
    assert stored.status is Status.NEW and len(stored.history) == 1
    with ws.database.read() as session:
        assert session.scalar(select(func.count()).select_from(OutboxRow)) == before


def test_supplement_round_moves_due_time_by_working_time_waited(ws, officer, dossier):
    code = dossier.code
    ws.dossiers.transition(code, Action.TRANSFER, user=officer, at=vn(2025, 4, 24, 10))
    ws.dossiers.transition(
        code, Action.REQUEST_SUPPLEMENT, user=officer, note="Thiếu tờ khai", at=vn(2025, 5, 5, 8)
    )
    # Waiting Mon 05/05 08:00 → Tue 06/05 08:00 is one working day (8 h).
    back = ws.dossiers.transition(code, Action.RESUBMIT, user=officer, at=vn(2025, 5, 6, 8))
    assert back.status is Status.PROCESSING
    assert back.due_at == vn(2025, 5, 13, 9, 30)
    stored = ws.dossiers.get(code)
    [round_] = stored.supplement_rounds
    assert round_.old_due == vn(2025, 5, 12, 9, 30)
    assert round_.new_due == vn(2025, 5, 13, 9, 30)


def test_reason_is_required_for_refusal(ws, officer, dossier):
    with pytest.raises(CounterError) as refused:
        ws.dossiers.transition(dossier.code, Action.REFUSE, user=officer, note="  ")
    assert refused.value.key == "lifecycle.note_required"


def test_unknown_and_malformed_codes(ws):
    with pytest.raises(CounterError) as unknown:
        ws.dossiers.get("000.00.12.H37-250424-0999")
    assert unknown.value.key == "dossier.unknown"
    with pytest.raises(CounterError) as malformed:
        ws.dossiers.get("hello")
    assert malformed.value.key == "code.format"


def test_lookup_forgives_case_as_a_caps_lock_scanner_sends_it(ws, dossier):
    assert ws.dossiers.get(dossier.code.lower()).uuid == dossier.uuid


def test_search_by_unaccented_name_id_phone_and_filters(ws, officer, dossier):
    other = ws.intake.receive(
        request_from_json(
            intake_json(
                SAME_DAY, full_name="Hoàng Thị Đào", id_number="020195000321", phone="0387654321"
            )
        ),
        user=officer,
        at=vn(2025, 4, 25, 8),
    )
    find = ws.dossiers.find
    assert [d.code for d in find(DossierFilter(text="hoang thi dao"))] == [other.code]
    assert [d.code for d in find(DossierFilter(text="DAO"))] == [other.code]
    assert [d.code for d in find(DossierFilter(text="020195000321"))] == [other.code]
    assert [d.code for d in find(DossierFilter(text="0387654321"))] == [other.code]
    assert [d.code for d in find(DossierFilter(text=dossier.code))] == [dossier.code]
    assert [d.code for d in find(DossierFilter(day=vn(2025, 4, 24).date()))] == [dossier.code]
    assert ws.dossiers.count(DossierFilter()) == 2
    late = find(DossierFilter(overdue_at=other.due_at + timedelta(minutes=1)))
    assert [d.code for d in late] == [other.code]


def test_every_move_is_audited_and_chain_verifies(ws, officer, dossier):
    ws.dossiers.transition(dossier.code, Action.TRANSFER, user=officer)
    with ws.database.read() as session:
        actions = session.scalars(select(AuditRow.action).order_by(AuditRow.id)).all()
    assert actions[-2:] == ["dossier.receive", "dossier.transfer"]
    assert ws.audit.verify() == len(actions)


def _ready(ws, officer, dossier):  # type: ignore[no-untyped-def]
    ws.dossiers.transition(dossier.code, Action.TRANSFER, user=officer, at=vn(2025, 4, 24, 10))
    ws.dossiers.transition(dossier.code, Action.RESOLVE, user=officer, at=vn(2025, 5, 6, 10))


def test_result_handed_to_an_authorised_person_is_recorded(ws, officer, dossier):
    from counter_app.domain.dossier import Collector

    _ready(ws, officer, dossier)
    collector = Collector("Lương Thị Mai", "020 185 000 777", authorised=True)
    done = ws.dossiers.hand_back(dossier.code, collector, user=officer, at=vn(2025, 5, 7, 8))
    stored = ws.dossiers.get(dossier.code)
    assert done.status is stored.status is Status.DONE
    assert stored.collector == Collector("Lương Thị Mai", "020185000777", authorised=True)


def test_authorised_person_without_id_is_refused_and_nothing_changes(ws, officer, dossier):
    from counter_app.domain.dossier import Collector
    from counter_app.domain.errors import ValidationFailed

    _ready(ws, officer, dossier)
    with pytest.raises(ValidationFailed) as refused:
        ws.dossiers.hand_back(
            dossier.code, Collector("Lương Thị Mai", authorised=True), user=officer
        )
    assert [p.field for p in refused.value.problems] == ["id_number"]
    assert ws.dossiers.get(dossier.code).status is Status.RELEASING


def test_plain_return_goes_to_the_applicant(ws, officer, dossier):
    _ready(ws, officer, dossier)
    ws.dossiers.transition(dossier.code, Action.RETURN, user=officer)
    collector = ws.dossiers.get(dossier.code).collector
    assert (collector.full_name, collector.authorised) == ("Nguyễn Văn An", False)
