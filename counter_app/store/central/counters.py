"""The counters central knows (registration, login roles, fallback slots) and the numbers it
leases them.
"""

from __future__ import annotations

import secrets
from datetime import date, datetime, timedelta

from sqlalchemy import (
    func,
    insert,
    literal_column,
    select,
    text,
    update,
)
from sqlalchemy.orm import Session

from counter_app.domain.clock import local, now
from counter_app.domain.codes import (
    LEASE_MAX_SIZE,
    DossierCode,
    LowNumberSpace,
    low_head,
)
from counter_app.domain.errors import CounterError
from counter_app.store.central.dialects import among
from counter_app.store.central.models import (
    CentralAgencyRow,
    CodeLeaseRow,
    CounterAgencyRow,
    CounterRow,
    FallbackSlotRow,
    LeaseHeadRow,
)
from counter_app.store.central.repository import (
    DOSSIERS,
    _agencies_of,
    _dialect,
    _insert_ignore,
    check_scope,
    fallback_zone,
    setting,
    visible_to,
)
from counter_app.store.central.wire import (
    Lease,
    Registration,
)

LEASE_BLOCK = 50
# The limits of a lease (revision c0005 has the same on PostgreSQL): at most LEASE_MAX_SIZE
# numbers a call, for a day from yesterday to LEASE_DAYS_AHEAD days ahead in Vietnam time, and
# at most LEASE_MAX_HELD numbers of an agency's day held by one counter; a head raised for
# numbers given before registering only up to RAISE_MAX_LAST, never past tomorrow.
LEASE_MAX_HELD = 4500
LEASE_MAX_HELD_GUEST = 300  # of an agency the counter does not serve (revision c0009)
LEASE_DAYS_AHEAD = 31
RAISE_MAX_LAST = 4500


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
            among(session, DOSSIERS.c.code, wanted[start : start + 1000])
        )
        if agencies:
            query = query.where(visible_to(counter, agencies))
        taken.extend(code for code, uuid in session.execute(query) if codes[code] != uuid)
    return tuple(sorted(taken))


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
