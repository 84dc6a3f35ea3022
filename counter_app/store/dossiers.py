"""Dossiers in and out of the tables. Writes take lists so that one intake and 200,000
synthetic ones go through the same statements (executemany), only batched differently."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Row,
    Select,
    and_,
    delete,
    func,
    insert,
    or_,
    select,
    update,
)
from sqlalchemy.orm import Session

from counter_app.domain.catalog import DocumentForm, FeeCollection
from counter_app.domain.clock import day_start, local
from counter_app.domain.dossier import (
    OPEN_STATES,
    Applicant,
    ApplicantType,
    Channel,
    Collector,
    DocumentReceived,
    Dossier,
    DossierFilter,
    FeeLine,
    HistoryEntry,
    ReturnMethod,
    Status,
    SupplementRound,
    Timeliness,
)
from counter_app.domain.identity_papers import IdType
from counter_app.domain.text import fold
from counter_app.store.models import (
    Base,
    DocumentRow,
    DossierRow,
    FeeLineRow,
    HistoryRow,
    OutboxRow,
    SupplementRoundRow,
)
from counter_app.store.search import NEWEST_FIRST, count_in_index, matching

_DOSSIERS = DossierRow.__table__
_NO_FILTER = DossierFilter(limit=0, offset=0)


def dossier_row_values(dossier: Dossier, *, origin: str, at: datetime, version: int) -> dict:
    applicant = dossier.applicant
    return {
        "uuid": dossier.uuid,
        "code": dossier.code,
        "procedure_code": dossier.procedure_code,
        "procedure_name": dossier.procedure_name,
        "agency_code": dossier.agency_code,
        "status": dossier.status.value,
        "applicant_type": applicant.type.value,
        "applicant_name": applicant.full_name,
        "applicant_name_folded": fold(applicant.full_name),
        "id_number": applicant.id_number,
        "id_type": applicant.paper_type.value,
        "birth_date": applicant.birth_date,
        "phone": applicant.phone,
        "email": applicant.email,
        "address": applicant.address,
        "organisation": applicant.organisation,
        "notice_consent": applicant.consents_to_notices,
        "sets": dossier.sets,
        "channel": dossier.channel.value,
        "return_method": dossier.return_method.value,
        "return_at": dossier.return_at,
        "note": dossier.note,
        "fee_total": dossier.fee_total,
        "received_at": dossier.received_at,
        "due_at": dossier.due_at,
        "completed_at": dossier.completed_at,
        "returned_at": dossier.returned_at,
        **_collector_values(dossier),
        "timeliness": dossier.timeliness.value if dossier.timeliness else None,
        "received_by": dossier.received_by,
        "origin_counter": origin,
        "version": version,
        "updated_at": at,
    }


def _collector_values(dossier: Dossier) -> dict:
    collector = dossier.collector
    return {
        "collector_name": collector.full_name if collector else "",
        "collector_id_number": collector.id_number if collector else "",
        "collector_authorised": collector.authorised if collector else False,
    }


def history_row_values(uuid: str, entry: HistoryEntry) -> dict:
    return {
        "dossier_uuid": uuid,
        "at": entry.at,
        "actor": entry.actor,
        "actor_name": entry.actor_name,
        "actor_title": entry.actor_title,
        "action": entry.action,
        "from_status": entry.from_status.value if entry.from_status else None,
        "to_status": entry.to_status.value,
        "note": entry.note,
        "place": entry.place,
    }


def round_row_values(uuid: str, position: int, round_: SupplementRound) -> dict:
    return {
        "dossier_uuid": uuid,
        "position": position,
        "requested_at": round_.requested_at,
        "old_due": round_.old_due,
        "resubmitted_at": round_.resubmitted_at,
        "new_due": round_.new_due,
        "from_status": round_.from_status.value,
    }


def _child_rows(dossiers: Sequence[Dossier]) -> list[tuple[type, list[dict]]]:
    """The documents, fee lines and supplement rounds of dossiers, as rows to insert."""
    documents = [
        {
            "dossier_uuid": d.uuid,
            "position": i,
            "name": doc.name,
            "form": doc.form.value,
            "count": doc.count,
            "component_code": doc.component_code,
        }
        for d in dossiers
        for i, doc in enumerate(d.documents)
    ]
    fees = [
        {
            "dossier_uuid": d.uuid,
            "position": i,
            "name": line.name,
            "amount": line.amount,
            "quantity": line.quantity,
            "collection": line.collection.value,
        }
        for d in dossiers
        for i, line in enumerate(d.fees)
    ]
    rounds = [
        round_row_values(d.uuid, i, r) for d in dossiers for i, r in enumerate(d.supplement_rounds)
    ]
    return [(DocumentRow, documents), (FeeLineRow, fees), (SupplementRoundRow, rounds)]


def _insert_rows(session: Session, groups: list[tuple[type[Base], list[dict]]]) -> None:
    for model, rows in groups:
        if rows:
            session.execute(insert(model.__table__), rows)


def insert_dossiers(
    session: Session, dossiers: Sequence[Dossier], *, origin: str, at: datetime
) -> None:
    """Insert new dossiers with all their children; the unique code constraint is the last
    guard against a duplicate."""
    if not dossiers:
        return
    session.execute(
        insert(DossierRow.__table__),
        [dossier_row_values(d, origin=origin, at=at, version=1) for d in dossiers],
    )
    insert_children(session, dossiers)


def insert_children(session: Session, dossiers: Sequence[Dossier]) -> None:
    """Every child row of dossiers whose own rows are written: papers, fees, rounds, history."""
    history = [history_row_values(d.uuid, entry) for d in dossiers for entry in d.history]
    _insert_rows(session, [*_child_rows(dossiers), (HistoryRow, history)])


_KEPT_COLUMNS = ("uuid", "origin_counter", "version")  # who made it, and the version counter


def save_dossier(
    session: Session, dossier: Dossier, entries: Sequence[HistoryEntry], *, at: datetime
) -> int:
    """Write a stored dossier as it stands after `entries` (its new moves): every value of its
    row, its papers, fee lines and rounds, and one history line per move. Returns the
    dossier's new version (central uses it to order changes)."""
    values = dossier_row_values(dossier, origin="", at=at, version=0)
    for column in _KEPT_COLUMNS:
        del values[column]
    version = session.execute(
        update(DossierRow)
        .where(DossierRow.uuid == dossier.uuid)
        .values(**values, version=DossierRow.version + 1)
        .returning(DossierRow.version)
    ).scalar_one()
    for model in (DocumentRow, FeeLineRow, SupplementRoundRow):
        session.execute(delete(model).where(model.dossier_uuid == dossier.uuid))
    history = [history_row_values(dossier.uuid, entry) for entry in entries]
    _insert_rows(session, [*_child_rows([dossier]), (HistoryRow, history)])
    return version


