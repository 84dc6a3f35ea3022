"""Online submissions from the portal, waiting for the counter's officer."""

from __future__ import annotations

from datetime import datetime

from counter_app.domain.clock import now
from counter_app.domain.codes import DossierCode
from counter_app.domain.dossier import Dossier, Status
from counter_app.domain.errors import CounterError
from counter_app.domain.lifecycle import Action
from counter_app.services.accounts import User
from counter_app.services.moves import record_lifecycle_move
from counter_app.services.sync.base import SyncBase
from counter_app.store.central import replica
from counter_app.store.codes import allocate_many
from counter_app.store.dossiers import find_by_uuid


class SyncOnline(SyncBase):
    def online_submissions(self) -> list[Dossier]:
        with self._db.read() as session:
            return replica.online_queue(session)

    def accept_online(self, uuid: str, *, user: User, at: datetime | None = None) -> Dossier:
        """Accept a portal submission as a walk-in: a code and a due time from now."""
        at = at or now()
        with self._db.read() as session:
            found = find_by_uuid(session, uuid)
        if found is None:
            raise CounterError("sync.no_submission", uuid=uuid)
        procedure = self._catalog.procedure(found.procedure_code)
        due = self._intake.due_at(procedure, at)
        mode = self._settings.code_mode()
        place = self._settings.identity().name
        with self._db.write() as session:
            dossier = find_by_uuid(session, uuid)
            assert dossier is not None

            def number() -> None:
                key = (dossier.agency_code, at.date())
                dossier.code = str(
                    DossierCode(*key, allocate_many(session, {key: 1}, mode)[key][0])
                )
                dossier.received_at, dossier.due_at = at, due
                dossier.received_by = dossier.received_by or user.login

            record_lifecycle_move(
                session,
                dossier,
                Action.ACCEPT,
                actor=user.login,
                at=at,
                place=place,
                shift_due=self._calendars.shifter(dossier.agency_code),
                then=number,
            )
        self.request_sync()
        return dossier

    def decide_online(
        self, uuid: str, action: Action, *, user: User, note: str, at: datetime | None = None
    ) -> Dossier:
        """Ask for a supplement or refuse a portal submission; the decision goes up."""
        if action not in (Action.REQUEST_SUPPLEMENT, Action.REFUSE):
            raise CounterError(
                "lifecycle.illegal",
                action=f"action.{action.value}",
                status=f"status.{Status.RECEIVING.value}",
            )
        at = at or now()
        place = self._settings.identity().name
        with self._db.write() as session:
            dossier = find_by_uuid(session, uuid)
            if dossier is None:
                raise CounterError("sync.no_submission", uuid=uuid)
            if dossier.status is not Status.RECEIVING:
                raise CounterError(
                    "lifecycle.illegal",
                    action=f"action.{action.value}",
                    status=f"status.{dossier.status.value}",
                )

            record_lifecycle_move(
                session,
                dossier,
                action,
                actor=user.login,
                at=at,
                note=note,
                place=place,
                shift_due=self._calendars.shifter(dossier.agency_code),
            )
        self.request_sync()
        return dossier
