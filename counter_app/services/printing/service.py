"""The counter's papers as PDFs: gathered from the services, checked against the dossier's state,
rendered, then written to a file (whole or not at all) or sent to the default printer.

Every paper printed for a dossier is counted in the audit log (`record_print`); a paper of a
kind printed before for the same dossier is a reprint, and says so across its top margin.

reportlab is imported by the paper modules, which are imported only when a paper is made, so
opening a workspace stays as quick as before.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from sqlalchemy import select

from counter_app.domain.clock import local, now
from counter_app.domain.dossier import Dossier, DossierFilter
from counter_app.domain.errors import CounterError
from counter_app.domain.lifecycle import Action
from counter_app.domain.limits import NOTE_LIMIT
from counter_app.domain.text import checked_text
from counter_app.services.accounts import AccountService, User
from counter_app.services.catalog import CatalogService
from counter_app.services.dossiers import DossierService
from counter_app.services.outputs import write_atomically
from counter_app.services.payments import fees_owed, still_due, vietqr_for
from counter_app.services.printing.kinds import Paper, PaperKind
from counter_app.services.printing.paper_settings import LABEL_SIZES, RECEIPT_SIZES, PaperSettings
from counter_app.services.printing.rules import check_new_due, check_paper, papers_for
from counter_app.services.settings import SettingsService
from counter_app.store.database import Database
from counter_app.store.journal import AuditEntry, append_audit, replaced_codes
from counter_app.store.models import AuditRow
from counter_app.store.paper_numbers import paper_number

if TYPE_CHECKING:
    from counter_app.services.printing.common import PaperData

BOOK_PAGE = 2000  # dossiers read per query while filling the tracking book
PRINTED = "paper.print"  # audit actions: a first print, and a reprint
REPRINTED = "paper.reprint"


class Printer(Protocol):
    def default(self) -> str: ...

    def send(self, pdf: bytes, printer: str, title: str) -> str: ...


@dataclass(frozen=True)
class PrintJob:
    printer: str
    answer: str  # what the spooler said, e.g. "request id is HP-12 (1 file(s))"


class PaperService:
    """One method per paper; each returns a `Paper` (title, PDF bytes, number of pages)."""

    def __init__(
        self,
        dossiers: DossierService,
        catalog: CatalogService,
        accounts: AccountService,
        settings: SettingsService,
        *,
        clock: Callable[[], datetime] = now,
        invariant: bool = False,
        printer: Printer | None = None,
        database: Database | None = None,
    ) -> None:
        self._dossiers = dossiers
        self._catalog = catalog
        self._accounts = accounts
        self._settings = settings
        self.clock = clock
        self.invariant = invariant  # fixed PDF dates and ids: byte-identical output for tests
        self._printer = printer
        self._db = database  # where prints are counted; without it, nothing is recorded

    # --- what may be printed
    def paper_settings(self) -> PaperSettings:
        return PaperSettings.from_values(self._settings.all())

    def available(self, code: str) -> list[PaperKind]:
        """The papers the dossier's state allows (the book is not about one dossier)."""
        dossier = self._dossiers.get(code)
        return papers_for(dossier, owed=self._owed(dossier))

    # --- the papers
    def render(
        self,
        kind: PaperKind | str,
        code: str,
        *,
        size: str | None = None,
        new_due: datetime | None = None,
        reason: str = "",
        reprint: bool = False,
    ) -> Paper:
        """Any paper about one dossier by its kind (what the command line and the window call).
        `reprint` marks the paper "BẢN IN LẠI" (see `print_count`)."""
        kind = PaperKind(kind)
        if kind is PaperKind.RECEIPT:
            return self.receipt(code, size=size, reprint=reprint)
        if kind is PaperKind.LABEL:
            return self.label(code, size=size, reprint=reprint)
        if kind is PaperKind.SUPPLEMENT:
            return self.supplement_request(code, reprint=reprint)
        if kind is PaperKind.REFUSAL:
            return self.refusal(code, reprint=reprint)
        if kind is PaperKind.CONTROL_SHEET:
            return self.control_sheet(code, reprint=reprint)
        if kind is PaperKind.APOLOGY:
            return self.apology(code, new_due=new_due, reason=reason, reprint=reprint)
        if kind is PaperKind.STOP_NOTICE:
            return self.stop_notice(code, reprint=reprint)
        if kind is PaperKind.PAYMENT_REQUEST:
            return self.payment_request(code, reprint=reprint)
        raise ValueError(f"{kind} is not a paper about one dossier")

    def receipt(self, code: str, *, size: str | None = None, reprint: bool = False) -> Paper:
        data = self._data(PaperKind.RECEIPT, code, reprint)
        chosen = _choose(size or data.settings.receipt_size, RECEIPT_SIZES, PaperKind.RECEIPT)
        from counter_app.services.printing.receipt import render_receipt

        return self._locked(
            lambda: render_receipt(data, size=chosen, invariant=self.invariant), reprint
        )

    def label(self, code: str, *, size: str | None = None, reprint: bool = False) -> Paper:
        """The folder label; a reprint is counted and flagged but carries no mark, which would
        take the room of the barcode (a new label replaces a lost or damaged one)."""
        data = self._data(PaperKind.LABEL, code)
        chosen = _choose(size or data.settings.label_size, LABEL_SIZES, PaperKind.LABEL)
        from counter_app.services.printing.label import render_label

        return self._locked(
            lambda: render_label(data, size=chosen, invariant=self.invariant), reprint
        )

    def supplement_request(self, code: str, *, reprint: bool = False) -> Paper:
        data = self._data(PaperKind.SUPPLEMENT, code, reprint)
        from counter_app.services.printing.supplement import render_supplement

        return self._locked(lambda: render_supplement(data, invariant=self.invariant), reprint)

    def refusal(self, code: str, *, reprint: bool = False) -> Paper:
        data = self._data(PaperKind.REFUSAL, code, reprint)
        from counter_app.services.printing.refusal import render_refusal

        return self._locked(lambda: render_refusal(data, invariant=self.invariant), reprint)

    def control_sheet(self, code: str, *, reprint: bool = False) -> Paper:
        data = self._data(PaperKind.CONTROL_SHEET, code, reprint)
        from counter_app.services.printing.control_sheet import render_control_sheet

        return self._locked(lambda: render_control_sheet(data, invariant=self.invariant), reprint)

    def apology(
        self, code: str, *, new_due: datetime | None, reason: str = "", reprint: bool = False
    ) -> Paper:
        """The apology and the new time promised; `reason` says why the result is late."""
        reason = checked_text("note", reason, NOTE_LIMIT)
        data = self._data(PaperKind.APOLOGY, code, reprint)
        promised = check_new_due(
            data.dossier, new_due, self._dossiers.calendar(data.dossier.agency_code)
        )
        from counter_app.services.printing.apology import render_apology

        return self._locked(
            lambda: render_apology(data, promised, reason, invariant=self.invariant),
            reprint,
        )

    def stop_notice(self, code: str, *, reprint: bool = False) -> Paper:
        data = self._data(PaperKind.STOP_NOTICE, code, reprint)
        from counter_app.services.printing.stop_notice import render_stop_notice

        return self._locked(lambda: render_stop_notice(data, invariant=self.invariant), reprint)

    def payment_request(self, code: str, *, reprint: bool = False) -> Paper:
        """The fees still due after a request-payment move, with the VietQR to pay them."""
        data = self._data(PaperKind.PAYMENT_REQUEST, code, reprint)
        from counter_app.services.printing.payment_request import render_payment_request

        return self._locked(lambda: render_payment_request(data, invariant=self.invariant), reprint)

    def tracking_book(self, first: date, last: date | None = None) -> Paper:
        """Every dossier received from `first` to `last` (both included), in order of receipt."""
        last = last or first
        if first > last:
            raise CounterError("paper.book_range", first=first.isoformat(), last=last.isoformat())
        dossiers: list[Dossier] = []
        while True:
            batch = self._dossiers.find(
                DossierFilter(date_from=first, date_to=last, limit=BOOK_PAGE, offset=len(dossiers))
            )
            dossiers += batch
            if len(batch) < BOOK_PAGE:
                break
        dossiers.sort(key=lambda d: (d.received_at or datetime.min, d.code or ""))
        numbers: list[int] = []
        for before, dossier in zip([None, *dossiers], dossiers, strict=False):
            same_volume = before is not None and _year(before) == _year(dossier)
            numbers.append(numbers[-1] + 1 if same_volume else self._dossiers.book_number(dossier))
        settings = self.paper_settings()
        from counter_app.services.printing.tracking_book import BookData, render_tracking_book

        data = BookData(
            dossiers=dossiers,
            numbers=numbers,
            first=first,
            last=last,
            settings=settings,
            parent_name=settings.parent_agency_name or self._root_agency(),
            counter_name=self._settings.identity().name,
            officers=self._officers(),
            printed_at=self.clock(),
        )
        return self._locked(lambda: render_tracking_book(data, invariant=self.invariant))

    # --- what was printed
    def print_count(self, code: str, kind: PaperKind | str) -> int:
        """How many times this kind of paper was printed for the dossier (from the audit log):
        more than none makes the next one a reprint."""
        if self._db is None:
            return 0
        kind = PaperKind(kind)
        query = select(AuditRow.detail).where(
            AuditRow.subject == code, AuditRow.action.in_((PRINTED, REPRINTED))
        )
        if kind is PaperKind.RECEIPT:  # a corrected intake's receipt is a new paper
            corrections = _corrections(self._dossiers.get(code))
            if corrections:
                query = query.where(AuditRow.at >= corrections[-1])
        with self._db.read() as session:
            details = session.scalars(query).all()
        return sum(1 for detail in details if detail.get("kind") == kind.value)

    def record_print(
        self, paper: Paper, user: User, *, printer: str, reprint: bool | None = None
    ) -> int:
        """Write in the audit log that the paper went to `printer`, as a first print or a
        reprint (by default what the paper says of itself); return which copy this was (1 for
        the first). Call it once the printer took the job, not when it was only previewed."""
        if self._db is None:
            raise RuntimeError("this paper service has no database to record prints in")
        again = paper.reprint if reprint is None else reprint
        at = self.clock()
        with self._db.write() as session:
            before = session.scalars(
                select(AuditRow.detail).where(
                    AuditRow.subject == (paper.code or ""),
                    AuditRow.action.in_((PRINTED, REPRINTED)),
                )
            ).all()
            copy = 1 + sum(1 for detail in before if detail.get("kind") == paper.kind.value)
            detail = {
                "kind": paper.kind.value,
                "printer": printer,
                "pages": paper.pages,
                "copy": copy,
            }
            append_audit(
                session,
                [
                    AuditEntry(
                        at, user.login, REPRINTED if again else PRINTED, paper.code or "", detail
                    )
                ],
            )
        return copy

    # --- where the paper goes
    def save(self, paper: Paper, path: Path) -> Path:
        """Write the PDF to `path` through a temporary file renamed over it: a failure leaves
        no half-written file behind and the old file, if any, untouched."""
        return write_atomically(Path(path), paper.pdf)

    def send_to_printer(self, paper: Paper) -> PrintJob:
        from counter_app.services.printing.printer import SystemPrinter

        printer = self._printer or SystemPrinter()
        name = printer.default()
        title = f"{paper.title} {paper.code or ''}".strip()
        return PrintJob(name, printer.send(paper.pdf, name, title))

    # --- gathering
    def _data(self, kind: PaperKind, code: str, reprint: bool = False) -> PaperData:
        from counter_app.services.printing.common import Letterhead, PaperData

        dossier = self._dossiers.get(code)
        owed = self._owed(dossier)
        check_paper(kind, dossier, owed=owed)
        settings = self.paper_settings()
        agencies = self._catalog.agencies()
        agency = agencies.get(dossier.agency_code)
        parent = agencies.get(agency.parent_code) if agency and agency.parent_code else None
        duration = ""
        with suppress(CounterError):
            duration = self._catalog.procedure(dossier.procedure_code).duration.describe("vi")
        printed_at = self.clock()
        replaces: list[str] = []
        if self._db is not None:
            with self._db.read() as session:
                replaces = replaced_codes(session, dossier.code or code)
        mark = reprint_mark(printed_at) if reprint else ""
        if kind is PaperKind.RECEIPT:
            replaced = self._replaced_receipt(dossier)
            if replaced is not None:
                mark = replacement_mark(replaced, reprint=reprint)
        book_number = self._dossiers.book_number(dossier) if kind is PaperKind.RECEIPT else 0
        symbol = settings.registers.get(kind.value, "")
        return PaperData(
            dossier=dossier,
            head=Letterhead(
                parent_name=settings.parent_agency_name or (parent.name if parent else ""),
                agency_name=agency.name if agency else dossier.agency_code,
                place=settings.place,
                receiving_unit=self._settings.identity().name,
                number=self._number_line(dossier, kind, symbol, printed_at) if symbol else "",
            ),
            settings=settings,
            officers=self._officers(),
            counter_name=self._settings.identity().name,
            return_place=(
                agencies[dossier.return_at].name
                if dossier.return_at in agencies
                else dossier.return_at
            ),
            printed_at=printed_at,
            duration_text=duration,
            mark=mark,
            replaces=tuple(replaces),
            book_number=book_number,
            payment_qr=(
                vietqr_for(self._settings, dossier, owed)
                if kind in (PaperKind.RECEIPT, PaperKind.PAYMENT_REQUEST) and self._db is not None
                else ""
            ),
            fees_due=owed,
        )

    def _owed(self, dossier: Dossier) -> int:
        """What the dossier's fees still want (without a database, no payment is known)."""
        return fees_owed(dossier) if self._db is None else still_due(self._db, dossier)

    def _number_line(self, dossier: Dossier, kind: PaperKind, symbol: str, at: datetime) -> str:
        """ "Số: 12/TB-BPMC": the paper's number from its register, given on the first print."""
        if self._db is None:
            return f"Số: …/{symbol}"
        with self._db.write() as session:
            given = paper_number(
                session, dossier.uuid, kind.value, year=local(at).year, symbol=symbol, at=at
            )
            return f"Số: {given.number}/{given.symbol}"

    def _replaced_receipt(self, dossier: Dossier) -> datetime | None:
        """When the receipt a corrected dossier's receipt replaces was printed: the last print
        recorded before the latest correction, else when the version it showed was made (the
        receipt or the correction before). None when the intake was never corrected."""
        corrections = _corrections(dossier)
        if not corrections:
            return None
        earlier = [dossier.received_at, *corrections[:-1]]
        if self._db is not None:
            with self._db.read() as session:
                prints = session.execute(
                    select(AuditRow.at, AuditRow.detail).where(
                        AuditRow.subject == (dossier.code or ""),
                        AuditRow.action.in_((PRINTED, REPRINTED)),
                        AuditRow.at < corrections[-1],
                    )
                ).all()
            earlier += [at for at, detail in prints if detail.get("kind") == PaperKind.RECEIPT]
        return max(local(at) for at in earlier if at is not None)

    def _root_agency(self) -> str:
        """The one agency of the catalog above all others (the province's people's committee),
        if there is exactly one: the parent line of the counter's own papers."""
        roots = [a for a in self._catalog.agencies().values() if not a.parent_code]
        return roots[0].name if len(roots) == 1 else ""

    def _officers(self) -> dict[str, str]:
        return {user.login: user.full_name for user in self._accounts.users() if user.full_name}

    @staticmethod
    def _locked(render: Callable[[], Paper], reprint: bool = False) -> Paper:
        from counter_app.services.printing.fonts import render_lock

        with render_lock:
            paper = render()
        return replace(paper, reprint=True) if reprint else paper


