"""The central side's own use cases (the `central` commands): create or upgrade the schema,
add a counter with its role, record a department's decision, take an online submission,
import the catalog, export for the national portal."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from counter_app.domain.catalog import Catalog
from counter_app.domain.clock import local, now
from counter_app.domain.codes import LowNumberSpace
from counter_app.domain.dossier import Channel, Dossier, HistoryEntry, Status
from counter_app.domain.errors import CounterError, ValidationFailed
from counter_app.domain.lifecycle import Action
from counter_app.domain.official_days import OfficialDays
from counter_app.domain.sync import portal_record
from counter_app.domain.validation import check_applicant
from counter_app.store.central import counters, office
from counter_app.store.central.database import (
    CentralAddress,
    CentralDatabase,
    check_url,
    split_password,
    upgrade_central,
)

PORTAL_PLACE = "Cổng dịch vụ công"

if TYPE_CHECKING:
    from counter_app.services.notices import NoticeService
    from counter_app.services.settings import SettingsService


@dataclass(frozen=True)
class NewCounter:
    number: int
    counter_id: str
    agencies: tuple[str, ...]
    role: str | None
    password: str | None  # shown once; central keeps only the role's hash


@dataclass(frozen=True)
class PortalEntry:
    seq: int  # central's change sequence number of the dossier as exported
    record: dict[str, Any]


def open_central(url: str, password: str | None = None) -> CentralDatabase:
    """An administrator's connection: the password given apart, or in the URL (never stored)."""
    bare, in_address = split_password(check_url(url))
    password = password if password is not None else in_address
    return CentralDatabase(CentralAddress(bare, password=password), pool_size=1)


@dataclass(frozen=True)
class CentralState:
    """What `central status URL` prints: the counts, and a warning per number space running
    low (docs/ADMIN.md says what to do)."""

    counts: dict[str, int]
    low: list[LowNumberSpace]

    def to_json(self, lang: str = "vi") -> dict[str, Any]:
        return {
            **self.counts,
            "number_space_low": [
                {**low.to_json(), "warning": low.message(lang)} for low in self.low
            ],
        }


class CentralAdmin:
    def __init__(self, url: str, *, password: str | None = None) -> None:
        self.database = open_central(url, password)

    def close(self) -> None:
        self.database.close()

    def __enter__(self) -> CentralAdmin:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def init(self) -> dict[str, Any]:
        before, after = upgrade_central(self.database)
        return {"dialect": self.database.dialect, "revision_before": before, "revision": after}

    def add_counter(self, counter_id: str, agencies: list[str], name: str = "") -> NewCounter:
        counter_id = counter_id.strip()
        if not counter_id or len(counter_id) > 40:
            raise CounterError("central.counter_id", counter=counter_id)
        with self.database.write() as session:
            registration, role, password = counters.add_counter(
                session, counter_id=counter_id, agencies=agencies, name=name, at=now()
            )
        return NewCounter(registration.number, counter_id, registration.agencies, role, password)

    def import_catalog(self, catalog: Catalog) -> int:
        with self.database.write() as session:
            return office.import_catalog(session, catalog)

    def set_calendar_day(
        self, day: date, *, working: bool, agency_code: str = "", note: str = ""
    ) -> None:
        with self.database.write() as session:
            office.set_calendar_day(
                session, day, working=working, agency_code=agency_code, note=note
            )

    def import_official_days(self, official: OfficialDays) -> None:
        """Every day of the official decisions as a central calendar day for every agency, in
        one transaction; the note names the document, so counters show where a day comes from."""
        with self.database.write() as session:
            for decision in official.decisions:
                note = f"{decision.document}: {decision.name_vi}"
                for day in decision.days_off:
                    office.set_calendar_day(session, day, working=False, note=note)
                for day in decision.working_days:
                    office.set_calendar_day(session, day, working=True, note=note)

    def remove_calendar_day(self, day: date, *, agency_code: str = "") -> None:
        with self.database.write() as session:
            office.remove_calendar_day(session, day, agency_code=agency_code)

    def decide(
        self, code: str, status: Status, *, note: str = "", actor: str = "central"
    ) -> Dossier:
        with self.database.write() as session:
            return office.record_decision(session, code, status, actor=actor, note=note, at=now())

    def notice_sender(self, settings: SettingsService) -> NoticeService:
        """Central's queue of the notices of decisions taken here, sent by the counters' worker
        code through the mail server and SMS gateway of `settings` (a data folder's)."""
        from counter_app.services.notices import NoticeService
        from counter_app.store.central.models import CentralNoticeRow

        return NoticeService(self.database, settings, None, model=CentralNoticeRow)

    def submit(self, data: object) -> Dossier:
        """An online submission as the portal would send it: the intake JSON plus "agency"."""
        from counter_app.services.intake import request_from_json

        if not isinstance(data, dict):
            raise CounterError("json.shape", where="JSON", reason="catalog.reason.not_object")
        agency = data.get("agency")
        request = request_from_json(data)
        problems = list(request.problems) + check_applicant(request.applicant, today=now().date())
        if problems:
            raise ValidationFailed(problems)
        at = now()
        with self.database.write() as session:
            procedure = office.procedure_data(session, request.procedure_code)
            if procedure is None:
                raise CounterError("procedure.unknown", code=request.procedure_code)
            if agency is not None and agency != procedure["agency"]:
                raise CounterError("agency.unknown", code=str(agency))
            dossier = Dossier(
                procedure_code=procedure["code"],
                procedure_name=procedure["name"],
                agency_code=procedure["agency"],
                applicant=request.applicant,
                received_at=at,
                due_at=None,
                status=Status.RECEIVING,
                documents=request.documents or [],
                fees=request.fees or [],
                sets=request.sets,
                channel=Channel.ONLINE,
                return_method=request.return_method,
                note=request.note,
                received_by="",
            )
            dossier.history.append(
                HistoryEntry(
                    at=at,
                    actor="portal",
                    action=Action.RECEIVE.value,
                    from_status=None,
                    to_status=Status.RECEIVING,
                    place=PORTAL_PLACE,
                )
            )
            office.insert_submission(session, dossier, at=at)
        return dossier

    def export(self, day: date | None = None, since: int | None = None) -> Iterator[PortalEntry]:
        """Dossiers in the portal's field set; with `since`, only those changed after that
        sequence number, each with its own so the connector knows where to continue."""
        with self.database.read() as session:
            for row in office.export_rows(session, day, since):
                record = portal_record(
                    row.data,
                    procedure=row.procedure,
                    unit_name=row.unit_name,
                    digitised=row.digitised,
                    reused=row.reused,
                )
                yield PortalEntry(row.seq, record)

    def counts(self) -> dict[str, int]:
        with self.database.read() as session:
            return office.counts(session)

    def state(self) -> CentralState:
        """The counts and the (agency, day)s from today on whose number space runs low."""
        with self.database.read() as session:
            return CentralState(
                office.counts(session),
                counters.low_number_spaces(session, local(now()).date()),
            )
