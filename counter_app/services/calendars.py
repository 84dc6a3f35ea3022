"""Working calendars per agency: schedule from settings, national holidays, local overrides."""

from __future__ import annotations

from datetime import date
from threading import Lock

from sqlalchemy import select

from counter_app.domain.calendar import CalendarOverrides, WorkingCalendar, WorkSchedule
from counter_app.domain.deadlines import due_shifter
from counter_app.domain.lifecycle import DueShift
from counter_app.services.settings import SettingsService
from counter_app.store.database import Database
from counter_app.store.models import CalendarOverrideRow


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

    def set_schedule(self, schedule: WorkSchedule, *, agency_code: str = "") -> None:
        """Set an agency's working hours ('' = the counter's default for every agency)."""
        self._settings.set(f"schedule.{agency_code or 'default'}", schedule.to_dict())
        self.invalidate()

    def set_override(
        self, day: date, *, working: bool, agency_code: str = "", note: str = ""
    ) -> None:
        """Declare a local day off (working=False) or extra working day; '' = every agency."""
        with self._db.write() as session:
            session.merge(
                CalendarOverrideRow(agency_code=agency_code, day=day, working=working, note=note)
            )
        self.invalidate()

    def remove_override(self, day: date, *, agency_code: str = "") -> None:
        with self._db.write() as session:
            row = session.get(CalendarOverrideRow, (agency_code, day))
            if row is not None:
                session.delete(row)
        self.invalidate()
