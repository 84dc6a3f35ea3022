"""Which paper a dossier may have in its present state: a refusal only for a refused dossier,
a supplement request only after one was made, a stop notice only for a stopped dossier, an
apology only while the result is still owed and for a later time than the one promised, a
payment request only while payment is asked and the fees are not paid yet."""

from __future__ import annotations

from datetime import datetime

from counter_app.domain.calendar import WorkingCalendar
from counter_app.domain.clock import iso, local
from counter_app.domain.dossier import Dossier, HistoryEntry, Status
from counter_app.domain.errors import CounterError
from counter_app.domain.lifecycle import Action
from counter_app.domain.wording import short_date
from counter_app.services.printing.kinds import PaperKind

_NOT_RECEIVED = frozenset({Status.RECEIVING, Status.DENIED})
_RESULT_OWED = frozenset({Status.NEW, Status.PROCESSING, Status.WAITING, Status.PAYING})


def last_move(dossier: Dossier, action: Action) -> HistoryEntry | None:
    for entry in reversed(dossier.history):
        if entry.action == action.value:
            return entry
    return None


def _fits(kind: PaperKind, dossier: Dossier, owed: int) -> bool:
    status = dossier.status
    if kind in (PaperKind.RECEIPT, PaperKind.LABEL, PaperKind.CONTROL_SHEET):
        return status not in _NOT_RECEIVED and dossier.received_at is not None
    if kind is PaperKind.SUPPLEMENT:
        return (
            bool(dossier.supplement_rounds)
            and last_move(dossier, Action.REQUEST_SUPPLEMENT) is not None
        )
    if kind is PaperKind.REFUSAL:
        return status is Status.DENIED
    if kind is PaperKind.STOP_NOTICE:
        return status is Status.UNRESOLVED
    if kind is PaperKind.APOLOGY:
        return status in _RESULT_OWED
    if kind is PaperKind.PAYMENT_REQUEST:
        return status is Status.PAYING and owed > 0
    return False


def papers_for(dossier: Dossier, *, owed: int = 0) -> list[PaperKind]:
    """The papers of one dossier that fit its state (what a window offers to print); `owed`
    is what its fees still want (đồng), for the payment request."""
    return [kind for kind in PaperKind if kind is not PaperKind.BOOK and _fits(kind, dossier, owed)]


def check_paper(kind: PaperKind, dossier: Dossier, *, owed: int = 0) -> None:
    """Refuse, with a message naming the paper and the state, a paper that does not fit."""
    code = dossier.code or dossier.uuid
    if _fits(kind, dossier, owed):
        return
    if kind is PaperKind.SUPPLEMENT and dossier.status not in _NOT_RECEIVED:
        raise CounterError("paper.no_supplement", code=code)
    if kind is PaperKind.PAYMENT_REQUEST and dossier.status is Status.PAYING:
        raise CounterError("paper.nothing_owed", code=code)
    raise CounterError(
        "paper.wrong_state",
        what=f"paper.kind.{kind.value}",
        code=code,
        status=f"status.{dossier.status}",
    )


def check_new_due(
    dossier: Dossier, new_due: datetime | None, calendar: WorkingCalendar
) -> datetime:
    """The new time promised by an apology: given, later than the time it replaces, and on a
    working day of the counter (the citizen cannot collect a result on a day off)."""
    if new_due is None:
        raise CounterError("paper.new_due_missing")
    if dossier.due_at is None:
        raise CounterError("paper.no_due", code=dossier.code or dossier.uuid)
    if new_due <= dossier.due_at:
        raise CounterError("paper.new_due_early", new_due=iso(new_due), due=iso(dossier.due_at))
    if not calendar.is_working_day(new_due):
        raise CounterError("paper.new_due_day_off", day=short_date(local(new_due).date()))
    return new_due
