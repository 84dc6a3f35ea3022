from __future__ import annotations

import pytest
from sqlalchemy import func, select

from counter_app.domain.catalog import DocumentForm
from counter_app.domain.codes import DossierCode
from counter_app.domain.dossier import Status
from counter_app.domain.errors import CounterError, ValidationFailed
from counter_app.services.intake import request_from_json
from counter_app.store.models import AuditRow, DossierRow, OutboxRow
from tests.conftest import AGENCY, CALENDAR, INACTIVE, SAME_DAY, TEN_DAYS, intake_json, vn


def counts(ws) -> tuple[int, int, int]:  # type: ignore[no-untyped-def]
    with ws.database.read() as session:
        return tuple(
            session.scalar(select(func.count()).select_from(table))
            for table in (DossierRow, OutboxRow, AuditRow)
        )


def test_intake_gives_code_due_time_and_catalog_defaults(ws, officer):
    at = vn(2025, 4, 24, 9, 30)
    dossier = ws.intake.receive(request_from_json(intake_json(TEN_DAYS)), user=officer, at=at)
    assert dossier.code == f"{AGENCY}-250424-0001"
    assert DossierCode.parse(dossier.code).number == 1
    assert dossier.status is Status.NEW
    # 10 working days from Thu 24/04/2025 09:30: Sat 26/04 is worked (make-up day);
    # 30/04, 01/05 and 02/05 are off. 25, 26, 28, 29/04, 5–9/05 make nine: the tenth is 12/05.
    assert dossier.due_at == vn(2025, 5, 12, 9, 30)
    assert [d.name for d in dossier.documents] == [
        "Tờ khai yêu cầu cấp Phiếu",
        "Bản chụp giấy tờ tùy thân",
    ]  # optional component not pre-ticked
    assert dossier.fee_total == 200000
    stored = ws.dossiers.get(dossier.code)
    assert stored.applicant.full_name == "Nguyễn Văn An"
    assert stored.history[0].action == "receive" and stored.history[0].actor == "canbo"
    assert stored.due_at == dossier.due_at


def test_codes_follow_per_agency_per_day(ws, officer):
    day1, day2 = vn(2025, 4, 24, 9), vn(2025, 4, 25, 9)
    codes = [
        ws.intake.receive(request_from_json(intake_json(p)), user=officer, at=at).code
        for p, at in [(TEN_DAYS, day1), (SAME_DAY, day1), (CALENDAR, day1), (TEN_DAYS, day2)]
    ]
    assert codes == [
        f"{AGENCY}-250424-0001",
        f"{AGENCY}-250424-0002",
        "000.00.15.H37-250424-0001",
        f"{AGENCY}-250425-0001",
    ]


def test_documents_given_in_the_request_are_kept(ws, officer):
    data = intake_json(SAME_DAY)
    data["documents"] = [{"name": "Giấy khai sinh", "form": "certified_copy", "count": 3}]
    dossier = ws.intake.receive(request_from_json(data), user=officer)
    assert [(d.name, d.form, d.count) for d in dossier.documents] == [
        ("Giấy khai sinh", DocumentForm.CERTIFIED_COPY, 3)
    ]


def test_every_change_writes_outbox_and_audit_in_the_same_transaction(ws, officer):
    before = counts(ws)
    ws.intake.receive(request_from_json(intake_json()), user=officer)
    assert counts(ws) == (before[0] + 1, before[1] + 1, before[2] + 1)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"full_name": "  "}, "full_name"),
        ({"id_number": "12345"}, "id_number"),
        ({"phone": "12ab"}, "phone"),
        ({"email": "not-an-email"}, "email"),
        ({"birth_date": "2999-01-01"}, "birth_date"),
    ],
)
def test_invalid_applicant_is_refused_and_nothing_written(ws, officer, change, field):
    before = counts(ws)
    with pytest.raises(ValidationFailed) as refused:
        ws.intake.receive(request_from_json(intake_json(**change)), user=officer)
    assert field in {p.field for p in refused.value.problems}
    assert refused.value.message("vi") and refused.value.message("en")
    assert counts(ws) == before


def test_unknown_and_inactive_procedures_are_refused(ws, officer):
    before = counts(ws)
    with pytest.raises(CounterError) as unknown:
        ws.intake.receive(request_from_json(intake_json("1.999999")), user=officer)
    assert unknown.value.key == "procedure.unknown"
    with pytest.raises(CounterError) as inactive:
        ws.intake.receive(request_from_json(intake_json(INACTIVE)), user=officer)
    assert inactive.value.key == "procedure.inactive"
    assert counts(ws) == before


def test_intake_text_is_stored_nfc(ws, officer):
    decomposed = "Nguyê\u0303n Văn An"  # ễ typed as e + combining marks
    dossier = ws.intake.receive(request_from_json(intake_json(full_name=decomposed)), user=officer)
    assert ws.dossiers.get(dossier.code).applicant.full_name == "Nguyễn Văn An"


def test_malformed_request_shapes_are_refused():
    for bad in ([], {"procedure": "x"}, {"procedure": "x", "applicant": {"full_name": 5}}):
        with pytest.raises(CounterError):
            request_from_json(bad)


def test_registered_counter_without_number_refuses_intake(ws, officer):
    ws.settings.set("central.url", "postgresql://central.example/counter")
    with pytest.raises(CounterError) as refused:
        ws.intake.receive(request_from_json(intake_json()), user=officer)
    assert refused.value.key == "code.unregistered"
