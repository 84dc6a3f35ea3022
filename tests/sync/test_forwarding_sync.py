"""Receiving regardless of residence and of the handling agency's area (issue 14, Decree
118/2025/NĐ-CP): a counter serving one agency receives a dossier of another, numbers it from its
own numbers of that agency (leased at once, the first time), forwards it (the transfer move)
and central takes it, on both backends; the handling agency's counters see it, the receiving
counter follows it to the return, others see nothing of it, and a number the receiving counter
does not own is still refused."""

from __future__ import annotations

import pytest

from counter_app.domain.codes import DossierCode
from counter_app.domain.dossier import Status
from counter_app.domain.errors import CounterError
from counter_app.domain.lifecycle import Action
from counter_app.services.intake import request_from_json
from counter_app.services.sync.admin import CentralAdmin
from counter_app.services.workspace import Workspace
from counter_app.store.central.wire import PushItem
from tests.conftest import AGENCY, CALENDAR, OTHER_AGENCY, intake_json
from tests.digitising.conftest import write_page
from tests.sync.helpers import central_rows, local_rows, make_counter
from tests.sync.test_attachments_sync import central_content
from tests.sync.test_sync import counter_url


@pytest.fixture(params=["sqlite", "pg"])
def central(request):  # type: ignore[no-untyped-def]
    return request.getfixturevalue(f"{request.param}_central")


def _receive_for_another_agency(ws, user):  # type: ignore[no-untyped-def]
    """A dossier of OTHER_AGENCY (Sở Xây dựng) from an applicant living in another ward, to be
    returned at AGENCY's desk."""
    data = intake_json(CALENDAR, address="Thôn Pò Lọi, xã Lộc Bình, tỉnh Lạng Sơn")
    return ws.intake.receive(request_from_json(data | {"return_at": AGENCY}), user=user)


def test_a_counter_opened_afresh_leases_its_first_number_of_another_agency_at_once(
    sqlite_central, tmp_path
):
    """As the command line's `intake` does: open the counter and receive at once, before
    anything has asked for the sync service."""
    ws, officer = make_counter(tmp_path, "a")
    ws.sync.configure(counter_url(sqlite_central, "A", [AGENCY]))
    ws.sync.run_once()
    ws.close()
    opened = Workspace(tmp_path / "a")
    try:
        dossier = _receive_for_another_agency(opened, officer)
        assert DossierCode.parse(dossier.code).number in _leased(opened, OTHER_AGENCY)
    finally:
        opened.close()


def test_a_dossier_received_for_another_agency_is_forwarded_and_followed(central, tmp_path):
    with CentralAdmin(central) as admin:
        admin.add_counter("HANDLING", [OTHER_AGENCY])
    receiving, officer = make_counter(tmp_path, "a")
    receiving.sync.configure(counter_url(central, "A", [AGENCY]))
    receiving.sync.run_once()
    number = receiving.sync.status().counter_number
    assert number is not None

    dossier = _receive_for_another_agency(receiving, officer)
    assert dossier.agency_code == OTHER_AGENCY
    assert DossierCode.parse(dossier.code).number in _leased(receiving, OTHER_AGENCY)
    receiving.dossiers.transition(dossier.code, Action.TRANSFER, user=officer)
    (scan,) = receiving.attachments.attach(
        dossier.code,
        [write_page(tmp_path, "p.png", seed=3)],
        component="Đơn đề nghị cấp giấy phép",
        user=officer,
    )
    assert receiving.sync.run_once().pending == 0
    assert central_content(central, scan.sha256) is not None  # its scans go up with it

    row = central_rows(central)[dossier.uuid]
    assert (row["code"], row["status"]) == (dossier.code, "processing")
    with CentralAdmin(central) as admin:
        admin.decide(dossier.code, Status.RELEASING, actor="phongtp")
    receiving.sync.run_once()
    assert receiving.dossiers.get(dossier.code).status is Status.RELEASING
    done = receiving.dossiers.transition(dossier.code, Action.RETURN, user=officer)
    assert done.return_at == AGENCY
    assert receiving.sync.run_once().pending == 0
    assert central_rows(central)[dossier.uuid]["status"] == "done"

    handling, _ = make_counter(tmp_path, "h")
    other, _ = make_counter(tmp_path, "o")
    handling.sync.configure(counter_url(central, "H", [OTHER_AGENCY]))
    other.sync.configure(counter_url(central, "O", [AGENCY]))
    handling.sync.run_once()
    other.sync.run_once()
    assert handling.dossiers.get(dossier.code).return_at == AGENCY
    assert dossier.uuid not in local_rows(other)
    for ws in (receiving, handling, other):
        ws.close()


def _leased(ws, agency):  # type: ignore[no-untyped-def]
    from counter_app.domain.codes import RangeSource
    from counter_app.store.models import CodeRangeRow

    with ws.database.read() as session:
        rows = session.query(CodeRangeRow).filter_by(
            agency_code=agency, source=RangeSource.LEASE.value
        )
        return {n for row in rows for n in range(row.first, row.last + 1)}


def test_a_number_the_counter_does_not_own_is_refused_for_another_agency(central, tmp_path):
    from counter_app.services.sync.gateway import CentralGateway
    from counter_app.store.central import replica
    from counter_app.store.central.database import CentralAddress

    receiving, officer = make_counter(tmp_path, "a")
    url = counter_url(central, "A", [AGENCY])
    receiving.sync.configure(url)
    receiving.sync.run_once()
    number = receiving.sync.status().counter_number
    dossier = _receive_for_another_agency(receiving, officer)
    with receiving.database.read() as session:
        (item,) = replica.pending_batch(session, 10).items
    assert 8999 not in _leased(receiving, OTHER_AGENCY)
    forged = dossier.code.rsplit("-", 1)[0] + "-8999"  # leased to nobody yet
    gateway = CentralGateway(CentralAddress(url))
    with pytest.raises(CounterError) as denied:
        gateway.push(
            number, [PushItem.of(item.uuid, item.version, item.base, item.data | {"code": forged})]
        )
    gateway.close()
    assert denied.value.key == "central.denied"
    assert dossier.uuid not in central_rows(central)
    receiving.close()
