"""A counter's push of its dossiers and its pull of what changed centrally."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    insert,
    select,
)
from sqlalchemy.orm import Session

from counter_app.domain.codes import DossierCode
from counter_app.domain.errors import CounterError
from counter_app.domain.lifecycle import DueShift
from counter_app.domain.serialize import dossier_to_json
from counter_app.domain.sync import (
    CENTRAL_WRITER,
    Decision,
    Outcome,
    decide_push,
    dossier_from_json,
    with_origins,
)
from counter_app.store.central.counters import owns_code
from counter_app.store.central.dialects import among
from counter_app.store.central.dossier_writes import write_dossiers
from counter_app.store.central.models import (
    CentralAgencyRow,
    CentralCalendarRow,
    CentralConflictRow,
    CentralProcedureRow,
    ChangeSequence,
)
from counter_app.store.central.repository import (
    DOSSIERS,
    _agencies_of,
    _dialect,
    _pushed_values,
    _values,
    check_scope,
    next_seq,
    shifter,
    visible_to,
)
from counter_app.store.central.shared_ratings import ratings_after
from counter_app.store.central.wire import (
    Page,
    PushItem,
    PushResult,
)


def push(
    session: Session, counter: int, items: list[PushItem], *, at: datetime
) -> list[PushResult]:
    """Apply one batch of a counter's dossiers. Idempotent: the same batch again changes
    nothing and answers `duplicate` for what was taken the first time."""
    if not items:
        return []
    uuids = [item.uuid for item in items]
    stored_rows = {
        row.uuid: row
        for row in session.execute(
            select(
                DOSSIERS.c.uuid,
                DOSSIERS.c.version,
                DOSSIERS.c.written_by,
                DOSSIERS.c.origin_counter,
                DOSSIERS.c.data,
            )
            .where(among(session, DOSSIERS.c.uuid, uuids))
            .with_for_update()
        )
    }
    mine = set(_agencies_of(session, counter))
    check_scope(
        session,
        counter,
        {
            item.head.agency
            for item in items
            if mine
            and item.head.agency not in mine
            and not _received_here(session, counter, item, stored_rows.get(item.uuid))
        },
    )
    codes = [item.head.code for item in items if item.head.code]
    code_owner = dict(
        session.execute(
            select(DOSSIERS.c.code, DOSSIERS.c.uuid).where(among(session, DOSSIERS.c.code, codes))
        ).all()
    )
    shifts: dict[str, DueShift] = {}
    results: list[PushResult] = []
    inserts: list[dict] = []
    updates: list[dict] = []
    conflicts: list[tuple[PushItem, PushResult]] = []
    for item in items:
        code = item.head.code
        row = stored_rows.get(item.uuid)
        if code and code_owner.get(code, item.uuid) != item.uuid:
            results.append(
                PushResult(
                    item.uuid,
                    Outcome.CODE_TAKEN,
                    row.version if row else 0,
                    reason=f"code {code} is taken",
                )
            )
            continue
        if row is None and item.head.received_only:
            decision = Decision(Outcome.INSERTED, None, item.version)  # as decide_push says
        else:
            stored = (row.data, row.version, row.written_by) if row else None
            decision = _decided(session, shifts, counter, item, stored)
        if decision.outcome is Outcome.INSERTED:
            inserts.append(_pushed_values(item, counter, counter, at))
            results.append(PushResult(item.uuid, decision.outcome, item.version))
            if code:
                code_owner[code] = item.uuid
        elif decision.outcome is Outcome.UPDATED:
            updates.append(_pushed_values(item, counter, None, at))
            results.append(PushResult(item.uuid, decision.outcome, item.version))
            if code:
                code_owner[code] = item.uuid
        elif decision.outcome is Outcome.MERGED:
            assert decision.dossier is not None and row is not None
            data = row.data
            if decision.version != row.version:
                data = with_origins(dossier_to_json(decision.dossier), decision.dossier)
                updates.append(_values(data, decision.version, CENTRAL_WRITER, None, at))
            results.append(PushResult(item.uuid, decision.outcome, decision.version, data))
        elif decision.outcome is Outcome.DUPLICATE:
            results.append(PushResult(item.uuid, decision.outcome, decision.version))
        else:
            result = PushResult(
                item.uuid,
                decision.outcome,
                decision.version,
                row.data if row else None,
                decision.reason,
            )
            results.append(result)
            conflicts.append((item, result))
    # On PostgreSQL a counter cannot move the change sequence: the dossiers' trigger (revision
    # c0005) numbers each row it checks.
    numbered = _dialect(session) != "postgresql"
    if (inserts or updates) and numbered:
        first = next_seq(session, len(inserts) + len(updates))
        for offset, values in enumerate([*inserts, *updates]):
            values["seq"] = first + offset
    write_dossiers(session, inserts, updates)
    _record_conflicts(session, counter, conflicts, at)
    return results


def _decided(
    session: Session,
    shifts: dict[str, DueShift],
    counter: int,
    item: PushItem,
    stored: tuple[dict, int, int | None] | None,
) -> Decision:
    """`decide_push` for one pushed dossier, both states decoded (`stored`: central's data,
    version and writer); `shifts` keeps each agency's due-time shifter for the batch."""
    incoming = dossier_from_json(item.data)
    if incoming.agency_code not in shifts:
        shifts[incoming.agency_code] = shifter(session, incoming.agency_code)
    data, version, writer = stored or (None, 0, None)
    return decide_push(
        stored=dossier_from_json(data) if data is not None else None,
        stored_version=version,
        stored_writer=writer,
        incoming=incoming,
        version=item.version,
        base=item.base,
        counter=counter,
        shift_due=shifts[incoming.agency_code],
    )


