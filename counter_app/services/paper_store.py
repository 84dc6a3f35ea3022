"""The citizen's paper store ("một lần khai – nhiều lần dùng"): every paper digitised and signed
at the counter is filed under its owner's identity number and its kind, with its validity. At
the next intake the papers on file are offered for the new dossier's components; reusing one
attaches its signed copy instead of a new scan, recorded as reused, once the citizen has
agreed. Every look-up and reuse is audited; the store answers staff and supervisors only, for
the agencies this counter serves. Papers filed here go to central with the sync; the look-up
adds central's papers of the same agencies (filed at other counters) when central answers, and
is the local store alone when it does not."""

from __future__ import annotations

import logging
import uuid as uuids
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Protocol

from counter_app.domain.clock import iso, now
from counter_app.domain.dossier import Applicant, Dossier
from counter_app.domain.errors import CounterError
from counter_app.domain.signing import REUSED_NAME_PREFIX, SignedWhat
from counter_app.services.accounts import Role, User
from counter_app.services.catalog import CatalogService
from counter_app.services.digitising import DigitisingService, Staged
from counter_app.services.dossiers import DossierService
from counter_app.store.citizen_papers import (
    FiledPaper,
    consent_given,
    file_paper,
    last_dossier_of,
    paper_by_uuid,
    papers_of,
    queue_paper,
    queued_papers,
    record_consent,
    set_paper_validity,
)
from counter_app.store.database import Database, Session
from counter_app.store.journal import AuditEntry, append_audit
from counter_app.store.signed_copies import SignedCopy, add_signed_copy

READERS = frozenset({Role.STAFF, Role.SUPERVISOR})  # the officers who receive dossiers

log = logging.getLogger(__name__)


class CentralPapers(Protocol):
    """What the store asks of central (the sync service's look-ups); each raises CounterError
    when central cannot be reached."""

    def central_papers(self, owner_id: str) -> list[FiledPaper]: ...

    def central_paper_copy(self, sha256: str) -> bytes | None: ...


@dataclass(frozen=True)
class PaperOnFile:
    paper: FiledPaper
    expired: bool

    def as_json(self) -> dict[str, object]:
        paper = self.paper
        return {
            "id": paper.uuid,
            "owner_id": paper.owner_id,
            "kind": paper.kind,
            "sha256": paper.sha256,
            "agency": paper.agency_code,
            "issued_on": paper.issued_on.isoformat() if paper.issued_on else None,
            "expires_on": paper.expires_on.isoformat() if paper.expires_on else None,
            "expired": self.expired,
            "signer": paper.signer,
            "filed_at": iso(paper.filed_at),
            "source": paper.source,
        }


class PapersFound(list[PaperOnFile]):
    """The papers on file, newest first. `central_problem` says why central's papers are not
    among them (central set up but not answering), so the officer is told the list holds only
    this counter's."""

    def __init__(
        self, papers: Iterable[PaperOnFile], central_problem: CounterError | None = None
    ) -> None:
        super().__init__(papers)
        self.central_problem = central_problem


