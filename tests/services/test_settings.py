"""SettingsService reads typed values and writes checked, permitted, audited changes; the
calendar's changes that move due dates are audited with the account that made them."""

from __future__ import annotations

import json
import sqlite3
from datetime import date

import pytest
from sqlalchemy import select

from counter_app.domain.calendar import WorkSchedule
from counter_app.domain.errors import CounterError
from counter_app.services.accounts import Role
from counter_app.store.models import AuditRow, CalendarOverrideRow
from tests.conftest import AGENCY, TEN_DAYS, intake_json, vn

SIX_DAYS = {"weekdays": [0, 1, 2, 3, 4, 5], "periods": [["07:30", "11:30"], ["13:00", "17:00"]]}


def audit_lines(ws, action: str) -> list[tuple[str, str, dict]]:  # type: ignore[no-untyped-def]
    with ws.database.read() as session:
        rows = session.scalars(select(AuditRow).where(AuditRow.action == action)).all()
        return [(row.actor, row.subject, row.detail) for row in rows]


def test_a_missing_or_malformed_value_reads_as_the_declared_default(ws) -> None:  # type: ignore[no-untyped-def]
    assert ws.settings.value("ui.font_size") == 11
    for stored in (40, "12", True, None, {"size": 12}):
        ws.settings.set("ui.font_size", stored)
        assert ws.settings.value("ui.font_size") == 11
        assert ws.settings.listing()["ui.font_size"] == 11
    ws.settings.set("ui.font_size", 14)
    assert ws.settings.number("ui.font_size") == 14
    ws.settings.set("counter.name", 42)
    assert ws.settings.identity().name == "Bộ phận Một cửa"


def test_a_row_that_cannot_be_read_falls_back_to_the_default_and_spoils_no_other(ws) -> None:  # type: ignore[no-untyped-def]
    """Settings are read straight from SQLite (`store/settings.py`): a value damaged on disk
    is left out like a missing one, never a traceback."""
    ws.settings.set("ui.font_size", 14)
    ws.settings.set("counter.name", "Bộ phận Một cửa xã Hữu Lũng")
    with sqlite3.connect(ws.database.path) as raw:
        raw.execute("UPDATE settings SET value = '{not json' WHERE key = 'ui.font_size'")
        raw.execute("INSERT INTO settings (key, value) VALUES ('counter.desk', '[3]')")
    assert ws.settings.value("ui.font_size") == 11
    assert ws.settings.get("ui.font_size", "none") == "none"
    assert "ui.font_size" not in ws.settings.all() and "counter.desk" not in ws.settings.all()
    assert ws.settings.identity().name == "Bộ phận Một cửa xã Hữu Lũng"
    assert ws.settings.identity().desk_number is None


def test_a_setting_written_by_another_connection_is_read_at_once(ws) -> None:  # type: ignore[no-untyped-def]
    """Nothing is cached: the sync worker and the command line write from other processes."""
    assert ws.settings.schedule(AGENCY) == WorkSchedule()
    with sqlite3.connect(ws.database.path) as raw:
        raw.execute(
            "INSERT INTO settings (key, value) VALUES (?, ?)",
            (f"schedule.{AGENCY}", json.dumps({"value": SIX_DAYS})),
        )
    assert ws.settings.schedule(AGENCY) == WorkSchedule.from_dict(SIX_DAYS)
    assert ws.settings.get(f"schedule.{AGENCY}") == SIX_DAYS


def test_a_unit_of_work_reads_back_what_it_put_and_others_see_it_once_committed(ws) -> None:  # type: ignore[no-untyped-def]
    from counter_app.store.settings import get_setting, put_setting, settings_in

    with ws.database.write() as session:
        put_setting(session, "sync.attachments", {"after": 7})
        assert get_setting(session, "sync.attachments") == {"after": 7}
        put_setting(session, "sync.attachments", {"after": 8})
        assert settings_in(session, ["sync.attachments", "no.such"]) == {
            "sync.attachments": {"after": 8}
        }
        assert ws.settings.get("sync.attachments") is None  # not committed yet
    assert ws.settings.get("sync.attachments") == {"after": 8}


def test_a_change_is_checked_and_stores_nothing_when_refused(ws, admin_user) -> None:  # type: ignore[no-untyped-def]
    ws.settings.change("ui.font_size", 13, admin_user)
    for key, value in [("ui.font_size", 21), ("ui.language", "fr"), ("no.such", 1)]:
        with pytest.raises(CounterError):
            ws.settings.change(key, value, admin_user)
    assert ws.settings.get("ui.font_size") == 13
    assert ws.settings.get("ui.language") is None and ws.settings.get("no.such") is None


