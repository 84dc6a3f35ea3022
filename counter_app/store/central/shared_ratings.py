"""Ratings shared by agency (revision c0013): a dossier received at one counter may be handed
back, and rated, at another; every counter of the dossier's agency pulls the rating, by keyset
on the change sequence like any change, so its supervisor's review and the province's figures
count it. Row-level security says the same on PostgreSQL."""

from __future__ import annotations

from sqlalchemy import Select, select

from counter_app.store.central.models import CentralDossierRow, CentralRatingRow

RATINGS = CentralRatingRow.__table__
DOSSIERS = CentralDossierRow.__table__


def ratings_after(
    cursor: int, top: int, limit: int, counter: int, agencies: tuple[str, ...]
) -> Select:
    """The next ratings given at other counters to dossiers of `agencies` (none: a trial
    counter serving every agency), after `cursor` and up to the sequence's `top`."""
    query = select(RATINGS).where(
        RATINGS.c.seq > cursor, RATINGS.c.seq <= top, RATINGS.c.counter_number != counter
    )
    if agencies:
        of_agencies = select(DOSSIERS.c.uuid).where(DOSSIERS.c.agency_code.in_(agencies))
        query = query.where(RATINGS.c.dossier_uuid.in_(of_agencies))
    return query.order_by(RATINGS.c.seq).limit(limit)