def _children(
    session: Session, model: type[Base], uuids: list[str], order: ColumnElement[Any]
) -> dict[str, list]:
    """Child rows of several dossiers in one query, grouped by dossier."""
    table = model.__table__
    grouped: dict[str, list] = defaultdict(list)
    query = select(table).where(table.c.dossier_uuid.in_(uuids)).order_by(order)
    for row in session.execute(query).all():  # one fetch, not one call a row
        grouped[row.dossier_uuid].append(row)
    return grouped


def load_dossiers(session: Session, query: Select) -> list[Dossier]:
    """Dossiers with all their children, in five plain queries whatever their number (Core
    rows, not ORM objects: a look-up by code stays well under a millisecond)."""
    rows = session.execute(query).all()
    if not rows:
        return []
    uuids = [row.uuid for row in rows]
    documents = _children(session, DocumentRow, uuids, DocumentRow.__table__.c.position)
    fees = _children(session, FeeLineRow, uuids, FeeLineRow.__table__.c.position)
    history = _children(session, HistoryRow, uuids, HistoryRow.__table__.c.id)
    rounds = _children(session, SupplementRoundRow, uuids, SupplementRoundRow.__table__.c.position)
    return [
        _to_domain(row, documents[row.uuid], fees[row.uuid], history[row.uuid], rounds[row.uuid])
        for row in rows
    ]


