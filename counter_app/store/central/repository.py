"""What central does, in statements that run the same on PostgreSQL and on SQLite.

Each function runs inside one unit of work of `CentralDatabase` (the caller's transaction), so
a push, a lease grant or a decision is committed whole or not at all.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any, cast

from sqlalchemy import (
    CursorResult,
    Table,
    bindparam,
    func,
    insert,
    literal_column,
    select,
    text,
    update,
)
from sqlalchemy.orm import Session

from counter_app.domain.calendar import CalendarOverrides, WorkingCalendar
from counter_app.domain.catalog import Catalog
from counter_app.domain.catalog_file import procedure_to_json
from counter_app.domain.clock import local, now
from counter_app.domain.codes import (
    LEASE_MAX_SIZE,
    DossierCode,
    FallbackZone,
    LowNumberSpace,
    low_head,
)
from counter_app.domain.deadlines import due_shifter
from counter_app.domain.dossier import Dossier, Status
from counter_app.domain.errors import CounterError
from counter_app.domain.lifecycle import DueShift, apply
from counter_app.domain.serialize import dossier_to_json
from counter_app.domain.sync import (
    CENTRAL_WRITER,
    Outcome,
    central_action,
    decide_push,
    dossier_from_json,
    with_origins,
)
from counter_app.store.central.dialects import insert_or_skip, insert_or_update
from counter_app.store.central.dossier_writes import UPDATED, write_dossiers
from counter_app.store.central.models import (
    CentralAgencyRow,
    CentralAuditAnchorRow,
    CentralCalendarRow,
    CentralCitizenPaperRow,
    CentralConflictRow,
    CentralDossierRow,
    CentralProcedureRow,
    CentralRatingRow,
    CentralSetting,
    ChangeSequence,
    CodeLeaseRow,
    CounterAgencyRow,
    CounterRow,
    FallbackSlotRow,
    LeaseHeadRow,
)
from counter_app.store.citizen_papers import FiledPaper, paper_of
from counter_app.store.journal import AuditHead
from counter_app.store.types import Moment

DOSSIERS = CentralDossierRow.__table__
LEASE_BLOCK = 50
# The limits of a lease (revision c0005 has the same on PostgreSQL): at most LEASE_MAX_SIZE
# numbers a call, for a day from yesterday to LEASE_DAYS_AHEAD days ahead in Vietnam time, and
# at most LEASE_MAX_HELD numbers of an agency's day held by one counter; a head raised for
# numbers given before registering only up to RAISE_MAX_LAST, never past tomorrow.
LEASE_MAX_HELD = 4500
LEASE_MAX_HELD_GUEST = 300  # of an agency the counter does not serve (revision c0009)
LEASE_DAYS_AHEAD = 31
RAISE_MAX_LAST = 4500


def _dialect(session: Session) -> str:
    return session.get_bind().dialect.name


def _insert_ignore(
    session: Session, table: Table, rows: list[dict], keys: list[str] | None
) -> None:
    if rows:
        session.execute(insert_or_skip(session, table, keys), rows)


def next_seq(session: Session, count: int) -> int:
    """Reserve `count` numbers of the change sequence; returns the first. The row stays locked
    until commit, so a higher number is never visible before a lower one."""
    last = session.execute(
        update(ChangeSequence)
        .where(ChangeSequence.id == 1)
        .values(value=ChangeSequence.value + count)
        .returning(ChangeSequence.value)
    ).scalar_one()
    return last - count + 1


def setting(session: Session, key: str, default: object = None) -> object:
    row = session.get(CentralSetting, key)
    return default if row is None else row.value.get("value", default)


def fallback_zone(session: Session) -> FallbackZone:
    """The zone as revision c0009 records it (`legacy`: how many counters were registered
    then, each keeping the slice of every agency its number gave it)."""
    zone = setting(session, "fallback_zone")
    return FallbackZone(**zone) if isinstance(zone, dict) else FallbackZone()


def shifter(session: Session, agency: str) -> DueShift:
    """Due-time shifts by central's calendar for the agency (default hours, central overrides)."""
    rows = session.execute(
        select(CentralCalendarRow.day, CentralCalendarRow.working).where(
            CentralCalendarRow.agency_code.in_(["", agency]), ~CentralCalendarRow.removed
        )
    ).all()
    overrides = CalendarOverrides(
        days_off=frozenset(r.day for r in rows if not r.working),
        working_days=frozenset(r.day for r in rows if r.working),
    )
    return due_shifter(WorkingCalendar(overrides=overrides))


