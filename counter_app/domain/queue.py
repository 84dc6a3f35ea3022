"""The queue of citizens waiting at the centre: tickets, calls, estimates and figures.

Plain rules, no storage: the shared queue store (services/queue) keeps the tickets; what a
ticket says, who is called first, what the board says aloud and how the waiting is measured
are decided here.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum

from counter_app.domain.clock import local
from counter_app.domain.settings_registry import default
from counter_app.domain.text import fold


class TicketState(Enum):
    WAITING = "waiting"
    CALLED = "called"  # at a desk: called, then served until the desk calls the next one
    DONE = "done"
    ABSENT = "absent"  # called, nobody came; may be called again by its number


class Series(Enum):
    """Priority tickets are numbered apart (Ư1, Ư2, ...) and called before the others."""

    NORMAL = "normal"
    PRIORITY = "priority"


PRIORITY_REASONS = ("elderly", "disabled", "pregnant")
PRIORITY_MARK = "Ư"  # printed and shown before a priority number: Ư7


@dataclass(frozen=True)
class Area:
    """A service area of the centre (its own line of waiting citizens)."""

    code: str
    name: str


def _areas(value: object) -> tuple[Area, ...]:
    """The areas a `queue.areas` value lists ([{"code", "name"}, ...]); none if unreadable."""
    if not isinstance(value, list):
        return ()
    return tuple(
        Area(str(item["code"]).strip(), str(item.get("name") or item["code"]).strip())
        for item in value
        if isinstance(item, dict) and str(item.get("code", "")).strip()
    )


DEMO_AREAS: tuple[Area, ...] = _areas(default("queue.areas"))
"""The demo centre's areas: the setting's default."""


@dataclass(frozen=True)
class Ticket:
    id: int
    day: date
    series: Series
    number: int
    area: str
    taken_at: datetime
    state: TicketState
    priority: str | None = None
    desk: int | None = None
    called_at: datetime | None = None
    finished_at: datetime | None = None
    calls: int = 0

    @property
    def label(self) -> str:
        return ticket_label(self.number, self.series)

    @property
    def waited_seconds(self) -> float | None:
        if self.called_at is None:
            return None
        return max(0.0, (self.called_at - self.taken_at).total_seconds())

    @property
    def served_seconds(self) -> float | None:
        if self.called_at is None or self.finished_at is None or self.state is not TicketState.DONE:
            return None
        return max(0.0, (self.finished_at - self.called_at).total_seconds())


@dataclass(frozen=True)
class AreaCount:
    area: str
    waiting: int
    serving: list[str]


@dataclass(frozen=True)
class DeskNow:
    desk: int
    ticket: Ticket


@dataclass(frozen=True)
class BoardState:
    """What the board shows: each desk's ticket, the waiting per area, the last call."""

    desks: list[DeskNow]
    waiting: dict[str, int]
    last_event: int
    last_called: Ticket | None
    last_call: int = 0  # the event number of the last call or recall: a new one is announced


def ticket_label(number: int, series: Series) -> str:
    return f"{PRIORITY_MARK}{number}" if series is Series.PRIORITY else str(number)


def parse_label(text: str) -> tuple[Series, int] | None:
    """'125' or 'Ư7' (also 'U7', 'ư7') as typed at a desk; None when it is not a ticket."""
    cleaned = unicodedata.normalize("NFC", text.strip()).upper()
    series = Series.NORMAL
    if cleaned[:1] in (PRIORITY_MARK, "U"):
        series, cleaned = Series.PRIORITY, cleaned[1:].strip()
    if not cleaned.isascii() or not cleaned.isdigit() or len(cleaned) > 6:
        return None
    return series, int(cleaned)


def find_area(areas: Iterable[Area], wanted: str) -> Area | None:
    """An area by its code or its name, letter case, accents and punctuation aside."""
    key = _words(wanted)
    for area in areas:
        if key in (_words(area.code), _words(area.name)):
            return area
    return None


def _words(text: str) -> str:
    return " ".join(re.findall(r"\w+", fold(text)))


def areas_from_setting(value: object) -> tuple[Area, ...]:
    """The `queue.areas` setting; anything unreadable: the demo areas."""
    return _areas(value) or DEMO_AREAS


