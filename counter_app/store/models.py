"""Tables of the local store. One row per dossier with its applicant flattened for search;
documents, fees, history and supplement rounds in child tables; an outbox and a hash-chained
audit log written in the same transaction as every change.

Unlike the rest of the package, without `from __future__ import annotations`: SQLAlchemy
would then read each of the 230 `Mapped[...]` annotations back from a string, a sixth of what
mapping these tables costs every command at its start."""

from datetime import date, datetime
from typing import ClassVar

from sqlalchemy import (
    JSON,
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
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from counter_app.domain.identity_papers import ID_NUMBER_LIMIT
from counter_app.store.notice_columns import NoticeColumns
from counter_app.store.types import Moment


class Base(DeclarativeBase):
    __table__: ClassVar[Table]  # every model here is a plain table (for insert/update)
    type_annotation_map: ClassVar = {datetime: Moment, dict: JSON, list: JSON}


class Setting(Base):
    """Counter-wide settings (identity, central address, schedules): one JSON value per key."""

    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[dict] = mapped_column(JSON)


class AgencyRow(Base):
    __tablename__ = "agencies"
    code: Mapped[str] = mapped_column(String(13), primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    parent_code: Mapped[str | None] = mapped_column(String(13))
    short_name: Mapped[str] = mapped_column(String(100), default="")
    served: Mapped[bool] = mapped_column(Boolean, default=True)


class ProcedureRow(Base):
    __tablename__ = "procedures"
    code: Mapped[str] = mapped_column(String(60), primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    name_folded: Mapped[str] = mapped_column(Text)
    field: Mapped[str] = mapped_column(String(300), default="")
    agency_code: Mapped[str] = mapped_column(ForeignKey("agencies.code"), index=True)
    level: Mapped[str] = mapped_column(String(20))
    duration_unit: Mapped[str] = mapped_column(String(20))
    duration_amount: Mapped[str] = mapped_column(String(20), default="0")
    cutoff: Mapped[str | None] = mapped_column(String(5))
    fees: Mapped[list] = mapped_column(JSON, default=list)
    components: Mapped[list] = mapped_column(JSON, default=list)
    result: Mapped[str] = mapped_column(Text, default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class CalendarOverrideRow(Base):
    """A local day off or extra working day; agency_code '' applies to every agency."""

    __tablename__ = "calendar_overrides"
    agency_code: Mapped[str] = mapped_column(String(13), primary_key=True, default="")
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    working: Mapped[bool] = mapped_column(Boolean)
    note: Mapped[str] = mapped_column(Text, default="")


class UserRow(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    login: Mapped[str] = mapped_column(String(32), unique=True)
    full_name: Mapped[str] = mapped_column(String(200), default="")
    title: Mapped[str] = mapped_column(String(200), default="", server_default="")
    role: Mapped[str] = mapped_column(String(20))
    password_hash: Mapped[str] = mapped_column(String(200))
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None]
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime]


class DossierRow(Base):
    __tablename__ = "dossiers"
    uuid: Mapped[str] = mapped_column(String(36), primary_key=True)
    code: Mapped[str | None] = mapped_column(String(40), unique=True)
    procedure_code: Mapped[str] = mapped_column(String(60), index=True)
    procedure_name: Mapped[str] = mapped_column(Text)
    agency_code: Mapped[str] = mapped_column(String(13))
    status: Mapped[str] = mapped_column(String(20))
    applicant_type: Mapped[str] = mapped_column(String(20))
    applicant_name: Mapped[str] = mapped_column(String(200))
    applicant_name_folded: Mapped[str] = mapped_column(String(200), index=True)
    id_number: Mapped[str] = mapped_column(String(ID_NUMBER_LIMIT), default="", index=True)
    id_type: Mapped[str] = mapped_column(String(20), default="", server_default="")
    birth_date: Mapped[date | None] = mapped_column(Date)
    phone: Mapped[str] = mapped_column(String(15), default="", index=True)
    email: Mapped[str] = mapped_column(String(200), default="")
    address: Mapped[str] = mapped_column(Text, default="")
    organisation: Mapped[str] = mapped_column(Text, default="")
    # the applicant's consent to notices, asked at intake (migration 0018)
    notice_consent: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    sets: Mapped[int] = mapped_column(Integer, default=1)
    channel: Mapped[str] = mapped_column(String(10))
    return_method: Mapped[str] = mapped_column(String(10))
    return_at: Mapped[str] = mapped_column(String(13), default="", server_default="")
    note: Mapped[str] = mapped_column(Text, default="")
    fee_total: Mapped[int] = mapped_column(Integer, default=0)
    received_at: Mapped[datetime | None] = mapped_column(index=True)
    due_at: Mapped[datetime | None]
    completed_at: Mapped[datetime | None]
    returned_at: Mapped[datetime | None]
    collector_name: Mapped[str] = mapped_column(String(200), default="", server_default="")
    collector_id_number: Mapped[str] = mapped_column(String(12), default="", server_default="")
    collector_authorised: Mapped[bool] = mapped_column(
        Boolean, default=False, server_default=false()
    )
    timeliness: Mapped[str | None] = mapped_column(String(10))
    received_by: Mapped[str] = mapped_column(String(32), default="")
    origin_counter: Mapped[str] = mapped_column(String(40), default="")
    version: Mapped[int] = mapped_column(Integer, default=1)
    # The queue ticket the citizen was called with (issue 20): the waiting is called - taken.
    queue_ticket: Mapped[str | None] = mapped_column(String(10))
    queue_taken_at: Mapped[datetime | None]
    queue_called_at: Mapped[datetime | None]
    # The central version this counter last knew (0: never synced); version > synced_version
    # means a change waits in the outbox.
    synced_version: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    updated_at: Mapped[datetime]

    __table_args__ = (Index("ix_dossiers_status_due", "status", "due_at"),)


class DocumentRow(Base):
    __tablename__ = "dossier_documents"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    dossier_uuid: Mapped[str] = mapped_column(ForeignKey("dossiers.uuid"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(Text)
    form: Mapped[str] = mapped_column(String(20))
    count: Mapped[int] = mapped_column(Integer)
    component_code: Mapped[str] = mapped_column(String(60), default="")


class FeeLineRow(Base):
    __tablename__ = "dossier_fees"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    dossier_uuid: Mapped[str] = mapped_column(ForeignKey("dossiers.uuid"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(Text)
    amount: Mapped[int] = mapped_column(Integer)
    quantity: Mapped[int] = mapped_column(Integer)
    collection: Mapped[str] = mapped_column(String(10))


class HistoryRow(Base):
    __tablename__ = "dossier_history"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    dossier_uuid: Mapped[str] = mapped_column(ForeignKey("dossiers.uuid"), index=True)
    at: Mapped[datetime]
    actor: Mapped[str] = mapped_column(String(32))
    # The officer's name and title (chức vụ) when the move was made; "" for central's moves
    # and those recorded before 0013.
    actor_name: Mapped[str] = mapped_column(String(200), default="", server_default="")
    actor_title: Mapped[str] = mapped_column(String(200), default="", server_default="")
    action: Mapped[str] = mapped_column(String(30))
    from_status: Mapped[str | None] = mapped_column(String(20))
    to_status: Mapped[str] = mapped_column(String(20))
    note: Mapped[str] = mapped_column(Text, default="")
    place: Mapped[str] = mapped_column(String(100), default="")


class SupplementRoundRow(Base):
    __tablename__ = "supplement_rounds"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    dossier_uuid: Mapped[str] = mapped_column(ForeignKey("dossiers.uuid"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    requested_at: Mapped[datetime]
    old_due: Mapped[datetime | None]
    resubmitted_at: Mapped[datetime | None]
    new_due: Mapped[datetime | None]
    from_status: Mapped[str] = mapped_column(String(20))


class SearchKeyRow(Base):
    """A dossier's row in the search index (db/local/versions/0009): newest keys are largest,
    so reading the index backwards lists newest first. Kept by triggers, never written here."""

    __tablename__ = "dossier_search_keys"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)


class CodeRangeRow(Base):
    """Numbers this counter owns for an (agency, day): see counter_app.domain.codes."""

    __tablename__ = "code_ranges"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    agency_code: Mapped[str] = mapped_column(String(13))
    day: Mapped[date] = mapped_column(Date)
    source: Mapped[str] = mapped_column(String(12))
    first: Mapped[int] = mapped_column(Integer)
    last: Mapped[int] = mapped_column(Integer)
    next_number: Mapped[int] = mapped_column(Integer)

    __table_args__ = (UniqueConstraint("agency_code", "day", "source", "first"),)


class OutboxRow(Base):
    """A change waiting to go to central; removed only after central has committed it."""

    __tablename__ = "outbox"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    created_at: Mapped[datetime]
    entity: Mapped[str] = mapped_column(String(30))
    entity_id: Mapped[str] = mapped_column(String(60))
    operation: Mapped[str] = mapped_column(String(30))
    payload: Mapped[dict] = mapped_column(JSON)
    # a dossier's change: the dossier as saved, the JSON its push sends (None before 0024)
    dossier: Mapped[str | None] = mapped_column(Text)


class AuditRow(Base):
    """Append-only (triggers refuse UPDATE and DELETE); each entry hashes the one before."""

    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime]
    actor: Mapped[str] = mapped_column(String(32))
    action: Mapped[str] = mapped_column(String(40))
    subject: Mapped[str] = mapped_column(String(60), default="")
    detail: Mapped[dict] = mapped_column(JSON, default=dict)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))

    __table_args__ = (Index("ix_audit_log_action_subject", "action", "subject"),)


class AuditAnchorRow(Base):
    """A head of the audit chain (entries, last hash) central acknowledged; append-only."""

    __tablename__ = "audit_anchors"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    entries: Mapped[int] = mapped_column(Integer)
    hash: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime]


class SyncConflictRow(Base):
    """A change central did not take (or took differently), kept for the supervisor."""

    __tablename__ = "sync_conflicts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime]
    dossier_uuid: Mapped[str] = mapped_column(String(36), index=True)
    code: Mapped[str | None] = mapped_column(String(40))
    outcome: Mapped[str] = mapped_column(String(12))  # conflict | merged
    local_version: Mapped[int] = mapped_column(Integer)
    central_version: Mapped[int | None] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(Text, default="")
    local: Mapped[dict] = mapped_column(JSON)
    central: Mapped[dict | None] = mapped_column(JSON)
    resolved_at: Mapped[datetime | None]
    resolved_by: Mapped[str] = mapped_column(String(32), default="")


class SyncLogRow(Base):
    """One line per sync round, for the sync log the window shows."""

    __tablename__ = "sync_log"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(index=True)
    ok: Mapped[bool] = mapped_column(Boolean)
    pushed: Mapped[int] = mapped_column(Integer, default=0)
    pulled: Mapped[int] = mapped_column(Integer, default=0)
    conflicts: Mapped[int] = mapped_column(Integer, default=0)
    message: Mapped[str] = mapped_column(Text, default="")


class AttachmentRow(Base):
    """One scanned original of a dossier: the bytes live in the data folder under their SHA-256
    (stored once however many rows name them); rotation and order are metadata only."""

    __tablename__ = "attachments"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    dossier_uuid: Mapped[str] = mapped_column(ForeignKey("dossiers.uuid"), index=True)
    component: Mapped[str] = mapped_column(String(300))
    position: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    media_type: Mapped[str] = mapped_column(String(40))
    size: Mapped[int] = mapped_column(Integer)
    pages: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    rotation: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    original_name: Mapped[str] = mapped_column(String(255), default="", server_default="")
    by: Mapped[str] = mapped_column(String(32))
    at: Mapped[datetime]

    __table_args__ = (UniqueConstraint("dossier_uuid", "sha256"),)


class DaySignOffRow(Base):
    """A supervisor's signing of a day; a reopening fills reopened_* and a new signing adds a
    row, so the day's history is kept (migration 0005)."""

    __tablename__ = "day_sign_offs"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    day: Mapped[date] = mapped_column(Date, index=True)
    signed_by: Mapped[str] = mapped_column(String(32))
    signed_at: Mapped[datetime]
    fees_recorded: Mapped[int] = mapped_column(Integer)
    cash_counted: Mapped[int] = mapped_column(Integer)
    difference: Mapped[int] = mapped_column(Integer)
    note: Mapped[str] = mapped_column(Text, default="", server_default="")
    reopened_by: Mapped[str] = mapped_column(String(32), default="", server_default="")
    reopened_at: Mapped[datetime | None]
    reopen_reason: Mapped[str] = mapped_column(Text, default="", server_default="")
    # why it was signed before the counter's closing time (migration 0008)
    early_reason: Mapped[str] = mapped_column(Text, default="", server_default="")


class PaperNumberRow(Base):
    """The "Số" a paper of a dossier was given from the register of its kind: numbers run per
    year and kind, and the paper keeps its number and symbol on every reprint (migration 0011)."""

    __tablename__ = "paper_numbers"
    __table_args__ = (
        UniqueConstraint("dossier_uuid", "kind"),
        UniqueConstraint("kind", "year", "number"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    dossier_uuid: Mapped[str] = mapped_column(String(36), index=True)
    kind: Mapped[str] = mapped_column(String(32))
    year: Mapped[int] = mapped_column(Integer)
    number: Mapped[int] = mapped_column(Integer)
    symbol: Mapped[str] = mapped_column(String(100))
    given_at: Mapped[datetime]


class SignedCopyRow(Base):
    """An electronic copy of a dossier signed at the counter (migration 0019); the file is the
    attachment with the same SHA-256. `reused_from` names the filed paper it came from."""

    __tablename__ = "signed_copies"
    __table_args__ = (UniqueConstraint("dossier_uuid", "sha256"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    dossier_uuid: Mapped[str] = mapped_column(ForeignKey("dossiers.uuid"), index=True)
    sha256: Mapped[str] = mapped_column(String(64))
    what: Mapped[str] = mapped_column(String(16))
    component: Mapped[str] = mapped_column(String(300), default="", server_default="")
    signer: Mapped[str] = mapped_column(String(200))
    unit: Mapped[str] = mapped_column(String(200), default="", server_default="")
    signed_at: Mapped[datetime]
    by: Mapped[str] = mapped_column(String(32))
    reused_from: Mapped[str | None] = mapped_column(String(36), default=None)


class CitizenPaperRow(Base):
    """A signed paper filed under its owner's identity number and kind (migration 0020);
    `source` is "local" for one filed here, "central" for one pulled for reuse."""

    __tablename__ = "citizen_papers"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    owner_id: Mapped[str] = mapped_column(String(30))
    kind: Mapped[str] = mapped_column(String(300))
    sha256: Mapped[str] = mapped_column(String(64))
    agency_code: Mapped[str] = mapped_column(String(13))
    dossier_uuid: Mapped[str] = mapped_column(String(36))
    issued_on: Mapped[date | None] = mapped_column(Date, default=None)
    expires_on: Mapped[date | None] = mapped_column(Date, default=None)
    signer: Mapped[str] = mapped_column(String(200), default="", server_default="")
    filed_at: Mapped[datetime]
    filed_by: Mapped[str] = mapped_column(String(32))
    source: Mapped[str] = mapped_column(String(8), default="local", server_default="local")


class PaperConsentRow(Base):
    """The citizen's answer to reusing the papers on file, per dossier (migration 0020)."""

    __tablename__ = "paper_consents"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    owner_id: Mapped[str] = mapped_column(String(30))
    dossier_uuid: Mapped[str] = mapped_column(String(36))
    given: Mapped[bool] = mapped_column(Boolean)
    at: Mapped[datetime]
    by: Mapped[str] = mapped_column(String(32))


Index("ix_citizen_papers_owner", CitizenPaperRow.owner_id, CitizenPaperRow.kind)
Index("ix_paper_consents_owner", PaperConsentRow.owner_id)

# Indexes the figures of the supervisor's review count by (migration 0005).
# overdue at a past day's end: resolved since, due before (0023)
Index("ix_dossiers_completed_due", DossierRow.completed_at, DossierRow.due_at)
Index("ix_dossiers_returned_at", DossierRow.returned_at)
Index("ix_dossiers_due_at", DossierRow.due_at)
Index(
    "ix_dossiers_period",  # covers the period report: read in group order, no table access
    DossierRow.agency_code,
    DossierRow.procedure_code,
    DossierRow.received_at,
    DossierRow.completed_at,
    DossierRow.status,
    DossierRow.due_at,
    DossierRow.timeliness,
    DossierRow.channel,
)


class RatingRow(Base):
    """A citizen's rating of one occasion of a dossier (its intake, its return): written once,
    never updated (migration 0017); `synced_at` is set once central holds it."""

    __tablename__ = "ratings"
    __table_args__ = (UniqueConstraint("dossier_uuid", "occasion"),)
    uuid: Mapped[str] = mapped_column(String(36), primary_key=True)
    dossier_uuid: Mapped[str] = mapped_column(ForeignKey("dossiers.uuid"), index=True)
    occasion: Mapped[str] = mapped_column(String(10))
    level: Mapped[str] = mapped_column(String(20))
    reasons: Mapped[list] = mapped_column(JSON, default=list)
    officer: Mapped[str] = mapped_column(String(32))
    at: Mapped[datetime] = mapped_column(index=True)
    source: Mapped[str] = mapped_column(String(10))
    synced_at: Mapped[datetime | None]


class PaymentRow(Base):
    """How a dossier's fees were paid: cash, a (VietQR) transfer or a card, with the
    transaction's reference, recorded with the move that marks them paid (migration 0017)."""

    __tablename__ = "payments"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    dossier_uuid: Mapped[str] = mapped_column(ForeignKey("dossiers.uuid"), index=True)
    amount: Mapped[int] = mapped_column(Integer)
    method: Mapped[str] = mapped_column(String(10))
    reference: Mapped[str] = mapped_column(String(100), default="")
    by: Mapped[str] = mapped_column(String(32))
    at: Mapped[datetime] = mapped_column(index=True)


class NoticeRow(NoticeColumns, Base):
    """A notice to the applicant, queued with the move that called for it (migration 0018):
    waiting -> sending -> sent, or failed; one found `sending` after a stop is never sent
    again on its own (it may have left)."""

    __tablename__ = "notices"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    dossier_uuid: Mapped[str] = mapped_column(ForeignKey("dossiers.uuid"), index=True)
