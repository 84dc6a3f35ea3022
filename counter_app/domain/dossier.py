"""The dossier (hồ sơ): one application by one applicant for one procedure."""

from __future__ import annotations

import uuid as uuid_module
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from counter_app.domain.catalog import DocumentForm, FeeCollection
from counter_app.domain.clock import iso
from counter_app.domain.identity_papers import IdType, guess_id_type
from counter_app.domain.messages import translate


class Status(StrEnum):
    """The ten states of the national portal, in the order provincial systems number them."""

    RECEIVING = "receiving"
    NEW = "new"
    DENIED = "denied"
    PROCESSING = "processing"
    WAITING = "waiting"
    PAYING = "paying"
    CANCELLED = "cancelled"
    UNRESOLVED = "unresolved"
    RELEASING = "releasing"
    DONE = "done"

    @property
    def number(self) -> int:
        """1 for RECEIVING … 10 for DONE, in the order above (the portal's state numbers)."""
        return _STATUS_NUMBERS[self]

    def label(self, lang: str = "vi") -> str:
        return translate(f"status.{self.value}", lang)


_STATUS_NUMBERS = {status: number for number, status in enumerate(Status, 1)}

# Where the clock runs against the agency: received and not yet resolved, not paused.
OPEN_STATES = frozenset({Status.NEW, Status.PROCESSING, Status.PAYING})


class Channel(StrEnum):
    DIRECT = "direct"  # 1 trực tiếp
    ONLINE = "online"  # 2 trực tuyến
    POSTAL = "postal"  # 3 bưu chính công ích


class ReturnMethod(StrEnum):
    COUNTER = "counter"
    POSTAL = "postal"


class ApplicantType(StrEnum):
    """LoaiDoiTuong of the portal: 1 citizen, 2 business, 3 state agency, 4 other."""

    CITIZEN = "citizen"
    BUSINESS = "business"
    AGENCY = "agency"
    OTHER = "other"


class Timeliness(StrEnum):
    EARLY = "early"  # trước hạn
    ON_TIME = "on_time"  # đúng hạn
    LATE = "late"  # quá hạn


@dataclass
class Applicant:
    full_name: str
    type: ApplicantType = ApplicantType.CITIZEN
    id_number: str = ""
    birth_date: date | None = None
    phone: str = ""
    email: str = ""
    address: str = ""
    organisation: str = ""
    id_type: IdType | None = None  # None: the paper the number looks like (`paper_type`)
    consents_to_notices: bool = False  # asked at intake: notices by e-mail and SMS (issue 18)

    @property
    def paper_type(self) -> IdType:
        """The paper the number is from: as chosen, else guessed from the number."""
        return self.id_type or guess_id_type(self.id_number)


@dataclass
class DocumentReceived:
    name: str
    form: DocumentForm = DocumentForm.ORIGINAL
    count: int = 1
    component_code: str = ""


@dataclass
class FeeLine:
    name: str
    amount: int  # đồng, for one unit
    quantity: int = 1
    collection: FeeCollection = FeeCollection.BEFORE

    @property
    def total(self) -> int:
        return self.amount * self.quantity


@dataclass
class Collector:
    """Who took the result away: the applicant, or a person they authorised (ủy quyền)."""

    full_name: str
    id_number: str = ""
    authorised: bool = False


@dataclass
class HistoryEntry:
    """One move of the dossier: who, when, from where, from which state to which, and why.
    `actor` is a login (or central, portal); `actor_name` and `actor_title` are the officer's
    full name and title as they were when the move was made ("" when not known)."""

    at: datetime
    actor: str
    action: str
    from_status: Status | None
    to_status: Status
    note: str = ""
    place: str = ""
    actor_name: str = ""
    actor_title: str = ""


@dataclass
class SupplementRound:
    """A supplement request pauses the clock; resubmission moves the due time (old → new)."""

    requested_at: datetime
    old_due: datetime | None
    resubmitted_at: datetime | None = None
    new_due: datetime | None = None
    from_status: Status = Status.NEW


def new_uuid() -> str:
    return str(uuid_module.uuid4())


@dataclass
class Dossier:
    procedure_code: str
    procedure_name: str
    agency_code: str
    applicant: Applicant
    received_at: datetime | None
    due_at: datetime | None
    status: Status = Status.NEW
    code: str | None = None
    uuid: str = field(default_factory=new_uuid)
    documents: list[DocumentReceived] = field(default_factory=list)
    fees: list[FeeLine] = field(default_factory=list)
    sets: int = 1
    channel: Channel = Channel.DIRECT
    return_method: ReturnMethod = ReturnMethod.COUNTER
    # the agency whose one-stop desk hands the result back; "" = the receiving counter. A
    # dossier may be received anywhere in the province, whatever the applicant's residence
    return_at: str = ""
    note: str = ""
    completed_at: datetime | None = None
    returned_at: datetime | None = None
    collector: Collector | None = None
    timeliness: Timeliness | None = None
    received_by: str = ""
    history: list[HistoryEntry] = field(default_factory=list)
    supplement_rounds: list[SupplementRound] = field(default_factory=list)

    @property
    def fee_total(self) -> int:
        return sum(line.total for line in self.fees)

    def is_overdue(self, at: datetime) -> bool:
        """Late while still open: past the due time and not yet resolved."""
        return self.status in OPEN_STATES and self.due_at is not None and at > self.due_at


@dataclass(frozen=True)
class DossierFilter:
    """What the list and search screens ask for; every field optional."""

    day: date | None = None
    date_from: date | None = None
    date_to: date | None = None
    statuses: tuple[Status, ...] = ()
    procedure_code: str | None = None
    text: str = ""
    overdue_at: datetime | None = None  # open and due before this moment
    open_only: bool = False  # only where the clock runs (OPEN_STATES)
    due_from: datetime | None = None  # due at or after
    due_to: datetime | None = None  # due before
    limit: int = 100
    offset: int = 0


@dataclass(frozen=True)
class DossierTicket:
    """The queue ticket a dossier's citizen was called with, and how long they waited."""

    ticket: str
    taken_at: datetime
    called_at: datetime | None

    @property
    def waited_minutes(self) -> int | None:
        if self.called_at is None:
            return None
        return max(0, round((self.called_at - self.taken_at).total_seconds() / 60))

    def to_json(self) -> dict[str, object]:
        return {
            "ticket": self.ticket,
            "taken_at": iso(self.taken_at),
            "called_at": iso(self.called_at),
            "waited_minutes": self.waited_minutes,
        }
