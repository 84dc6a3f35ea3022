"""The provincial period report: November 2026 built by hand, then the SQL held to the pure
rules of `counter_app.domain.reports` over random dossiers (hypothesis)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete

from counter_app.domain.codes import DossierCode
from counter_app.domain.dossier import Applicant, Channel, Dossier, Status, Timeliness
from counter_app.domain.errors import CounterError
from counter_app.domain.lifecycle import Action
from counter_app.domain.reports import (
    PeriodRow,
    day_bounds,
    is_carried_over,
    is_counted,
    is_in_progress,
    is_late_at,
    outcome,
)
from counter_app.store.dossiers import insert_dossiers
from counter_app.store.models import DossierRow, FeeLineRow, HistoryRow
from tests.conftest import AGENCY, OTHER_AGENCY
from tests.reports.conftest import CALENDAR, TEN_DAYS, fix_clock, move, receive, vn

NOVEMBER = (date(2026, 11, 1), date(2026, 11, 30))


@pytest.fixture
def november(ws, officer, boss):  # type: ignore[no-untyped-def]
    def make(at: datetime, due: datetime, procedure: str = TEN_DAYS, **kwargs):  # type: ignore[no-untyped-def]
        return receive(ws, officer, procedure, at, due=due, **kwargs)

    carried_resolved = make(vn(2026, 10, 20, 9), vn(2026, 11, 5, 17))
    move(ws, carried_resolved, Action.RESOLVE, boss, vn(2026, 11, 3, 10))  # early
    make(vn(2026, 10, 25, 9), vn(2026, 10, 30, 17))  # carried over, still open and late
    done_before = make(vn(2026, 10, 10, 9), vn(2026, 10, 20, 17))
    move(ws, done_before, Action.RESOLVE, boss, vn(2026, 10, 15, 10))  # not in November
    online_late = make(vn(2026, 11, 5, 9), vn(2026, 11, 19, 17), channel="online")
    move(ws, online_late, Action.RESOLVE, boss, vn(2026, 11, 20, 9))
    after_end = make(vn(2026, 11, 10, 9), vn(2026, 11, 25, 17), CALENDAR)
    move(ws, after_end, Action.RESOLVE, boss, vn(2026, 12, 2, 9))  # late at the period's end
    make(vn(2026, 11, 12, 9), vn(2026, 12, 10, 17), CALENDAR)  # in progress, on time
    withdrawn = make(vn(2026, 11, 12, 10), vn(2026, 11, 26, 17))
    move(ws, withdrawn, Action.WITHDRAW, officer, vn(2026, 11, 13, 9))
    make(vn(2026, 12, 1, 9), vn(2026, 12, 15, 17))  # after the period
    waiting = make(vn(2026, 11, 13, 9), vn(2026, 11, 20, 17))
    move(ws, waiting, Action.REQUEST_SUPPLEMENT, officer, vn(2026, 11, 14, 9), note="Bổ sung")
    refused = make(vn(2026, 11, 14, 9), vn(2026, 11, 14, 17))
    move(ws, refused, Action.REFUSE, officer, vn(2026, 11, 14, 9, 5), note="Sai thủ tục")
    fix_clock(ws, vn(2026, 12, 5, 9))


def test_november_by_hand(ws, boss, november):  # type: ignore[no-untyped-def]
    report = ws.reports.period(*NOVEMBER, user=boss)
    total = report.total
    assert (total.received_new, total.carried_over, total.received_total) == (5, 2, 7)
    assert total.received_online == 1
    assert (total.resolved_early, total.resolved_on_time, total.resolved_late) == (1, 0, 1)
    # Open and late: the one carried over, and the one resolved only in December.
    assert (total.in_progress_on_time, total.in_progress_late) == (2, 2)
    assert total.on_time_rate == pytest.approx(0.5)
    assert total.online_share == pytest.approx(1 / 7)


def test_rows_per_agency_and_procedure_add_up_to_the_total(ws, boss, november):  # type: ignore[no-untyped-def]
    report = ws.reports.period(*NOVEMBER, user=boss)
    assert [row.key for row in report.by_agency] == [AGENCY, OTHER_AGENCY]
    assert report.by_agency[0].name == "Sở Tư pháp tỉnh Lạng Sơn"
    building = report.by_agency[1]
    assert (building.received_new, building.in_progress_on_time, building.in_progress_late) == (
        2,
        1,
        1,
    )
    assert {row.key for row in report.by_procedure} == {TEN_DAYS, CALENDAR}
    assert report.procedure_agency == {TEN_DAYS: AGENCY, CALENDAR: OTHER_AGENCY}
    for rows in (report.by_agency, report.by_procedure):
        assert sum(r.received_total for r in rows) == report.total.received_total
        assert sum(r.resolved_total for r in rows) == report.total.resolved_total
        assert sum(r.in_progress_total for r in rows) == report.total.in_progress_total


def test_a_period_still_running_is_judged_now(ws, boss, november):  # type: ignore[no-untyped-def]
    """To 31/12 with the clock at 05/12 09:00: the ones due 10/12 and 15/12 are not late yet,
    the one resolved on 02/12 is resolved (late), no longer in progress."""
    report = ws.reports.period(date(2026, 11, 1), date(2026, 12, 31), user=boss)
    total = report.total
    assert (total.received_new, total.carried_over) == (6, 2)
    assert (total.resolved_early, total.resolved_late) == (1, 2)
    assert (total.in_progress_on_time, total.in_progress_late) == (3, 1)


def test_an_empty_period_has_no_rates(ws, boss):  # type: ignore[no-untyped-def]
    report = ws.reports.period(*NOVEMBER, user=boss)
    assert report.total == PeriodRow("", "Tổng cộng")
    assert report.total.on_time_rate is None and report.total.online_share is None
    assert report.by_agency == () and report.by_procedure == ()


def test_a_reversed_period_is_refused(ws, boss):  # type: ignore[no-untyped-def]
    with pytest.raises(CounterError) as refused:
        ws.reports.period(date(2026, 12, 1), date(2026, 11, 1), user=boss)
    assert refused.value.key == "report.range"


# --- the SQL against the pure rules
START, END = day_bounds(date(2026, 11, 10))[0], day_bounds(date(2026, 11, 20))[1]
BASE = START - timedelta(days=12)
HOURS = 40 * 24
DONE_STATES = [Status.RELEASING, Status.DONE]
OPEN_OR_ENDED = [s for s in Status if s not in DONE_STATES]


# The period's edges and a second either side: where an off-by-one would show.
EDGES = [START, END, START - timedelta(seconds=1), END - timedelta(seconds=1)]


def moments(after: datetime):  # type: ignore[no-untyped-def]
    grid = st.integers(0, HOURS).map(lambda h: BASE + timedelta(hours=h))
    return (grid | st.sampled_from(EDGES)).filter(lambda moment: moment >= after)


@st.composite
def dossiers(draw):  # type: ignore[no-untyped-def]
    received = draw(moments(BASE))
    completed = draw(st.none() | moments(received))
    due = draw(st.none() | moments(received - timedelta(days=2)))
    status = draw(st.sampled_from(DONE_STATES if completed else OPEN_OR_ENDED))
    channel = draw(st.sampled_from(list(Channel)))
    procedure = draw(st.sampled_from([TEN_DAYS, CALENDAR]))
    return received, completed, due, status, channel, procedure


def _expected(rows, at: datetime) -> PeriodRow:  # type: ignore[no-untyped-def]
    counts = dict.fromkeys(
        ("new", "carried", "online", "early", "on", "late", "ip_on", "ip_late"), 0
    )
    for received, completed, due, status, channel, _ in rows:
        if not is_counted(status):
            continue
        new = START <= received < END
        carried = is_carried_over(received, completed, status, START)
        counts["new"] += new
        counts["carried"] += carried
        counts["online"] += (new or carried) and channel is Channel.ONLINE
        if completed is not None and START <= completed < END:
            kind = outcome(completed, due)
            counts[{Timeliness.EARLY: "early", Timeliness.ON_TIME: "on"}.get(kind, "late")] += 1
        if is_in_progress(received, completed, status, END):
            late = is_late_at(due, status, at, completed)
            counts["ip_late" if late else "ip_on"] += 1
    return PeriodRow("", "Tổng cộng", *counts.values())


@pytest.fixture(scope="module")
def scratch(tmp_path_factory):  # type: ignore[no-untyped-def]
    from counter_app.domain.catalog_file import catalog_from_json
    from counter_app.services.accounts import Role
    from counter_app.services.workspace import Workspace
    from tests.conftest import SMALL_CATALOG

    workspace = Workspace(tmp_path_factory.mktemp("rules") / "data", create=True)
    workspace.catalog.import_catalog(catalog_from_json(SMALL_CATALOG))
    workspace.accounts.add_user("truong", Role.SUPERVISOR, "matkhau123")
    yield workspace
    workspace.close()


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(rows=st.lists(dossiers(), max_size=25), moment=moments(BASE))
def test_sql_figures_follow_the_rules(scratch, rows, moment):  # type: ignore[no-untyped-def]
    ws = scratch
    built = []
    for number, (received, completed, due, status, channel, procedure) in enumerate(rows, 1):
        agency = AGENCY if procedure == TEN_DAYS else OTHER_AGENCY
        built.append(
            Dossier(
                procedure_code=procedure,
                procedure_name=procedure,
                agency_code=agency,
                applicant=Applicant("Nguyễn Văn An"),
                received_at=received,
                due_at=due,
                status=status,
                code=str(DossierCode(agency, received.date(), number)),
                channel=channel,
                completed_at=completed,
                timeliness=outcome(completed, due) if completed else None,
            )
        )
    with ws.database.write() as session:
        for model in (FeeLineRow, HistoryRow, DossierRow):
            session.execute(delete(model))
        insert_dossiers(session, built, origin="test", at=BASE)
    fix_clock(ws, moment)
    user = ws.accounts.user("truong")
    report = ws.reports.period(date(2026, 11, 10), date(2026, 11, 20), user=user)
    assert report.total == _expected(rows, min(moment, END))
