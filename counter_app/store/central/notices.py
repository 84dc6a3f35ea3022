"""The notices of decisions taken at central (revision c0013): queued there with the decision,
in its transaction, and sent by central's sender with the counters' worker code
(`counter_app.store.notices` on `CentralNoticeRow`). The counter that received the dossier
queues none when the decision comes down, so each is sent once, from where it was taken."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from counter_app.domain.dossier import Dossier, HistoryEntry
from counter_app.domain.notices import DEFAULT_UNIT, notices_for, templates_from
from counter_app.store.central.models import CentralAgencyRow, CentralNoticeRow, CentralSetting
from counter_app.store.notices import waiting


def queue_decision_notices(
    session: Session, dossier: Dossier, entries: Sequence[HistoryEntry], *, at: datetime
) -> None:
    """The notices the decision's moves call for (only with the applicant's consent), from
    central's templates (`notices.templates` in central's settings; the defaults without) and
    with the agency's name as the unit."""
    setting = session.get(CentralSetting, "notices.templates")
    templates = templates_from(None if setting is None else setting.value.get("value"))
    agency = session.scalar(
        select(CentralAgencyRow.name).where(CentralAgencyRow.code == dossier.agency_code)
    )
    rows = [
        {
            **waiting(dossier, notice, at),
            "code": dossier.code or "",
            "agency_code": dossier.agency_code,
        }
        for entry in entries
        for notice in notices_for(dossier, entry, templates, agency or DEFAULT_UNIT)
    ]
    if rows:
        session.execute(insert(CentralNoticeRow), rows)


def central_notices(session: Session, code: str | None = None) -> list[CentralNoticeRow]:
    """Central's notices (of one dossier with `code`), oldest first."""
    query = select(CentralNoticeRow).order_by(CentralNoticeRow.id)
    if code is not None:
        query = query.where(CentralNoticeRow.code == code)
    return list(session.scalars(query))
