"""A counter's Wednesday 25/11/2026 built through the services at known times, and the
Báo cáo page shown over it, in either language.

Received that day: Lan 08:10 (walk-in, 6.000 đ in cash), 09:20 (online, 200.000 đ not in
cash), 14:05 (by post); Hoa 09:40 (walk-in, 4.000 đ in cash). Completed that day: Hoa's
dossier of Monday, early, handed back with 50.000 đ collected at the counter; Lan's
dossier of 13/11, due 23/11, late. Still open and overdue: Lan's dossier of 10/11."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

import pytest

from counter_app.domain.dossier import Dossier
from counter_app.domain.lifecycle import Action
from counter_app.services.accounts import Role, User
from counter_app.services.intake import request_from_json
from counter_app.services.workspace import Workspace
from counter_app.ui.reports import ReportsPage
from counter_app.ui.session import Session
from tests.ui.conftest import NOW, PREBUILT, account, make_session, the_staff

DAY = NOW.date()
WIDTH, HEIGHT = 1166, 690  # the page's share of a 1366×768 screen


def at(day_offset: int, hour: int, minute: int = 0) -> datetime:
    return (NOW + timedelta(days=day_offset)).replace(hour=hour, minute=minute)


def receive(
    ws: Workspace,
    user: User,
    procedure: str,
    when: datetime,
    name: str,
    *,
    channel: str = "direct",
    fees: list[dict] | None = None,
) -> Dossier:
    data: dict = {
        "procedure": procedure,
        "applicant": {"full_name": name, "phone": "0912345678", "id_number": "020090001234"},
        "channel": channel,
        "fees": fees or [],
    }
    return ws.intake.receive(request_from_json(data), user=user, at=when)


def move(ws: Workspace, dossier: Dossier, user: User, *steps: tuple[Action, datetime]) -> Dossier:
    assert dossier.code is not None
    for action, when in steps:
        dossier = ws.dossiers.transition(dossier.code, action, user=user, at=when)
    return dossier


@dataclass(frozen=True)
class Day:
    walk_in: Dossier
    online: Dossier
    postal: Dossier
    other_officer: Dossier
    early: Dossier
    late: Dossier
    overdue: Dossier


def the_other_officer(workspace: Workspace) -> User:
    return account(workspace, "hoa", Role.STAFF, "Phạm Thị Hoa")


@pytest.fixture
def hoa(workspace: Workspace) -> User:
    return the_other_officer(workspace)


@pytest.fixture
def day(workspace: Workspace, staff: User, hoa: User) -> Day:
    workspace.reports.clock = lambda: NOW  # the service's "now" is the session's
    return PREBUILT["day"]  # type: ignore[return-value]


def _build_day(ws: Workspace) -> Day:
    staff, hoa = the_staff(ws), the_other_officer(ws)
    fee = {"name": "Lệ phí chứng thực", "amount": 2000, "collection": "before"}
    overdue = receive(ws, staff, "2.002", at(-15, 10), "Đặng Văn Hùng")
    early = receive(
        ws, hoa, "2.002", at(-2, 10), "Lê Quốc Bảo",
        fees=[{"name": "Phí cấp phiếu", "amount": 50000, "collection": "after"}],
    )  # fmt: skip
    early = move(
        ws, early, hoa,
        (Action.TRANSFER, at(-2, 11)), (Action.RESOLVE, at(0, 9)), (Action.RETURN, at(0, 9, 30)),
    )  # fmt: skip
    late = receive(ws, staff, "2.002", at(-12, 10), "Vũ Thị Thu")  # due 23/11
    late = move(ws, late, staff, (Action.TRANSFER, at(-12, 11)), (Action.RESOLVE, at(0, 8, 30)))
    walk_in = receive(
        ws, staff, "1.001", at(0, 8, 10), "Trần Thị Mai", fees=[{**fee, "quantity": 3}]
    )
    online = receive(
        ws, staff, "2.002", at(0, 9, 20), "Nguyễn Văn An", channel="online",
        fees=[{"name": "Phí cấp phiếu", "amount": 200000, "collection": "before"}],
    )  # fmt: skip
    other = receive(ws, hoa, "1.001", at(0, 9, 40), "Hoàng Thị Lý", fees=[{**fee, "quantity": 2}])
    postal = receive(ws, staff, "1.004", at(0, 14, 5), "Lý Văn Tài", channel="postal")
    return Day(walk_in, online, postal, other, early, late, overdue)


PREBUILT.builds["day"] = _build_day


def show(qtbot, page: ReportsPage) -> ReportsPage:
    qtbot.addWidget(page)
    page.resize(WIDTH, HEIGHT)
    page.show()
    qtbot.waitExposed(page)
    page.activate()
    wait_loaded(qtbot, page)
    return page


def wait_loaded(qtbot, page: ReportsPage) -> None:
    """Until every background read of the page has answered and its answer is shown."""
    daily = page.daily
    qtbot.waitUntil(
        lambda: (
            daily.review is not None
            and not daily.tasks.busy
            and not daily.day_list.model.tasks.busy
            and (page.period is None or not page.period.tasks.busy)
        )
    )


@pytest.fixture
def open_page(qtbot, workspace: Workspace, day: Day) -> Callable[..., ReportsPage]:
    """Build the page after the language is installed: widgets translate when they are made."""

    def build(user: User, lang: str = "en", session: Session | None = None) -> ReportsPage:
        return show(qtbot, ReportsPage(session or make_session(workspace, user, lang)))

    return build
