"""Walk-in intake: from what the officer entered to a saved dossier with its code and due time.

One path for one citizen and for a batch (demo data, imports): validation and the due time are
worked out per dossier; codes, rows, outbox and audit are written in one transaction per batch.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import Any

from counter_app.domain.amend import AMENDABLE, Correction
from counter_app.domain.catalog import DocumentForm, FeeCollection, Procedure
from counter_app.domain.clock import now
from counter_app.domain.codes import DossierCode
from counter_app.domain.deadlines import compute_due
from counter_app.domain.dossier import (
    Applicant,
    ApplicantType,
    Channel,
    DocumentReceived,
    Dossier,
    FeeLine,
    HistoryEntry,
    ReturnMethod,
    Status,
)
from counter_app.domain.errors import CounterError, Problem, ValidationFailed
from counter_app.domain.identity_papers import IdType, normalise_id_number
from counter_app.domain.lifecycle import Action
from counter_app.domain.limits import (
    CATALOG_TEXT_LIMIT,
    MAX_COUNT,
    MAX_DOCUMENTS,
    MAX_FEE,
    MAX_FEE_LINES,
    MAX_SETS,
    NOTE_LIMIT,
    duration_too_long,
)
from counter_app.domain.serialize import dossier_to_json
from counter_app.domain.text import check_text, clean
from counter_app.domain.validation import check_applicant, normalise_phone
from counter_app.domain.wording import thousands
from counter_app.services.accounts import User
from counter_app.services.calendars import CalendarService
from counter_app.services.catalog import CatalogService
from counter_app.services.moves import Moved, record_moves
from counter_app.services.payments import (
    CASH,
    Payment,
    default_payment,
    fees_at_intake,
    parse_intake_payment,
    record_payment,
)
from counter_app.services.settings import SettingsService
from counter_app.store.codes import allocate_many, numbers_short
from counter_app.store.database import Database


@dataclass
class IntakeRequest:
    """What the officer entered. `documents`/`fees` None means: as the catalog lists them."""

    procedure_code: str
    applicant: Applicant
    documents: list[DocumentReceived] | None = None
    fees: list[FeeLine] | None = None
    sets: int = 1
    channel: Channel = Channel.DIRECT
    return_method: ReturnMethod = ReturnMethod.COUNTER
    return_at: str = ""  # an agency code of the catalog; "" = this counter
    note: str = ""
    problems: list[Problem] = field(default_factory=list)
    payment: Payment | None = CASH  # how the fees taken at intake were paid; None: not yet


def _choice(enum_type, value, field_name: str, problems: list[Problem], default):  # type: ignore[no-untyped-def]
    if value is None:
        return default
    try:
        return enum_type(str(value).strip().lower())
    except ValueError:
        problems.append(
            Problem(
                field_name,
                "value.choice",
                {"field": f"field.{field_name}", "choices": ", ".join(m.value for m in enum_type)},
            )
        )
        return default


def _positive(value: object, field_name: str, key: str, limit: int, problems: list[Problem]) -> int:
    if value is None:
        return 1
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= limit:
        problems.append(Problem(field_name, key))
        return 1
    return value


def _shape(where: str, reason: str) -> CounterError:
    return CounterError("json.shape", where=where, reason=reason)


def _text(data: dict[str, Any], key: str, where: str) -> str:
    value = data.get(key)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise _shape(f"{where}.{key}" if where else key, "catalog.reason.not_text")
    return clean(value)


def notice_consent(value: object) -> bool:
    """The applicant's `"consent": {"notices": true|false}`; left out, no consent."""
    if value is None:
        return False
    if not isinstance(value, dict) or not isinstance(value.get("notices", False), bool):
        raise CounterError("notice.consent")
    return bool(value.get("notices", False))


def _items(data: dict[str, Any], key: str, limit: int) -> list[Any] | None:
    """A list of the file (documents, fees), no longer than `limit`; None when left out."""
    value = data.get(key)
    if value is None:
        return None
    if not isinstance(value, list):
        raise _shape(key, "catalog.reason.not_list")
    if len(value) > limit:
        raise CounterError("input.too_many", where=key, limit=limit)
    return value


