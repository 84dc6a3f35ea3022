"""Finding dossiers and moving them through their lifecycle.

A move's modules (the intake's checks, the move recorder, payments) are imported by the
methods that move: `show` only reads."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from counter_app.domain.amend import Correction, amend, at_the_counter
from counter_app.domain.calendar import WorkingCalendar
from counter_app.domain.clock import now
from counter_app.domain.codes import DossierCode
from counter_app.domain.dossier import Collector, Dossier, DossierFilter, DossierTicket
from counter_app.domain.errors import CounterError, ValidationFailed
from counter_app.domain.identity_papers import normalise_id_number
from counter_app.domain.lifecycle import Action
from counter_app.domain.limits import check_filter
from counter_app.domain.permissions import Permission, allowed
from counter_app.domain.text import clean
from counter_app.domain.validation import check_collector
from counter_app.services.accounts import User
from counter_app.services.calendars import CalendarService
from counter_app.services.settings import SettingsService
from counter_app.store.database import Database
from counter_app.store.dossiers import (
    book_number,
    count_dossiers,
    find_by_code,
    list_dossiers,
    outbox_count,
)
from counter_app.store.queue.stamps import dossier_stamp

if TYPE_CHECKING:
    from counter_app.services.payments import Payment


def normalise_code(text: str) -> str:
    """A code as typed or scanned, in its canonical form; refuses what is no code at all."""
    return str(DossierCode.parse(text))


class DossierService:
    def __init__(
        self, database: Database, calendars: CalendarService, settings: SettingsService
    ) -> None:
        self._db = database
        self._calendars = calendars
        self._settings = settings

    def calendar(self, agency_code: str) -> WorkingCalendar:
        """The working days and hours a dossier of the agency is counted in."""
        return self._calendars.for_agency(agency_code)

    def get(self, code: str) -> Dossier:
        canonical = normalise_code(code)
        with self._db.read() as session:
            dossier = find_by_code(session, canonical)
        if dossier is None:
            raise CounterError("dossier.unknown", code=canonical)
        return dossier

    def queue_ticket(self, code: str) -> DossierTicket | None:
        """The queue ticket the dossier's citizen was called with, if it was served from the
        queue (written on the dossier by the desk)."""
        stamp = dossier_stamp(self._db, normalise_code(code))
        return None if stamp is None else DossierTicket(*stamp)

    def find(self, criteria: DossierFilter) -> list[Dossier]:
        with self._db.read() as session:
            return list_dossiers(session, check_filter(criteria))

    def book_number(self, dossier: Dossier) -> int:
        """The "Số thứ tự" of a received dossier in the tracking book of its year, the same on
        its receipt and in the book."""
        assert dossier.received_at is not None and dossier.code
        with self._db.read() as session:
            return book_number(session, dossier.received_at, dossier.code)

    def count(self, criteria: DossierFilter) -> int:
        with self._db.read() as session:
            return count_dossiers(session, check_filter(criteria))

    def transition(
        self,
        code: str,
        action: Action,
        *,
        user: User,
        note: str = "",
        at: datetime | None = None,
        collector: Collector | None = None,
        payment: Payment | None = None,
    ) -> Dossier:
        """One lifecycle move, checked by the state machine and written with its outbox and
        audit entries in one transaction; an illegal move changes nothing. A result handed
        back without saying to whom went to the applicant; fees marked paid with `payment`
        record how (the amount still due) in the same transaction."""
        from counter_app.services.moves import record_lifecycle_move
        from counter_app.services.payments import record_payment

        canonical = normalise_code(code)
        at = at or now()
        place = self._settings.identity().name
        with self._db.write() as session:
            dossier = find_by_code(session, canonical)
            if dossier is None:
                raise CounterError("dossier.unknown", code=canonical)

            def paid() -> None:
                if action is Action.PAY and payment is not None:
                    record_payment(session, dossier, payment, user.login, at)

            def hand_over() -> None:
                applicant = dossier.applicant
                dossier.collector = collector or Collector(applicant.full_name, applicant.id_number)

            record_lifecycle_move(
                session,
                dossier,
                action,
                actor=user.login,
                at=at,
                note=note,
                place=place,
                shift_due=self._calendars.shifter(dossier.agency_code),
                then=hand_over if action is Action.RETURN else paid,
            )
        return dossier

    def amend(
        self,
        code: str,
        correction: Correction,
        *,
        user: User,
        reason: str = "",
        at: datetime | None = None,
    ) -> Dossier:
        """Correct an intake, as a move recorded like any other (lock, outbox, audit with the
        values before and after). At the counter the officer may; once the dossier was
        transferred only a supervisor, giving the reason."""
        from counter_app.services.intake import cleaned_correction, correction_problems
        from counter_app.services.moves import Moved, record_moves

        canonical = normalise_code(code)
        at = at or now()
        correction = cleaned_correction(correction)
        problems = correction_problems(correction, today=at.date())
        if problems:
            raise ValidationFailed(problems)
        reason = clean(reason)
        with self._db.write() as session:
            dossier = find_by_code(session, canonical)
            if dossier is None:
                raise CounterError("dossier.unknown", code=canonical)

            def correct() -> list[Moved]:
                if not at_the_counter(dossier):
                    if not allowed(user.role, Permission.CORRECT_AFTER_TRANSFER):
                        raise CounterError(
                            "amend.supervisor_only",
                            code=canonical,
                            status=f"status.{dossier.status.value}",
                        )
                    if not reason:
                        raise CounterError("amend.reason_required", code=canonical)
                entry, changed = amend(
                    dossier,
                    correction,
                    actor=user.login,
                    at=at,
                    reason=reason,
                    place=self._settings.identity().name,
                )
                return [Moved(dossier, [entry], detail={"changes": changed, "reason": reason})]

            record_moves(session, [at], correct, at=at)
        return dossier

    def hand_back(
        self,
        code: str,
        collector: Collector,
        *,
        user: User,
        note: str = "",
        at: datetime | None = None,
    ) -> Dossier:
        """Return the result to the applicant or to a person they authorised, who must then
        show an ID card: checked before anything is written."""
        collector = Collector(
            clean(collector.full_name),
            normalise_id_number(collector.id_number),
            collector.authorised,
        )
        problems = check_collector(collector)
        if problems:
            raise ValidationFailed(problems)
        return self.transition(
            code, Action.RETURN, user=user, note=note, at=at, collector=collector
        )

    def outbox_size(self) -> int:
        with self._db.read() as session:
            return outbox_count(session)
