"""Correcting an intake: a wrong phone number, a misspelt name, a paper missed at the desk.

The correction is a move of its own (`Action.AMEND`, the state unchanged) so that it is
recorded, audited and synced like any other. While the dossier is still at the counter (not
transferred) the officer corrects it; afterwards only a supervisor, with a reason (the service
checks the role).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from counter_app.domain.dossier import (
    Applicant,
    DocumentReceived,
    Dossier,
    HistoryEntry,
    ReturnMethod,
    Status,
)
from counter_app.domain.errors import CounterError
from counter_app.domain.lifecycle import Action
from counter_app.domain.serialize import dossier_to_json
from counter_app.domain.text import clean

# What a correction may change: the keys of the intake file it is written in.
AMENDABLE = ("applicant", "documents", "sets", "return_method", "note")
_AT_THE_COUNTER = frozenset({Status.NEW, Status.WAITING})


@dataclass(frozen=True)
class Correction:
    """The intake's values as they should have been entered."""

    applicant: Applicant
    documents: list[DocumentReceived]
    sets: int
    return_method: ReturnMethod
    note: str

    @classmethod
    def of(cls, dossier: Dossier) -> Correction:
        return cls(
            dossier.applicant,
            list(dossier.documents),
            dossier.sets,
            dossier.return_method,
            dossier.note,
        )


def at_the_counter(dossier: Dossier) -> bool:
    """Not yet handed to the processing department: still the officer's to correct."""
    transferred = any(entry.action == Action.TRANSFER.value for entry in dossier.history)
    return dossier.status in _AT_THE_COUNTER and not transferred


def changes(dossier: Dossier, correction: Correction) -> dict[str, list[Any]]:
    """What the correction changes, as {"applicant.phone": [before, after], "documents": …}
    in the dossier's JSON (what the audit line keeps)."""
    corrected = Dossier(
        procedure_code=dossier.procedure_code,
        procedure_name=dossier.procedure_name,
        agency_code=dossier.agency_code,
        applicant=correction.applicant,
        received_at=None,
        due_at=None,
        documents=correction.documents,
        sets=correction.sets,
        return_method=correction.return_method,
        note=correction.note,
    )
    before, after = dossier_to_json(dossier), dossier_to_json(corrected)
    found: dict[str, list[Any]] = {}
    for key in AMENDABLE:
        old, new = before[key], after[key]
        if isinstance(old, dict):
            found |= {f"{key}.{k}": [old[k], new[k]] for k in old if old[k] != new[k]}
        elif old != new:
            found[key] = [old, new]
    return found


def amend(
    dossier: Dossier,
    correction: Correction,
    *,
    actor: str,
    at: datetime,
    reason: str = "",
    place: str = "",
) -> tuple[HistoryEntry, dict[str, list[Any]]]:
    """Correct the dossier in place; its history gets the move (the reason as its note).
    Returns the move and what changed; refuses a submission not yet received and a
    correction that changes nothing."""
    code = dossier.code or dossier.uuid
    if dossier.status is Status.RECEIVING or dossier.received_at is None:
        raise CounterError("amend.not_received", code=code)
    changed = changes(dossier, correction)
    if not changed:
        raise CounterError("amend.nothing", code=code)
    _put(dossier, correction)
    entry = HistoryEntry(
        at=at,
        actor=actor,
        action=Action.AMEND.value,
        from_status=dossier.status,
        to_status=dossier.status,
        note=clean(reason),
        place=place,
    )
    dossier.history.append(entry)
    return entry, changed


def take_correction(target: Dossier, source: Dossier) -> None:
    """Carry a correction made on `source` over to `target` (central's state, when the sync
    merges or a conflict's moves are made again)."""
    _put(target, Correction.of(source))


def _put(dossier: Dossier, correction: Correction) -> None:
    dossier.applicant = correction.applicant
    dossier.documents = list(correction.documents)
    dossier.sets = correction.sets
    dossier.return_method = correction.return_method
    dossier.note = correction.note
