"""`central calendar`: a day off or an extra working day set centrally reaches the counters at
their next sync, and their due times follow; a removed day is pulled as a removal."""

from __future__ import annotations

import json
from datetime import date, datetime

import pytest

from counter_app.domain.clock import VN_TZ
from counter_app.domain.official_days import shipped_official_days, shipped_official_days_path
from counter_app.services.accounts import Role, User
from tests.conftest import AGENCY, TEN_DAYS
from tests.sync.helpers import make_counter
from tests.sync.test_cli_and_worker import cli
from tests.sync.test_sync import counter_url

pytestmark = pytest.mark.slow  # runs the real program against central

MONDAY = datetime(2026, 12, 7, 9, 0, tzinfo=VN_TZ)
WEDNESDAY = date(2026, 12, 9)
SATURDAY = date(2026, 12, 12)


@pytest.fixture(params=["sqlite", "postgresql"])
def central(request):  # type: ignore[no-untyped-def]
    if request.param == "sqlite":
        return request.getfixturevalue("sqlite_central")
    return request.getfixturevalue("pg_central")


def test_central_calendar_days_reach_the_counter_and_move_its_deadlines(central, tmp_path):
    ws, _ = make_counter(tmp_path, "a")
    ws.sync.configure(counter_url(central, "Q1", [AGENCY]))
    ws.sync.run_once()
    procedure = ws.catalog.procedure(TEN_DAYS)

    def due() -> date:
        found = ws.intake.due_at(procedure, MONDAY)
        assert found is not None
        return found.date()

    plain = due()
    holiday = cli(
        "central", "calendar", central, "--date", WEDNESDAY.isoformat(),
        "--kind", "holiday", "--note", "Ngày nghỉ bù",
    )  # fmt: skip
    assert holiday.returncode == 0, holiday.stderr
    assert json.loads(holiday.stdout) == {
        "date": "2026-12-09",
        "kind": "holiday",
        "note": "Ngày nghỉ bù",
        "removed": False,
    }
    assert due() == plain  # nothing changes before the counter syncs
    ws.sync.run_once()
    after_holiday = due()
    assert after_holiday > plain
    workday = cli(
        "central", "calendar", central, "--date", SATURDAY.isoformat(), "--kind", "workday"
    )
    assert workday.returncode == 0, workday.stderr
    ws.sync.run_once()
    assert due() == plain  # a Saturday worked makes up for the Wednesday off

    removed = cli("central", "calendar", central, "--date", WEDNESDAY.isoformat(), "--remove")
    assert removed.returncode == 0, removed.stderr
    assert json.loads(removed.stdout)["removed"] is True
    ws.sync.run_once()
    assert due() < plain  # only the extra Saturday remains
    ws.close()


def test_central_calendar_refuses_bad_input_in_one_line(sqlite_central):
    not_a_day = cli("central", "calendar", sqlite_central, "--date", "9/12", "--kind", "holiday")
    assert not_a_day.returncode != 0 and not_a_day.stderr.count("\n") == 1
    nothing = cli("central", "calendar", sqlite_central, "--date", "2026-12-09", "--remove")
    assert nothing.returncode == 1
    assert nothing.stderr.strip() == "Central has no calendar day 2026-12-09 to remove."
    both = cli(
        "central", "calendar", sqlite_central, "--date", "2026-12-09",
        "--kind", "holiday", "--remove",
    )  # fmt: skip
    assert both.returncode != 0 and both.stdout == ""


def _local_calendar_rows(ws) -> dict[date, tuple[bool, str]]:  # type: ignore[no-untyped-def]
    from sqlalchemy import select

    from counter_app.store.models import CalendarOverrideRow

    with ws.database.read() as session:
        rows = session.scalars(select(CalendarOverrideRow)).all()
        return {row.day: (row.working, row.note) for row in rows}


def test_central_imports_the_official_file_and_its_overrides_still_win(central, tmp_path):
    """`--import FILE` pushes every decision to the counters (an older counter without the
    file gets the days too); a day central or the counter sets itself still wins."""
    ws, _ = make_counter(tmp_path, "a")
    ws.sync.configure(counter_url(central, "Q1", [AGENCY]))
    imported = cli("central", "calendar", central, "--import", str(shipped_official_days_path()))
    assert imported.returncode == 0, imported.stderr
    official = shipped_official_days()
    assert json.loads(imported.stdout) == {
        "version": official.version,
        "decisions": len(official.decisions),
        "days_off": len(official.days_off),
        "working_days": len(official.working_days),
    }
    ws.sync.run_once()
    rows = _local_calendar_rows(ws)
    assert set(rows) == official.days_off | official.working_days
    assert rows[date(2026, 1, 2)][0] is False
    assert rows[date(2026, 1, 10)] == (
        True,
        "12729/VPCP-KGVX: Nghỉ Tết Dương lịch 2026: hoán đổi thứ Sáu 2/1 sang thứ Bảy 10/1",
    )

    changed = cli("central", "calendar", central, "--date", "2026-01-10", "--kind", "holiday")
    assert changed.returncode == 0, changed.stderr
    ws.sync.run_once()
    calendar = ws.calendars.for_agency(AGENCY)
    assert not calendar.is_working_day(date(2026, 1, 10))  # central's own day wins
    admin = User("quantri", "", Role.ADMIN)
    ws.calendars.set_override(date(2026, 1, 2), by=admin, working=True)
    assert ws.calendars.for_agency(AGENCY).is_working_day(date(2026, 1, 2))  # and the counter's
    ws.close()


def test_central_calendar_import_refuses_bad_files_and_writes_nothing(sqlite_central, tmp_path):
    broken = tmp_path / "official.json"
    broken.write_text(json.dumps({"format": "counter-app-official-days", "version": 0}), "utf-8")
    refused = cli("central", "calendar", sqlite_central, "--import", str(broken))
    assert refused.returncode == 1 and refused.stdout == ""
    assert refused.stderr.strip() == (
        "Invalid official calendar file: version: must be a whole number, 1 or more"
    )
    missing = cli("central", "calendar", sqlite_central, "--import", str(tmp_path / "none.json"))
    assert missing.returncode == 1 and missing.stderr.count("\n") == 1
    both = cli(
        "central", "calendar", sqlite_central, "--import", str(shipped_official_days_path()),
        "--date", "2026-01-02",
    )  # fmt: skip
    no_date = cli("central", "calendar", sqlite_central, "--kind", "holiday")
    for wrong in (both, no_date):
        assert wrong.returncode == 1 and wrong.stdout == ""
        assert wrong.stderr.strip() == (
            "Give --date D with --kind or --remove, or --import FILE alone."
        )
    nothing = cli("central", "calendar", sqlite_central, "--date", "2026-01-02", "--remove")
    assert nothing.stderr.strip() == "Central has no calendar day 2026-01-02 to remove."