def request_from_json(data: object) -> IntakeRequest:
    """Read an intake file (the contract of `counter-app intake`); every problem is named."""
    if not isinstance(data, dict):
        raise _shape("JSON", "catalog.reason.not_object")
    problems: list[Problem] = []
    raw_applicant = data.get("applicant")
    if not isinstance(raw_applicant, dict):
        raise _shape("applicant", "catalog.reason.not_object")
    birth_text = _text(raw_applicant, "birth_date", "applicant")
    birth_date = None
    if birth_text:
        try:
            birth_date = date.fromisoformat(birth_text)
        except ValueError:
            problems.append(Problem("birth_date", "birth_date.format", {"value": birth_text}))
    id_type = _choice(IdType, raw_applicant.get("id_type"), "id_type", problems, None)
    applicant = Applicant(
        full_name=_text(raw_applicant, "full_name", "applicant"),
        type=_choice(
            ApplicantType, raw_applicant.get("type"), "type", problems, ApplicantType.CITIZEN
        ),
        id_number=normalise_id_number(_text(raw_applicant, "id_number", "applicant"), id_type),
        id_type=id_type,
        birth_date=birth_date,
        phone=normalise_phone(_text(raw_applicant, "phone", "applicant")),
        email=_text(raw_applicant, "email", "applicant"),
        address=_text(raw_applicant, "address", "applicant"),
        organisation=_text(raw_applicant, "organisation", "applicant"),
        consents_to_notices=notice_consent(raw_applicant.get("consent")),
    )
    documents = None
    raw_documents = _items(data, "documents", MAX_DOCUMENTS)
    if raw_documents is not None:
        documents = []
        for i, raw in enumerate(raw_documents):
            if not isinstance(raw, dict):
                raise _shape(f"documents[{i}]", "catalog.reason.not_object")
            documents.append(
                DocumentReceived(
                    name=_document_name(_text(raw, "name", f"documents[{i}]"), problems),
                    form=_choice(
                        DocumentForm, raw.get("form"), "form", problems, DocumentForm.ORIGINAL
                    ),
                    count=_positive(
                        raw.get("count"), "documents", "count.range", MAX_COUNT, problems
                    ),
                    component_code=_text(raw, "component_code", f"documents[{i}]"),
                )
            )
    fees = None
    raw_fees = _items(data, "fees", MAX_FEE_LINES)
    if raw_fees is not None:
        fees = []
        for i, raw in enumerate(raw_fees):
            amount = raw.get("amount") if isinstance(raw, dict) else None
            if (
                not isinstance(amount, int)
                or isinstance(amount, bool)
                or not 0 <= amount <= MAX_FEE
            ):
                raise _shape(f"fees[{i}].amount", "catalog.reason.fee")
            fees.append(
                FeeLine(
                    name=check_text(
                        problems,
                        "fees",
                        _text(raw, "name", f"fees[{i}]"),
                        CATALOG_TEXT_LIMIT,
                        label="fee_name",
                    ),
                    amount=amount,
                    quantity=_positive(
                        raw.get("quantity"), "fees", "count.range", MAX_COUNT, problems
                    ),
                    collection=_choice(
                        FeeCollection, raw.get("collection"), "fees", problems, FeeCollection.BEFORE
                    ),
                )
            )
        if sum(fee.amount * fee.quantity for fee in fees) > MAX_FEE:
            problems.append(Problem("fees", "fees.total", {"limit": thousands(MAX_FEE)}))
    note = check_text(problems, "note", _text(data, "note", ""), NOTE_LIMIT)
    channel = _choice(Channel, data.get("channel"), "channel", problems, Channel.DIRECT)
    procedure = data.get("procedure")
    if not isinstance(procedure, str) or not procedure.strip():
        problems.append(Problem("procedure", "field.required", {"field": "field.procedure"}))
        procedure = ""
    return IntakeRequest(
        procedure_code=procedure.strip(),
        applicant=applicant,
        documents=documents,
        fees=fees,
        sets=_positive(data.get("sets"), "sets", "sets.range", MAX_SETS, problems),
        channel=channel,
        return_method=_choice(
            ReturnMethod, data.get("return_method"), "return_method", problems, ReturnMethod.COUNTER
        ),
        return_at=_text(data, "return_at", "").upper(),
        note=note,
        problems=problems,
        payment=_payment(data, channel),
    )