def test_who_may_change_follows_the_registry_and_the_permissions_table(
    ws, officer, admin_user
) -> None:  # type: ignore[no-untyped-def]
    boss = ws.accounts.add_user("truong", Role.SUPERVISOR, "matkhau123", "Trần Văn Bình")
    for user in (officer, boss):
        with pytest.raises(CounterError) as refused:
            ws.settings.change("counter.name", "Quầy khác", user)
        assert refused.value.key == "permission.denied"
    assert ws.settings.get("counter.name") is None
    ws.settings.change("digitising.watch_folder", "/srv/scans", officer)  # a desk setting
    assert ws.settings.value("digitising.watch_folder") == "/srv/scans"
    with pytest.raises(CounterError) as refused:
        ws.settings.change("sync.cursors", {}, admin_user)
    assert refused.value.key == "setting.system"


def test_an_audited_setting_records_who_and_the_values_before_and_after(ws, admin_user) -> None:  # type: ignore[no-untyped-def]
    ws.settings.change("counter.name", "Quầy xã A", admin_user)
    ws.settings.change("counter.name", "Quầy xã A", admin_user)  # no change: no line
    ws.settings.change("counter.name", "Quầy xã B", admin_user)
    ws.settings.change("ui.font_size", 12, admin_user)  # not declared audited
    assert audit_lines(ws, "setting.change") == [
        ("quantri", "counter.name", {"before": None, "after": "Quầy xã A"}),
        ("quantri", "counter.name", {"before": "Quầy xã A", "after": "Quầy xã B"}),
    ]
    assert ws.audit.verify() > 0


def test_a_schedule_change_moves_due_dates_and_is_audited(ws, officer, admin_user) -> None:  # type: ignore[no-untyped-def]
    schedule = WorkSchedule.from_dict(SIX_DAYS)
    ws.calendars.set_schedule(schedule, by=admin_user, agency_code=AGENCY)
    assert ws.calendars.has_own_schedule(AGENCY)
    ws.calendars.set_schedule(None, by=admin_user, agency_code=AGENCY)
    assert not ws.calendars.has_own_schedule(AGENCY)
    key = f"schedule.{AGENCY}"
    assert audit_lines(ws, "setting.change") == [
        ("quantri", key, {"before": None, "after": schedule.to_dict()}),
        ("quantri", key, {"before": schedule.to_dict(), "after": None}),
    ]
    with pytest.raises(CounterError) as refused:
        ws.calendars.set_schedule(schedule, by=officer)
    assert refused.value.key == "permission.denied"
    assert not isinstance(ws.settings.get("schedule.default"), dict)


def test_a_calendar_override_is_audited_with_its_author_and_refused_to_staff(
    ws, officer, admin_user
) -> None:  # type: ignore[no-untyped-def]
    from counter_app.services.intake import request_from_json

    day = date(2025, 5, 5)
    at = vn(2025, 4, 24, 9, 30)
    before = ws.intake.receive(request_from_json(intake_json(TEN_DAYS)), user=officer, at=at)
    with pytest.raises(CounterError) as refused:
        ws.calendars.set_override(day, by=officer, working=False, agency_code=AGENCY)
    assert refused.value.key == "permission.denied"
    ws.calendars.set_override(day, by=admin_user, working=False, agency_code=AGENCY, note="Lễ")
    ws.calendars.set_override(day, by=admin_user, working=True, agency_code=AGENCY, note="Bù")
    after = ws.intake.receive(request_from_json(intake_json(TEN_DAYS)), user=officer, at=at)
    assert after.due_at == before.due_at  # a working day again
    with pytest.raises(CounterError):
        ws.calendars.remove_override(day, by=officer, agency_code=AGENCY)
    ws.calendars.remove_override(day, by=admin_user, agency_code=AGENCY)
    assert audit_lines(ws, "calendar.override") == [
        ("quantri", "2025-05-05", {"agency": AGENCY, "before": None,
                                   "after": {"working": False, "note": "Lễ"}}),
        ("quantri", "2025-05-05", {"agency": AGENCY, "before": {"working": False, "note": "Lễ"},
                                   "after": {"working": True, "note": "Bù"}}),
    ]  # fmt: skip
    assert audit_lines(ws, "calendar.override_removed") == [
        ("quantri", "2025-05-05",
         {"agency": AGENCY, "before": {"working": True, "note": "Bù"}, "after": None}),
    ]  # fmt: skip
    with ws.database.read() as session:
        assert session.scalars(select(CalendarOverrideRow)).all() == []
    assert ws.audit.verify() > 0