class PaperStore:
    def __init__(
        self,
        database: Database,
        dossiers: DossierService,
        catalog: CatalogService,
        attachments: DigitisingService,
        central: Callable[[], CentralPapers] | None = None,
    ) -> None:
        self._db = database
        self._dossiers = dossiers
        self._catalog = catalog
        self._attachments = attachments
        self._central = central

    def file_signed(self, session: Session, dossier: Dossier, copy: SignedCopy) -> None:
        """File a signed paper of `dossier` under its applicant (in the signing transaction);
        the dossier's PDF and the receipt are not a citizen's papers."""
        owner = dossier.applicant.id_number
        if copy.what != SignedWhat.COMPONENT.value or not owner or copy.reused_from:
            return
        file_paper(
            session,
            FiledPaper(
                uuid=str(uuids.uuid4()),
                owner_id=owner,
                kind=copy.component,
                sha256=copy.sha256,
                agency_code=dossier.agency_code,
                dossier_uuid=dossier.uuid,
                issued_on=None,
                expires_on=None,
                signer=copy.signer,
                filed_at=copy.signed_at,
                filed_by=copy.by,
            ),
        )

    def on_file(
        self, id_number: str, *, user: User | None = None, at: datetime | None = None
    ) -> PapersFound:
        """The person's papers for this counter's agencies, here and at central, newest first;
        the look-up is audited (by the command line when no officer is named)."""
        _check_reader(user)
        at = at or now()
        owner = id_number.strip()
        agencies = self._catalog.served_agencies() or set(self._catalog.agencies())
        today = at.date()
        at_central, problem = self._at_central(owner)
        central = {paper.uuid: paper for paper in at_central}
        with self._db.read() as session:
            here = papers_of(session, owner, agencies)
            waiting = queued_papers(session, [paper.uuid for paper in here])
        known = {paper.uuid for paper in here}
        elsewhere = [paper for uuid, paper in central.items() if uuid not in known]
        found = sorted(
            [_fresher(paper, central.get(paper.uuid), waiting) for paper in here] + elsewhere,
            key=lambda paper: paper.filed_at,
            reverse=True,
        )
        with self._db.write() as session:
            append_audit(
                session,
                [
                    AuditEntry(
                        at,
                        user.login if user else "counter-app",
                        "paper_store.lookup",
                        owner,
                        {"found": len(found), "from_central": len(elsewhere)},
                    )
                ],
            )
        return PapersFound((PaperOnFile(p, _expired(p.expires_on, today)) for p in found), problem)

    def _at_central(self, owner: str) -> tuple[list[FiledPaper], CounterError | None]:
        """Central's papers of the owner for this counter's agencies, and why there are none
        when central is set up but does not answer (the local store is then the whole answer)."""
        if self._central is None:
            return [], None
        try:
            return self._central().central_papers(owner), None
        except CounterError as error:
            log.info("papers on file from this counter only: %s", error.message("en"))
            return [], error

    def _paper(self, owner: str, paper_id: str) -> tuple[FiledPaper | None, bool]:
        """The paper, and whether it is filed here (else central's, or None)."""
        with self._db.read() as session:
            paper = paper_by_uuid(session, paper_id)
        if paper is not None:
            return paper, True
        return next((p for p in self._at_central(owner)[0] if p.uuid == paper_id), None), False

    def set_validity(
        self,
        id_number: str,
        paper_id: str,
        *,
        issued_on: date | None,
        expires_on: date | None,
        user: User,
        at: datetime | None = None,
    ) -> PaperOnFile:
        """The paper's issue date and expiry as read from it (audited, and sent to central).
        A paper filed at another counter is filed here too (as central's) to be corrected."""
        _check_reader(user)
        at = at or now()
        if issued_on is not None and issued_on > at.date():
            raise CounterError("papers.issued_later", date=issued_on.strftime("%d/%m/%Y"))
        if issued_on is not None and expires_on is not None and expires_on < issued_on:
            raise CounterError(
                "papers.validity_order",
                issued=issued_on.strftime("%d/%m/%Y"),
                expires=expires_on.strftime("%d/%m/%Y"),
            )
        owner = id_number.strip()
        paper, here = self._paper(owner, paper_id)
        if paper is None or paper.owner_id != owner:
            raise CounterError("papers.not_on_file", paper=paper_id, owner=owner)
        with self._db.write() as session:
            if not here:
                file_paper(session, paper)
            set_paper_validity(session, paper_id, issued_on, expires_on)
            queue_paper(session, paper_id, at=at)
            detail = {
                "issued_on": issued_on.isoformat() if issued_on else None,
                "expires_on": expires_on.isoformat() if expires_on else None,
            }
            append_audit(
                session, [AuditEntry(at, user.login, "paper_store.validity", paper_id, detail)]
            )
        corrected = replace(paper, issued_on=issued_on, expires_on=expires_on)
        return PaperOnFile(corrected, _expired(expires_on, at.date()))

    def last_applicant(self, id_number: str) -> Applicant | None:
        """The applicant as the person's last dossier here gave it (offered at intake)."""
        with self._db.read() as session:
            last = last_dossier_of(session, id_number.strip())
        return last.applicant if last else None

    def record_consent(
        self, code: str, *, given: bool, user: User, at: datetime | None = None
    ) -> None:
        """The citizen's answer to reusing the papers on file, for this dossier (audited)."""
        dossier = self._dossiers.get(code)
        at = at or now()
        owner = dossier.applicant.id_number
        with self._db.write() as session:
            record_consent(session, owner, dossier.uuid, given=given, at=at, by=user.login)
            append_audit(
                session,
                [
                    AuditEntry(
                        at, user.login, "paper_store.consent", dossier.code or "", {"given": given}
                    )
                ],
            )

    def reuse(
        self, code: str, paper_id: str, *, component: str, user: User, at: datetime | None = None
    ) -> SignedCopy:
        """Attach a filed paper's signed copy to `component` of the dossier, as reused."""
        _check_reader(user)
        dossier = self._dossiers.get(code)
        at = at or now()
        owner = dossier.applicant.id_number
        paper, here = self._paper(owner, paper_id)
        with self._db.read() as session:
            agreed = consent_given(session, owner, dossier.uuid)
        if paper is None or paper.owner_id != owner:
            raise CounterError("papers.unknown", paper=paper_id, code=dossier.code)
        if not agreed:
            raise CounterError("papers.no_consent", code=dossier.code)
        if paper.expires_on is not None and _expired(paper.expires_on, at.date()):
            raise CounterError(
                "papers.expired", kind=paper.kind, date=paper.expires_on.strftime("%d/%m/%Y")
            )
        content = self._attachments.blobs.read(paper.sha256) if here else self._copy(paper)
        scan = self._attachments.check_bytes(f"{REUSED_NAME_PREFIX}{paper.uuid}.pdf", content)
        copy = SignedCopy(
            dossier.uuid,
            paper.sha256,
            SignedWhat.COMPONENT.value,
            component,
            paper.signer,
            "",
            at,
            user.login,
            reused_from=paper.uuid,
        )

        def record(session: Session) -> None:
            if not here:
                file_paper(session, paper)  # central's, kept here: offered offline from now
            add_signed_copy(session, copy)
            detail = {"paper": paper.uuid, "kind": paper.kind, "component": component}
            append_audit(
                session,
                [AuditEntry(at, user.login, "paper_store.reuse", dossier.code or "", detail)],
            )

        self._attachments.attach_staged(
            code, [Staged(component, scan)], user=user, at=at, record=record
        )
        return copy

    def _copy(self, paper: FiledPaper) -> bytes:
        """The signed copy of a paper filed at another counter, from central."""
        content = None
        if self._central is not None:
            content = self._central().central_paper_copy(paper.sha256)
        if content is None:
            raise CounterError("papers.copy_missing", kind=paper.kind)
        return content


def _fresher(here: FiledPaper, central: FiledPaper | None, waiting: set[str]) -> FiledPaper:
    """A paper filed here with the validity central holds (corrected at another counter),
    unless a correction made here still waits to go up."""
    if central is None or here.uuid in waiting:
        return here
    return replace(here, issued_on=central.issued_on, expires_on=central.expires_on)


def _check_reader(user: User | None) -> None:
    """The store answers the officers who receive dossiers (None: the command line's look-up)."""
    if user is not None and user.role not in READERS:
        raise CounterError("papers.denied", role=user.role.value)


def _expired(expires_on: date | None, today: date) -> bool:
    return expires_on is not None and expires_on < today
