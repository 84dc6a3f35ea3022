"""The queue ticket written on the dossier it was served for, in the counter's local store."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from counter_app.domain.errors import CounterError
from counter_app.store.database import Database
from counter_app.store.models import DossierRow


def stamp_dossier(
    database: Database, code: str, ticket: str, taken_at: datetime, called_at: datetime | None
) -> None:
    with database.write() as session:
        row = session.scalars(select(DossierRow).where(DossierRow.code == code)).first()
        if row is None:
            raise CounterError("dossier.unknown", code=code)
        row.queue_ticket = ticket
        row.queue_taken_at = taken_at
        row.queue_called_at = called_at


def dossier_stamp(database: Database, code: str) -> tuple[str, datetime, datetime | None] | None:
    """(ticket, taken at, called at) of the dossier, if it was served from the queue."""
    with database.read() as session:
        row = session.execute(
            select(
                DossierRow.queue_ticket, DossierRow.queue_taken_at, DossierRow.queue_called_at
            ).where(DossierRow.code == code)
        ).first()
    if row is None or row[0] is None or row[1] is None:
        return None
    return row[0], row[1], row[2]
