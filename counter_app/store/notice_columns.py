"""The columns of a queue of notices, the counter's (migration 0018) and central's (revision
c0013): one worker sends from either."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index, Integer, String, Text
from sqlalchemy.orm import Mapped, declared_attr, mapped_column


class NoticeColumns:
    @declared_attr.directive
    def __table_args__(cls) -> tuple:
        """The sender's look-up of what is due (migration 0018, revision c0013)."""
        return (Index("ix_notices_state_next", "state", "next_try_at"),)

    kind: Mapped[str] = mapped_column(String(20))
    channel: Mapped[str] = mapped_column(String(10))
    recipient: Mapped[str] = mapped_column(String(200))
    subject: Mapped[str] = mapped_column(Text)
    body: Mapped[str] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String(10))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_try_at: Mapped[datetime]
    last_error: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime]
    sent_at: Mapped[datetime | None]