def estimated_wait_minutes(ahead: int, service_minutes: float, desks: int) -> int:
    """Citizens ahead served by the desks working the area, at the area's recent pace."""
    return round(ahead * service_minutes / max(1, desks))


def announcement(label: str, desk: int, lang: str = "vi") -> str:
    """What the board says aloud: 'Mời số 125 đến quầy số 3'."""
    series, number = parse_label(label) or (Series.NORMAL, 0)
    if lang == "en":
        kind = "priority number" if series is Series.PRIORITY else "number"
        return f"Ticket {kind} {number}, please go to desk {desk}"
    kind = "số ưu tiên" if series is Series.PRIORITY else "số"
    return f"Mời {kind} {number} đến quầy số {desk}"


# --- figures


@dataclass(frozen=True)
class TimeFigures:
    """Waiting and service times of one group of tickets (an area, a desk or an hour)."""

    called: int
    served: int
    mean_wait_minutes: float | None
    max_wait_minutes: float | None
    mean_service_minutes: float | None
    over_target: int

    @property
    def over_target_share(self) -> float | None:
        return None if self.called == 0 else self.over_target / self.called

    def to_json(self) -> dict[str, object]:
        share = self.over_target_share
        return {
            "called": self.called,
            "served": self.served,
            "mean_wait_minutes": self.mean_wait_minutes,
            "max_wait_minutes": self.max_wait_minutes,
            "mean_service_minutes": self.mean_service_minutes,
            "over_target": self.over_target,
            "over_target_share": None if share is None else round(share, 4),
        }


def _minutes(seconds: list[float]) -> float | None:
    return round(sum(seconds) / len(seconds) / 60, 1) if seconds else None


def time_figures(tickets: Iterable[Ticket], target_minutes: int) -> TimeFigures:
    group = list(tickets)
    waits = [w for t in group if (w := t.waited_seconds) is not None]
    services = [s for t in group if (s := t.served_seconds) is not None]
    return TimeFigures(
        called=len(waits),
        served=len(services),
        mean_wait_minutes=_minutes(waits),
        max_wait_minutes=round(max(waits) / 60, 1) if waits else None,
        mean_service_minutes=_minutes(services),
        over_target=sum(1 for w in waits if w > target_minutes * 60),
    )


@dataclass(frozen=True)
class QueueFigures:
    """The day's (or period's) queue for the supervisor's review."""

    target_minutes: int
    total: TimeFigures
    by_area: dict[str, TimeFigures]
    by_desk: dict[int, TimeFigures]
    by_hour: dict[int, TimeFigures]
    not_called: int

    def to_json(self) -> dict[str, object]:
        return {
            "target_minutes": self.target_minutes,
            "total": self.total.to_json(),
            "not_called": self.not_called,
            "by_area": {area: f.to_json() for area, f in sorted(self.by_area.items())},
            "by_desk": {str(desk): f.to_json() for desk, f in sorted(self.by_desk.items())},
            "by_hour": {f"{hour:02d}": f.to_json() for hour, f in sorted(self.by_hour.items())},
        }


def queue_figures(tickets: list[Ticket], target_minutes: int) -> QueueFigures:
    """Grouped by area, by the desk that called, by the hour the ticket was taken."""
    by_area: dict[str, list[Ticket]] = defaultdict(list)
    by_desk: dict[int, list[Ticket]] = defaultdict(list)
    by_hour: dict[int, list[Ticket]] = defaultdict(list)
    for ticket in tickets:
        by_area[ticket.area].append(ticket)
        by_hour[local(ticket.taken_at).hour].append(ticket)
        if ticket.desk is not None:
            by_desk[ticket.desk].append(ticket)
    return QueueFigures(
        target_minutes=target_minutes,
        total=time_figures(tickets, target_minutes),
        by_area={k: time_figures(v, target_minutes) for k, v in by_area.items()},
        by_desk={k: time_figures(v, target_minutes) for k, v in by_desk.items()},
        by_hour={k: time_figures(v, target_minutes) for k, v in by_hour.items()},
        not_called=sum(1 for t in tickets if t.called_at is None),
    )
