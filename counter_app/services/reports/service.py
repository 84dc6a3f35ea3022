"""The supervisor's review: what came in, what is due and late, the province's figures for a
period, the end-of-day sign-off that locks a day, and the papers to file (XLSX, PDF)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select

from counter_app.domain.catalog import FeeCollection
from counter_app.domain.clock import iso, local, now
from counter_app.domain.errors import CounterError
from counter_app.domain.limits import NOTE_LIMIT, check_work_day
from counter_app.domain.permissions import Permission, allowed, require
from counter_app.domain.ratings import review_of
from counter_app.domain.reports import (
    TREND_DAYS,
    DailyReview,
    MethodTotal,
    PeriodReport,
    PeriodRow,
    SignOff,
    day_bounds,
    total_of,
)
from counter_app.domain.text import checked_text
from counter_app.domain.wording import short_date, thousands
from counter_app.services.accounts import AccountService, User
from counter_app.services.calendars import CalendarService
from counter_app.services.catalog import CatalogService
from counter_app.services.outputs import write_atomically
from counter_app.services.payments import Method
from counter_app.services.reports import figures
from counter_app.services.reports.locking import latest_sign_offs, person_name, sign_off_of
from counter_app.services.reports.words import TOTAL
from counter_app.services.settings import SettingsService
from counter_app.store.database import Database, Session
from counter_app.store.journal import AuditEntry, append_audit
from counter_app.store.models import DaySignOffRow
from counter_app.store.ratings import payments_by_method, rating_rows

if TYPE_CHECKING:
    from counter_app.services.reports.pdf import Heading

WAIVED = FeeCollection.EXEMPT.value  # recorded, never collected
SIGNED = "day.sign_off"  # audit actions
REOPENED = "day.reopen"


def payments_of_day(
    session: Session, start: datetime, end: datetime, officer: str | None
) -> dict[str, MethodTotal]:
    """Every method of paying, in its order, with what was recorded by it (none: zero)."""
    recorded = payments_by_method(session, start, end, officer)
    return {method.value: recorded.get(method.value, MethodTotal()) for method in Method}


def cash_of_day(session: Session, start: datetime, end: datetime, officer: str | None) -> int:
    """The cash the day took, what the sign-off reconciles: the payments recorded in cash
    (at intake, on marking fees paid) and what counter returns took that no payment records."""
    recorded = payments_by_method(session, start, end, officer).get(Method.CASH.value)
    unrecorded = figures.cash_unrecorded_at_return(session, start, end, officer)
    return (recorded.amount if recorded else 0) + unrecorded


class ReportService:
    def __init__(
        self,
        database: Database,
        calendars: CalendarService,
        settings: SettingsService,
        catalog: CatalogService,
        accounts: AccountService,
        *,
        clock: Callable[[], datetime] = now,
    ) -> None:
        self._db = database
        self._calendars = calendars
        self._settings = settings
        self._catalog = catalog
        self._accounts = accounts
        self.clock = clock

    # --- figures
    def daily(self, day: date, *, user: User, officer: str | None = None) -> DailyReview:
        """The day's review; staff see only their own day whatever they ask for."""
        if not allowed(user.role, Permission.SEE_COUNTER_REPORTS):
            officer = user.login
        elif officer is not None:
            officer = officer.strip().lower() or None
        start, end = day_bounds(check_work_day(day))
        current = local(self.clock())
        moment = min(current, end)  # the state at the day's end, or now if earlier
        tomorrow = self._calendars.for_agency("").next_working_day(day)
        with self._db.read() as session:
            groups = figures.received_groups(session, start, end, officer)
            by_collection = figures.fees(session, start, end, officer)
            payments = payments_of_day(session, start, end, officer)
            outcomes = figures.resolved_outcomes(session, start, end, officer)
            return DailyReview(
                day=day,
                officer=officer,
                received=sum(group[-1] for group in groups),
                by_channel=figures.channels_of(groups),
                by_procedure=figures.sum_by(groups, 1),
                procedure_names={group[1]: group[2] for group in groups},
                by_agency=figures.sum_by(groups, 3),
                by_officer=figures.sum_by(groups, 4),
                by_hour=figures.sum_by(groups, 5),
                fees_by_collection=by_collection,
                fees_total=sum(amount for key, amount in by_collection.items() if key != WAIVED),
                resolved=outcomes.total,
                returned=figures.returned_count(session, start, end, officer),
                on_time=outcomes,
                overdue=figures.overdue(session, moment, officer, at=current),
                due_today=figures.due_within(session, day, start, officer),
                due_tomorrow=figures.due_within(session, tomorrow, moment, officer),
                trend=figures.trend(session, day, TREND_DAYS, officer),
                sign_off=latest_sign_offs(session, [day]).get(day),
                cash_fees=cash_of_day(session, start, end, officer),
                ratings=review_of(rating_rows(session, start, end, officer)),
                payments=payments,
            )

    def period(self, start: date, end: date, *, user: User) -> PeriodReport:
        """The provincial report from `start` to `end` (both included)."""
        require(user.login, user.role, Permission.SEE_PERIOD_REPORT)
        if start > end:
            raise CounterError("report.range", start=short_date(start), end=short_date(end))
        first, _ = day_bounds(check_work_day(start))
        _, last = day_bounds(check_work_day(end))
        at = min(local(self.clock()), last)
        with self._db.read() as session:
            lines = figures.period_rows(session, first, last, at)
            agency_names = figures.agency_names(session)
            ratings = review_of(rating_rows(session, first, last))
        by_procedure = tuple(row for _, _, _, row in lines)
        by_agency: dict[str, list[PeriodRow]] = {}
        for agency, _, _, row in lines:
            by_agency.setdefault(agency, []).append(row)
        agencies = tuple(
            total_of(rows, key=code, name=agency_names.get(code, code))
            for code, rows in sorted(by_agency.items())
        )
        return PeriodReport(
            start=start,
            end=end,
            total=total_of(agencies, key="", name=TOTAL),
            by_agency=agencies,
            by_procedure=by_procedure,
            procedure_agency={procedure: agency for agency, procedure, _, _ in lines},
            ratings=ratings,
        )

    # --- sign-off
    def sign_off_state(self, day: date) -> SignOff | None:
        with self._db.read() as session:
            return latest_sign_offs(session, [day]).get(day)

    def closing_time(self, day: date) -> datetime | None:
        """When the counter closes on `day` by its working calendar (None: not a working day)."""
        calendar = self._calendars.for_agency("")
        return calendar.end_of_day(day) if calendar.is_working_day(day) else None

    def closes_later(self, day: date) -> datetime | None:
        """The closing time of `day` if the counter is still open now: signing the day off
        then locks the rest of its working hours (every intake and move of the day)."""
        closing = self.closing_time(day)
        return closing if closing is not None and local(self.clock()) < closing else None

    def sign_off(
        self,
        day: date,
        *,
        user: User,
        cash_counted: int,
        note: str = "",
        early_reason: str = "",
    ) -> SignOff:
        """Sign the day: its figures are locked from now on. The cash counted is reconciled
        with the fees recorded as paid in cash; any difference needs a note, kept with it.
        Before the counter's closing time the lock would stop the rest of the day's work:
        that takes a reason (`early_reason`), kept with the signing."""
        require(user.login, user.role, Permission.SIGN_OFF_DAY)
        at = local(self.clock())
        if day > at.date():
            raise CounterError("report.future_day", day=short_date(day))
        if isinstance(cash_counted, bool) or not isinstance(cash_counted, int) or cash_counted < 0:
            raise CounterError("report.cash_amount", value=cash_counted)
        note = checked_text("note", note, NOTE_LIMIT)
        early_reason = checked_text("early_reason", early_reason, NOTE_LIMIT)
        closing = self.closes_later(day)
        if closing is not None and not early_reason:
            raise CounterError(
                "report.sign_off_early", day=short_date(day), closing=f"{local(closing):%H:%M}"
            )
        if closing is None:
            early_reason = ""  # the day's work is over: nothing to explain
        start, end = day_bounds(check_work_day(day))
        with self._db.write() as session:
            current = latest_sign_offs(session, [day]).get(day)
            if current is not None and current.locked:
                raise CounterError(
                    "report.already_signed",
                    day=short_date(day),
                    by=person_name(session, current.signed_by),
                    at=iso(current.signed_at),
                )
            recorded = cash_of_day(session, start, end, None)
            difference = cash_counted - recorded
            if difference and not note:
                raise CounterError(
                    "report.cash_over_note_required"
                    if difference > 0
                    else "report.cash_short_note_required",
                    counted=thousands(cash_counted),
                    recorded=thousands(recorded),
                    difference=thousands(abs(difference)),
                )
            row = DaySignOffRow(
                day=day,
                signed_by=user.login,
                signed_at=at,
                fees_recorded=recorded,
                cash_counted=cash_counted,
                difference=difference,
                note=note,
                early_reason=early_reason,
            )
            session.add(row)
            session.flush()
            signed = sign_off_of(row)
            detail = {
                "fees_recorded": recorded,
                "cash_counted": cash_counted,
                "difference": difference,
                "note": note,
            }
            if early_reason:
                detail["early_reason"] = early_reason
            append_audit(session, [AuditEntry(at, user.login, SIGNED, day.isoformat(), detail)])
        return signed

    def reopen(self, day: date, *, user: User, reason: str) -> SignOff:
        """A supervisor's override: the day takes changes again until it is signed again."""
        require(user.login, user.role, Permission.SIGN_OFF_DAY)
        reason = checked_text("note", reason, NOTE_LIMIT)
        if not reason:
            raise CounterError("report.reopen_reason_required", day=short_date(day))
        at = local(self.clock())
        with self._db.write() as session:
            row = session.scalar(
                select(DaySignOffRow)
                .where(DaySignOffRow.day == day)
                .order_by(DaySignOffRow.id.desc())
                .limit(1)
            )
            if row is None or row.reopened_at is not None:
                raise CounterError("report.not_signed", day=short_date(day))
            row.reopened_by = user.login
            row.reopened_at = at
            row.reopen_reason = reason
            session.flush()
            reopened = sign_off_of(row)
            detail = {"reason": reason, "signed_by": row.signed_by, "signed_at": iso(row.signed_at)}
            append_audit(session, [AuditEntry(at, user.login, REOPENED, day.isoformat(), detail)])
        return reopened

    def sign_off_history(self, day: date) -> list[SignOff]:
        """Every signing of the day, oldest first, with the reopenings between them."""
        with self._db.read() as session:
            rows = session.scalars(
                select(DaySignOffRow).where(DaySignOffRow.day == day).order_by(DaySignOffRow.id)
            ).all()
            return [sign_off_of(row) for row in rows]

    # --- exports (the writers are imported on first use: openpyxl and reportlab stay out of
    # the window's start-up)
    def export_daily_xlsx(
        self, day: date, path: Path, *, user: User, officer: str | None = None
    ) -> Path:
        from counter_app.services.reports.xlsx import daily_workbook

        review = self.daily(day, user=user, officer=officer)
        return _write(path, daily_workbook(review, self._officer_names()))

    def export_daily_pdf(
        self, day: date, path: Path, *, user: User, officer: str | None = None
    ) -> Path:
        from counter_app.services.reports.pdf import daily_pdf

        review = self.daily(day, user=user, officer=officer)
        return _write(path, daily_pdf(review, self._heading(), self._officer_names()))

    def export_period_xlsx(self, start: date, end: date, path: Path, *, user: User) -> Path:
        from counter_app.services.reports.xlsx import period_workbook

        return _write(path, period_workbook(self.period(start, end, user=user)))

    def export_period_pdf(self, start: date, end: date, path: Path, *, user: User) -> Path:
        from counter_app.services.reports.pdf import period_pdf

        report = self.period(start, end, user=user)
        return _write(path, period_pdf(report, self._heading()))

    def export_book_xlsx(self, start: date, end: date, path: Path, *, user: User) -> Path:
        """The tracking book (sổ theo dõi hồ sơ) of the dossiers received in the period; every
        officer keeps it, so every role may export it."""
        from counter_app.services.reports.xlsx import book_workbook

        if start > end:
            raise CounterError("report.range", start=short_date(start), end=short_date(end))
        first, _ = day_bounds(check_work_day(start))
        _, last = day_bounds(check_work_day(end))
        with self._db.read() as session:
            rows = figures.book_rows(session, first, last)
        return _write(path, book_workbook(start, end, rows))

    def _officer_names(self) -> dict[str, str]:
        return {u.login: u.full_name for u in self._accounts.users() if u.full_name}

    def _heading(self) -> Heading:
        from counter_app.services.printing.paper_settings import PaperSettings
        from counter_app.services.reports.pdf import Heading

        settings = PaperSettings.from_values(self._settings.all())
        roots = [a for a in self._catalog.agencies().values() if not a.parent_code]
        parent = settings.parent_agency_name or (roots[0].name if len(roots) == 1 else "")
        return Heading(
            parent_name=parent,
            counter_name=self._settings.identity().name,
            place=settings.place,
            printed_at=local(self.clock()),
        )


def _write(path: Path, data: bytes) -> Path:
    return write_atomically(Path(path), data)
