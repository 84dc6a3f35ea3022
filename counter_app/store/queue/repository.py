"""Every change of the shared queue, each one transaction that also writes its event.

Two kiosks or two desks acting at the same instant: numbers come from one upsert (the row
lock serialises the takers), and a desk calling takes the first waiting ticket with
`FOR UPDATE SKIP LOCKED` on PostgreSQL (a second desk skips the row the first one holds and
takes the next) or under SQLite's write lock (BEGIN IMMEDIATE). A ticket changes state only
`WHERE state = ...`, so it is never called by two desks."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import case, func, select, text
from sqlalchemy.orm import Session

from counter_app.domain.errors import CounterError
from counter_app.domain.queue import (
    AreaCount,
    BoardState,
    DeskNow,
    Series,
    Ticket,
    TicketState,
    ticket_label,
)
from counter_app.store.queue.database import QueueDatabase, ensure_queue_schema
from counter_app.store.queue.follow import QueueFollower
from counter_app.store.queue.models import QueueEvent, QueueTicket

_NEXT_NUMBER = text(
    "INSERT INTO queue_numbers (day, series, last) VALUES (:day, :series, 1) "
    "ON CONFLICT (day, series) DO UPDATE SET last = queue_numbers.last + 1 RETURNING last"
)


def _ticket(row: QueueTicket) -> Ticket:
    return Ticket(
        id=row.id,
        day=row.day,
        series=Series(row.series),
        number=row.number,
        area=row.area,
        taken_at=row.taken_at,
        state=TicketState(row.state),
        priority=row.priority,
        desk=row.desk,
        called_at=row.called_at,
        finished_at=row.finished_at,
        calls=row.calls,
    )


class QueueRepository:
    def __init__(self, url: str) -> None:
        self.database = QueueDatabase(url)
        ensure_queue_schema(self.database)

    @property
    def dialect(self) -> str:
        return self.database.dialect

    def close(self) -> None:
        self.database.close()

    def follower(self) -> QueueFollower:
        return QueueFollower(self.database)

    # --- writes

    def _event(self, session: Session, kind: str, at: datetime, row: QueueTicket | None) -> None:
        event = QueueEvent(
            at=at,
            kind=kind,
            ticket_id=None if row is None else row.id,
            desk=None if row is None else row.desk,
        )
        session.add(event)
        session.flush()
        self.database.notify(session, str(event.id))

    def take(self, area: str, priority: str | None, at: datetime) -> tuple[Ticket, int]:
        """A new ticket and how many are called before it in its area."""
        series = Series.PRIORITY if priority else Series.NORMAL
        day = at.date()
        with self.database.write() as session:
            number = session.execute(_NEXT_NUMBER, {"day": day, "series": series.value}).scalar()
            assert number is not None
            row = QueueTicket(
                day=day,
                series=series.value,
                number=number,
                area=area,
                priority=priority,
                state=TicketState.WAITING.value,
                taken_at=at,
                calls=0,
            )
            session.add(row)
            session.flush()
            ahead = self._ahead(session, row)
            self._event(session, "take", at, row)
            return _ticket(row), ahead

    def _ahead(self, session: Session, row: QueueTicket) -> int:
        waiting = select(func.count()).where(
            QueueTicket.day == row.day,
            QueueTicket.state == TicketState.WAITING.value,
            QueueTicket.area == row.area,
            QueueTicket.id != row.id,
        )
        if row.series == Series.PRIORITY.value:
            waiting = waiting.where(
                QueueTicket.series == Series.PRIORITY.value, QueueTicket.id < row.id
            )
        else:
            waiting = waiting.where(
                (QueueTicket.series == Series.PRIORITY.value) | (QueueTicket.id < row.id)
            )
        return session.scalar(waiting) or 0

    def _current(self, session: Session, day: date, desk: int) -> QueueTicket | None:
        return session.scalars(
            select(QueueTicket)
            .where(
                QueueTicket.day == day,
                QueueTicket.desk == desk,
                QueueTicket.state == TicketState.CALLED.value,
            )
            .with_for_update()
        ).first()

    def _finish_current(self, session: Session, day: date, desk: int, at: datetime) -> None:
        current = self._current(session, day, desk)
        if current is not None:
            current.state = TicketState.DONE.value
            current.finished_at = at
            self._event(session, "done", at, current)

    def _call(self, session: Session, row: QueueTicket, desk: int, at: datetime) -> Ticket:
        row.state = TicketState.CALLED.value
        row.desk = desk
        row.called_at = row.called_at or at  # the wait ends at the first call
        row.calls += 1
        row.finished_at = None
        session.flush()
        self._event(session, "call", at, row)
        return _ticket(row)

    def call_next(self, desk: int, areas: list[str] | None, at: datetime) -> Ticket | None:
        """The desk's ticket is done; the first waiting one (priority first) is called."""
        day = at.date()
        with self.database.write() as session:
            query = select(QueueTicket).where(
                QueueTicket.day == day, QueueTicket.state == TicketState.WAITING.value
            )
            if areas:
                query = query.where(QueueTicket.area.in_(areas))
            priority_first = case((QueueTicket.series == Series.PRIORITY.value, 0), else_=1)
            query = (
                query.order_by(priority_first, QueueTicket.taken_at, QueueTicket.id)
                .limit(1)
                .with_for_update(skip_locked=True)
            )
            row = session.scalars(query).first()
            if row is None:
                return None
            self._finish_current(session, day, desk, at)
            return self._call(session, row, desk, at)

    def call_ticket(self, desk: int, series: Series, number: int, at: datetime) -> Ticket:
        """A ticket by its number: one still waiting, or one called before whose citizen did
        not come (absent). One being served at a desk, or done, is refused with where it is."""
        day = at.date()
        label = ticket_label(number, series)
        with self.database.write() as session:
            row = session.scalars(
                select(QueueTicket)
                .where(
                    QueueTicket.day == day,
                    QueueTicket.series == series.value,
                    QueueTicket.number == number,
                )
                .with_for_update()
            ).first()
            if row is None:
                raise CounterError("queue.no_ticket", ticket=label)
            if row.state == TicketState.CALLED.value:
                raise CounterError("queue.already_called", ticket=label, desk=row.desk)
            if row.state == TicketState.DONE.value:
                raise CounterError("queue.already_done", ticket=label, desk=row.desk)
            self._finish_current(session, day, desk, at)
            return self._call(session, row, desk, at)

    def _desk_ticket(self, session: Session, desk: int, at: datetime) -> QueueTicket:
        row = self._current(session, at.date(), desk)
        if row is None:
            raise CounterError("queue.no_current", desk=desk)
        return row

    def recall(self, desk: int, at: datetime) -> Ticket:
        """Call the desk's ticket again (the board repeats it; the waiting time stays)."""
        with self.database.write() as session:
            row = self._desk_ticket(session, desk, at)
            row.calls += 1
            self._event(session, "recall", at, row)
            return _ticket(row)

    def finish(self, desk: int, at: datetime, *, absent: bool = False) -> Ticket:
        """Served, or absent: nobody came (it can be called again by its number)."""
        with self.database.write() as session:
            row = self._desk_ticket(session, desk, at)
            row.state = (TicketState.ABSENT if absent else TicketState.DONE).value
            row.finished_at = at
            self._event(session, "absent" if absent else "done", at, row)
            return _ticket(row)

    def transfer(self, desk: int, area: str, at: datetime) -> Ticket:
        """Back to waiting in another area, in the place its taking time gives it."""
        with self.database.write() as session:
            row = self._desk_ticket(session, desk, at)
            row.transferred_from = row.area
            row.area = area
            row.state = TicketState.WAITING.value
            row.desk = None
            session.flush()
            self._event(session, "transfer", at, row)
            return _ticket(row)

    # --- reads

    def ahead_of(self, ticket_id: int) -> int:
        with self.database.read() as session:
            row = session.get(QueueTicket, ticket_id)
            return 0 if row is None else self._ahead(session, row)

    def counts(self, day: date) -> list[AreaCount]:
        with self.database.read() as session:
            rows = session.execute(
                select(QueueTicket.area, QueueTicket.state, QueueTicket.series, QueueTicket.number)
                .where(
                    QueueTicket.day == day,
                    QueueTicket.state.in_((TicketState.WAITING.value, TicketState.CALLED.value)),
                )
                .order_by(QueueTicket.area, QueueTicket.id)
            ).all()
        waiting: dict[str, int] = {}
        serving: dict[str, list[str]] = {}
        for area, state, series, number in rows:
            waiting[area] = waiting.get(area, 0) + (state == TicketState.WAITING.value)
            if state == TicketState.CALLED.value:
                serving.setdefault(area, []).append(ticket_label(number, Series(series)))
        return [AreaCount(area, count, serving.get(area, [])) for area, count in waiting.items()]

    def board(self, day: date) -> BoardState:
        with self.database.read() as session:
            serving = session.scalars(
                select(QueueTicket)
                .where(QueueTicket.day == day, QueueTicket.state == TicketState.CALLED.value)
                .order_by(QueueTicket.desk)
            ).all()
            waiting = session.execute(
                select(QueueTicket.area, func.count())
                .where(QueueTicket.day == day, QueueTicket.state == TicketState.WAITING.value)
                .group_by(QueueTicket.area)
            ).all()
            last = session.execute(
                select(QueueEvent.id, QueueEvent.ticket_id)
                .where(QueueEvent.kind.in_(("call", "recall")))
                .order_by(QueueEvent.id.desc())
                .limit(1)
            ).first()
            last_event = session.scalar(select(func.max(QueueEvent.id))) or 0
            called = session.get(QueueTicket, last.ticket_id) if last else None
            return BoardState(
                desks=[DeskNow(r.desk, _ticket(r)) for r in serving if r.desk is not None],
                waiting={area: int(n) for area, n in waiting},
                last_event=last_event,
                last_called=_ticket(called) if called is not None and called.day == day else None,
                last_call=last.id if last else 0,
            )

    def tickets(self, first: date, last: date) -> list[Ticket]:
        with self.database.read() as session:
            rows = session.scalars(
                select(QueueTicket)
                .where(QueueTicket.day >= first, QueueTicket.day <= last)
                .order_by(QueueTicket.id)
            ).all()
            return [_ticket(r) for r in rows]

    def recent_service_minutes(self, day: date, area: str, limit: int = 20) -> float | None:
        """The mean service time of the area's last served tickets today."""
        with self.database.read() as session:
            rows = session.scalars(
                select(QueueTicket)
                .where(
                    QueueTicket.day == day,
                    QueueTicket.area == area,
                    QueueTicket.state == TicketState.DONE.value,
                )
                .order_by(QueueTicket.finished_at.desc())
                .limit(limit)
            ).all()
            served = [s for r in rows if (s := _ticket(r).served_seconds) is not None]
        return sum(served) / len(served) / 60 if served else None

    def desks_serving(self, day: date, area: str) -> int:
        with self.database.read() as session:
            return (
                session.scalar(
                    select(func.count(func.distinct(QueueTicket.desk))).where(
                        QueueTicket.day == day,
                        QueueTicket.area == area,
                        QueueTicket.desk.is_not(None),
                    )
                )
                or 0
            )
