"""The figures as SQL: grouped counts and sums over the dossier table, never the dossiers
themselves, so a year of 200,000 dossiers is one pass of the database, not 200,000 objects.

Each condition here is the SQL twin of a rule in `counter_app.domain.reports`; the tests hold
the two to the same answers."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Integer, and_, case, cast, exists, func, not_, or_, select
from sqlalchemy.orm import Session

from counter_app.domain.catalog import FeeCollection
from counter_app.domain.dossier import OPEN_STATES, Channel, ReturnMethod, Timeliness
from counter_app.domain.reports import (
    ENDED_UNRESOLVED,
    NOT_RECEIVED,
    PAUSED,
    DueItem,
    Outcomes,
    PeriodRow,
    cash_at_return,
    day_bounds,
    empty_channels,
)
from counter_app.store.models import (
    AgencyRow,
    DossierRow,
    FeeLineRow,
    HistoryRow,
    PaymentRow,
    ProcedureRow,
)

D = DossierRow
_NOT_RECEIVED = [status.value for status in NOT_RECEIVED]
_ENDED = [status.value for status in ENDED_UNRESOLVED]
_PAUSED = [status.value for status in PAUSED]
_OPEN = [status.value for status in OPEN_STATES]
# Vietnam keeps +07:00 all year; the store keeps UTC. SQLite shifts for grouping by local hour.
_LOCAL = "+7 hours"


def counted() -> ColumnElement[bool]:
    return D.status.not_in(_NOT_RECEIVED)


def received_between(start: datetime, end: datetime) -> ColumnElement[bool]:
    return and_(D.received_at >= start, D.received_at < end, counted())


def moved_by(action: str, officer: str, start: datetime, end: datetime) -> ColumnElement[bool]:
    """The officer made this move of the dossier within [start, end)."""
    return exists().where(
        HistoryRow.dossier_uuid == D.uuid,
        HistoryRow.action == action,
        HistoryRow.actor == officer,
        HistoryRow.at >= start,
        HistoryRow.at < end,
    )


# --- the daily review
def received_groups(
    session: Session, start: datetime, end: datetime, officer: str | None
) -> list[tuple[str, str, str, str, str, int, int]]:
    """(channel, procedure, procedure name, agency, officer, local hour, count) of the day."""
    hour = cast(func.strftime("%H", D.received_at, _LOCAL), Integer)
    query = (
        select(
            D.channel,
            D.procedure_code,
            func.max(D.procedure_name),
            D.agency_code,
            D.received_by,
            hour,
            func.count(),
        )
        .where(received_between(start, end))
        .group_by(D.channel, D.procedure_code, D.agency_code, D.received_by, hour)
    )
    if officer is not None:
        query = query.where(D.received_by == officer)
    return [tuple(row) for row in session.execute(query)]  # type: ignore[misc]


def fees(session: Session, start: datetime, end: datetime, officer: str | None) -> dict[str, int]:
    """Fees by collection form. Collected "before" at intake: fees of the dossiers received
    that day; collected "after" at the return: of those handed back that day; "exempt": what
    was waived on the day's intake."""
    amount = func.coalesce(func.sum(FeeLineRow.amount * FeeLineRow.quantity), 0)
    joined = select(FeeLineRow.collection, amount).join(D, D.uuid == FeeLineRow.dossier_uuid)
    at_intake = joined.where(
        received_between(start, end), FeeLineRow.collection != FeeCollection.AFTER.value
    )
    if officer is not None:
        at_intake = at_intake.where(D.received_by == officer)
    returned = returned_between(start, end, officer)
    # likely(): without it SQLite read every fee line for the few collected "after" instead
    # of the day's returns on their index.
    at_return = joined.where(
        returned, func.likely(FeeLineRow.collection == FeeCollection.AFTER.value)
    )
    by_collection = {collection.value: 0 for collection in FeeCollection}
    for query in (at_intake, at_return):
        for collection, total in session.execute(query.group_by(FeeLineRow.collection)):
            by_collection[collection] = by_collection.get(collection, 0) + int(total)
    return by_collection


def cash_unrecorded_at_return(
    session: Session, start: datetime, end: datetime, officer: str | None
) -> int:
    """The cash of the results handed back at the counter that day that no payment records
    (see `cash_at_return`), per dossier."""
    line = FeeLineRow.amount * FeeLineRow.quantity
    after = func.sum(case((FeeLineRow.collection == FeeCollection.AFTER.value, line), else_=0))
    owed = func.sum(case((FeeLineRow.collection != FeeCollection.EXEMPT.value, line), else_=0))
    # Per returned dossier, on the payments' index: every dossier has its payments since
    # intake records them, and summing them all first read the whole table (0.7 s at 200,000).
    # Grouped by the fee line's column: grouped by the dossier's key, SQLite walked every
    # dossier in key order instead of the day's returns on their index (0.4 s).
    paid = (
        select(func.coalesce(func.sum(PaymentRow.amount), 0))
        .where(PaymentRow.dossier_uuid == D.uuid)
        .scalar_subquery()
    )
    query = (
        select(after, owed, paid)
        .join(D, D.uuid == FeeLineRow.dossier_uuid)
        .where(returned_between(start, end, officer), D.return_method == ReturnMethod.COUNTER.value)
        .group_by(FeeLineRow.dossier_uuid)
    )
    return sum(cash_at_return(int(a), int(o), int(p)) for a, o, p in session.execute(query))


