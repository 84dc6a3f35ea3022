"""Dossiers built with known times for the supervisor's figures: received, moved and due at
fixed moments, so every count in the tests can be worked out by hand."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from counter_app.domain.catalog import FeeCollection
from counter_app.domain.dossier import Dossier, FeeLine
from counter_app.domain.lifecycle import Action
from counter_app.services.accounts import Role
from counter_app.services.intake import request_from_json
from tests.conftest import CALENDAR, SAME_DAY, TEN_DAYS, intake_json, vn

__all__ = ["CALENDAR", "SAME_DAY", "TEN_DAYS", "vn"]


@pytest.fixture
def boss(ws):  # type: ignore[no-untyped-def]
    return ws.accounts.add_user("truong", Role.SUPERVISOR, "matkhau123", "Trần Văn Bình")


@pytest.fixture
def colleague(ws):  # type: ignore[no-untyped-def]
    return ws.accounts.add_user("canbo2", Role.STAFF, "matkhau123", "Lê Thị Mai")


def receive(
    ws,  # type: ignore[no-untyped-def]
    user,
    procedure: str,
    at: datetime,
    *,
    channel: str = "direct",
    return_method: str = "counter",
    due: datetime | None = None,
    after_fee: int = 0,
    name: str = "Nguyễn Văn An",
    payment: str | None = None,
) -> Dossier:
    """Receive one dossier at `at`; `due` replaces the computed due time, `after_fee` the
    catalog's fees by one collected when the result is returned; `payment` the method the fees
    taken at intake were paid by (the channel's default when None, "unpaid": not yet)."""
    data = intake_json(procedure, full_name=name)
    if payment is not None:
        data["payment"] = {"method": payment}
    data["channel"] = channel
    data["return_method"] = return_method
    request = request_from_json(data)
    if after_fee:
        request.fees = [FeeLine("Lệ phí", after_fee, 1, FeeCollection.AFTER)]
    dossier = ws.intake.prepare(request, user=user, at=at)
    if due is not None:
        dossier.due_at = due
    return ws.intake.save([dossier], [request.payment])[0]


def move(ws, dossier: Dossier, action: Action, user, at: datetime, note: str = "") -> Dossier:  # type: ignore[no-untyped-def]
    assert dossier.code is not None
    return ws.dossiers.transition(dossier.code, action, user=user, at=at, note=note)


def fix_clock(ws, moment: datetime) -> None:  # type: ignore[no-untyped-def]
    ws.reports.clock = lambda: moment


def days(*values: str) -> list[date]:
    return [date.fromisoformat(value) for value in values]