def _payment(data: dict[str, Any], channel: Channel) -> Payment | None:
    """The file's "payment": {"method", "reference"}; left out, the channel's default."""
    raw = data.get("payment")
    if raw is None:
        return default_payment(channel)
    if not isinstance(raw, dict):
        raise _shape("payment", "catalog.reason.not_object")
    return parse_intake_payment(_text(raw, "method", "payment"), _text(raw, "reference", "payment"))


def correction_from_json(data: object, dossier: Dossier) -> Correction:
    """Read a correction (the contract of `counter-app amend`): any of the intake file's
    AMENDABLE keys; the applicant's fields given replace those entered, the others stay."""
    if not isinstance(data, dict):
        raise _shape("JSON", "catalog.reason.not_object")
    others = sorted(set(data) - set(AMENDABLE))
    if others:
        raise CounterError("amend.fields", fields=", ".join(others), allowed=", ".join(AMENDABLE))
    current = dossier_to_json(dossier)
    applicant = data.get("applicant", {})
    if not isinstance(applicant, dict):
        raise _shape("applicant", "catalog.reason.not_object")
    merged = {key: current[key] for key in AMENDABLE} | data
    merged["applicant"] = current["applicant"] | applicant
    if "id_number" in applicant and "id_type" not in applicant:
        del merged["applicant"]["id_type"]  # a new number is a paper of its own: guessed again
    merged["procedure"] = dossier.procedure_code
    request = request_from_json(merged)
    if request.problems:
        raise ValidationFailed(request.problems)
    documents = request.documents if request.documents is not None else dossier.documents
    return Correction(
        request.applicant, documents, request.sets, request.return_method, request.note
    )


def cleaned_correction(correction: Correction) -> Correction:
    """The correction as intake stores what is typed: text cleaned, ID and phone as digits."""
    applicant = correction.applicant
    return replace(
        correction,
        applicant=replace(
            applicant,
            full_name=clean(applicant.full_name),
            id_number=normalise_id_number(applicant.id_number, applicant.id_type),
            phone=normalise_phone(applicant.phone),
            email=clean(applicant.email),
            address=clean(applicant.address),
            organisation=clean(applicant.organisation),
        ),
        documents=[replace(d, name=clean(d.name)) for d in correction.documents],
        note=clean(correction.note),
    )


def correction_problems(correction: Correction, *, today: date) -> list[Problem]:
    """What is wrong with a correction, by the intake's own rules (the window's form and the
    command line meet here)."""
    problems = check_applicant(correction.applicant, today=today)
    if any(not document.name.strip() for document in correction.documents):
        problems.append(Problem("documents", "field.required", {"field": "field.document_name"}))
    if any(not 1 <= document.count <= MAX_COUNT for document in correction.documents):
        problems.append(Problem("documents", "count.range"))
    if not 1 <= correction.sets <= MAX_SETS:
        problems.append(Problem("sets", "sets.range"))
    if len(correction.note) > NOTE_LIMIT:
        problems.append(
            Problem("note", "text.too_long", {"field": "field.note", "limit": NOTE_LIMIT})
        )
    return problems


def _document_name(name: str, problems: list[Problem]) -> str:
    return check_text(
        problems, "documents", name, CATALOG_TEXT_LIMIT, required=True, label="document_name"
    )


def default_documents(procedure: Procedure) -> list[DocumentReceived]:
    return [
        DocumentReceived(c.name, c.form, c.count, c.code)
        for c in procedure.components
        if c.required
    ]


def default_fees(procedure: Procedure) -> list[FeeLine]:
    return [FeeLine(f.name, f.amount, 1, f.collection) for f in procedure.fees]