# --- counters


@dataclass(frozen=True)
class Registration:
    number: int
    counter_id: str
    agencies: tuple[str, ...]  # empty: every agency (numbered on first contact, trial SQLite)
    fallback: FallbackZone
    taken: tuple[str, ...] = ()  # codes the counter gave alone that central holds for others


def _agencies_of(session: Session, number: int) -> tuple[str, ...]:
    return tuple(
        session.scalars(
            select(CounterAgencyRow.agency_code)
            .where(CounterAgencyRow.counter_number == number)
            .order_by(CounterAgencyRow.agency_code)
        )
    )


def register(
    session: Session, *, install_id: str, name: str, at: datetime, counter_id: str | None = None
) -> Registration:
    """Who the connecting counter is. On PostgreSQL the role it logs in as names it; on a trial
    SQLite central the counter its address names (`?counter=ID`, made by `central
    add-counter`), else it is numbered on first contact. Repeating it answers the same."""
    zone = fallback_zone(session)
    if _dialect(session) == "postgresql" or counter_id is not None:
        if _dialect(session) == "postgresql":
            who = CounterRow.role == literal_column("session_user")
            user = str(session.execute(select(literal_column("session_user"))).scalar())
        else:
            who, user = CounterRow.counter_id == counter_id, str(counter_id)
        row = session.scalars(select(CounterRow).where(who)).first()
        if row is None:
            raise CounterError("central.not_a_counter", user=user)
        if row.install_id not in (None, install_id):
            raise CounterError("central.counter_taken", counter=row.counter_id)
        if row.install_id is None:
            row.install_id, row.registered_at = install_id, at
    else:
        row = session.scalars(select(CounterRow).where(CounterRow.install_id == install_id)).first()
        if row is None:
            number = (session.scalar(select(func.max(CounterRow.number))) or 0) + 1
            row = CounterRow(
                number=number,
                counter_id=f"counter-{number}",
                name=name,
                role=None,
                install_id=install_id,
                created_at=at,
                registered_at=at,
            )
            session.add(row)
            session.flush()
    return Registration(row.number, row.counter_id, _agencies_of(session, row.number), zone)


def taken_codes(session: Session, counter: int, codes: dict[str, str]) -> tuple[str, ...]:
    """Which of the counter's codes (code -> its dossier's uuid) central holds for another
    dossier, among the agencies the counter serves (what row-level security lets it see on
    PostgreSQL)."""
    agencies = _agencies_of(session, counter)
    taken: list[str] = []
    wanted = sorted(codes)
    for start in range(0, len(wanted), 1000):
        query = select(DOSSIERS.c.code, DOSSIERS.c.uuid).where(
            DOSSIERS.c.code.in_(wanted[start : start + 1000])
        )
        if agencies:
            query = query.where(visible_to(counter, agencies))
        taken.extend(code for code, uuid in session.execute(query) if codes[code] != uuid)
    return tuple(sorted(taken))


def check_scope(session: Session, counter: int, agencies: set[str]) -> None:
    """What row-level security and the lease functions refuse on PostgreSQL, refused the same
    way on SQLite: a counter works only for its agencies (none recorded: every agency, the
    trial counters numbered on first contact)."""
    mine = _agencies_of(session, counter)
    outside = sorted(agencies - set(mine)) if mine else []
    if outside:
        raise CounterError(
            "central.denied", reason=f"counter {counter} does not serve agency {outside[0]}"
        )


