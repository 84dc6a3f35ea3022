"""Drawing dossier numbers from the ranges this counter owns (see counter_app.domain.codes).

Runs inside a write transaction (BEGIN IMMEDIATE), so two processes never read the same
next number; the unique index on dossiers.code would refuse a duplicate anyway."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import insert, select, update
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

    @property
    def standalone(self) -> bool:
        return not self.central_url


def _own_range(agency: str, day: date, mode: CodeMode) -> dict:
    """The range this counter owns by itself for the day: everything, or its fallback slice."""
    if mode.standalone:
        source, (first, last) = RangeSource.STANDALONE, (1, MAX_NUMBER)
    else:
        assert mode.counter_number is not None
        source, (first, last) = RangeSource.FALLBACK, mode.fallback.slice_for(mode.counter_number)
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
    if not mode.standalone and mode.counter_number is None:
        raise CounterError("code.unregistered")
    table = CodeRangeRow.__table__
    columns = (table.c.id, table.c.source, table.c.first, table.c.last, table.c.next_number)
    query = select(*columns).where(table.c.agency_code == agency, table.c.day == day)
    rows = session.execute(query).all()
    own = _own_range(agency, day, mode)
    if not any(row.source == own["source"] for row in rows):
        session.execute(insert(table), [own])
        rows = session.execute(query).all()
    ranges = {
        row.id: NumberRange(RangeSource(row.source), row.first, row.last, row.next_number)
        for row in rows
    }
    numbers: list[int] = []
    while len(numbers) < count:
        chosen = pick_range(list(ranges.values()))
        if chosen is None:
            raise CounterError("code.exhausted", agency=agency, day=day.isoformat())
        row_id = next(key for key, value in ranges.items() if value is chosen)
        take = min(count - len(numbers), chosen.left)
        numbers.extend(range(chosen.next_number, chosen.next_number + take))
        ranges[row_id] = NumberRange(
            chosen.source, chosen.first, chosen.last, chosen.next_number + take
        )
        session.execute(
            update(table).where(table.c.id == row_id).values(next_number=chosen.next_number + take)
        )
    return numbers


def numbers_left(session: Session, agency: str, day: date) -> int:
    rows = session.scalars(
        select(CodeRangeRow).where(CodeRangeRow.agency_code == agency, CodeRangeRow.day == day)
    ).all()
    return sum(max(0, row.last - row.next_number + 1) for row in rows)