def _received_here(session: Session, counter: int, item: PushItem, stored) -> bool:
    """A dossier the counter received for an agency it does not serve (receiving regardless of
    residence, Decree 118/2025/NĐ-CP): new and numbered from the counter's own leases or
    fallback slot of that agency, or already at central as received by it. On PostgreSQL the
    dossiers' policies of revisions c0007 and c0009 say the same."""
    if stored is not None:
        return stored.origin_counter == counter
    try:
        code = DossierCode.parse(item.head.code or "")
    except CounterError:
        return False
    return owns_code(session, counter, item.head.agency, code)


def _record_conflicts(
    session: Session, counter: int, conflicts: list[tuple[PushItem, PushResult]], at: datetime
) -> None:
    """Keep each refused version once, however often the counter sends it again."""
    if not conflicts:
        return
    table = CentralConflictRow.__table__
    known = {
        (uuid, version)
        for uuid, version in session.execute(
            select(table.c.dossier_uuid, table.c.pushed_version).where(
                table.c.counter_number == counter,
                among(session, table.c.dossier_uuid, [item.uuid for item, _ in conflicts]),
            )
        )
    }
    rows = []
    for item, result in conflicts:
        if (item.uuid, item.version) in known:
            continue
        known.add((item.uuid, item.version))
        rows.append(
            {
                "at": at,
                "counter_number": counter,
                "dossier_uuid": item.uuid,
                "code": item.head.code,
                "pushed_version": item.version,
                "central_version": result.version or None,
                "reason": result.reason,
                "pushed": item.data,
                "central": result.data,
            }
        )
    if rows:
        session.execute(insert(table), rows)


def pull(session: Session, kind: str, cursor: int, limit: int, counter: int) -> Page:
    """The next `limit` changes of one kind after `cursor`, by keyset on the change sequence.
    Dossiers are narrowed to the counter's agencies as central records them and those it
    received for others (row-level security narrows them too on PostgreSQL). When the page is
    not full the cursor moves up to the sequence's committed top, so changes this counter
    cannot see are never scanned again."""
    top = session.scalar(select(ChangeSequence.value).where(ChangeSequence.id == 1)) or 0
    if top <= cursor:
        return Page(kind, [], cursor)
    if kind == "dossiers":
        agencies = _agencies_of(session, counter)
        query = select(
            DOSSIERS.c.uuid,
            DOSSIERS.c.version,
            DOSSIERS.c.written_by,
            DOSSIERS.c.origin_counter,
            DOSSIERS.c.seq,
            DOSSIERS.c.data,
        ).where(DOSSIERS.c.seq > cursor, DOSSIERS.c.seq <= top)
        if agencies:
            query = query.where(visible_to(counter, agencies))
        query = query.order_by(DOSSIERS.c.seq).limit(limit)
    elif kind == "ratings":
        query = ratings_after(cursor, top, limit, counter, _agencies_of(session, counter))
    else:
        model = {
            "agencies": CentralAgencyRow,
            "procedures": CentralProcedureRow,
            "calendar": CentralCalendarRow,
        }[kind]
        table = model.__table__
        query = (
            select(table)
            .where(table.c.seq > cursor, table.c.seq <= top)
            .order_by(table.c.seq)
            .limit(limit)
        )
    rows = [dict(row._mapping) for row in session.execute(query)]
    return Page(kind, rows, rows[-1]["seq"] if len(rows) == limit else top)
