"""Drawing dossier numbers from the ranges this counter owns (see counter_app.domain.codes).

Runs inside a write transaction (BEGIN IMMEDIATE), so two processes never read the same
next number; the unique index on dossiers.code would refuse a duplicate anyway."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import bindparam, insert, select, tuple_, update
from sqlalchemy.orm import Session

from counter_app.domain.codes import (
    MAX_NUMBER,
    FallbackZone,
    NumberRange,
    RangeSource,
    pick_range,
)
from counter_app.domain.errors import CounterError
from counter_app.store.models import CodeRangeRow


@dataclass(frozen=True)
class CodeMode:
    """Who this counter is for numbering: standalone, or registered with a counter number."""

    central_url: str | None = None
    counter_number: int | None = None
    fallback: FallbackZone = field(default_factory=FallbackZone)
    slots: Mapping[str, int] = field(default_factory=dict)  # agency -> its fallback slot

    @property
    def standalone(self) -> bool:
        return not self.central_url


def _own_range(agency: str, day: date, mode: CodeMode) -> dict | None:
    """The range this counter owns by itself for the day: everything, or its fallback slot of
    the agency (None: it has none, only leases)."""
    if mode.standalone:
        source, (first, last) = RangeSource.STANDALONE, (1, MAX_NUMBER)
    else:
        assert mode.counter_number is not None
        owned = mode.fallback.own_range(agency, mode.counter_number, mode.slots)
        if owned is None:
            return None
        source, (first, last) = RangeSource.FALLBACK, owned
    return {
        "agency_code": agency,
        "day": day,
        "source": source.value,
        "first": first,
        "last": last,
        "next_number": first,
    }


def allocate_numbers(
    session: Session, agency: str, day: date, count: int, mode: CodeMode
) -> list[int]:
    """`count` fresh numbers for the agency's day, in order; refuses rather than guess."""
    return allocate_many(session, {(agency, day): count}, mode)[(agency, day)]


def allocate_many(
    session: Session, wanted: dict[tuple[str, date], int], mode: CodeMode
) -> dict[tuple[str, date], list[int]]:
    """Numbers for several (agency, day) at once, in a handful of statements whatever their
    number (a batch of synthetic dossiers spans hundreds of days)."""
    if not mode.standalone and mode.counter_number is None:
        raise CounterError("code.unregistered")
    table = CodeRangeRow.__table__
    columns = (table.c.id, table.c.agency_code, table.c.day, table.c.source, table.c.first,
               table.c.last, table.c.next_number)  # fmt: skip
    query = select(*columns).where(tuple_(table.c.agency_code, table.c.day).in_(list(wanted)))
    rows = session.execute(query).all()
    own_source = RangeSource.STANDALONE.value if mode.standalone else RangeSource.FALLBACK.value
    have_own = {(row.agency_code, row.day) for row in rows if row.source == own_source}
    own = [_own_range(agency, day, mode) for agency, day in wanted if (agency, day) not in have_own]
    missing = [values for values in own if values is not None]
    if missing:
        session.execute(insert(table), missing)
        rows = session.execute(query).all()
    ranges: dict[tuple[str, date], dict[int, NumberRange]] = defaultdict(dict)
    for row in rows:
        ranges[(row.agency_code, row.day)][row.id] = NumberRange(
            RangeSource(row.source), row.first, row.last, row.next_number
        )
    result: dict[tuple[str, date], list[int]] = {}
    updates = []
    for (agency, day), count in wanted.items():
        owned = ranges[(agency, day)]
        numbers: list[int] = []
        while len(numbers) < count:
            chosen = pick_range(list(owned.values()))
            if chosen is None:
                key = "code.exhausted_standalone" if mode.standalone else "code.exhausted"
                raise CounterError(key, agency=agency, day=day.isoformat())
            row_id = next(key for key, value in owned.items() if value is chosen)
            take = min(count - len(numbers), chosen.left)
            numbers.extend(range(chosen.next_number, chosen.next_number + take))
            owned[row_id] = NumberRange(
                chosen.source, chosen.first, chosen.last, chosen.next_number + take
            )
            updates.append({"range_id": row_id, "next": chosen.next_number + take})
        result[(agency, day)] = numbers
    if updates:
        statement = (
            update(table)
            .where(table.c.id == bindparam("range_id"))
            .values(next_number=bindparam("next"))
        )
        session.connection().execute(statement, updates)
    return result


def numbers_short(
    session: Session, wanted: dict[tuple[str, date], int], mode: CodeMode
) -> dict[tuple[str, date], int]:
    """The (agency, day)s this registered counter holds too few numbers for: no fallback slot
    of the agency and fewer leased numbers left than wanted (its first dossier of an agency it
    does not serve, say). Standalone counters own every number."""
    if mode.standalone or mode.counter_number is None:
        return {}
    counter = mode.counter_number
    return {
        (agency, day): count
        for (agency, day), count in wanted.items()
        if mode.fallback.own_range(agency, counter, mode.slots) is None
        and numbers_left(session, agency, day) < count
    }


def numbers_left(session: Session, agency: str, day: date) -> int:
    rows = session.scalars(
        select(CodeRangeRow).where(CodeRangeRow.agency_code == agency, CodeRangeRow.day == day)
    ).all()
    return sum(max(0, row.last - row.next_number + 1) for row in rows)
