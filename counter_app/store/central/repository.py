"""What the capabilities of central share, in statements that run the same on PostgreSQL
and on SQLite: the change sequence, central's settings and calendar, a counter's agencies
and what it may see, a dossier row's values.

Each function runs inside one unit of work of `CentralDatabase` (the caller's transaction), so
a push, a lease grant or a decision is committed whole or not at all; each capability has its
module beside this one (counters, exchange, conflicts, ledger, paper_store, office).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    Table,
    select,
    update,
)
from sqlalchemy.orm import Session

from counter_app.domain.calendar import CalendarOverrides, WorkingCalendar
from counter_app.domain.codes import FallbackZone
from counter_app.domain.deadlines import due_shifter
from counter_app.domain.errors import CounterError
from counter_app.domain.lifecycle import DueShift
from counter_app.store.central.dialects import insert_or_skip
from counter_app.store.central.dossier_writes import ENCODED
from counter_app.store.central.models import (
    CentralCalendarRow,
    CentralDossierRow,
    CentralSetting,
    ChangeSequence,
    CounterAgencyRow,
)
from counter_app.store.central.wire import PushHead, PushItem

DOSSIERS = CentralDossierRow.__table__


def _dialect(session: Session) -> str:
    return session.get_bind().dialect.name


def _insert_ignore(
    session: Session, table: Table, rows: list[dict], keys: list[str] | None
) -> None:
    if rows:
        session.execute(insert_or_skip(session, table, keys), rows)


def next_seq(session: Session, count: int) -> int:
    """Reserve `count` numbers of the change sequence; returns the first. The row stays locked
    until commit, so a higher number is never visible before a lower one."""
    last = session.execute(
        update(ChangeSequence)
        .where(ChangeSequence.id == 1)
        .values(value=ChangeSequence.value + count)
        .returning(ChangeSequence.value)
    ).scalar_one()
    return last - count + 1


def setting(session: Session, key: str, default: object = None) -> object:
    row = session.get(CentralSetting, key)
    return default if row is None else row.value.get("value", default)


def fallback_zone(session: Session) -> FallbackZone:
    """The zone as revision c0009 records it (`legacy`: how many counters were registered
    then, each keeping the slice of every agency its number gave it)."""
    zone = setting(session, "fallback_zone")
    return FallbackZone(**zone) if isinstance(zone, dict) else FallbackZone()


def shifter(session: Session, agency: str) -> DueShift:
    """Due-time shifts by central's calendar for the agency (default hours, central overrides)."""
    rows = session.execute(
        select(CentralCalendarRow.day, CentralCalendarRow.working).where(
            CentralCalendarRow.agency_code.in_(["", agency]), ~CentralCalendarRow.removed
        )
    ).all()
    overrides = CalendarOverrides(
        days_off=frozenset(r.day for r in rows if not r.working),
        working_days=frozenset(r.day for r in rows if r.working),
    )
    return due_shifter(WorkingCalendar(overrides=overrides))


def _agencies_of(session: Session, number: int) -> tuple[str, ...]:
    return tuple(
        session.scalars(
            select(CounterAgencyRow.agency_code)
            .where(CounterAgencyRow.counter_number == number)
            .order_by(CounterAgencyRow.agency_code)
        )
    )


def check_scope(session: Session, counter: int, agencies: set[str]) -> None:
    """What row-level security and the lease functions refuse on PostgreSQL, refused the same
    way on SQLite: a counter works only for its agencies (none recorded: every agency, the
    trial counters numbered on first contact)."""
    mine = _agencies_of(session, counter)
    outside = sorted(agencies - set(mine)) if mine else []
    if outside:
        raise CounterError(
            "central.denied", reason=f"counter {counter} does not serve agency {outside[0]}"
        )


def visible_to(counter: int, agencies: tuple[str, ...]):
    """The dossiers a counter sees: its agencies' (all when none is recorded) and those it
    received for other agencies."""
    return DOSSIERS.c.agency_code.in_(agencies) | (DOSSIERS.c.origin_counter == counter)


def _values(data: dict, version: int, writer: int, origin: int | None, at: datetime) -> dict:
    """A dossier's row of central, from its JSON."""
    return {**_columns(data["uuid"], PushHead.of(data), version, writer, origin, at), "data": data}


def _pushed_values(item: PushItem, writer: int, origin: int | None, at: datetime) -> dict:
    """A pushed dossier's row of central, its JSON as the counter encoded it (`ENCODED`),
    which a batch write puts in as it is (`dossier_writes`)."""
    return {
        **_columns(item.uuid, item.head, item.version, writer, origin, at),
        ENCODED: item.encoded,
    }


def _columns(
    uuid: str, head: PushHead, version: int, writer: int, origin: int | None, at: datetime
) -> dict:
    from counter_app.domain.clock import parse_iso

    return {
        "uuid": uuid,
        "code": head.code,
        "agency_code": head.agency,
        "status": head.status,
        "version": version,
        "written_by": writer,
        "origin_counter": origin,
        "received_at": parse_iso(head.received_at) if head.received_at else None,
        "updated_at": at,
    }
