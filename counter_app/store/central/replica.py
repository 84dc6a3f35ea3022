"""The counter's side of the sync, in the local store: what waits to go up, what came down,
code leases, conflicts kept for the supervisor. Every function runs in the caller's local
transaction, so data and the sync's bookkeeping (outbox, cursors) change together or not at all.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any, cast

from sqlalchemy import CursorResult, delete, func, select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from counter_app.domain.codes import FallbackZone, RangeSource
from counter_app.domain.dossier import Dossier, Status
from counter_app.domain.serialize import DOSSIER_JSON_FORMAT, dossier_to_json
from counter_app.domain.sync import Outcome, dossier_from_json, receipt_alone, with_origins
from counter_app.domain.text import fold
from counter_app.store.central.wire import Lease, PushHead, PushItem, PushResult
from counter_app.store.citizen_papers import OUTBOX_ENTITY as PAPER_ENTITY
from counter_app.store.citizen_papers import FiledPaper, papers_by_uuid
from counter_app.store.dossiers import (
    dossier_row_values,
    insert_children,
    insert_dossiers,
    load_dossiers,
)
from counter_app.store.dossiers import outbox_count as outbox_count  # what sync asks
from counter_app.store.models import (
    AgencyRow,
    CalendarOverrideRow,
    CodeRangeRow,
    DocumentRow,
    DossierRow,
    FeeLineRow,
    HistoryRow,
    OutboxRow,
    ProcedureRow,
    SupplementRoundRow,
    SyncConflictRow,
    SyncLogRow,
)
from counter_app.store.ratings import apply_ratings

_DOSSIERS = DossierRow.__table__
_OUTBOX = OutboxRow.__table__


def payload(dossier: Dossier) -> dict:
    return with_origins(dossier_to_json(dossier), dossier)


def push_json(dossier: Dossier) -> str:
    """What a push sends of the dossier, as JSON: kept with each change in its outbox entry."""
    return json.dumps(payload(dossier), ensure_ascii=False)


# --- push


@dataclass(frozen=True)
class Batch:
    items: list[PushItem]
    outbox_ids: list[int]  # every entry the batch stands for, removed once central answered
    # dossiers whose rows cannot be read back (an older version's or a damaged value):
    # uuid -> (code, why); they are not in `items`
    unreadable: dict[str, tuple[str, str]] = field(default_factory=dict)

    def uuids(self) -> set[str]:
        """The dossiers the batch sends and those it could not read back."""
        return {item.uuid for item in self.items} | set(self.unreadable)


def pending_batch(session: Session, size: int, *, after: int = 0) -> Batch:
    """The oldest waiting changes (past entry `after`), several entries of one dossier
    collapsed into one push of the dossier as it stands now: the JSON its latest change saved
    when that change is still the dossier's state, else (an entry from before revision 0024 or
    of another JSON shape) the dossier read back from its rows. A dossier whose state is the
    one central last answered with (its conflict or merge taken in since its entries were
    written) is not sent again: its entries are dropped with the batch's."""
    rows = session.execute(
        select(_OUTBOX.c.id, _OUTBOX.c.entity, _OUTBOX.c.entity_id)
        .where(_OUTBOX.c.entity != PAPER_ENTITY)  # filed papers go apart (`pending_papers`)
        .where(_OUTBOX.c.id > after)
        .order_by(_OUTBOX.c.id)
        .limit(size * 4)
    )
    ids: list[int] = []
    latest: dict[str, int] = {}  # uuid -> its latest entry read, in the order first read
    for row in rows:
        if row.entity != "dossier":
            ids.append(row.id)  # nothing else goes up yet: no reason to keep it waiting
            continue
        if row.entity_id not in latest and len(latest) == size:
            break
        latest[row.entity_id] = row.id
        ids.append(row.id)
    rows.close()  # read only as far as the batch goes
    if not latest:
        return Batch([], ids)
    found = {  # central holds the others as they stand (it answered since their entries)
        row.uuid: row
        for row in session.execute(
            select(
                _DOSSIERS.c.uuid,
                _DOSSIERS.c.code,
                _DOSSIERS.c.version,
                _DOSSIERS.c.synced_version,
                func.json_extract(_OUTBOX.c.payload, "$.version").label("saved_version"),
                func.json_extract(_OUTBOX.c.payload, "$.format").label("saved_format"),
                _OUTBOX.c.dossier.label("saved"),
                func.json_extract(_OUTBOX.c.dossier, *_HEAD_PATHS).label("saved_head"),
            )
            .join(_DOSSIERS, _DOSSIERS.c.uuid == _OUTBOX.c.entity_id)
            .where(_OUTBOX.c.id.in_(list(latest.values())))
        )
        if row.version > row.synced_version
    }
    saved = {
        uuid: PushItem(uuid, row.version, row.synced_version, row.saved, _head(row.saved_head))
        for uuid, row in found.items()
        if row.saved is not None
        and row.saved_format == DOSSIER_JSON_FORMAT
        and row.saved_version == row.version
    }
    dossiers, unreadable = _readable(session, [uuid for uuid in found if uuid not in saved])
    read_back = {
        uuid: PushItem.of(uuid, found[uuid].version, found[uuid].synced_version, payload(dossier))
        for uuid, dossier in dossiers.items()
    }
    items = [item for uuid in latest if (item := saved.get(uuid) or read_back.get(uuid))]
    named = {uuid: (found[uuid].code or "", why) for uuid, why in unreadable.items()}
    return Batch(items, ids, named)