def _received_here(session: Session, counter: int, item: PushItem, stored) -> bool:
    """A dossier the counter received for an agency it does not serve (receiving regardless of
    residence, Decree 118/2025/NĐ-CP): new and numbered from the counter's own leases or
    fallback slot of that agency, or already at central as received by it. On PostgreSQL the
    dossiers' policies of revisions c0007 and c0009 say the same."""
    if stored is not None:
        return stored.origin_counter == counter
    try:
        code = DossierCode.parse(item.data.get("code") or "")
    except CounterError:
        return False
    return owns_code(session, counter, item.data["agency"], code)


def owns_code(session: Session, counter: int, agency: str, code: DossierCode) -> bool:
    """Whether the code's number is the counter's to give for the agency: in its fallback slot
    or in one of its leases of the code's day (`central_owns_code` on PostgreSQL)."""
    owned = fallback_zone(session).own_range(agency, counter, _slots_of(session, counter))
    if owned is not None and owned[0] <= code.number <= owned[1]:
        return True
    leases = CodeLeaseRow.__table__
    return (
        session.execute(
            select(leases.c.id).where(
                leases.c.counter_number == counter,
                leases.c.agency_code == agency,
                leases.c.day == code.day,
                leases.c.first <= code.number,
                leases.c.last >= code.number,
            )
        ).first()
        is not None
    )


def _slots_of(session: Session, counter: int) -> dict[str, int]:
    rows = session.execute(
        select(FallbackSlotRow.agency_code, FallbackSlotRow.slot).where(
            FallbackSlotRow.counter_number == counter
        )
    )
    return {agency: slot for agency, slot in rows}


def take_fallback_slots(
    session: Session, counter: int, agencies: list[str], *, at: datetime
) -> dict[str, int]:
    """A slot of each agency's fallback zone for the counter, the lowest free one, for good;
    none of an agency whose slots are all taken (the counter lives on its leases there) or
    that the counter neither serves nor received a dossier for. Returns every slot the counter
    holds. On PostgreSQL through `take_fallback_slot` (revision c0009)."""
    if _dialect(session) == "postgresql":
        for agency in sorted(set(agencies)):
            session.execute(text("SELECT take_fallback_slot(:agency)"), {"agency": agency})
        return _slots_of(session, counter)
    zone = fallback_zone(session)
    held = _slots_of(session, counter)
    if counter <= zone.legacy:
        return held
    mine = set(_agencies_of(session, counter))
    for agency in sorted(set(agencies) - set(held)):
        received = session.execute(
            select(DOSSIERS.c.uuid).where(
                DOSSIERS.c.agency_code == agency, DOSSIERS.c.origin_counter == counter
            )
        ).first()
        if mine and agency not in mine and received is None:
            continue
        taken = set(
            session.scalars(
                select(FallbackSlotRow.slot).where(FallbackSlotRow.agency_code == agency)
            )
        )
        free = [slot for slot in range(zone.legacy, zone.slots) if slot not in taken]
        if free:
            session.add(
                FallbackSlotRow(
                    agency_code=agency, slot=free[0], counter_number=counter, granted_at=at
                )
            )
            held[agency] = free[0]
    session.flush()
    return held


def visible_to(counter: int, agencies: tuple[str, ...]):
    """The dossiers a counter sees: its agencies' (all when none is recorded) and those it
    received for other agencies."""
    return DOSSIERS.c.agency_code.in_(agencies) | (DOSSIERS.c.origin_counter == counter)


# Kept by the role, not sent at connection: PgBouncer in transaction mode drops a client's
# startup options (revision c0009 sets it for the roles made before).
ROLE_TIMEOUT = "ALTER ROLE \"{role}\" SET statement_timeout = '60s'"


def role_name(database: str, counter_id: str) -> str:
    safe = "".join(c if c.isalnum() else "_" for c in f"{database}_{counter_id}".lower())
    return f"ca_{safe}"[:63]