def returned_between(start: datetime, end: datetime, officer: str | None) -> ColumnElement[bool]:
    condition = and_(D.returned_at >= start, D.returned_at < end)
    if officer is not None:
        condition = and_(condition, moved_by("return", officer, start, end))
    return condition


def resolved_outcomes(
    session: Session, start: datetime, end: datetime, officer: str | None
) -> Outcomes:
    condition = and_(D.completed_at >= start, D.completed_at < end)
    if officer is not None:
        condition = and_(condition, moved_by("resolve", officer, start, end))
    query = select(D.timeliness, func.count()).where(condition).group_by(D.timeliness)
    counts: dict[str, int] = {}
    for timeliness, count in session.execute(query):
        key = timeliness or Timeliness.ON_TIME.value  # no deadline counts as on time
        counts[key] = counts.get(key, 0) + count
    return Outcomes(
        before=counts.get(Timeliness.EARLY.value, 0),
        on=counts.get(Timeliness.ON_TIME.value, 0),
        late=counts.get(Timeliness.LATE.value, 0),
    )


def returned_count(session: Session, start: datetime, end: datetime, officer: str | None) -> int:
    query = select(func.count()).select_from(D).where(returned_between(start, end, officer))
    return session.scalar(query) or 0


def due_items(session: Session, condition: ColumnElement[bool]) -> tuple[DueItem, ...]:
    query = select(
        D.code,
        D.procedure_name,
        D.applicant_name,
        D.agency_code,
        D.status,
        D.due_at,
        D.received_by,
    ).where(condition, D.due_at.is_not(None))
    # Sorted here, not by ORDER BY, which would draw SQLite to the due_at index.
    items = sorted(session.execute(query), key=lambda row: (row.due_at, row.code))
    return tuple(
        DueItem(code or "", procedure, applicant, agency, status, due_at, officer)
        for code, procedure, applicant, agency, status, due_at, officer in items
        if due_at is not None  # the query's condition, said again for the type checker
    )


# What reading a dossier's row for each index entry costs against reading the entry alone:
# 87,000 rows by the due_at index took 330 ms, 101,000 entries of (completed_at, due_at) 28 ms.
ROW_READS_PER_INDEX_ENTRY = 10


def overdue(
    session: Session, moment: datetime, officer: str | None, *, at: datetime
) -> tuple[DueItem, ...]:
    """Open at `moment` (received before, not resolved by then, its clock running as far as
    the current state tells) and past due by then; `at` is now.

    Two queries, each on its own index: the ones open now by (status, due_at); the ones
    resolved since `moment` by (completed_at, due_at), which checks the due time on the index,
    unless the days due before `moment` are so few that reading each of their rows costs less
    (SQLite keeps no histogram to tell): `likely()` marks the other term as unselective."""
    still_open = and_(
        D.status.in_(_OPEN), D.completed_at.is_(None), D.due_at < moment, D.received_at < moment
    )
    due_before = D.due_at < moment
    first_due = session.scalar(select(func.min(D.due_at)))
    if first_due is not None and at - moment <= ROW_READS_PER_INDEX_ENTRY * (moment - first_due):
        due_before = func.likely(due_before)
    resolved_since = and_(
        D.completed_at >= moment, due_before, func.likely(D.received_at < moment), counted()
    )
    items = due_items(session, _by_officer(still_open, officer)) + due_items(
        session, _by_officer(resolved_since, officer)
    )
    return tuple(sorted(items, key=lambda item: (item.due_at, item.code)))


def due_within(
    session: Session, day: date, open_moment: datetime, officer: str | None
) -> tuple[DueItem, ...]:
    """Due within `day`, not yet resolved at `open_moment`."""
    start, end = day_bounds(day)
    not_resolved = or_(
        D.completed_at >= open_moment,
        and_(D.completed_at.is_(None), D.status.not_in(_ENDED)),
    )
    condition = and_(D.due_at >= start, D.due_at < end, counted(), not_resolved)
    return due_items(session, _by_officer(condition, officer))


def _by_officer(condition: ColumnElement[bool], officer: str | None) -> ColumnElement[bool]:
    return condition if officer is None else and_(condition, D.received_by == officer)