# what central's checks read of a saved dossier's JSON (`PushHead`), in one parse of it
_HEAD_PATHS = (
    "$.code",
    "$.agency",
    "$.status",
    "$.received_at",
    "$.history[0]",
    "$.history[1]",
)


def _head(extracted: str) -> PushHead:
    code, agency, status, received_at, first, second = json.loads(extracted)
    return PushHead(
        code, agency, status, received_at, receipt_alone(status, first, more=second is not None)
    )


def _readable(session: Session, uuids: list[str]) -> tuple[dict[str, Dossier], dict[str, str]]:
    """The dossiers as they stand; when one cannot be read back (a value no longer known),
    each is read alone so that one names itself (uuid -> why) and the others still go."""

    def load(some: list[str]) -> dict[str, Dossier]:
        query = select(_DOSSIERS).where(_DOSSIERS.c.uuid.in_(some))
        return {d.uuid: d for d in load_dossiers(session, query)}

    try:
        return load(uuids), {}
    except (ValueError, KeyError, TypeError):
        pass
    dossiers: dict[str, Dossier] = {}
    unreadable: dict[str, str] = {}
    for uuid in uuids:
        try:
            dossiers.update(load([uuid]))
        except (ValueError, KeyError, TypeError) as error:
            unreadable[uuid] = f"{type(error).__name__}: {error}"
    return dossiers, unreadable


def settle(session: Session, batch: Batch, results: list[PushResult], *, at: datetime) -> int:
    """Record central's answers and drop the entries they cover. Returns new conflicts."""
    drop_outbox(session, batch.outbox_ids)
    pushed = {item.uuid: item for item in batch.items}
    current = dict(
        session.execute(
            select(_DOSSIERS.c.uuid, _DOSSIERS.c.version).where(_DOSSIERS.c.uuid.in_(list(pushed)))
        ).all()
    )
    synced: dict[str, int] = {}  # uuid -> the version central now holds
    conflicts = 0
    for result in results:
        if result.outcome is Outcome.CODE_TAKEN:
            continue  # the caller renumbers it, which queues it again
        item = pushed[result.uuid]
        unchanged = current.get(result.uuid) == item.version
        if result.outcome in (Outcome.INSERTED, Outcome.UPDATED, Outcome.DUPLICATE):
            synced[result.uuid] = item.version
            continue
        if result.outcome is Outcome.CONFLICT:
            conflicts += 1
            session.add(
                SyncConflictRow(
                    at=at,
                    dossier_uuid=result.uuid,
                    code=item.head.code,
                    outcome=result.outcome.value,
                    local_version=item.version,
                    central_version=result.version or None,
                    reason=result.reason,
                    local=item.data,
                    central=result.data,
                    resolved_at=None,
                    resolved_by="",
                )
            )
        if result.data is None:
            # central has nothing to offer instead: kept as it is, and not sent again
            synced[result.uuid] = item.version
        elif unchanged:
            replace_dossier(session, dossier_from_json(result.data), result.version)
        # else: changed again meanwhile; its entry goes up next round and meets central's
        # state there (a merge, or a conflict)
    if synced:
        _mark_synced(session, synced)
    return conflicts


