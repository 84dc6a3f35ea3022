"""Checking the audit log's hash chain, for the supervisor and for support."""

from __future__ import annotations

from sqlalchemy import func, select

from counter_app.domain.errors import CounterError
from counter_app.store.database import Database
from counter_app.store.journal import first_broken_entry
from counter_app.store.models import AuditRow


class AuditService:
    def __init__(self, database: Database) -> None:
        self._db = database

    def verify(self) -> int:
        """The number of entries when the chain holds; refuses naming the first broken one."""
        with self._db.read() as session:
            broken = first_broken_entry(session)
            count = session.scalar(select(func.count()).select_from(AuditRow)) or 0
        if broken is not None:
            raise CounterError("audit.broken", entry=broken)
        return count