def add_counter(
    session: Session, *, counter_id: str, agencies: list[str], name: str, at: datetime
) -> tuple[Registration, str | None, str | None]:
    """A counter row with its agencies; on PostgreSQL also its login role, returned with a
    fresh password (printed once by the command, never stored by central)."""
    if session.scalars(select(CounterRow).where(CounterRow.counter_id == counter_id)).first():
        raise CounterError("central.counter_exists", counter=counter_id)
    zone = fallback_zone(session)
    number = (session.scalar(select(func.max(CounterRow.number))) or 0) + 1
    role = password = None
    if _dialect(session) == "postgresql":
        database = session.execute(select(literal_column("current_database()"))).scalar()
        role = role_name(str(database), counter_id)
        if session.scalar(text("SELECT 1 FROM pg_roles WHERE rolname = :role"), {"role": role}):
            raise CounterError("central.role_exists", role=role)
        password = secrets.token_urlsafe(24)
        group = setting(session, "counter_group_role")
        verifier = _scram_verifier(session, role, password)
        session.connection().exec_driver_sql(  # the verifier's ":" is not a parameter
            f'CREATE ROLE "{role}" LOGIN PASSWORD \'{verifier}\' IN ROLE "{group}"'
        )
        session.execute(text(ROLE_TIMEOUT.format(role=role)))
    session.add(
        CounterRow(
            number=number,
            counter_id=counter_id,
            name=name or counter_id,
            role=role,
            install_id=None,
            created_at=at,
            registered_at=None,
        )
    )
    session.flush()
    session.execute(
        insert(CounterAgencyRow.__table__),
        [{"counter_number": number, "agency_code": code} for code in sorted(set(agencies))],
    )
    return Registration(number, counter_id, tuple(sorted(set(agencies))), zone), role, password


def _scram_verifier(session: Session, role: str, password: str) -> str:
    """What PostgreSQL keeps of the password, computed here: the clear text never reaches the
    server, so neither its log nor a failed statement's message can hold it."""
    pgconn = session.connection().connection.dbapi_connection.pgconn  # type: ignore[union-attr]
    return pgconn.encrypt_password(password.encode(), role.encode(), b"scram-sha-256").decode()


# --- code leases


def check_lease(
    day: date, today: date, *, size: int | None = None, last_used: int | None = None
) -> None:
    """What `central_check_lease` refuses on PostgreSQL, refused the same way on SQLite: a
    counter cannot take a whole day, a far day, or burn one with a raised head."""
    ahead = LEASE_DAYS_AHEAD if last_used is None else 1
    too_early = size is not None and day < today - timedelta(days=1)
    if too_early or day > today + timedelta(days=ahead):
        raise CounterError("central.denied", reason=f"no lease for day {day.isoformat()}")
    if (size or 0) > LEASE_MAX_SIZE or (last_used or 0) > RAISE_MAX_LAST:
        raise CounterError(
            "central.denied", reason=f"a lease of {size or last_used} numbers is too large"
        )


@dataclass(frozen=True)
class Lease:
    agency_code: str
    day: date
    first: int
    last: int


