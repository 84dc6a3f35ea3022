"""Ratings and payments in the local store (migration 0017); each function runs in the
caller's transaction."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from counter_app.domain.clock import now
from counter_app.domain.dossier import Status
from counter_app.domain.ratings import Level, Occasion, Rating, Source
from counter_app.domain.reports import MethodTotal
from counter_app.store.models import DossierRow, PaymentRow, RatingRow


def rating_of(row: RatingRow, code: str) -> Rating:
    return Rating(
        uuid=row.uuid,
        dossier_uuid=row.dossier_uuid,
        code=code,
        occasion=Occasion(row.occasion),
        level=Level(row.level),
        reasons=tuple(row.reasons or ()),
        officer=row.officer,
        at=row.at,
        source=Source(row.source),
    )


def find_rating(session: Session, dossier_uuid: str, occasion: Occasion) -> RatingRow | None:
    return session.scalar(
        select(RatingRow).where(
            RatingRow.dossier_uuid == dossier_uuid, RatingRow.occasion == occasion.value
        )
    )


def add_rating(session: Session, rating: Rating, *, synced_at: datetime | None = None) -> bool:
    """Store the rating; False when the dossier already has one for that occasion (given at
    the same moment elsewhere) or it is there already, and nothing is stored. `synced_at`: a
    rating central sent, never sent back."""
    row = RatingRow(
        uuid=rating.uuid,
        dossier_uuid=rating.dossier_uuid,
        occasion=rating.occasion.value,
        level=rating.level.value,
        reasons=list(rating.reasons),
        officer=rating.officer,
        at=rating.at,
        source=rating.source.value,
        synced_at=synced_at,
    )
    try:
        with session.begin_nested():
            session.add(row)
    except IntegrityError:
        return False
    return True


def apply_ratings(session: Session, rows: list[dict]) -> int:
    """Ratings given at other counters to dossiers held here, as central's pull sends them:
    each kept once by its uuid (a page pulled again adds nothing). Returns how many are new."""
    wanted = [row["dossier_uuid"] for row in rows]
    held = set(session.scalars(select(DossierRow.uuid).where(DossierRow.uuid.in_(wanted))))
    at = now()
    return sum(
        add_rating(
            session,
            Rating(
                uuid=row["uuid"],
                dossier_uuid=row["dossier_uuid"],
                code=row["code"],
                occasion=Occasion(row["occasion"]),
                level=Level(row["level"]),
                reasons=tuple(row["reasons"] or ()),
                officer=row["officer"],
                at=row["at"],
                source=Source(row["source"]),
            ),
            synced_at=at,
        )
        for row in rows
        if row["dossier_uuid"] in held
    )


def paid_total(session: Session, dossier_uuid: str) -> int:
    """What the payments recorded on the dossier add up to."""
    total = select(func.coalesce(func.sum(PaymentRow.amount), 0))
    return int(session.scalar(total.where(PaymentRow.dossier_uuid == dossier_uuid)) or 0)


def ratings_of_dossier(session: Session, dossier_uuid: str, code: str) -> list[Rating]:
    rows = session.scalars(
        select(RatingRow).where(RatingRow.dossier_uuid == dossier_uuid).order_by(RatingRow.at)
    )
    return [rating_of(row, code) for row in rows]


def rating_rows(
    session: Session, start: datetime, end: datetime, officer: str | None = None
) -> list[tuple[str, str, str]]:
    """(level, officer, procedure code) of the ratings given in [start, end)."""
    query = (
        select(RatingRow.level, RatingRow.officer, DossierRow.procedure_code)
        .join(DossierRow, DossierRow.uuid == RatingRow.dossier_uuid)
        .where(RatingRow.at >= start, RatingRow.at < end)
    )
    if officer is not None:
        query = query.where(RatingRow.officer == officer)
    return [(row[0], row[1], row[2]) for row in session.execute(query)]


def unsynced_ratings(session: Session, limit: int) -> list[Rating]:
    rows = session.execute(
        select(RatingRow, DossierRow.code)
        .join(DossierRow, DossierRow.uuid == RatingRow.dossier_uuid)
        .where(RatingRow.synced_at.is_(None))
        .order_by(RatingRow.at)
        .limit(limit)
    ).all()
    return [rating_of(row[0], row[1] or "") for row in rows]


def mark_synced(session: Session, uuids: list[str], at: datetime) -> None:
    if uuids:
        session.execute(update(RatingRow).where(RatingRow.uuid.in_(uuids)).values(synced_at=at))


def add_payment(
    session: Session, dossier_uuid: str, amount: int, method: str, reference: str, by: str,
    at: datetime,
) -> None:  # fmt: skip
    session.add(
        PaymentRow(
            dossier_uuid=dossier_uuid,
            amount=amount,
            method=method,
            reference=reference,
            by=by,
            at=at,
        )
    )


def payments_by_method(
    session: Session, start: datetime, end: datetime, officer: str | None = None
) -> dict[str, MethodTotal]:
    """The payments recorded in [start, end) per method: how many and how much. A dossier
    refused at intake kept no fees: what its intake recorded is handed back, not counted."""
    query = select(PaymentRow.method, func.count(), func.coalesce(func.sum(PaymentRow.amount), 0))
    query = query.join(DossierRow, DossierRow.uuid == PaymentRow.dossier_uuid).where(
        PaymentRow.at >= start, PaymentRow.at < end, DossierRow.status != Status.DENIED.value
    )
    if officer is not None:
        query = query.where(PaymentRow.by == officer)
    grouped = session.execute(query.group_by(PaymentRow.method))
    return {method: MethodTotal(int(count), int(amount)) for method, count, amount in grouped}
