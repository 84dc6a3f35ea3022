"""The decisions of a counter's supervisor about the versions central refused."""

from __future__ import annotations

from typing import Any, cast

from sqlalchemy import (
    CursorResult,
    bindparam,
    select,
    text,
    update,
)
from sqlalchemy.orm import Session

from counter_app.domain.errors import CounterError
from counter_app.store.central.models import CentralConflictRow
from counter_app.store.central.repository import (
    DOSSIERS,
    _dialect,
    check_scope,
)
from counter_app.store.central.wire import ConflictDecision
from counter_app.store.types import Moment

RESOLUTIONS = frozenset({"keep-central", "reapply"})


def resolve_conflicts(
    session: Session, counter: int, decisions: list[ConflictDecision]
) -> list[str]:
    """Record each decision on the counter's conflict row: 'resolved', 'already' (the first
    decision stands, so a repeat changes nothing) or 'unknown'. Only the counter's own
    conflicts, of its agencies' dossiers (on PostgreSQL through `central_resolve_conflict`,
    revision c0004)."""
    if _dialect(session) == "postgresql":
        statement = text(
            "SELECT central_resolve_conflict(:uuid, :version, :resolution, :by, :at)"
        ).bindparams(bindparam("at", type_=Moment()))
        return [
            str(
                session.execute(
                    statement,
                    {
                        "uuid": d.dossier_uuid,
                        "version": d.pushed_version,
                        "resolution": d.resolution,
                        "by": d.by,
                        "at": d.at,
                    },
                ).scalar()
            )
            for d in decisions
        ]
    return [_resolve_conflict(session, counter, decision) for decision in decisions]


def _resolve_conflict(session: Session, counter: int, decision: ConflictDecision) -> str:
    """SQLite's stand-in for `central_resolve_conflict`: the same checks, the same answers."""
    if decision.resolution not in RESOLUTIONS:
        raise CounterError("central.denied", reason=f"unknown resolution {decision.resolution}")
    agency = session.scalar(
        select(DOSSIERS.c.agency_code).where(DOSSIERS.c.uuid == decision.dossier_uuid)
    )
    if agency is not None:
        check_scope(session, counter, {agency})
    table = CentralConflictRow.__table__
    same = (table.c.dossier_uuid == decision.dossier_uuid) & (
        table.c.pushed_version == decision.pushed_version
    )
    owners = set(session.scalars(select(table.c.counter_number).where(same)))
    if counter not in owners:
        if owners:
            raise CounterError(
                "central.denied",
                reason=f"the conflict of dossier {decision.dossier_uuid} is not counter "
                f"{counter}'s",
            )
        return "unknown"
    changed = cast(
        CursorResult[Any],
        session.execute(
            update(table)
            .where(same, table.c.counter_number == counter, table.c.resolved_at.is_(None))
            .values(
                resolved_at=decision.at, resolved_by=decision.by, resolution=decision.resolution
            )
        ),
    ).rowcount
    return "resolved" if changed else "already"