def grant_leases(
    session: Session,
    counter: int,
    wanted: dict[tuple[str, date], int],
    *,
    at: datetime,
    block: int = LEASE_BLOCK,
) -> None:
    """Lease at least `wanted` more numbers per (agency, day), in whole blocks, below the
    fallback zone: of the counter's agencies up to LEASE_MAX_HELD a day, of another agency of
    the catalog (it receives for any) up to LEASE_MAX_HELD_GUEST. Heads only go up, under a row
    lock (on SQLite the database's write lock), so two leases never overlap. On PostgreSQL the
    counter's role cannot write leases: the `take_code_lease` function (revisions c0002, c0005,
    c0009) checks and hands them out."""
    if not wanted:
        return
    sizes = {key: max(block, -(-count // block) * block) for key, count in sorted(wanted.items())}
    if _dialect(session) == "postgresql":
        for (agency, day), size in sizes.items():
            session.execute(
                text("SELECT * FROM take_code_lease(:agency, :day, :size)"),
                {"agency": agency, "day": day, "size": size},
            )
        return
    shares = _lease_shares(session, counter, {agency for agency, _ in sizes})
    for (_, day), size in sizes.items():
        check_lease(day, local(at).date(), size=size)
    zone = fallback_zone(session)
    heads = LeaseHeadRow.__table__
    _insert_ignore(
        session,
        heads,
        [{"agency_code": a, "day": d, "next_first": 1} for (a, d) in sizes],
        ["agency_code", "day"],
    )
    for (agency, day), size in sizes.items():
        held = (
            session.scalar(
                select(
                    func.coalesce(func.sum(CodeLeaseRow.last - CodeLeaseRow.first + 1), 0)
                ).where(
                    CodeLeaseRow.counter_number == counter,
                    CodeLeaseRow.agency_code == agency,
                    CodeLeaseRow.day == day,
                )
            )
            or 0
        )
        head = session.execute(
            select(heads.c.next_first).where(heads.c.agency_code == agency, heads.c.day == day)
        ).scalar_one()
        last = min(head + min(size, shares[agency] - held) - 1, zone.first - 1)
        if last < head:
            continue  # the day's numbers, or this counter's share, are out: its fallback remains
        session.execute(
            insert(CodeLeaseRow.__table__),
            [
                {
                    "agency_code": agency,
                    "day": day,
                    "counter_number": counter,
                    "first": head,
                    "last": last,
                    "granted_at": at,
                }
            ],
        )
        session.execute(
            update(heads)
            .where(heads.c.agency_code == agency, heads.c.day == day)
            .values(next_first=last + 1)
        )


def _lease_shares(session: Session, counter: int, agencies: set[str]) -> dict[str, int]:
    """How much of an agency's day the counter may hold in leases; refuses an agency that is
    neither its own nor in central's catalog."""
    mine = set(_agencies_of(session, counter))
    known = set(
        session.scalars(select(CentralAgencyRow.code).where(CentralAgencyRow.code.in_(agencies)))
    )
    unknown = sorted(agencies - mine - known) if mine else []
    if unknown:
        raise CounterError("central.denied", reason=f"agency {unknown[0]} is not in the catalog")
    return {a: LEASE_MAX_HELD if not mine or a in mine else LEASE_MAX_HELD_GUEST for a in agencies}


def raise_heads(session: Session, counter: int, used: dict[tuple[str, date], int]) -> None:
    """Numbers a counter gave on its own before it registered are never leased again; only
    for its agencies (on PostgreSQL through `raise_code_head`, revision c0002)."""
    if not used:
        return
    if _dialect(session) == "postgresql":
        for (agency, day), last_used in sorted(used.items()):
            session.execute(
                text("SELECT raise_code_head(:agency, :day, :last)"),
                {"agency": agency, "day": day, "last": last_used},
            )
        return
    check_scope(session, counter, {agency for agency, _ in used})
    for (_, day), last_used in used.items():
        check_lease(day, now().date(), last_used=last_used)
    zone = fallback_zone(session)
    heads = LeaseHeadRow.__table__
    _insert_ignore(
        session,
        heads,
        [{"agency_code": a, "day": d, "next_first": 1} for (a, d) in sorted(used)],
        ["agency_code", "day"],
    )
    for (agency, day), last_used in sorted(used.items()):
        session.execute(
            update(heads)
            .where(heads.c.agency_code == agency, heads.c.day == day)
            .where(heads.c.next_first <= last_used)
            .values(next_first=min(last_used, zone.first - 1) + 1)
        )


def low_number_spaces(
    session: Session, since: date, agencies: list[str] | None = None
) -> list[LowNumberSpace]:
    """The (agency, day)s from `since` on past the warning mark (`low_head`); `agencies` None:
    every agency (the administrator's view; a counter's role reads its agencies' heads)."""
    zone = fallback_zone(session)
    heads = LeaseHeadRow.__table__
    query = select(heads.c.agency_code, heads.c.day, heads.c.next_first).where(
        heads.c.day >= since, heads.c.next_first >= low_head(zone)
    )
    if agencies is not None:
        query = query.where(heads.c.agency_code.in_(agencies))
    rows = session.execute(query.order_by(heads.c.day, heads.c.agency_code)).all()
    return [LowNumberSpace(r.agency_code, r.day, r.next_first - 1, zone.first - 1) for r in rows]


def leases_of(session: Session, counter: int, since: date) -> list[Lease]:
    rows = session.execute(
        select(CodeLeaseRow.agency_code, CodeLeaseRow.day, CodeLeaseRow.first, CodeLeaseRow.last)
        .where(CodeLeaseRow.counter_number == counter, CodeLeaseRow.day >= since)
        .order_by(CodeLeaseRow.day, CodeLeaseRow.agency_code, CodeLeaseRow.first)
    ).all()
    return [Lease(r.agency_code, r.day, r.first, r.last) for r in rows]


# --- push


@dataclass(frozen=True)
class PushItem:
    uuid: str
    version: int
    base: int  # the central version the counter last knew (0: never synced)
    data: dict  # dossier_to_json with the supplement rounds' origins


@dataclass(frozen=True)
class PushResult:
    uuid: str
    outcome: Outcome
    version: int
    data: dict | None = None  # central's state when the counter must take it (merge, conflict)
    reason: str = ""


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
            .where(DOSSIERS.c.uuid.in_(uuids))
            .with_for_update()
        )
    }
    mine = set(_agencies_of(session, counter))
    check_scope(
        session,
        counter,
        {
            item.data["agency"]
            for item in items
            if mine
            and item.data["agency"] not in mine
            and not _received_here(session, counter, item, stored_rows.get(item.uuid))
        },
    )
    codes = [item.data.get("code") for item in items if item.data.get("code")]
    code_owner = dict(
        session.execute(
            select(DOSSIERS.c.code, DOSSIERS.c.uuid).where(DOSSIERS.c.code.in_(codes))
        ).all()
    )
    shifts: dict[str, DueShift] = {}
    results: list[PushResult] = []
    inserts: list[dict] = []
    updates: list[dict] = []
    conflicts: list[tuple[PushItem, PushResult]] = []
    for item in items:
        incoming = dossier_from_json(item.data)
        row = stored_rows.get(item.uuid)
        if incoming.code and code_owner.get(incoming.code, item.uuid) != item.uuid:
            results.append(
                PushResult(
                    item.uuid,
                    Outcome.CODE_TAKEN,
                    row.version if row else 0,
                    reason=f"code {incoming.code} is taken",
                )
            )
            continue
        if incoming.agency_code not in shifts:
            shifts[incoming.agency_code] = shifter(session, incoming.agency_code)
        decision = decide_push(
            stored=dossier_from_json(row.data) if row else None,
            stored_version=row.version if row else 0,
            stored_writer=row.written_by if row else None,
            incoming=incoming,
            version=item.version,
            base=item.base,
            counter=counter,
            shift_due=shifts[incoming.agency_code],
        )
        if decision.outcome is Outcome.INSERTED:
            inserts.append(_values(item.data, item.version, counter, counter, at))
            results.append(PushResult(item.uuid, decision.outcome, item.version))
            if incoming.code:
                code_owner[incoming.code] = item.uuid
        elif decision.outcome is Outcome.UPDATED:
            updates.append(_values(item.data, item.version, counter, None, at))
            results.append(PushResult(item.uuid, decision.outcome, item.version))
            if incoming.code:
                code_owner[incoming.code] = item.uuid
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


def _values(data: dict, version: int, writer: int, origin: int | None, at: datetime) -> dict:
    from counter_app.domain.clock import parse_iso

    return {
        "uuid": data["uuid"],
        "code": data.get("code"),
        "agency_code": data["agency"],
        "status": data["status"],
        "version": version,
        "written_by": writer,
        "origin_counter": origin,
        "received_at": parse_iso(data["received_at"]) if data.get("received_at") else None,
        "updated_at": at,
        "data": data,
    }


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
                table.c.dossier_uuid.in_([item.uuid for item, _ in conflicts]),
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
                "code": item.data.get("code"),
                "pushed_version": item.version,
                "central_version": result.version or None,
                "reason": result.reason,
                "pushed": item.data,
                "central": result.data,
            }
        )
    if rows:
        session.execute(insert(table), rows)


