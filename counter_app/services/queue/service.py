"""The queue's use cases over the shared queue store, with this PC's settings (its areas, its
desk, the wait target). Independent of central: it works while the province's network is down."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from counter_app.domain.clock import iso, now
from counter_app.domain.errors import CounterError
from counter_app.domain.queue import (
    PRIORITY_REASONS,
    Area,
    AreaCount,
    BoardState,
    QueueFigures,
    Ticket,
    areas_from_setting,
    estimated_wait_minutes,
    find_area,
    parse_label,
    queue_figures,
)
from counter_app.domain.settings_registry import REGISTRY
from counter_app.services.settings import SettingsService
from counter_app.store.database import Database
from counter_app.store.queue.follow import QueueFollower
from counter_app.store.queue.repository import QueueRepository
from counter_app.store.queue.stamps import stamp_dossier

QUEUE_FILE = "queue.sqlite3"  # the single-PC queue, beside the local store


@dataclass(frozen=True)
class TakenTicket:
    """A ticket as the kiosk prints it."""

    ticket: Ticket
    area: Area
    ahead: int
    wait_minutes: int

    def to_json(self) -> dict[str, object]:
        return {
            "number": self.ticket.number,
            "area": self.area.code,
            "taken_at": iso(self.ticket.taken_at),
            "ahead": self.ahead,
            "ticket": self.ticket.label,
            "area_name": self.area.name,
            "priority": self.ticket.priority,
            "estimated_wait_minutes": self.wait_minutes,
        }


def called_json(ticket: Ticket) -> dict[str, object]:
    return {
        "number": ticket.number,
        "area": ticket.area,
        "desk": ticket.desk,
        "called_at": iso(ticket.called_at),
        "ticket": ticket.label,
        "priority": ticket.priority,
        "state": ticket.state.value,
        "calls": ticket.calls,
    }


def _setting(settings: SettingsService, key: str) -> object:
    return settings.get(key, REGISTRY[key].default)


def queue_areas(settings: SettingsService) -> tuple[Area, ...]:
    """The areas this PC offers (its kiosk) and sends tickets to (its desk)."""
    return areas_from_setting(_setting(settings, "queue.areas"))


def queue_url(settings: SettingsService, data_dir: Path) -> str:
    configured = _setting(settings, "queue.url")
    if isinstance(configured, str) and configured.strip():
        return configured.strip()
    return f"sqlite:///{data_dir / QUEUE_FILE}"


def open_queue(settings: SettingsService, data_dir: Path) -> QueueService:
    return QueueService(QueueRepository(queue_url(settings, data_dir)), settings)


class QueueService:
    def __init__(self, repository: QueueRepository, settings: SettingsService) -> None:
        self._repo = repository
        self._settings = settings
        self._follower: QueueFollower | None = None

    def close(self) -> None:
        if self._follower is not None:
            self._follower.close()
        self._repo.close()

    def __enter__(self) -> QueueService:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    @property
    def dialect(self) -> str:
        return self._repo.dialect

    # --- this PC's choices

    def areas(self) -> tuple[Area, ...]:
        return queue_areas(self._settings)

    def area(self, wanted: str) -> Area:
        areas = self.areas()
        found = find_area(areas, wanted)
        if found is None:
            names = ", ".join(f"{a.code} ({a.name})" for a in areas)
            raise CounterError("queue.area_unknown", area=wanted, areas=names)
        return found

    def area_name(self, code: str) -> str:
        found = find_area(self.areas(), code)
        return found.name if found else code

    def desk_areas(self) -> list[str]:
        value = _setting(self._settings, "queue.desk_areas")
        codes = [c.strip() for c in str(value or "").split(",") if c.strip()]
        return [self.area(code).code for code in codes]

    def wait_target_minutes(self) -> int:
        value = _setting(self._settings, "queue.wait_target_minutes")
        return value if isinstance(value, int) and value > 0 else 15

    def default_desk(self) -> int | None:
        return self._settings.identity().desk_number

    def desk(self, desk: int | None) -> int:
        chosen = self.default_desk() if desk is None else desk
        if chosen is None:
            raise CounterError("queue.no_desk")
        if not 1 <= chosen <= 99:
            raise CounterError("queue.desk_range", value=chosen)
        return chosen

    # --- the kiosk

    def take(
        self, area: str, priority: str | None = None, at: datetime | None = None
    ) -> TakenTicket:
        chosen = self.area(area)
        if priority is not None and priority not in PRIORITY_REASONS:
            raise CounterError(
                "queue.priority_unknown", value=priority, choices=", ".join(PRIORITY_REASONS)
            )
        moment = at or now()
        ticket, ahead = self._repo.take(chosen.code, priority, moment)
        return TakenTicket(ticket, chosen, ahead, self._estimate(chosen.code, ahead, moment.date()))

    def _estimate(self, area: str, ahead: int, day: date) -> int:
        pace = self._repo.recent_service_minutes(day, area)
        if pace is None:
            configured = _setting(self._settings, "queue.service_minutes")
            pace = float(configured) if isinstance(configured, int) and configured > 0 else 5.0
        return estimated_wait_minutes(ahead, pace, self._repo.desks_serving(day, area))

    # --- a desk

    def call_next(self, desk: int | None = None, area: str | None = None) -> Ticket:
        number = self.desk(desk)
        areas = [self.area(area).code] if area else self.desk_areas()
        ticket = self._repo.call_next(number, areas or None, now())
        if ticket is None:
            if area:
                raise CounterError("queue.empty_area", area=self.area(area).code)
            raise CounterError("queue.empty")
        return ticket

    def call_ticket(self, label: str, desk: int | None = None) -> Ticket:
        parsed = parse_label(label)
        if parsed is None:
            raise CounterError("queue.ticket_format", value=label)
        return self._repo.call_ticket(self.desk(desk), *parsed, now())

    def recall(self, desk: int | None = None) -> Ticket:
        return self._repo.recall(self.desk(desk), now())

    def finish(self, desk: int | None = None, *, absent: bool = False) -> Ticket:
        return self._repo.finish(self.desk(desk), now(), absent=absent)

    def transfer(self, area: str, desk: int | None = None) -> Ticket:
        return self._repo.transfer(self.desk(desk), self.area(area).code, now())

    # --- the board and the figures

    def status(self, day: date | None = None) -> list[AreaCount]:
        counts = {c.area: c for c in self._repo.counts(day or now().date())}
        listed = [counts.pop(a.code, AreaCount(a.code, 0, [])) for a in self.areas()]
        return listed + list(counts.values())  # areas no longer offered, still waiting

    def board(self, day: date | None = None) -> BoardState:
        return self._repo.board(day or now().date())

    def wait_for_change(self, seen: int, timeout: float) -> int:
        """Blocks (a board's or desk's own thread) until an event past `seen`, or timeout."""
        if self._follower is None:
            self._follower = self._repo.follower()
        return self._follower.wait(seen, timeout)

    def figures(self, first: date, last: date | None = None) -> QueueFigures:
        tickets = self._repo.tickets(first, last or first)
        return queue_figures(tickets, self.wait_target_minutes())


def record_ticket(database: Database, code: str, ticket: Ticket) -> None:
    """Write the desk's called ticket on the dossier just received for that citizen."""
    stamp_dossier(database, code, ticket.label, ticket.taken_at, ticket.called_at)
