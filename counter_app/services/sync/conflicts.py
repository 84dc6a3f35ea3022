"""The changes central did not take, and the supervisor's decisions about them."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.domain.clock import iso, now
from counter_app.domain.dossier import Dossier, HistoryEntry
from counter_app.domain.errors import CounterError
from counter_app.domain.permissions import Permission, allowed
from counter_app.domain.sync import (
    differing_fields,
    dossier_from_json,
    lost_moves,
    reapply,
)
from counter_app.services.accounts import User
from counter_app.services.moves import Moved, record_moves
from counter_app.services.sync.base import SyncBase
from counter_app.services.sync.results import ConflictInfo, Resolution
from counter_app.store.dossiers import find_by_uuid
from counter_app.store.journal import (
    AuditEntry,
    append_audit,
)
from counter_app.store.models import (
    AuditRow,
    DossierRow,
    SyncConflictRow,
)
from counter_app.store.settings import get_setting


class SyncConflicts(SyncBase):
    def conflicts(self, *, open_only: bool = True) -> list[ConflictInfo]:
        with self._db.read() as session:
            query = select(SyncConflictRow).order_by(SyncConflictRow.id)
            if open_only:
                query = query.where(SyncConflictRow.resolved_at.is_(None))
            rows = list(session.scalars(query))
            decided = _resolutions(session) if not open_only else {}
            current = dict(
                session.execute(
                    select(DossierRow.uuid, DossierRow.status).where(
                        DossierRow.uuid.in_({r.dossier_uuid for r in rows})
                    )
                ).all()
            )
            return [
                ConflictInfo(
                    r.id,
                    r.at,
                    r.dossier_uuid,
                    r.code,
                    r.local_version,
                    r.central_version,
                    r.reason,
                    r.local.get("status", ""),
                    r.central.get("status") if r.central else None,
                    r.resolved_at,
                    r.resolved_by,
                    tuple(lost_moves(r.local, r.central)),
                    tuple(differing_fields(r.local, r.central)),
                    Resolution.OPEN
                    if r.resolved_at is None
                    else decided.get(r.id, Resolution.SEEN),
                    current.get(r.dossier_uuid),
                )
                for r in rows
            ]

    def keep_central(self, conflict_id: int, *, user: User, at: datetime | None = None) -> None:
        """Central's version stands and the counter's lost moves are dropped: recorded and
        audited with what was dropped."""
        at = at or now()
        with self._db.write() as session:
            row = _open_conflict(session, conflict_id, user)
            moves = lost_moves(row.local, row.central)
            row.resolved_at, row.resolved_by = at, user.login
            append_audit(
                session,
                [_resolution_audit(row, Resolution.KEEP_CENTRAL, user, at, moves)],
            )
        self.request_sync()  # the decision goes to central's conflict row

    def reapply_conflict(
        self, conflict_id: int, *, user: User, at: datetime | None = None
    ) -> Dossier:
        """Make the counter's lost moves again on the dossier as it stands (central's version
        after the conflict) through the lifecycle, with outbox and audit entries like any
        move, and close the conflict; all in one transaction, or refused and nothing changes."""
        at = at or now()
        place = self._settings.identity().name
        with self._db.write() as session:
            row = _open_conflict(session, conflict_id, user)
            moves = lost_moves(row.local, row.central)
            if not moves:
                raise CounterError("sync.reapply_nothing")
            dossier = find_by_uuid(session, row.dossier_uuid)
            if dossier is None:
                raise CounterError("dossier.unknown", code=row.code or row.dossier_uuid)

            def redo() -> list[Moved]:
                again, entries = reapply(
                    dossier,
                    moves,
                    actor=user.login,
                    at=at,
                    place=place,
                    shift_due=self._calendars.shifter(dossier.agency_code),
                    lost=dossier_from_json(row.local),
                )
                row.resolved_at, row.resolved_by = at, user.login
                return [Moved(again, entries)]

            (done,) = record_moves(
                session,
                [at],
                redo,
                at=at,
                audit=[_resolution_audit(row, Resolution.REAPPLY, user, at, moves)],
            )
        self.request_sync()
        return done.dossier


def _open_conflict(session: Session, conflict_id: int, user: User) -> SyncConflictRow:
    if not allowed(user.role, Permission.RESOLVE_CONFLICT):
        raise CounterError("sync.conflict_supervisor")
    row = session.get(SyncConflictRow, conflict_id)
    if row is None:
        raise CounterError("sync.no_conflict", id=conflict_id)
    if row.resolved_at is not None:
        raise CounterError("sync.conflict_closed", id=conflict_id)
    return row


def _resolution_audit(
    row: SyncConflictRow,
    resolution: Resolution,
    user: User,
    at: datetime,
    moves: list[HistoryEntry],
) -> AuditEntry:
    return AuditEntry(
        at,
        user.login,
        resolution.value,
        row.code or row.dossier_uuid,
        {
            "conflict": row.id,
            "uuid": row.dossier_uuid,
            "moves": [
                {"action": m.action, "actor": m.actor, "at": iso(m.at), "note": m.note}
                for m in moves
            ],
        },
    )


def _resolutions(session: Session) -> dict[int, Resolution]:
    """conflict id -> the decision the audit trail records for it."""
    rows = session.execute(
        select(AuditRow.action, AuditRow.detail).where(
            AuditRow.action.in_([Resolution.KEEP_CENTRAL.value, Resolution.REAPPLY.value])
        )
    )
    return {row.detail.get("conflict"): Resolution(row.action) for row in rows}


# how central's conflict rows name the decisions (revision c0004)
CENTRAL_RESOLUTIONS = {
    Resolution.KEEP_CENTRAL.value: "keep-central",
    Resolution.REAPPLY.value: "reapply",
}
DECISIONS_SENT = "sync.decisions"  # {"after": the last audit entry of a decision sent}


def _decisions_after(session: Session) -> int:
    state = get_setting(session, DECISIONS_SENT)
    return int(state.get("after", 0)) if isinstance(state, dict) else 0