# --- conflict decisions


@dataclass(frozen=True)
class ConflictDecision:
    """A supervisor's decision at the counter about a version central refused."""

    dossier_uuid: str
    pushed_version: int
    resolution: str  # keep-central | reapply
    by: str  # the supervisor's login
    at: datetime


RESOLUTIONS = frozenset({"keep-central", "reapply"})


def resolve_conflicts(
    session: Session, counter: int, decisions: list[ConflictDecision]
) -> list[str]:
    """Record each decision on the counter's conflict row: 'resolved', 'already' (the first
    decision stands, so a repeat changes nothing) or 'unknown'. Only the counter's own
    conflicts, of its agencies' dossiers (on PostgreSQL through `central_resolve_conflict`,
    revision c0004)."""
    if _dialect(session) == "postgresql":
        statement = text(
            "SELECT central_resolve_conflict(:uuid, :version, :resolution, :by, :at)"
        ).bindparams(bindparam("at", type_=Moment()))
        return [
            str(
                session.execute(
                    statement,
                    {
                        "uuid": d.dossier_uuid,
                        "version": d.pushed_version,
                        "resolution": d.resolution,
                        "by": d.by,
                        "at": d.at,
                    },
                ).scalar()
            )
            for d in decisions
        ]
    return [_resolve_conflict(session, counter, decision) for decision in decisions]


