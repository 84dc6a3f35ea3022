"""What central keeps append-only for each counter: its audit chain's anchors and the
citizens' ratings.
"""

from __future__ import annotations

import re
from datetime import datetime

from sqlalchemy import (
    insert,
    select,
    text,
)
from sqlalchemy.orm import Session

from counter_app.domain.errors import CounterError
from counter_app.store.central.models import (
    CentralAuditAnchorRow,
    CentralRatingRow,
)
from counter_app.store.central.repository import (
    _dialect,
    _insert_ignore,
    next_seq,
)
from counter_app.store.journal import AuditHead

# --- audit anchors


def audit_anchor(session: Session, counter: int) -> AuditHead | None:
    """The counter's last anchored audit chain head (row-level security shows a counter only
    its own on PostgreSQL)."""
    table = CentralAuditAnchorRow.__table__
    row = session.execute(
        select(table.c.entries, table.c.hash)
        .where(table.c.counter_number == counter)
        .order_by(table.c.entries.desc())
        .limit(1)
    ).first()
    return None if row is None else AuditHead(row.entries, row.hash)


def record_anchor(
    session: Session, counter: int, head: AuditHead, prior: AuditHead | None, *, at: datetime
) -> str:
    """Anchor the counter's chain head, append-only: 'recorded', 'same', 'behind' or 'differs'
    (see `central_record_anchor`, revision c0006, which does it on PostgreSQL as the calling
    counter; the counter roles cannot write the table)."""
    if _dialect(session) == "postgresql":
        return str(
            session.execute(
                text("SELECT central_record_anchor(:entries, :hash, :prior_entries, :prior_hash)"),
                {
                    "entries": head.entries,
                    "hash": head.hash,
                    "prior_entries": prior.entries if prior else 0,
                    "prior_hash": prior.hash if prior else "",
                },
            ).scalar()
        )
    if not _HEAD_HASH.match(head.hash) or head.entries < 0:
        raise CounterError("central.denied", reason="not an audit chain head")
    last = audit_anchor(session, counter)  # under SQLite's write lock: one anchor at a time
    if last is not None:
        if head.entries < last.entries:
            return "behind"
        if head.entries == last.entries:
            return "same" if head.hash == last.hash else "differs"
        if prior != last:
            return "differs"
    session.execute(
        insert(CentralAuditAnchorRow.__table__),
        [{"counter_number": counter, "entries": head.entries, "hash": head.hash, "at": at}],
    )
    return "recorded"


_HEAD_HASH = re.compile(r"^[0-9a-f]{64}$")


# --- ratings


def record_ratings(session: Session, counter: int, ratings: list[dict]) -> list[str]:
    """Keep the citizens' ratings a counter sends (`Rating.to_json`), append-only: one already
    there (a reply lost after commit, or the same occasion rated at another counter) is left
    as it is. Returns the uuids central now holds for the dossier and occasion."""
    table = CentralRatingRow.__table__
    rows = [
        {
            "uuid": rating["uuid"],
            "counter_number": counter,
            "dossier_uuid": rating["dossier_uuid"],
            "code": rating.get("code") or "",
            "occasion": rating["occasion"],
            "level": rating["level"],
            "reasons": list(rating.get("reasons") or ()),
            "officer": rating["officer"],
            "at": datetime.fromisoformat(rating["at"]),
            "source": rating["source"],
        }
        for rating in ratings
    ]
    if rows and _dialect(session) != "postgresql":  # there a trigger numbers them (c0013)
        first = next_seq(session, len(rows))
        for offset, row in enumerate(rows):
            row["seq"] = first + offset
    _insert_ignore(session, table, rows, None)  # either unique key may be taken already
    return [row["uuid"] for row in rows]
