"""Working calendars per agency: schedule from settings, national holidays, local overrides.

A change to a schedule or an override moves due dates, so each is an administrator's and is
audited with who made it (`setting.change` for a schedule, `calendar.override` and
`calendar.override_removed` for a day), the values before and after in the detail."""

from __future__ import annotations

from datetime import date
from threading import Lock

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.domain.calendar import CalendarOverrides, WorkingCalendar, WorkSchedule
from counter_app.domain.clock import now
from counter_app.domain.deadlines import due_shifter
from counter_app.domain.lifecycle import DueShift
from counter_app.domain.permissions import Permission, require
from counter_app.services.accounts import User
from counter_app.services.settings import SettingsService
from counter_app.store.database import Database
from counter_app.store.journal import AuditEntry, append_audit
from counter_app.store.models import CalendarOverrideRow

OVERRIDE_SET = "calendar.override"  # audit actions
OVERRIDE_REMOVED = "calendar.override_removed"


class CalendarService:
    """Builds each agency's calendar once and keeps it until the schedule or overrides change."""

    def __init__(self, database: Database, settings: SettingsService) -> None:
        self._db = database
        self._settings = settings
        self._cache: dict[str, WorkingCalendar] = {}
        self._lock = Lock()

    def for_agency(self, agency_code: str) -> WorkingCalendar:
        with self._lock:
            calendar = self._cache.get(agency_code)
            if calendar is None:
                calendar = WorkingCalendar(
                    self._settings.schedule(agency_code), self._overrides(agency_code)
                )
                self._cache[agency_code] = calendar
            return calendar

    def shifter(self, agency_code: str) -> DueShift:
        return due_shifter(self.for_agency(agency_code))

    def _overrides(self, agency_code: str) -> CalendarOverrides:
        with self._db.read() as session:
            rows = session.scalars(
                select(CalendarOverrideRow).where(
                    CalendarOverrideRow.agency_code.in_(["", agency_code])
                )
            ).all()
        return CalendarOverrides(
            days_off=frozenset(r.day for r in rows if not r.working),
            working_days=frozenset(r.day for r in rows if r.working),
        )

    def invalidate(self) -> None:
        with self._lock:
            self._cache.clear()

    def has_own_schedule(self, agency_code: str) -> bool:
        return isinstance(self._settings.value(_schedule_key(agency_code)), dict)

    def set_schedule(
        self, schedule: WorkSchedule | None, *, by: User, agency_code: str = ""
    ) -> None:
        """Set an agency's working hours ('' = the counter's default for every agency);
        None: the agency follows the default again."""
        value = None if schedule is None else schedule.to_dict()
        self._settings.change(_schedule_key(agency_code), value, by)
        self.invalidate()

    def set_override(
        self, day: date, *, by: User, working: bool, agency_code: str = "", note: str = ""
    ) -> None:
        """Declare a local day off (working=False) or extra working day; '' = every agency."""
        require(by.login, by.role, Permission.CHANGE_ADMIN_SETTING)
        with self._db.write() as session:
            before = _described(session.get(CalendarOverrideRow, (agency_code, day)))
            row = session.merge(
                CalendarOverrideRow(agency_code=agency_code, day=day, working=working, note=note)
            )
            _audit(session, by, OVERRIDE_SET, day, agency_code, before, _described(row))
        self.invalidate()

    def remove_override(self, day: date, *, by: User, agency_code: str = "") -> None:
        require(by.login, by.role, Permission.CHANGE_ADMIN_SETTING)
        with self._db.write() as session:
            row = session.get(CalendarOverrideRow, (agency_code, day))
            if row is not None:
                before = _described(row)
                session.delete(row)
                _audit(session, by, OVERRIDE_REMOVED, day, agency_code, before, None)
        self.invalidate()


def _schedule_key(agency_code: str) -> str:
    return f"schedule.{agency_code or 'default'}"


def _described(row: CalendarOverrideRow | None) -> dict[str, object] | None:
    return None if row is None else {"working": row.working, "note": row.note}


def _audit(
    session: Session,
    by: User,
    action: str,
    day: date,
    agency_code: str,
    before: dict[str, object] | None,
    after: dict[str, object] | None,
) -> None:
    detail = {"agency": agency_code, "before": before, "after": after}
    append_audit(session, [AuditEntry(now(), by.login, action, day.isoformat(), detail)])