def _resolve_conflict(session: Session, counter: int, decision: ConflictDecision) -> str:
    """SQLite's stand-in for `central_resolve_conflict`: the same checks, the same answers."""
    if decision.resolution not in RESOLUTIONS:
        raise CounterError("central.denied", reason=f"unknown resolution {decision.resolution}")
    agency = session.scalar(
        select(DOSSIERS.c.agency_code).where(DOSSIERS.c.uuid == decision.dossier_uuid)
    )
    if agency is not None:
        check_scope(session, counter, {agency})
    table = CentralConflictRow.__table__
    same = (table.c.dossier_uuid == decision.dossier_uuid) & (
        table.c.pushed_version == decision.pushed_version
    )
    owners = set(session.scalars(select(table.c.counter_number).where(same)))
    if counter not in owners:
        if owners:
            raise CounterError(
                "central.denied",
                reason=f"the conflict of dossier {decision.dossier_uuid} is not counter "
                f"{counter}'s",
            )
        return "unknown"
    changed = cast(
        CursorResult[Any],
        session.execute(
            update(table)
            .where(same, table.c.counter_number == counter, table.c.resolved_at.is_(None))
            .values(
                resolved_at=decision.at, resolved_by=decision.by, resolution=decision.resolution
            )
        ),
    ).rowcount
    return "resolved" if changed else "already"


# --- audit anchors


def audit_anchor(session: Session, counter: int) -> AuditHead | None:
    """The counter's last anchored audit chain head (row-level security shows a counter only
    its own on PostgreSQL)."""
    table = CentralAuditAnchorRow.__table__
    row = session.execute(
        select(table.c.entries, table.c.hash)
        .where(table.c.counter_number == counter)
        .order_by(table.c.entries.desc())
        .limit(1)
    ).first()
    return None if row is None else AuditHead(row.entries, row.hash)


def record_anchor(
    session: Session, counter: int, head: AuditHead, prior: AuditHead | None, *, at: datetime
) -> str:
    """Anchor the counter's chain head, append-only: 'recorded', 'same', 'behind' or 'differs'
    (see `central_record_anchor`, revision c0006, which does it on PostgreSQL as the calling
    counter; the counter roles cannot write the table)."""
    if _dialect(session) == "postgresql":
        return str(
            session.execute(
                text("SELECT central_record_anchor(:entries, :hash, :prior_entries, :prior_hash)"),
                {
                    "entries": head.entries,
                    "hash": head.hash,
                    "prior_entries": prior.entries if prior else 0,
                    "prior_hash": prior.hash if prior else "",
                },
            ).scalar()
        )
    if not _HEAD_HASH.match(head.hash) or head.entries < 0:
        raise CounterError("central.denied", reason="not an audit chain head")
    last = audit_anchor(session, counter)  # under SQLite's write lock: one anchor at a time
    if last is not None:
        if head.entries < last.entries:
            return "behind"
        if head.entries == last.entries:
            return "same" if head.hash == last.hash else "differs"
        if prior != last:
            return "differs"
    session.execute(
        insert(CentralAuditAnchorRow.__table__),
        [{"counter_number": counter, "entries": head.entries, "hash": head.hash, "at": at}],
    )
    return "recorded"