def _mark_synced(session: Session, synced: dict[str, int]) -> None:
    """Each dossier known as synced at its version, unless it changed again meanwhile: one
    statement for the batch, reading it from one JSON parameter (uuid -> version), instead of
    one a dossier."""
    each = func.json_each(json.dumps(synced)).table_valued("key", "value").alias("each")
    session.execute(
        update(_DOSSIERS)
        .where(_DOSSIERS.c.uuid == each.c.key, _DOSSIERS.c.version == each.c.value)
        .values(synced_version=each.c.value)
    )


def pending_papers(session: Session, size: int) -> tuple[list[FiledPaper], list[int]]:
    """The oldest filed papers waiting for central, as they stand now, and the outbox entries
    they stand for (removed once central answered)."""
    rows = session.execute(
        select(OutboxRow.id, OutboxRow.entity_id)
        .where(OutboxRow.entity == PAPER_ENTITY)
        .order_by(OutboxRow.id)
        .limit(size)
    ).all()
    papers = papers_by_uuid(session, {row.entity_id for row in rows})
    return papers, [row.id for row in rows]


def drop_outbox(session: Session, ids: list[int]) -> None:
    session.execute(delete(_OUTBOX).where(_OUTBOX.c.id.in_(ids)))  # Core: no ORM state to sync


def unsynced_codes(session: Session) -> dict[str, str]:
    """code -> uuid of the dossiers central has never taken (numbered here, maybe alone)."""
    return dict(
        session.execute(
            select(_DOSSIERS.c.code, _DOSSIERS.c.uuid).where(
                _DOSSIERS.c.code.is_not(None), _DOSSIERS.c.synced_version == 0
            )
        ).all()
    )


def code_clashes(session: Session, rows: list[dict]) -> list[str]:
    """The local dossiers holding a code that pulled central dossiers carry for another
    dossier: they must be renumbered before central's can come in."""
    incoming = {row["data"].get("code"): row["uuid"] for row in rows if row["data"].get("code")}
    if not incoming:
        return []
    held = session.execute(
        select(_DOSSIERS.c.code, _DOSSIERS.c.uuid).where(_DOSSIERS.c.code.in_(list(incoming)))
    ).all()
    return [uuid for code, uuid in held if incoming[code] != uuid]


def set_code(session: Session, uuid: str, code: str) -> int:
    """Give a dossier another code (renumbering); returns its new version, which goes up."""
    return session.execute(
        update(_DOSSIERS)
        .where(_DOSSIERS.c.uuid == uuid)
        .values(code=code, version=_DOSSIERS.c.version + 1)
        .returning(_DOSSIERS.c.version)
    ).scalar_one()


# --- pull


def replace_dossier(session: Session, dossier: Dossier, version: int, *, origin: str = "") -> None:
    """Make the local copy central's: row, documents, fees, history, rounds; known as synced."""
    exists = session.scalar(
        select(_DOSSIERS.c.origin_counter).where(_DOSSIERS.c.uuid == dossier.uuid)
    )
    at = dossier.history[-1].at if dossier.history else datetime.now().astimezone()
    if exists is None:
        insert_dossiers(session, [dossier], origin=origin, at=at)
    else:
        values = dossier_row_values(dossier, origin=exists, at=at, version=version)
        session.execute(update(_DOSSIERS).where(_DOSSIERS.c.uuid == dossier.uuid).values(values))
        for model in (DocumentRow, FeeLineRow, HistoryRow, SupplementRoundRow):
            session.execute(delete(model).where(model.dossier_uuid == dossier.uuid))
        insert_children(session, [dossier])
    session.execute(
        update(_DOSSIERS)
        .where(_DOSSIERS.c.uuid == dossier.uuid)
        .values(version=version, synced_version=version)
    )


