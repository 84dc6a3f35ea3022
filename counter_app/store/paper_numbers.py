"""The registers of numbered papers: one number per paper of a dossier, running per year and
kind, given the first time the paper is made and read back unchanged on every reprint."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from counter_app.store.models import PaperNumberRow


def paper_number(
    session: Session, dossier_uuid: str, kind: str, *, year: int, symbol: str, at: datetime
) -> PaperNumberRow:
    """The paper's number, given now from the register of `kind` for `year` if it has none."""
    given = session.scalars(
        select(PaperNumberRow).where(
            PaperNumberRow.dossier_uuid == dossier_uuid, PaperNumberRow.kind == kind
        )
    ).first()
    if given is not None:
        return given
    last = session.scalar(
        select(func.max(PaperNumberRow.number)).where(
            PaperNumberRow.kind == kind, PaperNumberRow.year == year
        )
    )
    row = PaperNumberRow(
        dossier_uuid=dossier_uuid,
        kind=kind,
        year=year,
        number=(last or 0) + 1,
        symbol=symbol,
        given_at=at,
    )
    session.add(row)
    session.flush()
    return row
