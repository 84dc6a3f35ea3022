"""The one way a dossier move is recorded: intake, lifecycle moves, returns, online acceptance
and decisions, a conflict's moves made again, corrections of an intake, demo data.

`record_moves` checks the signed-day lock, writes the dossiers, their outbox entries and their
audit lines in the caller's write transaction, so they are all written or none, and no write
slips between the lock's check and the commit. Nothing else in the application calls the
outbox or the moves' audit writers (tests/services/test_moves_signed_day.py checks it).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from counter_app.domain.dossier import Dossier, HistoryEntry
from counter_app.domain.lifecycle import Action, DueShift, apply
from counter_app.domain.serialize import DOSSIER_JSON_FORMAT
from counter_app.services.reports.locking import refuse_signed_days
from counter_app.store.central.replica import push_json
from counter_app.store.database import Session
from counter_app.store.dossiers import insert_dossiers, save_dossier
from counter_app.store.journal import AuditEntry, OutboxEntry, append_audit, enqueue
from counter_app.store.notices import queue_notices_for
from counter_app.store.officers import officer_names


@dataclass(frozen=True)
class Moved:
    """A dossier and the moves just made on it (already in its history)."""

    dossier: Dossier
    entries: Sequence[HistoryEntry]
    new: bool = False  # not in the store yet: an intake
    detail: dict[str, Any] = field(default_factory=dict)  # more for the moves' audit lines


def record_moves(
    session: Session,
    stamped: Iterable[datetime | None],
    make: Callable[[], Sequence[Moved]],
    *,
    at: datetime,
    origin: str = "",
    audit: Sequence[AuditEntry] = (),
) -> list[Moved]:
    """Refuse if a move is to be stamped on a signed day (`stamped`, checked before `make`
    makes the moves, so the lock is what an officer is told first, then every move made);
    else write each dossier (`at`: when it is written), its outbox entry and an audit line per
    move, then the `audit` lines that go with them. `origin` names the counter that made the
    new dossiers. Returns what `make` made."""
    checked = refuse_signed_days(session, stamped)
    moved = make()
    refuse_signed_days(
        session, (entry.at for item in moved for entry in item.entries), checked=checked
    )
    name_officers(session, [entry for item in moved for entry in item.entries])
    insert_dossiers(session, [item.dossier for item in moved if item.new], origin=origin, at=at)
    versions = [
        1 if item.new else save_dossier(session, item.dossier, item.entries, at=at)
        for item in moved
    ]
    enqueue(
        session,
        [
            dossier_change(item.dossier, version=version)
            for item, version in zip(moved, versions, strict=True)
        ],
        at=at,
    )
    append_audit(
        session,
        [
            *(
                move_audit(item.dossier, entry, item.detail)
                for item in moved
                for entry in item.entries
            ),
            *audit,
        ],
    )
    # the notices the moves call for, queued with them: a move rolled back queues nothing
    queue_notices_for(session, [(item.dossier, item.entries) for item in moved], at=at)
    return list(moved)


def name_officers(session: Session, entries: Sequence[HistoryEntry]) -> None:
    """Write on each new move the full name and title its officer has now, so the history
    (and central, and the national portal's progress records) keeps them as they were when
    the move was made. Moves already named (made elsewhere) and actors that are no account
    of this counter (central, portal) are left as they are."""
    unnamed = [entry for entry in entries if not entry.actor_name]
    officers = officer_names(session, {entry.actor for entry in unnamed})
    for entry in unnamed:
        if entry.actor in officers:
            entry.actor_name, entry.actor_title = officers[entry.actor]


def record_lifecycle_move(
    session: Session,
    dossier: Dossier,
    action: Action,
    *,
    actor: str,
    at: datetime,
    shift_due: DueShift,
    note: str = "",
    place: str = "",
    then: Callable[[], None] | None = None,
) -> None:
    """One move of a stored dossier through the state machine, recorded by `record_moves`;
    `then` completes what the move decides beyond its state (a code, whom a result went to)."""

    def move() -> list[Moved]:
        entry = apply(
            dossier, action, actor=actor, at=at, note=note, place=place, shift_due=shift_due
        )
        if then is not None:
            then()
        return [Moved(dossier, [entry])]

    record_moves(session, [at], move, at=at)


def record_code_change(
    session: Session, dossier: Dossier, *, version: int, at: datetime, audit: AuditEntry
) -> None:
    """A dossier's code changed without a move (renumbered after a clash at central): its
    outbox entry and audit line, in the caller's write transaction. No signed-day check: the
    day's figures do not depend on the number."""
    enqueue(session, [dossier_change(dossier, version=version)], at=at)
    append_audit(session, [audit])


def dossier_change(dossier: Dossier, *, version: int) -> OutboxEntry:
    """The outbox entry of a change: which dossier, at which version, and the JSON its push
    sends, encoded once here, in the write that saves it, so that a push need not read the
    dossier back (a later change supersedes the entry)."""
    return OutboxEntry(
        "dossier",
        dossier.uuid,
        "upsert",
        {
            "version": version,
            "code": dossier.code,
            "status": dossier.status.value,
            "format": DOSSIER_JSON_FORMAT,
        },
        push_json(dossier),
    )


def move_audit(
    dossier: Dossier, entry: HistoryEntry, detail: dict[str, Any] | None = None
) -> AuditEntry:
    """The audit line of one move of a dossier."""
    return AuditEntry(
        entry.at,
        entry.actor,
        f"dossier.{entry.action}",
        dossier.code or dossier.uuid,
        {
            "uuid": dossier.uuid,
            "from": entry.from_status.value if entry.from_status else None,
            "to": entry.to_status.value,
            **(detail or {}),
        },
    )
