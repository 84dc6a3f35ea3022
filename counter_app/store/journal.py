"""What every change leaves behind in its own transaction: an outbox entry for the sync, and
an audit entry chained by hash to the one before it, so an edited or removed entry shows."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from counter_app.domain.clock import iso
from counter_app.store.models import AuditRow, OutboxRow

GENESIS = "0" * 64


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
class OutboxEntry:
    entity: str
    entity_id: str
    operation: str
    payload: dict


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
                }
                for e in entries
            ],
        )
