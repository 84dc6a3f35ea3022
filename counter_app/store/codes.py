"""Drawing dossier numbers from the ranges this counter owns (see counter_app.domain.codes).

Runs inside a write transaction (BEGIN IMMEDIATE), so two processes never read the same
next number; the unique index on dossiers.code would refuse a duplicate anyway."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select, update
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


def _ensure_own_range(session: Session, agency: str, day: date, mode: CodeMode) -> None:
    if mode.standalone:
        source, (first, last) = RangeSource.STANDALONE, (1, MAX_NUMBER)
    else:
        source, (first, last) = RangeSource.FALLBACK, mode.fallback.slice_for(mode.counter_number)
    exists = session.scalar(
        select(CodeRangeRow.id).where(
            CodeRangeRow.agency_code == agency,
            CodeRangeRow.day == day,
            CodeRangeRow.source == source.value,
        )
    )
    if exists is None:
        session.add(
            CodeRangeRow(
                agency_code=agency,
                day=day,
                source=source.value,
                first=first,
                last=last,
                next_number=first,
            )
        )
        session.flush()


def allocate_numbers(
    session: Session, agency: str, day: date, count: int, mode: CodeMode
) -> list[int]:
    """`count` fresh numbers for the agency's day, in order; refuses rather than guess."""
    if not mode.standalone and mode.counter_number is None:
        raise CounterError("code.unregistered")
    _ensure_own_range(session, agency, day, mode)
    rows = session.scalars(
        select(CodeRangeRow).where(CodeRangeRow.agency_code == agency, CodeRangeRow.day == day)
    ).all()
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
            update(CodeRangeRow)
            .where(CodeRangeRow.id == row_id)
            .values(next_number=chosen.next_number + take)
        )
    return numbers


def numbers_left(session: Session, agency: str, day: date) -> int:
    rows = session.scalars(
        select(CodeRangeRow).where(CodeRangeRow.agency_code == agency, CodeRangeRow.day == day)
    ).all()
    return sum(max(0, row.last - row.next_number + 1) for row in rows)
