"""Dossiers brought into any state through the service, as the officers would have moved
them: received on Monday 23/11 at 10:00, each later move an hour after the one before."""

from __future__ import annotations

from datetime import timedelta

from counter_app.domain.dossier import Dossier, Status
from counter_app.domain.lifecycle import Action
from counter_app.services.accounts import User
from counter_app.services.intake import request_from_json
from counter_app.services.workspace import Workspace
from tests.ui.conftest import NOW

RECEIVED = NOW - timedelta(days=2)
SUPPLEMENT_NOTE = "Bổ sung bản sao giấy khai sinh có chứng thực."
STOP_NOTE = "Người nộp không bổ sung giấy tờ trong thời hạn."
REFUSAL_NOTE = "Hồ sơ không thuộc thẩm quyền giải quyết của xã."

# The moves from a freshly received dossier to each state, with the note each needs.
PATHS: dict[Status, list[tuple[Action, str]]] = {
    Status.NEW: [],
    Status.PROCESSING: [(Action.TRANSFER, "")],
    Status.WAITING: [(Action.TRANSFER, ""), (Action.REQUEST_SUPPLEMENT, SUPPLEMENT_NOTE)],
    Status.PAYING: [(Action.TRANSFER, ""), (Action.REQUEST_PAYMENT, "")],
    Status.RELEASING: [(Action.TRANSFER, ""), (Action.RESOLVE, "")],
    Status.DONE: [(Action.TRANSFER, ""), (Action.RESOLVE, ""), (Action.RETURN, "")],
    Status.DENIED: [(Action.REFUSE, REFUSAL_NOTE)],
    Status.CANCELLED: [(Action.WITHDRAW, "")],
    Status.UNRESOLVED: [(Action.TRANSFER, ""), (Action.STOP, STOP_NOTE)],
}


def dossier_in(
    ws: Workspace,
    user: User,
    status: Status,
    *,
    name: str = "Trần Thị Mai",
    procedure: str = "2.002",
    fees: list[dict] | None = None,
    **applicant: str,
) -> Dossier:
    data = {"full_name": name, "phone": "0912345678", "id_number": "020090001234", **applicant}
    request: dict = {"procedure": procedure, "applicant": data}
    if fees is not None:
        request["fees"] = fees
    if any(action is Action.REQUEST_PAYMENT for action, _ in PATHS[status]):
        request["payment"] = {"method": "unpaid"}  # asked for later, so not taken at intake
    dossier = ws.intake.receive(request_from_json(request), user=user, at=RECEIVED)
    assert dossier.code is not None
    for hours, (action, note) in enumerate(PATHS[status], start=1):
        dossier = ws.dossiers.transition(
            dossier.code, action, user=user, note=note, at=RECEIVED + timedelta(hours=hours)
        )
    assert dossier.status is status
    return dossier