class IntakeService:
    def __init__(
        self,
        database: Database,
        catalog: CatalogService,
        calendars: CalendarService,
        settings: SettingsService,
    ) -> None:
        self._db = database
        self._catalog = catalog
        self._calendars = calendars
        self._settings = settings
        # asks central for numbers this counter lacks, when it can (set by the sync service)
        self.fetch_numbers: Callable[[dict[tuple[str, date], int]], None] | None = None

    def due_at(self, procedure: Procedure, received_at: datetime) -> datetime | None:
        """The appointment time shown live on the intake form, as saving will compute it.
        A time limit past the limits (a catalog an older version imported) is refused here,
        where it would otherwise run the calendar off its end."""
        if duration_too_long(procedure.duration):
            raise CounterError("procedure.duration", code=procedure.code)
        return compute_due(
            self._calendars.for_agency(procedure.agency_code), received_at, procedure.duration
        )

    def prepare(
        self, request: IntakeRequest, *, user: User, at: datetime, place: str = ""
    ) -> Dossier:
        """Validate and build the dossier (no code yet); raise with every problem at once."""
        problems = list(request.problems)
        problems += check_applicant(request.applicant, today=at.date())
        procedure = None
        if request.procedure_code:
            procedure = self._catalog.procedure(request.procedure_code)
            if not procedure.active:
                raise CounterError("procedure.inactive", code=procedure.code)
        if request.return_at and request.return_at not in self._catalog.agencies():
            problems.append(Problem("return_at", "return_at.unknown", {"code": request.return_at}))
        if problems:
            raise ValidationFailed(problems)
        assert procedure is not None
        dossier = Dossier(
            procedure_code=procedure.code,
            procedure_name=procedure.name,
            agency_code=procedure.agency_code,
            applicant=request.applicant,
            received_at=at,
            due_at=self.due_at(procedure, at),
            status=Status.NEW,
            documents=request.documents
            if request.documents is not None
            else default_documents(procedure),
            fees=request.fees if request.fees is not None else default_fees(procedure),
            sets=request.sets,
            channel=request.channel,
            return_method=request.return_method,
            return_at=request.return_at,
            note=request.note,
            received_by=user.login,
        )
        dossier.history.append(
            HistoryEntry(
                at=at,
                actor=user.login,
                action=Action.RECEIVE.value,
                from_status=None,
                to_status=Status.NEW,
                place=place,
            )
        )
        return dossier

    def receive(self, request: IntakeRequest, *, user: User, at: datetime | None = None) -> Dossier:
        at = at or now()
        place = self._settings.identity().name
        dossier = self.prepare(request, user=user, at=at, place=place)
        return self.save([dossier], [request.payment])[0]

    def save(
        self, dossiers: Sequence[Dossier], payments: Sequence[Payment | None] | None = None
    ) -> list[Dossier]:
        """Give each prepared dossier its code and write them all, with their moves (a
        batch of demo data has more than the receipt), in one transaction: all or none.
        The fees taken at intake are recorded paid as `payments` says, one per dossier (None:
        not yet, left due for the payment request); without `payments`, as the channel's
        default, so the day's cash is the cash recorded."""
        if payments is None:
            payments = [default_payment(dossier.channel) for dossier in dossiers]
        mode = self._settings.code_mode()
        origin = self._settings.identity().name
        written_at = now()
        by_day: dict[tuple[str, date], list[Dossier]] = defaultdict(list)
        for dossier in dossiers:
            assert dossier.received_at is not None
            by_day[(dossier.agency_code, dossier.received_at.date())].append(dossier)
        wanted = {key: len(group) for key, group in by_day.items()}
        if self.fetch_numbers is not None:
            with self._db.read() as session:
                short = numbers_short(session, wanted, mode)
            if short:
                self.fetch_numbers(short)
        with self._db.write() as session:
            numbers = allocate_many(session, wanted, mode)
            for (agency, day), group in by_day.items():
                for dossier, number in zip(group, numbers[(agency, day)], strict=True):
                    dossier.code = str(DossierCode(agency, day, number))
            record_moves(
                session,
                [d.received_at for d in dossiers],
                lambda: [Moved(d, d.history, new=True) for d in dossiers],
                origin=origin,
                at=written_at,
            )
            for dossier, payment in zip(dossiers, payments, strict=True):
                taken = fees_at_intake(dossier)
                if payment is not None and taken > 0:
                    assert dossier.received_at is not None
                    record_payment(
                        session,
                        dossier,
                        payment,
                        dossier.received_by,
                        dossier.received_at,
                        owed=taken,
                    )
        return list(dossiers)
