"""The citizen's paper store: signed papers filed by owner and kind, consents, the last
dossier of a person (what the intake page offers after the ID is scanned)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.domain.dossier import Dossier
from counter_app.store.dossiers import load_dossiers
from counter_app.store.journal import OutboxEntry, enqueue
from counter_app.store.models import CitizenPaperRow, DossierRow, OutboxRow, PaperConsentRow

OUTBOX_ENTITY = "citizen_paper"  # the outbox entries that carry a filed paper to central


@dataclass(frozen=True)
class FiledPaper:
    uuid: str
    owner_id: str
    kind: str
    sha256: str
    agency_code: str
    dossier_uuid: str
    issued_on: date | None
    expires_on: date | None
    signer: str
    filed_at: datetime
    filed_by: str
    source: str = "local"


def file_paper(session: Session, paper: FiledPaper) -> None:
    """File the paper; one filed here (not a copy of central's) waits in the outbox for
    central."""
    if paper.source == "local":
        queue_paper(session, paper.uuid, at=paper.filed_at)
    session.add(
        CitizenPaperRow(
            uuid=paper.uuid,
            owner_id=paper.owner_id,
            kind=paper.kind,
            sha256=paper.sha256,
            agency_code=paper.agency_code,
            dossier_uuid=paper.dossier_uuid,
            issued_on=paper.issued_on,
            expires_on=paper.expires_on,
            signer=paper.signer,
            filed_at=paper.filed_at,
            filed_by=paper.filed_by,
            source=paper.source,
        )
    )


def queue_paper(session: Session, uuid: str, *, at: datetime) -> None:
    """The paper goes (again) to central at the next sync, as it then stands."""
    enqueue(session, [OutboxEntry(OUTBOX_ENTITY, uuid, "upsert", {})], at=at)


def paper_of(row: object, source: str) -> FiledPaper:
    """The paper a row holds (a local row, or central's of the same columns)."""
    values = {f.name: getattr(row, f.name) for f in fields(FiledPaper) if f.name != "source"}
    return FiledPaper(**values, source=source)


def queued_papers(session: Session, uuids: Iterable[str]) -> set[str]:
    """The papers among `uuids` whose change still waits to go to central."""
    return set(
        session.scalars(
            select(OutboxRow.entity_id).where(
                OutboxRow.entity == OUTBOX_ENTITY, OutboxRow.entity_id.in_(list(uuids))
            )
        )
    )


def _paper(row: CitizenPaperRow) -> FiledPaper:
    return paper_of(row, row.source)


def papers_of(session: Session, owner_id: str, agencies: Iterable[str]) -> list[FiledPaper]:
    """The owner's papers filed for these agencies, newest first (index owner, kind)."""
    rows = session.scalars(
        select(CitizenPaperRow)
        .where(
            CitizenPaperRow.owner_id == owner_id,
            CitizenPaperRow.agency_code.in_(list(agencies)),
        )
        .order_by(CitizenPaperRow.filed_at.desc(), CitizenPaperRow.id.desc())
    )
    return [_paper(row) for row in rows]


def paper_by_uuid(session: Session, uuid: str) -> FiledPaper | None:
    row = session.scalar(select(CitizenPaperRow).where(CitizenPaperRow.uuid == uuid))
    return None if row is None else _paper(row)


def papers_by_uuid(session: Session, uuids: Iterable[str]) -> list[FiledPaper]:
    rows = session.scalars(select(CitizenPaperRow).where(CitizenPaperRow.uuid.in_(list(uuids))))
    return [_paper(row) for row in rows]


def set_paper_validity(
    session: Session, uuid: str, issued_on: date | None, expires_on: date | None
) -> bool:
    row = session.scalar(select(CitizenPaperRow).where(CitizenPaperRow.uuid == uuid))
    if row is None:
        return False
    row.issued_on, row.expires_on = issued_on, expires_on
    return True


def record_consent(
    session: Session, owner_id: str, dossier_uuid: str, *, given: bool, at: datetime, by: str
) -> None:
    session.add(
        PaperConsentRow(owner_id=owner_id, dossier_uuid=dossier_uuid, given=given, at=at, by=by)
    )


def consent_given(session: Session, owner_id: str, dossier_uuid: str) -> bool:
    """The latest answer recorded for this dossier (none: not given)."""
    answer = session.scalar(
        select(PaperConsentRow.given)
        .where(PaperConsentRow.owner_id == owner_id, PaperConsentRow.dossier_uuid == dossier_uuid)
        .order_by(PaperConsentRow.id.desc())
        .limit(1)
    )
    return bool(answer)


def last_dossier_of(session: Session, id_number: str) -> Dossier | None:
    """The person's most recent dossier at this counter (index on id_number)."""
    dossiers = DossierRow.__table__
    found = load_dossiers(
        session,
        select(dossiers)
        .where(dossiers.c.id_number == id_number)
        .order_by(dossiers.c.received_at.desc())
        .limit(1),
    )
    return found[0] if found else None