def trend(
    session: Session, day: date, days: int, officer: str | None
) -> tuple[tuple[date, int], ...]:
    """Dossiers received on each of the `days` days up to `day`: all those that came in, less
    the ones never received (NOT_RECEIVED, few). Asking for the received ones alone would read
    every row of the month for its status; these two counts read the indexes (0.05 s less of
    `report daily` with 200,000 dossiers)."""
    first = day - timedelta(days=days - 1)
    start, _ = day_bounds(first)
    _, end = day_bounds(day)
    local_day = func.date(D.received_at, _LOCAL)

    def per_day(*conditions: ColumnElement[bool]) -> dict[date, int]:
        query = (
            select(local_day, func.count())
            .where(D.received_at >= start, D.received_at < end, *conditions)
            .group_by(local_day)
        )
        if officer is not None:
            query = query.where(D.received_by == officer)
        return {date.fromisoformat(text): count for text, count in session.execute(query)}

    came_in = per_day()
    not_received = per_day(D.status.in_(_NOT_RECEIVED))
    return tuple(
        (moment, came_in.get(moment, 0) - not_received.get(moment, 0))
        for moment in (first + timedelta(days=n) for n in range(days))
    )


def channels_of(groups: list[tuple[Any, ...]]) -> dict[str, int]:
    result = empty_channels()
    for channel, *_, count in groups:
        result[channel] = result.get(channel, 0) + count
    return result


def sum_by(groups: list[tuple[Any, ...]], index: int) -> dict[Any, int]:
    result: dict[Any, int] = defaultdict(int)
    for group in groups:
        result[group[index]] += group[-1]
    return dict(sorted(result.items()))


# --- the period report
def period_rows(
    session: Session, start: datetime, end: datetime, at: datetime
) -> list[tuple[str, str, str, PeriodRow]]:
    """(agency, procedure, procedure name, figures) for every procedure with a dossier in
    play during [start, end); "in progress" is judged at `at` (the period's end, or now)."""
    new = D.received_at >= start
    carried = and_(
        D.received_at < start,
        or_(D.completed_at >= start, and_(D.completed_at.is_(None), D.status.not_in(_ENDED))),
    )
    resolved = and_(D.completed_at >= start, D.completed_at < end)
    in_progress = or_(
        D.completed_at >= end, and_(D.completed_at.is_(None), D.status.not_in(_ENDED))
    )
    late_now = and_(D.due_at.is_not(None), D.due_at < at, not_(D.status.in_(_PAUSED)))
    late_then = or_(
        and_(D.completed_at.is_not(None), D.due_at.is_not(None), D.due_at < at),
        and_(D.completed_at.is_(None), late_now),
    )

    def count_if(*conditions: ColumnElement[bool]) -> ColumnElement[int]:
        return func.coalesce(func.sum(case((and_(*conditions), 1), else_=0)), 0)

    online = D.channel == Channel.ONLINE.value
    on_time = or_(D.timeliness == Timeliness.ON_TIME.value, D.timeliness.is_(None))
    query = (
        select(
            D.agency_code,
            D.procedure_code,
            count_if(new),
            count_if(carried),
            count_if(online, or_(new, carried)),
            count_if(resolved, D.timeliness == Timeliness.EARLY.value),
            count_if(resolved, on_time),
            count_if(resolved, D.timeliness == Timeliness.LATE.value),
            count_if(in_progress, not_(late_then)),
            count_if(in_progress, late_then),
        )
        .where(
            func.likely(D.received_at < end),  # unselective: scan ix_dossiers_period
            counted(),
            func.likely(or_(D.completed_at.is_(None), D.completed_at >= start)),
        )
        .group_by(D.agency_code, D.procedure_code)
        .order_by(D.agency_code, D.procedure_code)
    )
    counted_rows = session.execute(query).all()
    names = procedure_names(session, {row[1] for row in counted_rows})
    rows = []
    for agency, procedure, *numbers in counted_rows:
        name = names.get(procedure, procedure)
        rows.append((agency, procedure, name, PeriodRow(procedure, name, *map(int, numbers))))
    return rows


def procedure_names(session: Session, codes: set[str]) -> dict[str, str]:
    """Names from the catalog; a procedure since removed from it, by a dossier of it."""
    found = dict(
        session.execute(
            select(ProcedureRow.code, ProcedureRow.name).where(ProcedureRow.code.in_(codes))
        ).all()
    )
    for code in codes - set(found):
        name = session.scalar(select(D.procedure_name).where(D.procedure_code == code).limit(1))
        found[code] = name or code
    return found


def agency_names(session: Session) -> dict[str, str]:
    return dict(session.execute(select(AgencyRow.code, AgencyRow.name)).all())


# --- the tracking book
BOOK_COLUMNS = (
    D.code,
    D.procedure_name,
    D.sets,
    D.applicant_name,
    D.address,
    D.phone,
    D.received_at,
    D.due_at,
    D.returned_at,
    D.collector_name,
    D.collector_authorised,
    D.status,
    D.return_method,
)


def book_rows(session: Session, start: datetime, end: datetime) -> list[tuple[Any, ...]]:
    """One row per dossier received in [start, end), in order of receipt (as the printed book)."""
    query = (
        select(*BOOK_COLUMNS)
        .where(D.received_at >= start, D.received_at < end, D.code.is_not(None))
        .order_by(D.received_at, D.code)
    )
    return [tuple(row) for row in session.execute(query)]
