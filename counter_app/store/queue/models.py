"""Tables of the shared queue: the day's numbers, the tickets, and the events the board follows.

Kept apart from the local store and from central: every desk, kiosk and board of a centre
shares them, on the centre's own server (or in one file for a centre of one PC)."""

from __future__ import annotations

from datetime import date, datetime
from typing import ClassVar

from sqlalchemy import BigInteger, Date, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from counter_app.store.types import Moment

BigId = BigInteger().with_variant(Integer(), "sqlite")  # SQLite autoincrements INTEGER only


class QueueBase(DeclarativeBase):
    type_annotation_map: ClassVar = {datetime: Moment}


class QueueNumber(QueueBase):
    """The last number given today in a series; raised by one upsert, so two kiosks never
    print the same number."""

    __tablename__ = "queue_numbers"
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    series: Mapped[str] = mapped_column(String(10), primary_key=True)
    last: Mapped[int] = mapped_column(Integer)


class QueueTicket(QueueBase):
    __tablename__ = "queue_tickets"
    __table_args__ = (
        UniqueConstraint("day", "series", "number", name="uq_queue_ticket_number"),
        Index("ix_queue_tickets_waiting", "day", "state", "area"),
        Index("ix_queue_tickets_desk", "day", "desk", "state"),
    )
    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    day: Mapped[date] = mapped_column(Date)
    series: Mapped[str] = mapped_column(String(10))
    number: Mapped[int] = mapped_column(Integer)
    area: Mapped[str] = mapped_column(String(40))
    priority: Mapped[str | None] = mapped_column(String(20))
    state: Mapped[str] = mapped_column(String(10))
    taken_at: Mapped[datetime]
    desk: Mapped[int | None] = mapped_column(Integer)
    called_at: Mapped[datetime | None]
    finished_at: Mapped[datetime | None]
    calls: Mapped[int] = mapped_column(Integer, default=0)
    transferred_from: Mapped[str | None] = mapped_column(String(40))


class QueueEvent(QueueBase):
    """What happened, in order: the board and the desks follow these (and, on PostgreSQL, a
    NOTIFY sent with each)."""

    __tablename__ = "queue_events"
    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    at: Mapped[datetime]
    kind: Mapped[str] = mapped_column(String(12))
    ticket_id: Mapped[int | None] = mapped_column(BigId)
    desk: Mapped[int | None] = mapped_column(Integer)
