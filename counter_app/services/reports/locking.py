"""The lock a signed day puts on its figures, checked inside the write transaction that would
change them, so no write slips between the check and the commit."""

from __future__ import annotations

from collections.abc import Iterable, Set
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.domain.clock import local
from counter_app.domain.errors import CounterError
from counter_app.domain.reports import SignOff
from counter_app.domain.wording import short_date
from counter_app.store.models import DaySignOffRow, UserRow


def latest_sign_offs(session: Session, days: Iterable[date]) -> dict[date, SignOff]:
    """Each day's latest signing (a reopened one included), for the days that were signed."""
    wanted = sorted(set(days))
    if not wanted:
        return {}
    rows = session.scalars(
        select(DaySignOffRow).where(DaySignOffRow.day.in_(wanted)).order_by(DaySignOffRow.id)
    ).all()
    return {row.day: sign_off_of(row) for row in rows}  # later rows replace earlier ones


def sign_off_of(row: DaySignOffRow) -> SignOff:
    return SignOff(
        day=row.day,
        signed_by=row.signed_by,
        signed_at=row.signed_at,
        fees_recorded=row.fees_recorded,
        cash_counted=row.cash_counted,
        difference=row.difference,
        note=row.note,
        reopened_by=row.reopened_by,
        reopened_at=row.reopened_at,
        reopen_reason=row.reopen_reason,
        early_reason=row.early_reason,
    )


def person_name(session: Session, login: str) -> str:
    """Who an account is, as messages name people: the full name, else the login."""
    name = session.scalar(select(UserRow.full_name).where(UserRow.login == login))
    return name or login


def refuse_signed_days(
    session: Session, moments: Iterable[datetime | None], *, checked: Set[date] = frozenset()
) -> set[date]:
    """Refuse a write stamped on a signed day (until a supervisor reopens it). The days
    `checked` already in the same transaction are not read again; returns every day checked."""
    days = {local(moment).date() for moment in moments if moment is not None}
    for day, sign_off in sorted(latest_sign_offs(session, days - checked).items()):
        if sign_off.locked:
            raise CounterError(
                "report.day_signed",
                day=short_date(day),
                by=person_name(session, sign_off.signed_by),
            )
    return days | checked