def apply_dossiers(session: Session, rows: list[dict]) -> int:
    """Take central's state of dossiers unless a local change waits to go up (that change
    meets central's state at the next push). Returns how many changed here."""
    if not rows:
        return 0
    local = {
        row.uuid: row
        for row in session.execute(
            select(_DOSSIERS.c.uuid, _DOSSIERS.c.version, _DOSSIERS.c.synced_version).where(
                _DOSSIERS.c.uuid.in_([r["uuid"] for r in rows])
            )
        )
    }
    changed = 0
    for row in rows:
        mine = local.get(row["uuid"])
        if mine is not None:
            if mine.version > mine.synced_version:
                continue
            if row["version"] <= mine.version:
                if row["version"] == mine.version and mine.synced_version != mine.version:
                    session.execute(
                        update(_DOSSIERS)
                        .where(_DOSSIERS.c.uuid == row["uuid"])
                        .values(synced_version=row["version"])
                    )
                continue
        origin = "" if row["origin_counter"] is None else f"#{row['origin_counter']}"
        dossier = dossier_from_json(row["data"])
        # no notice for the moves pulled: each was noticed where it was made (a counter's by
        # that counter, a decision taken at central by central)
        replace_dossier(session, dossier, row["version"], origin=origin)
        changed += 1
    return changed


def apply_agencies(session: Session, rows: list[dict]) -> int:
    for row in rows:
        existing = session.get(AgencyRow, row["code"])
        if existing is None:
            session.add(
                AgencyRow(
                    code=row["code"],
                    name=row["name"],
                    parent_code=row["parent_code"],
                    short_name=row["short_name"],
                    served=True,
                )
            )
        else:
            existing.name, existing.parent_code = row["name"], row["parent_code"]
            existing.short_name = row["short_name"]
    return len(rows)


def apply_procedures(session: Session, rows: list[dict]) -> int:
    """Procedures in the catalog file's JSON form, into the local catalog rows."""
    for row in rows:
        data = row["data"]
        duration = data["duration"]
        values = {
            "code": data["code"],
            "name": data["name"],
            "name_folded": fold(data["name"]),
            "field": data.get("field", ""),
            "agency_code": data["agency"],
            "level": data["level"],
            "duration_unit": duration["unit"],
            "duration_amount": str(Decimal(str(duration.get("amount", 0)))),
            "cutoff": duration.get("cutoff"),
            "fees": data.get("fees", []),
            "components": data.get("components", []),
            "result": data.get("result", ""),
            "active": data.get("active", True),
        }
        session.merge(ProcedureRow(**values))
    return len(rows)


def apply_calendar(session: Session, rows: list[dict]) -> int:
    """Central's days off and extra working days; a day central removed goes here too."""
    for row in rows:
        if row.get("removed"):
            session.execute(
                delete(CalendarOverrideRow).where(
                    CalendarOverrideRow.agency_code == row["agency_code"],
                    CalendarOverrideRow.day == row["day"],
                )
            )
            continue
        session.merge(
            CalendarOverrideRow(
                agency_code=row["agency_code"],
                day=row["day"],
                working=row["working"],
                note=row["note"],
            )
        )
    return len(rows)


APPLY = {
    "agencies": apply_agencies,
    "procedures": apply_procedures,
    "calendar": apply_calendar,
    "dossiers": apply_dossiers,
    "ratings": apply_ratings,
}


# --- code leases


def store_leases(session: Session, leases: list[Lease]) -> int:
    """Add the leases not known here yet (a reply lost after central granted them is made up
    for at the next sync). Returns how many were new."""
    if not leases:
        return 0
    table = CodeRangeRow.__table__
    statement = sqlite_insert(table).on_conflict_do_nothing(
        index_elements=["agency_code", "day", "source", "first"]
    )
    result = cast(
        CursorResult[Any],
        session.execute(
            statement,
            [
                {
                    "agency_code": lease.agency_code,
                    "day": lease.day,
                    "source": RangeSource.LEASE.value,
                    "first": lease.first,
                    "last": lease.last,
                    "next_number": lease.first,
                }
                for lease in leases
            ],
        ),
    )
    return max(result.rowcount or 0, 0)


