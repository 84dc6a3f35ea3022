"""The citizen's paper store as central keeps it."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.store.central.dialects import insert_or_update
from counter_app.store.central.models import CentralCitizenPaperRow
from counter_app.store.central.repository import _agencies_of
from counter_app.store.citizen_papers import FiledPaper, paper_of


def file_papers(session: Session, counter: int, papers: list[FiledPaper]) -> list[str]:
    """Keep the papers a counter filed, for the agencies it serves (another agency's, of a
    dossier it received for it, stays at the counter); one central holds already (a reply lost,
    a validity corrected) keeps its owner and copy and takes the validity sent. Returns the
    uuids taken."""
    mine = set(_agencies_of(session, counter))
    taken = [paper for paper in papers if not mine or paper.agency_code in mine]
    if taken:
        table = CentralCitizenPaperRow.__table__
        statement = insert_or_update(session, table, ["uuid"], ["issued_on", "expires_on"])
        session.execute(
            statement,
            [
                {
                    "uuid": paper.uuid,
                    "owner_id": paper.owner_id,
                    "kind": paper.kind,
                    "sha256": paper.sha256,
                    "agency_code": paper.agency_code,
                    "dossier_uuid": paper.dossier_uuid,
                    "issued_on": paper.issued_on,
                    "expires_on": paper.expires_on,
                    "signer": paper.signer,
                    "filed_at": paper.filed_at,
                    "filed_by": paper.filed_by,
                    "counter_number": counter,
                }
                for paper in taken
            ],
        )
    return [paper.uuid for paper in taken]


def papers_for(session: Session, counter: int, owner_id: str) -> list[FiledPaper]:
    """The owner's papers filed for the agencies this counter serves (row-level security says
    the same on PostgreSQL), newest first."""
    query = (
        select(CentralCitizenPaperRow)
        .where(CentralCitizenPaperRow.owner_id == owner_id)
        .order_by(CentralCitizenPaperRow.filed_at.desc(), CentralCitizenPaperRow.uuid)
    )
    mine = _agencies_of(session, counter)
    if mine:
        query = query.where(CentralCitizenPaperRow.agency_code.in_(mine))
    return [paper_of(row, "central") for row in session.scalars(query)]
