"""What central does itself: catalog, calendar, decisions, online submissions, export."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import (
    func,
    insert,
    select,
    update,
)
from sqlalchemy.orm import Session

from counter_app.domain.catalog import Catalog
from counter_app.domain.catalog_file import procedure_to_json
from counter_app.domain.dossier import Dossier, Status
from counter_app.domain.errors import CounterError
from counter_app.domain.lifecycle import apply
from counter_app.domain.serialize import dossier_to_json
from counter_app.domain.sync import (
    CENTRAL_WRITER,
    central_action,
    dossier_from_json,
    with_origins,
)
from counter_app.store.central.dossier_writes import UPDATED
from counter_app.store.central.models import (
    CentralAgencyRow,
    CentralCalendarRow,
    CentralConflictRow,
    CentralProcedureRow,
    CounterRow,
)
from counter_app.store.central.notices import queue_decision_notices
from counter_app.store.central.repository import (
    DOSSIERS,
    _values,
    next_seq,
    shifter,
)


def import_catalog(session: Session, catalog: Catalog) -> int:
    """Insert or update agencies and procedures; each changed row takes a new seq."""
    count = len(catalog.agencies) + len(catalog.procedures)
    if not count:
        return 0
    seq = next_seq(session, count)
    for i, agency in enumerate(catalog.agencies):
        session.merge(
            CentralAgencyRow(
                code=agency.code,
                name=agency.name,
                parent_code=agency.parent_code,
                short_name=agency.short_name,
                seq=seq + i,
            )
        )
    seq += len(catalog.agencies)
    for i, procedure in enumerate(catalog.procedures):
        session.merge(
            CentralProcedureRow(
                code=procedure.code,
                agency_code=procedure.agency_code,
                field=procedure.field,
                data=procedure_to_json(procedure),
                seq=seq + i,
            )
        )
    return count


def set_calendar_day(
    session: Session, day: date, *, working: bool, agency_code: str = "", note: str = ""
) -> None:
    session.merge(
        CentralCalendarRow(
            agency_code=agency_code,
            day=day,
            working=working,
            note=note,
            seq=next_seq(session, 1),
            removed=False,
        )
    )


def remove_calendar_day(session: Session, day: date, *, agency_code: str = "") -> None:
    """The row stays, marked removed with a new seq, so counters pull the removal."""
    row = session.get(CentralCalendarRow, (agency_code, day))
    if row is None or row.removed:
        raise CounterError("central.no_calendar_day", day=day.isoformat())
    row.removed, row.seq = True, next_seq(session, 1)


def procedure_data(session: Session, code: str) -> dict | None:
    row = session.get(CentralProcedureRow, code)
    return None if row is None else row.data


def record_decision(
    session: Session,
    code: str,
    target: Status,
    *,
    actor: str,
    note: str,
    at: datetime,
    place: str = "",
) -> Dossier:
    """A processing department's decision, checked by the lifecycle like a counter's move."""
    row = session.execute(
        select(DOSSIERS.c.uuid, DOSSIERS.c.version, DOSSIERS.c.data)
        .where(DOSSIERS.c.code == code)
        .with_for_update()
    ).first()
    if row is None:
        raise CounterError("dossier.unknown", code=code)
    dossier = dossier_from_json(row.data)
    action = central_action(dossier, target)
    apply(
        dossier,
        action,
        actor=actor,
        at=at,
        note=note,
        place=place,
        shift_due=shifter(session, dossier.agency_code),
    )
    data = with_origins(dossier_to_json(dossier), dossier)
    values = _values(data, row.version + 1, CENTRAL_WRITER, None, at)
    values["seq"] = next_seq(session, 1)
    session.execute(
        update(DOSSIERS)
        .where(DOSSIERS.c.uuid == row.uuid)
        .values({k: v for k, v in values.items() if k in UPDATED})
    )
    queue_decision_notices(session, dossier, dossier.history[-1:], at=at)  # sent from here
    return dossier


def insert_submission(session: Session, dossier: Dossier, *, at: datetime) -> None:
    """An online submission as the portal sends it: no code yet, state receiving."""
    data = with_origins(dossier_to_json(dossier), dossier)
    values = _values(data, 1, CENTRAL_WRITER, None, at)
    values["seq"] = next_seq(session, 1)
    session.execute(insert(DOSSIERS), [values])


@dataclass(frozen=True)
class ExportRow:
    """A dossier as the portal export reads it, with what the record names beside it."""

    seq: int
    data: dict
    procedure: dict | None  # the catalog entry (field code and name, fee codes)
    unit_name: str
    digitised: frozenset[str]  # papers (components) central holds a scan of
    reused: frozenset[str] = frozenset()  # papers attached from the citizen's paper store


EXPORT_BATCH = 500


def export_rows(
    session: Session, day: date | None = None, since: int | None = None
) -> Iterator[ExportRow]:
    """Coded dossiers, streamed: in code order, or with `since` those changed after that
    sequence number, in sequence order (a number is never visible before a lower one, so a
    connector that continues from the last one printed misses nothing)."""
    from counter_app.domain.clock import day_start
    from counter_app.domain.signing import REUSED_NAME_PREFIX
    from counter_app.store.central.blobs import CentralAttachmentRow

    agencies = CentralAgencyRow.__table__
    procedures = CentralProcedureRow.__table__
    query = (
        select(DOSSIERS.c.uuid, DOSSIERS.c.seq, DOSSIERS.c.data, procedures.c.data, agencies.c.name)
        .select_from(DOSSIERS)
        .outerjoin(
            procedures, procedures.c.code == DOSSIERS.c.data["procedure"]["code"].as_string()
        )
        .outerjoin(agencies, agencies.c.code == DOSSIERS.c.agency_code)
        .where(DOSSIERS.c.code.is_not(None))
    )
    if since is None:
        query = query.order_by(DOSSIERS.c.code)
    else:
        query = query.where(DOSSIERS.c.seq > since).order_by(DOSSIERS.c.seq)
    if day is not None:
        query = query.where(
            DOSSIERS.c.received_at >= day_start(day),
            DOSSIERS.c.received_at < day_start(date.fromordinal(day.toordinal() + 1)),
        )
    batch: list = []

    def scanned(rows: list) -> Iterator[ExportRow]:
        held: dict[str, set[str]] = {}
        reused: dict[str, set[str]] = {}
        for uuid, component, name in session.execute(
            select(
                CentralAttachmentRow.dossier_uuid,
                CentralAttachmentRow.component,
                CentralAttachmentRow.original_name,
            ).where(
                CentralAttachmentRow.dossier_uuid.in_([row[0] for row in rows]),
                CentralAttachmentRow.removed.is_(False),
            )
        ):
            held.setdefault(uuid, set()).add(component)
            if name.startswith(REUSED_NAME_PREFIX):
                reused.setdefault(uuid, set()).add(component)
        for uuid, seq, data, procedure, unit in rows:
            yield ExportRow(
                seq,
                data,
                procedure,
                unit or "",
                frozenset(held.get(uuid, ())),
                frozenset(reused.get(uuid, ())),
            )

    for row in session.execute(query.execution_options(yield_per=EXPORT_BATCH)):
        batch.append(tuple(row))
        if len(batch) == EXPORT_BATCH:
            yield from scanned(batch)
            batch = []
    if batch:
        yield from scanned(batch)


def counts(session: Session) -> dict[str, int]:
    return {
        "dossiers": session.scalar(select(func.count()).select_from(DOSSIERS)) or 0,
        "conflicts": session.scalar(select(func.count()).select_from(CentralConflictRow)) or 0,
        "counters": session.scalar(select(func.count()).select_from(CounterRow)) or 0,
    }
