"""The dossier's state machine over the ten portal states.

Every move is checked here, on the counter and (with the sync issue) on the central side, so an
illegal move is refused the same way wherever it comes from.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from enum import StrEnum

from counter_app.domain.dossier import Dossier, HistoryEntry, Status, SupplementRound, Timeliness
from counter_app.domain.errors import CounterError
from counter_app.domain.limits import NOTE_LIMIT
from counter_app.domain.messages import translate
from counter_app.domain.text import checked_text


class Action(StrEnum):
    RECEIVE = "receive"  # the first move, made by intake
    ACCEPT = "accept"  # an online submission checked and accepted at the counter
    TRANSFER = "transfer"
    REQUEST_SUPPLEMENT = "request-supplement"
    RESUBMIT = "resubmit"
    REQUEST_PAYMENT = "request-payment"
    PAY = "pay"
    REFUSE = "refuse"
    WITHDRAW = "withdraw"
    STOP = "stop"
    RESOLVE = "resolve"
    RETURN = "return"
    AMEND = "amend"  # an intake corrected (applicant, papers, note): no change of state

    def label(self, lang: str = "vi") -> str:
        return translate(f"action.{self.value}", lang)


_OPEN_BEFORE_PROCESSING = {Status.RECEIVING, Status.NEW}
_IN_PROCESS = {Status.PROCESSING, Status.WAITING, Status.PAYING}

# action -> (states it may start from, state it leads to; None: decided by the dossier's past)
TRANSITIONS: dict[Action, tuple[frozenset[Status], Status | None]] = {
    Action.ACCEPT: (frozenset({Status.RECEIVING}), Status.NEW),
    Action.TRANSFER: (frozenset({Status.NEW}), Status.PROCESSING),
    Action.REQUEST_SUPPLEMENT: (
        frozenset({Status.RECEIVING, Status.NEW, Status.PROCESSING}),
        Status.WAITING,
    ),
    Action.RESUBMIT: (frozenset({Status.WAITING}), None),
    Action.REQUEST_PAYMENT: (frozenset({Status.PROCESSING}), Status.PAYING),
    Action.PAY: (frozenset({Status.PAYING}), Status.PROCESSING),
    Action.REFUSE: (frozenset(_OPEN_BEFORE_PROCESSING), Status.DENIED),
    Action.WITHDRAW: (frozenset(_OPEN_BEFORE_PROCESSING | _IN_PROCESS), Status.CANCELLED),
    Action.STOP: (frozenset(_IN_PROCESS), Status.UNRESOLVED),
    Action.RESOLVE: (frozenset({Status.NEW, Status.PROCESSING}), Status.RELEASING),
    Action.RETURN: (frozenset({Status.RELEASING}), Status.DONE),
}

# Moves that the citizen must be told the reason of, on paper.
NOTE_REQUIRED = frozenset({Action.REQUEST_SUPPLEMENT, Action.REFUSE, Action.STOP})

# new due time from (old due, paused at, resumed at): the deadline rules supply it.
DueShift = Callable[[datetime, datetime, datetime], datetime]


def parse_action(text: str) -> Action:
    try:
        return Action(text.strip().lower().replace("_", "-"))
    except ValueError:
        raise CounterError("lifecycle.unknown_action", action=text) from None


def allowed_actions(status: Status) -> list[Action]:
    return [action for action, (sources, _) in TRANSITIONS.items() if status in sources]


def classify(completed_at: datetime, due_at: datetime | None) -> Timeliness:
    """Early / on time / late, compared at day level; no deadline counts as on time."""
    if due_at is None or completed_at.date() == due_at.date():
        return Timeliness.ON_TIME
    return Timeliness.EARLY if completed_at.date() < due_at.date() else Timeliness.LATE


def apply(
    dossier: Dossier,
    action: Action,
    *,
    actor: str,
    at: datetime,
    shift_due: DueShift,
    note: str = "",
    place: str = "",
) -> HistoryEntry:
    """Make one move on the dossier in place, or raise CounterError and change nothing."""
    sources, target = TRANSITIONS.get(action, (frozenset(), None))
    if dossier.status not in sources:
        raise CounterError(
            "lifecycle.illegal", action=f"action.{action.value}", status=f"status.{dossier.status}"
        )
    note = checked_text("note", note, NOTE_LIMIT)
    if action in NOTE_REQUIRED and not note:
        raise CounterError("lifecycle.note_required", action=f"action.{action.value}")

    if action is Action.REQUEST_SUPPLEMENT:
        dossier.supplement_rounds.append(
            SupplementRound(requested_at=at, old_due=dossier.due_at, from_status=dossier.status)
        )
    elif action is Action.RESUBMIT:
        current = dossier.supplement_rounds[-1]
        current.resubmitted_at = at
        if dossier.due_at is not None:
            dossier.due_at = shift_due(dossier.due_at, current.requested_at, at)
        current.new_due = dossier.due_at
        target = current.from_status
    elif action is Action.RESOLVE:
        dossier.completed_at = at
        dossier.timeliness = classify(at, dossier.due_at)
    elif action is Action.RETURN:
        dossier.returned_at = at

    assert target is not None
    entry = HistoryEntry(
        at=at,
        actor=actor,
        action=action.value,
        from_status=dossier.status,
        to_status=target,
        note=note,
        place=place,
    )
    dossier.status = target
    dossier.history.append(entry)
    return entry