_HEAD_HASH = re.compile(r"^[0-9a-f]{64}$")


# --- ratings


def record_ratings(session: Session, counter: int, ratings: list[dict]) -> list[str]:
    """Keep the citizens' ratings a counter sends (`Rating.to_json`), append-only: one already
    there (a reply lost after commit, or the same occasion rated at another counter) is left
    as it is. Returns the uuids central now holds for the dossier and occasion."""
    table = CentralRatingRow.__table__
    rows = [
        {
            "uuid": rating["uuid"],
            "counter_number": counter,
            "dossier_uuid": rating["dossier_uuid"],
            "code": rating.get("code") or "",
            "occasion": rating["occasion"],
            "level": rating["level"],
            "reasons": list(rating.get("reasons") or ()),
            "officer": rating["officer"],
            "at": datetime.fromisoformat(rating["at"]),
            "source": rating["source"],
        }
        for rating in ratings
    ]
    _insert_ignore(session, table, rows, None)  # either unique key may be taken already
    return [row["uuid"] for row in rows]


# --- the citizen's paper store


def file_papers(session: Session, counter: int, papers: list[FiledPaper]) -> list[str]:
    """Keep the papers a counter filed, for the agencies it serves (another agency's, of a
    dossier it received for it, stays at the counter); one central holds already (a reply lost,
    a validity corrected) keeps its owner and copy and takes the validity sent. Returns the
    uuids taken."""
    mine = set(_agencies_of(session, counter))
    taken = [paper for paper in papers if not mine or paper.agency_code in mine]
    if taken:
        table = CentralCitizenPaperRow.__table__
        statement = insert_or_update(session, table, ["uuid"], ["issued_on", "expires_on"])
        session.execute(
            statement,
            [
                {
                    "uuid": paper.uuid,
                    "owner_id": paper.owner_id,
                    "kind": paper.kind,
                    "sha256": paper.sha256,
                    "agency_code": paper.agency_code,
                    "dossier_uuid": paper.dossier_uuid,
                    "issued_on": paper.issued_on,
                    "expires_on": paper.expires_on,
                    "signer": paper.signer,
                    "filed_at": paper.filed_at,
                    "filed_by": paper.filed_by,
                    "counter_number": counter,
                }
                for paper in taken
            ],
        )
    return [paper.uuid for paper in taken]


def papers_for(session: Session, counter: int, owner_id: str) -> list[FiledPaper]:
    """The owner's papers filed for the agencies this counter serves (row-level security says
    the same on PostgreSQL), newest first."""
    query = (
        select(CentralCitizenPaperRow)
        .where(CentralCitizenPaperRow.owner_id == owner_id)
        .order_by(CentralCitizenPaperRow.filed_at.desc(), CentralCitizenPaperRow.uuid)
    )
    mine = _agencies_of(session, counter)
    if mine:
        query = query.where(CentralCitizenPaperRow.agency_code.in_(mine))
    return [paper_of(row, "central") for row in session.scalars(query)]


# --- pull


@dataclass(frozen=True)
class Page:
    kind: str
    rows: list[dict] = field(default_factory=list)
    cursor: int = 0  # the last seq in the page (the next cursor)


KINDS = ("agencies", "procedures", "calendar", "dossiers")


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


# --- what central does itself: catalog, calendar, decisions, online submissions, export


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


ShiftFor = Callable[[str], DueShift]