def _year(dossier: Dossier) -> int:
    assert dossier.received_at is not None
    return local(dossier.received_at).year


def reprint_mark(at: datetime) -> str:
    """ "BẢN IN LẠI – in lúc 10:05 ngày 25/11/2026": what sets a reprint apart from the
    original the applicant was given."""
    moment = local(at)
    return f"BẢN IN LẠI – in lúc {moment:%H:%M} ngày {moment:%d/%m/%Y}"


def _corrections(dossier: Dossier) -> list[datetime]:
    """When the dossier's intake was corrected, oldest first."""
    return [entry.at for entry in dossier.history if entry.action == Action.AMEND.value]


def replacement_mark(replaced: datetime, *, reprint: bool = False) -> str:
    """ "BẢN ĐÃ SỬA – thay thế phiếu in lúc 08:39 ngày 05/12/2026": the corrected receipt, so
    that the one handed over before is known to be void."""
    moment = local(replaced)
    what = "BẢN IN LẠI CỦA BẢN ĐÃ SỬA" if reprint else "BẢN ĐÃ SỬA"
    return f"{what} – thay thế phiếu in lúc {moment:%H:%M} ngày {moment:%d/%m/%Y}"


def _choose(size: str, choices: tuple[str, ...], kind: PaperKind) -> str:
    for choice in choices:
        if size.strip().lower() == choice.lower():
            return choice
    raise CounterError(
        "paper.size", value=size, what=f"paper.kind.{kind.value}", choices=", ".join(choices)
    )