def lease_left(
    session: Session, agencies: list[str], days: list[date]
) -> dict[tuple[str, date], int]:
    """Numbers still free in leases, per (agency, day)."""
    left: dict[tuple[str, date], int] = {(a, d): 0 for a in agencies for d in days}
    rows = session.execute(
        select(
            CodeRangeRow.agency_code, CodeRangeRow.day, CodeRangeRow.last, CodeRangeRow.next_number
        ).where(CodeRangeRow.source == RangeSource.LEASE.value, CodeRangeRow.day.in_(days))
    ).all()
    for row in rows:
        key = (row.agency_code, row.day)
        if key in left:
            left[key] += max(0, row.last - row.next_number + 1)
    return left


def daily_volumes(session: Session, since: date, until: date) -> dict[str, list[int]]:
    """Numbers this counter gave per agency on each day from `since` to `until` that it gave
    any (its recent volume, read from its own number ranges)."""
    given = func.sum(CodeRangeRow.next_number - CodeRangeRow.first)
    rows = session.execute(
        select(CodeRangeRow.agency_code, given)
        .where(CodeRangeRow.day >= since, CodeRangeRow.day <= until)
        .group_by(CodeRangeRow.agency_code, CodeRangeRow.day)
        .having(given > 0)
    ).all()
    volumes: dict[str, list[int]] = defaultdict(list)
    for agency, count in rows:
        volumes[agency].append(int(count))
    return dict(volumes)


def codes_left(
    session: Session,
    agencies: list[str],
    day: date,
    counter: int | None,
    zone: FallbackZone,
    slots: Mapping[str, int],
) -> dict[str, int]:
    """How many codes each agency can still give today without reaching central."""
    result: dict[str, int] = defaultdict(int)
    has_fallback: set[str] = set()
    rows = session.execute(
        select(
            CodeRangeRow.agency_code,
            CodeRangeRow.source,
            CodeRangeRow.last,
            CodeRangeRow.next_number,
        ).where(CodeRangeRow.day == day, CodeRangeRow.agency_code.in_(agencies))
    ).all()
    for row in rows:
        result[row.agency_code] += max(0, row.last - row.next_number + 1)
        if row.source in (RangeSource.FALLBACK.value, RangeSource.STANDALONE.value):
            has_fallback.add(row.agency_code)
    for agency in agencies:
        if agency not in has_fallback:
            if counter is None:
                result[agency] += 9999  # standalone: the whole day is this counter's
            elif zone.own_range(agency, counter, slots) is not None:
                result[agency] += zone.slice_size
    return {agency: result[agency] for agency in agencies}


def standalone_used(session: Session) -> dict[tuple[str, date], int]:
    """The last number given on its own, before registering, per agency and day (any day: a
    backdated intake counts too); reported to central so they are never leased."""
    rows = session.execute(
        select(
            CodeRangeRow.agency_code, CodeRangeRow.day, CodeRangeRow.next_number, CodeRangeRow.first
        ).where(CodeRangeRow.source == RangeSource.STANDALONE.value)
    ).all()
    return {(r.agency_code, r.day): r.next_number - 1 for r in rows if r.next_number > r.first}


def close_standalone(session: Session) -> None:
    """Once registered, the numbers of the standalone ranges left unused are never given."""
    session.execute(
        update(CodeRangeRow)
        .where(CodeRangeRow.source == RangeSource.STANDALONE.value)
        .values(last=CodeRangeRow.next_number - 1)
    )


# --- online submissions and conflicts


def online_queue(session: Session) -> list[Dossier]:
    query = (
        select(_DOSSIERS)
        .where(_DOSSIERS.c.status == Status.RECEIVING.value)
        .order_by(_DOSSIERS.c.received_at, _DOSSIERS.c.uuid)
    )
    return load_dossiers(session, query)


def log_round(
    session: Session,
    *,
    at: datetime,
    ok: bool,
    pushed: int = 0,
    pulled: int = 0,
    conflicts: int = 0,
    message: str = "",
) -> None:
    session.add(
        SyncLogRow(at=at, ok=ok, pushed=pushed, pulled=pulled, conflicts=conflicts, message=message)
    )
    # keep the log short: the window shows the latest rounds
    cutoff = session.scalar(
        select(SyncLogRow.id).order_by(SyncLogRow.id.desc()).offset(1000).limit(1)
    )
    if cutoff is not None:
        session.execute(delete(SyncLogRow).where(SyncLogRow.id <= cutoff))
