"""What every change leaves behind in its own transaction: an outbox entry for the sync, and
an audit entry chained by hash to the one before it, so an edited or removed entry shows."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import func, insert, select, text
from sqlalchemy.orm import Session

from counter_app.domain.clock import iso
from counter_app.domain.errors import CounterError
from counter_app.store.models import AuditAnchorRow, AuditRow, OutboxRow

GENESIS = "0" * 64
# a dossier given a new code because central held its code for another (detail: uuid, replaces)
RENUMBER_ACTION = "dossier.renumber"


@dataclass(frozen=True)
class AuditEntry:
    at: datetime
    actor: str
    action: str
    subject: str = ""
    detail: dict = field(default_factory=dict)


def entry_hash(prev_hash: str, entry: AuditEntry) -> str:
    canonical = json.dumps(
        {
            "at": iso(entry.at),
            "actor": entry.actor,
            "action": entry.action,
            "subject": entry.subject,
            "detail": entry.detail,
        },
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(f"{prev_hash}|{canonical}".encode()).hexdigest()


def append_audit(session: Session, entries: Sequence[AuditEntry]) -> None:
    """Append in order; run inside a write transaction, which serialises the chain."""
    if not entries:
        return
    prev = session.scalar(select(AuditRow.hash).order_by(AuditRow.id.desc()).limit(1)) or GENESIS
    rows = []
    for entry in entries:
        digest = entry_hash(prev, entry)
        rows.append(
            {
                "at": entry.at,
                "actor": entry.actor,
                "action": entry.action,
                "subject": entry.subject,
                "detail": entry.detail,
                "prev_hash": prev,
                "hash": digest,
            }
        )
        prev = digest
    session.execute(insert(AuditRow.__table__), rows)


def first_broken_entry(session: Session) -> int | None:
    """The id of the first entry whose hash or link does not hold, or None when intact."""
    prev = GENESIS
    for row in session.scalars(select(AuditRow).order_by(AuditRow.id)).yield_per(2000):
        entry = AuditEntry(row.at, row.actor, row.action, row.subject, row.detail)
        if row.prev_hash != prev or row.hash != entry_hash(prev, entry):
            return row.id
        prev = row.hash
    return None


@dataclass(frozen=True)
class AuditHead:
    """How long the chain is and the hash of its last entry: what an anchor records."""

    entries: int
    hash: str


def audit_head(session: Session) -> AuditHead:
    count = session.scalar(select(func.count()).select_from(AuditRow)) or 0
    last = session.scalar(select(AuditRow.hash).order_by(AuditRow.id.desc()).limit(1))
    return AuditHead(count, last or GENESIS)


def hash_at(session: Session, entries: int) -> str | None:
    """The hash of the chain's `entries`-th entry (GENESIS for none), None past its end."""
    if entries == 0:
        return GENESIS
    return session.scalar(select(AuditRow.hash).order_by(AuditRow.id).offset(entries - 1).limit(1))


def anchor_problem(session: Session, anchor: AuditHead, what: str) -> CounterError | None:
    """Whether the chain still holds what `anchor` recorded: as many entries at least, and the
    same hash at that length (an entry cut off, or the log rewritten and hashed again, shows).
    `what` names the anchor (a message key) in the message."""
    held = hash_at(session, anchor.entries)
    if held == anchor.hash:
        return None
    entries = session.scalar(select(func.count()).select_from(AuditRow)) or 0
    key = "audit.truncated" if held is None else "audit.rewritten"
    return CounterError(key, entries=entries, anchored=anchor.entries, what=what)


def audit_problem(
    session: Session, anchors: Sequence[tuple[AuditHead | None, str]]
) -> CounterError | None:
    """The first thing wrong with the log: a broken link, an anchor (with the message key
    naming it) the chain no longer holds, missing append-only triggers; None when sound."""
    broken = first_broken_entry(session)
    if broken is not None:
        return CounterError("audit.broken", entry=broken)
    for anchor, what in anchors:
        problem = anchor and anchor_problem(session, anchor, what)
        if problem:
            return problem
    missing = missing_triggers(session)
    if missing:
        return CounterError("audit.triggers_missing", names=", ".join(missing))
    return None


def last_anchor(session: Session) -> AuditHead | None:
    """The last head central acknowledged, as this counter kept it."""
    row = session.execute(
        select(AuditAnchorRow.entries, AuditAnchorRow.hash).order_by(AuditAnchorRow.id.desc())
    ).first()
    return None if row is None else AuditHead(row.entries, row.hash)


def keep_anchor(session: Session, head: AuditHead, *, at: datetime) -> None:
    session.add(AuditAnchorRow(entries=head.entries, hash=head.hash, at=at))


# The triggers that make the log and its anchors append-only (revisions 0001 and 0007).
AUDIT_TRIGGERS = {
    f"{table}_no_{verb.lower()}": (
        f"CREATE TRIGGER {table}_no_{verb.lower()} BEFORE {verb} ON {table} "
        f"BEGIN SELECT RAISE(ABORT, '{what} append-only'); END"
    )
    for table, what in (("audit_log", "audit log is"), ("audit_anchors", "audit anchors are"))
    for verb in ("UPDATE", "DELETE")
}


def missing_triggers(session: Session) -> list[str]:
    present = set(session.scalars(text("SELECT name FROM sqlite_master WHERE type = 'trigger'")))
    return sorted(set(AUDIT_TRIGGERS) - present)


def restore_triggers(session: Session) -> list[str]:
    """Put back the append-only triggers someone dropped; returns their names."""
    missing = missing_triggers(session)
    for name in missing:
        session.execute(text(AUDIT_TRIGGERS[name]))
    return missing


def replaced_codes(session: Session, code: str) -> list[str]:
    """The codes a renumbered dossier had before this one, the latest first (an indexed
    look-up by action and subject, each renumbering naming the code it replaced)."""
    replaced: list[str] = []
    while True:
        detail = session.scalar(
            select(AuditRow.detail)
            .where(AuditRow.action == RENUMBER_ACTION, AuditRow.subject == code)
            .order_by(AuditRow.id.desc())
            .limit(1)
        )
        if detail is None or detail["replaces"] in (code, *replaced):
            return replaced
        code = str(detail["replaces"])
        replaced.append(code)


@dataclass(frozen=True)
class OutboxEntry:
    entity: str
    entity_id: str
    operation: str
    payload: dict
    dossier: str | None = None  # a dossier's change: the JSON its push sends, as saved


def enqueue(session: Session, entries: Sequence[OutboxEntry], *, at: datetime) -> None:
    if entries:
        session.execute(
            insert(OutboxRow.__table__),
            [
                {
                    "created_at": at,
                    "entity": e.entity,
                    "entity_id": e.entity_id,
                    "operation": e.operation,
                    "payload": e.payload,
                    "dossier": e.dossier,
                }
                for e in entries
            ],
        )
