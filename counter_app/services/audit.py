"""Checking the audit log, for the supervisor and for support: the hash chain, the heads
central acknowledged (kept here, and central's own when it can be reached) and the triggers
that keep the log append-only. An edit that leaves the chain consistent (the log cut short, or
rewritten and hashed again with the file open) shows against an anchor."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from counter_app.domain.errors import CounterError
from counter_app.store.database import Database
from counter_app.store.journal import (
    AuditHead,
    audit_head,
    audit_problem,
    last_anchor,
    restore_triggers,
)

# central's last anchor of this counter; None when not registered; CounterError when unreachable
CentralAnchor = Callable[[], AuditHead | None]


@dataclass(frozen=True)
class AuditCheck:
    entries: int
    anchored: int | None  # the entries of the last anchor central acknowledged, kept here
    central: str  # checked | unreachable | none (no central, or not registered yet)

    def to_json(self) -> dict[str, object]:
        return {
            "intact": True,
            "entries": self.entries,
            "anchored": self.anchored,
            "central": self.central,
        }


class AuditService:
    def __init__(self, database: Database, central_anchor: CentralAnchor | None = None) -> None:
        self._db = database
        self._central_anchor = central_anchor

    def verify(self) -> int:
        """The number of entries when the log holds against what this counter keeps; refuses
        naming the first problem."""
        return self.check(central=False).entries

    def check(self, *, central: bool = True) -> AuditCheck:
        """Everything `verify` checks, then central's anchor when asked and reachable. Refuses
        with the first problem: a broken link, an anchor the chain no longer holds (cut short
        or rewritten), missing append-only triggers."""
        remote: AuditHead | None = None
        reached = "none"
        if central and self._central_anchor is not None:
            try:
                remote = self._central_anchor()
                reached = "checked" if remote is not None else "none"
            except CounterError:
                reached = "unreachable"
        with self._db.read() as session:
            kept = last_anchor(session)
            problem = audit_problem(
                session, [(kept, "audit.anchor.local"), (remote, "audit.anchor.central")]
            )
            head = audit_head(session)
        if problem is not None:
            raise problem
        return AuditCheck(head.entries, kept.entries if kept else None, reached)

    def restore_triggers(self) -> list[str]:
        """Put back the append-only triggers someone dropped (run by `init`)."""
        with self._db.write() as session:
            return restore_triggers(session)
