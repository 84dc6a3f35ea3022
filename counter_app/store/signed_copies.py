"""Rows of the signed electronic copies of a dossier (the files are its attachments)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.store.models import SignedCopyRow


@dataclass(frozen=True)
class SignedCopy:
    dossier_uuid: str
    sha256: str
    what: str
    component: str
    signer: str
    unit: str
    signed_at: datetime
    by: str
    reused_from: str | None = None


def add_signed_copy(session: Session, copy: SignedCopy) -> None:
    session.add(
        SignedCopyRow(
            dossier_uuid=copy.dossier_uuid,
            sha256=copy.sha256,
            what=copy.what,
            component=copy.component,
            signer=copy.signer,
            unit=copy.unit,
            signed_at=copy.signed_at,
            by=copy.by,
            reused_from=copy.reused_from,
        )
    )


def signed_copies_of(session: Session, dossier_uuid: str) -> list[SignedCopy]:
    rows = session.scalars(
        select(SignedCopyRow)
        .where(SignedCopyRow.dossier_uuid == dossier_uuid)
        .order_by(SignedCopyRow.signed_at, SignedCopyRow.id)
    )
    return [
        SignedCopy(
            row.dossier_uuid,
            row.sha256,
            row.what,
            row.component,
            row.signer,
            row.unit,
            row.signed_at,
            row.by,
            row.reused_from,
        )
        for row in rows
    ]