def _to_domain(row: Row, documents: list, fees: list, history: list, rounds: list) -> Dossier:
    return Dossier(
        uuid=row.uuid,
        code=row.code,
        procedure_code=row.procedure_code,
        procedure_name=row.procedure_name,
        agency_code=row.agency_code,
        status=Status(row.status),
        applicant=Applicant(
            full_name=row.applicant_name,
            type=ApplicantType(row.applicant_type),
            id_number=row.id_number,
            birth_date=row.birth_date,
            phone=row.phone,
            email=row.email,
            address=row.address,
            organisation=row.organisation,
            id_type=IdType(row.id_type) if row.id_type else None,
            consents_to_notices=row.notice_consent,
        ),
        documents=[
            DocumentReceived(d.name, DocumentForm(d.form), d.count, d.component_code)
            for d in documents
        ],
        fees=[FeeLine(f.name, f.amount, f.quantity, FeeCollection(f.collection)) for f in fees],
        sets=row.sets,
        channel=Channel(row.channel),
        return_method=ReturnMethod(row.return_method),
        return_at=row.return_at,
        note=row.note,
        received_at=row.received_at,
        due_at=row.due_at,
        completed_at=row.completed_at,
        returned_at=row.returned_at,
        collector=(
            Collector(row.collector_name, row.collector_id_number, row.collector_authorised)
            if row.collector_name
            else None
        ),
        timeliness=Timeliness(row.timeliness) if row.timeliness else None,
        received_by=row.received_by,
        history=[
            HistoryEntry(
                at=h.at,
                actor=h.actor,
                action=h.action,
                from_status=Status(h.from_status) if h.from_status else None,
                to_status=Status(h.to_status),
                note=h.note,
                place=h.place,
                actor_name=h.actor_name,
                actor_title=h.actor_title,
            )
            for h in history
        ],
        supplement_rounds=[
            SupplementRound(
                requested_at=r.requested_at,
                old_due=r.old_due,
                resubmitted_at=r.resubmitted_at,
                new_due=r.new_due,
                from_status=Status(r.from_status),
            )
            for r in rounds
        ],
    )


def find_by_code(session: Session, code: str) -> Dossier | None:
    found = load_dossiers(session, select(_DOSSIERS).where(_DOSSIERS.c.code == code))
    return found[0] if found else None


def find_by_uuid(session: Session, uuid: str) -> Dossier | None:
    found = load_dossiers(session, select(_DOSSIERS).where(_DOSSIERS.c.uuid == uuid))
    return found[0] if found else None


def book_number(session: Session, received_at: datetime, code: str) -> int:
    """The dossier's running number in the tracking book's volume of its year (Vietnam time):
    dossiers received earlier that year, the code breaking a tie, plus one."""
    year_start = day_start(date(local(received_at).year, 1, 1))
    earlier = or_(
        DossierRow.received_at < received_at,
        and_(DossierRow.received_at == received_at, DossierRow.code < code),
    )
    query = select(func.count()).where(DossierRow.received_at >= year_start, earlier)
    return int(session.scalar(query) or 0) + 1


def filtered_query(criteria: DossierFilter) -> Select:
    """The dossiers `criteria` asks for, in the list's order (newest first)."""
    query = select(_DOSSIERS)
    first = criteria.day or criteria.date_from
    last = criteria.day or criteria.date_to
    if first:
        query = query.where(DossierRow.received_at >= day_start(first))
    if last:
        query = query.where(
            DossierRow.received_at < day_start(last.fromordinal(last.toordinal() + 1))
        )
    if criteria.statuses:
        query = query.where(DossierRow.status.in_([s.value for s in criteria.statuses]))
    if criteria.procedure_code:
        query = query.where(DossierRow.procedure_code == criteria.procedure_code)
    if criteria.open_only or criteria.overdue_at:
        query = query.where(DossierRow.status.in_([s.value for s in OPEN_STATES]))
    if criteria.overdue_at:
        query = query.where(DossierRow.due_at < criteria.overdue_at)
    if criteria.due_from:
        query = query.where(DossierRow.due_at >= criteria.due_from)
    if criteria.due_to:
        query = query.where(DossierRow.due_at < criteria.due_to)
    needle = criteria.text.strip()
    return matching(query, needle) if needle else query.order_by(*NEWEST_FIRST)


def count_dossiers(session: Session, criteria: DossierFilter) -> int:
    """How many dossiers `criteria` finds (the list's total)."""
    needle = criteria.text.strip()
    text_alone = replace(criteria, text="", limit=0, offset=0) == _NO_FILTER
    query = count_in_index(needle) if needle and text_alone else None
    if query is None:
        query = filtered_query(criteria).with_only_columns(func.count(), maintain_column_froms=True)
        query = query.order_by(None)
    return session.scalar(query) or 0


def list_dossiers(session: Session, criteria: DossierFilter) -> list[Dossier]:
    query = filtered_query(criteria).limit(criteria.limit).offset(criteria.offset)
    return load_dossiers(session, query)


def outbox_count(session: Session) -> int:
    """Moves recorded here and not yet sent to central."""
    return session.scalar(select(func.count()).select_from(OutboxRow)) or 0
