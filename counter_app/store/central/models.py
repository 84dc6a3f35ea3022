"""Tables of the central database. Every change of a dossier, procedure, agency or calendar
day takes the next number of one change sequence (`seq`), so counters pull by keyset
(`WHERE seq > :cursor ORDER BY seq LIMIT :n`) at the same cost whatever the table's size."""

from __future__ import annotations

from datetime import date, datetime
from typing import ClassVar

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from counter_app.store.notice_columns import NoticeColumns
from counter_app.store.types import Moment

Document = JSON().with_variant(JSONB(), "postgresql")
BigId = BigInteger().with_variant(Integer(), "sqlite")  # SQLite autoincrements INTEGER only


class CentralBase(DeclarativeBase):
    __table__: ClassVar[Table]  # every model here is a plain table (for insert/update)
    type_annotation_map: ClassVar = {datetime: Moment, dict: Document, list: Document}


class CentralSetting(CentralBase):
    __tablename__ = "central_settings"
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[dict] = mapped_column(Document)


class ChangeSequence(CentralBase):
    """One row: the last number given. Taken with a row lock held to commit, so changes become
    visible in the order of their numbers and a cursor never skips a late commit."""

    __tablename__ = "change_sequence"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger)


class CounterRow(CentralBase):
    __tablename__ = "counters"
    number: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    counter_id: Mapped[str] = mapped_column(String(60), unique=True)
    name: Mapped[str] = mapped_column(String(200), default="")
    role: Mapped[str | None] = mapped_column(String(63), unique=True)
    install_id: Mapped[str | None] = mapped_column(String(36), unique=True)
    created_at: Mapped[datetime]
    registered_at: Mapped[datetime | None]


class CounterAgencyRow(CentralBase):
    """The agencies a counter serves (none listed: every agency, on a trial without roles)."""

    __tablename__ = "counter_agencies"
    counter_number: Mapped[int] = mapped_column(
        ForeignKey("counters.number", ondelete="CASCADE"), primary_key=True
    )
    agency_code: Mapped[str] = mapped_column(String(13), primary_key=True)


