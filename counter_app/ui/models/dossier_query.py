"""What the dossier list asks the service for: the search box and filters as one value, and
the query objects the lazy table model pages through. No Qt here: tested as plain Python."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Protocol

from counter_app.domain.clock import day_start, local
from counter_app.domain.dossier import OPEN_STATES, Dossier, DossierFilter, Status


class Deadline(StrEnum):
    OVERDUE = "overdue"
    DUE_TODAY = "due_today"


def deadline_state(dossier: Dossier, at: datetime) -> Deadline | None:
    """Overdue: open and past due. Due today: open, due later on the same (Vietnam) day."""
    if dossier.is_overdue(at):
        return Deadline.OVERDUE
    if (
        dossier.status in OPEN_STATES
        and dossier.due_at is not None
        and local(dossier.due_at).date() == local(at).date()
    ):
        return Deadline.DUE_TODAY
    return None


class DossierFinder(Protocol):
    """The part of DossierService the list uses."""

    def find(self, criteria: DossierFilter) -> list[Dossier]: ...

    def count(self, criteria: DossierFilter) -> int: ...


class DossierQuery(Protocol):
    def count(self) -> int: ...

    def fetch(self, offset: int, limit: int) -> list[Dossier]: ...


@dataclass(frozen=True)
class ServiceQuery:
    """Pages straight from the service: the count and each page are one short call."""

    finder: DossierFinder
    criteria: DossierFilter

    def count(self) -> int:
        return self.finder.count(self.criteria)

    def fetch(self, offset: int, limit: int) -> list[Dossier]:
        return self.finder.find(replace(self.criteria, offset=offset, limit=limit))


@dataclass(frozen=True)
class DossierSearch:
    """The state of the search row: text, one status or all, and the two deadline boxes."""

    text: str = ""
    status: Status | None = None
    overdue: bool = False
    due_today: bool = False
    received_from: date | None = None
    received_to: date | None = None
    procedure_code: str | None = None

    def query(self, finder: DossierFinder, at: datetime) -> DossierQuery:
        base = DossierFilter(
            text=self.text.strip(),
            statuses=(self.status,) if self.status else (),
            date_from=self.received_from,
            date_to=self.received_to,
            procedure_code=self.procedure_code,
        )
        if self.due_today and self.overdue:
            # Either late or due today: open and due before tomorrow.
            tomorrow = local(at).date() + timedelta(days=1)
            return ServiceQuery(finder, replace(base, overdue_at=day_start(tomorrow)))
        if self.due_today:
            today = local(at).date()
            due_today = replace(
                base,
                open_only=True,
                due_from=day_start(today),
                due_to=day_start(today + timedelta(days=1)),
            )
            return ServiceQuery(finder, due_today)
        if self.overdue:
            return ServiceQuery(finder, replace(base, overdue_at=at))
        return ServiceQuery(finder, base)
