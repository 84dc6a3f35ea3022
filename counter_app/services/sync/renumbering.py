"""Renumbering a dossier whose code central holds for another dossier: a counter that took
dossiers alone before it joined central may have given codes another counter gave too. The
dossier takes a new code of the same agency and receipt day, drawn from this counter's ranges
like any other; the change is audited (`dossier.renumber`, naming the code it replaces, which
the corrected receipt prints) and goes up with the next push."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime

from counter_app.domain.codes import DossierCode
from counter_app.services.moves import record_code_change
from counter_app.store.central import replica
from counter_app.store.codes import CodeMode, allocate_many
from counter_app.store.database import Session
from counter_app.store.dossiers import find_by_uuid
from counter_app.store.journal import RENUMBER_ACTION, AuditEntry

SYNC_ACTOR = "sync"  # the audit's actor of what the sync does by itself


def days_needed(session: Session, uuids: list[str]) -> dict[tuple[str, date], int]:
    """How many new numbers each (agency, receipt day) needs to renumber these dossiers."""
    needed: Counter[tuple[str, date]] = Counter()
    for uuid in uuids:
        dossier = find_by_uuid(session, uuid)
        if dossier is not None and dossier.code:
            needed[(dossier.agency_code, DossierCode.parse(dossier.code).day)] += 1
    return dict(needed)


def renumber(
    session: Session, uuids: list[str], *, mode: CodeMode, at: datetime, reason: str
) -> dict[str, str]:
    """Give each dossier a new code, in the caller's write transaction; returns old -> new.
    `reason` says where the clash was found (join, push, pull) for the audit trail."""
    renamed: dict[str, str] = {}
    for uuid in uuids:
        dossier = find_by_uuid(session, uuid)
        if dossier is None or not dossier.code:
            continue
        old = DossierCode.parse(dossier.code)
        key = (dossier.agency_code, old.day)
        number = allocate_many(session, {key: 1}, mode)[key][0]
        new = str(DossierCode(old.agency, old.day, number))
        version = replica.set_code(session, uuid, new)
        dossier.code = new
        record_code_change(
            session,
            dossier,
            version=version,
            at=at,
            audit=AuditEntry(
                at,
                SYNC_ACTOR,
                RENUMBER_ACTION,
                new,
                {"uuid": uuid, "replaces": str(old), "reason": reason},
            ),
        )
        renamed[str(old)] = new
    return renamed