class CentralAgencyRow(CentralBase):
    __tablename__ = "agencies"
    code: Mapped[str] = mapped_column(String(13), primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    parent_code: Mapped[str | None] = mapped_column(String(13))
    short_name: Mapped[str] = mapped_column(String(100), default="")
    seq: Mapped[int] = mapped_column(BigInteger, index=True)


class CentralProcedureRow(CentralBase):
    """A procedure in the catalog file's JSON form (`catalog_file.procedure_to_json`)."""

    __tablename__ = "procedures"
    code: Mapped[str] = mapped_column(String(60), primary_key=True)
    agency_code: Mapped[str] = mapped_column(String(13))
    field: Mapped[str] = mapped_column(String(300), default="")
    data: Mapped[dict] = mapped_column(Document)
    seq: Mapped[int] = mapped_column(BigInteger, index=True)


class CentralCalendarRow(CentralBase):
    __tablename__ = "calendar_overrides"
    agency_code: Mapped[str] = mapped_column(String(13), primary_key=True, default="")
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    working: Mapped[bool] = mapped_column(Boolean)
    note: Mapped[str] = mapped_column(Text, default="")
    seq: Mapped[int] = mapped_column(BigInteger, index=True)
    removed: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


class CentralDossierRow(CentralBase):
    """A dossier as its JSON (`serialize.dossier_to_json`) with what is searched or guarded
    lifted into columns: unique uuid, unique code, its version and who wrote it last."""

    __tablename__ = "dossiers"
    uuid: Mapped[str] = mapped_column(String(36), primary_key=True)
    code: Mapped[str | None] = mapped_column(String(40), unique=True)
    agency_code: Mapped[str] = mapped_column(String(13))
    status: Mapped[str] = mapped_column(String(20))
    version: Mapped[int] = mapped_column(Integer)
    written_by: Mapped[int] = mapped_column(Integer)  # 0: central, else the counter's number
    origin_counter: Mapped[int | None] = mapped_column(Integer)  # None: the online portal
    received_at: Mapped[datetime | None]
    updated_at: Mapped[datetime]
    seq: Mapped[int] = mapped_column(BigInteger, unique=True)
    data: Mapped[dict] = mapped_column(Document)

    __table_args__ = (
        Index("ix_central_dossiers_received", "received_at"),
        Index("ix_central_dossiers_agency_status", "agency_code", "status"),
    )


class LeaseHeadRow(CentralBase):
    """The next number central may lease for an (agency, day); only ever goes up."""

    __tablename__ = "lease_heads"
    agency_code: Mapped[str] = mapped_column(String(13), primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    next_first: Mapped[int] = mapped_column(Integer)


class CodeLeaseRow(CentralBase):
    __tablename__ = "code_leases"
    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    agency_code: Mapped[str] = mapped_column(String(13))
    day: Mapped[date] = mapped_column(Date)
    counter_number: Mapped[int] = mapped_column(ForeignKey("counters.number"))
    first: Mapped[int] = mapped_column(Integer)
    last: Mapped[int] = mapped_column(Integer)
    granted_at: Mapped[datetime]

    __table_args__ = (
        UniqueConstraint("agency_code", "day", "first"),
        Index("ix_code_leases_counter_day", "counter_number", "day"),
    )


class FallbackSlotRow(CentralBase):
    """Slot `slot` of an agency's fallback zone, the given counter's on every day, for good
    (revision c0009): handed only to counters that receive for the agency."""

    __tablename__ = "fallback_slots"
    agency_code: Mapped[str] = mapped_column(String(13), primary_key=True)
    slot: Mapped[int] = mapped_column(Integer, primary_key=True)
    counter_number: Mapped[int] = mapped_column(ForeignKey("counters.number"))
    granted_at: Mapped[datetime]

    __table_args__ = (UniqueConstraint("agency_code", "counter_number"),)


class CentralConflictRow(CentralBase):
    """A counter's version central did not take, kept whole beside central's at the time."""

    __tablename__ = "conflicts"
    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    at: Mapped[datetime]
    counter_number: Mapped[int] = mapped_column(Integer, index=True)
    dossier_uuid: Mapped[str] = mapped_column(String(36), index=True)
    code: Mapped[str | None] = mapped_column(String(40))
    pushed_version: Mapped[int] = mapped_column(Integer)
    central_version: Mapped[int | None] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(Text)
    pushed: Mapped[dict] = mapped_column(Document)
    central: Mapped[dict | None] = mapped_column(Document)
    resolved_at: Mapped[datetime | None]
    # the supervisor's decision at the counter (revision c0004): its login, keep-central|reapply
    resolved_by: Mapped[str | None] = mapped_column(String(32))
    resolution: Mapped[str | None] = mapped_column(String(20))


class CentralAuditAnchorRow(CentralBase):
    """A counter's audit chain head as a sync round sent it (revision c0006); append-only."""

    __tablename__ = "audit_anchors"
    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    counter_number: Mapped[int] = mapped_column(ForeignKey("counters.number"))
    entries: Mapped[int] = mapped_column(BigInteger)
    hash: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime]

    __table_args__ = (UniqueConstraint("counter_number", "entries"),)


class CentralRatingRow(CentralBase):
    """A citizen's rating a counter sent (revision c0011): one per dossier and occasion,
    append-only; a counter adds only its own and reads only its own."""

    __tablename__ = "ratings"
    __table_args__ = (UniqueConstraint("dossier_uuid", "occasion"),)
    uuid: Mapped[str] = mapped_column(String(36), primary_key=True)
    counter_number: Mapped[int] = mapped_column(Integer, index=True)
    dossier_uuid: Mapped[str] = mapped_column(String(36))
    code: Mapped[str] = mapped_column(String(40), default="")
    occasion: Mapped[str] = mapped_column(String(10))
    level: Mapped[str] = mapped_column(String(20))
    reasons: Mapped[list] = mapped_column(Document, nullable=True)  # as revision c0011 made it
    officer: Mapped[str] = mapped_column(String(32))
    at: Mapped[datetime]
    source: Mapped[str] = mapped_column(String(10))
    # the change sequence's number (revision c0013), so counters of the dossier's agencies
    # pull the ratings given at other counters by keyset like any change
    seq: Mapped[int | None] = mapped_column(BigInteger, index=True)


class CentralNoticeRow(NoticeColumns, CentralBase):
    """A notice to the applicant of a decision taken at central (revision c0013), queued with
    the decision and sent by central's sender as a counter's worker sends its own: waiting ->
    sending -> sent, or failed. Counters read their agencies' (row-level security)."""

    __tablename__ = "notices"
    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    dossier_uuid: Mapped[str] = mapped_column(String(36), index=True)
    code: Mapped[str] = mapped_column(String(40), default="")
    agency_code: Mapped[str] = mapped_column(String(13))


class CentralCitizenPaperRow(CentralBase):
    """A signed paper a counter filed under its owner (revision c0012), offered at intake at
    every counter of its agency; on PostgreSQL a counter reads and writes only its agencies'."""

    __tablename__ = "citizen_papers"
    uuid: Mapped[str] = mapped_column(String(36), primary_key=True)
    owner_id: Mapped[str] = mapped_column(String(30), index=True)
    kind: Mapped[str] = mapped_column(String(300))
    sha256: Mapped[str] = mapped_column(String(64))
    agency_code: Mapped[str] = mapped_column(String(13))
    dossier_uuid: Mapped[str] = mapped_column(String(36))
    issued_on: Mapped[date | None] = mapped_column(Date, default=None)
    expires_on: Mapped[date | None] = mapped_column(Date, default=None)
    signer: Mapped[str] = mapped_column(String(200), default="")
    filed_at: Mapped[datetime]
    filed_by: Mapped[str] = mapped_column(String(32))
    counter_number: Mapped[int] = mapped_column(Integer)  # the counter that filed it
