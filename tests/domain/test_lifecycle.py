from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counter_app.domain.clock import VN_TZ
from counter_app.domain.dossier import Applicant, Dossier, Status, SupplementRound, Timeliness
from counter_app.domain.errors import CounterError
from counter_app.domain.lifecycle import (
    NOTE_REQUIRED,
    TRANSITIONS,
    Action,
    allowed_actions,
    apply,
    classify,
    parse_action,
)

T0 = datetime(2025, 4, 24, 9, 30, tzinfo=VN_TZ)


def no_shift(due: datetime, paused: datetime, resumed: datetime) -> datetime:
    return due + (resumed - paused)


def dossier(status: Status = Status.NEW, due: datetime | None = T0 + timedelta(days=3)) -> Dossier:
    return Dossier(
        procedure_code="p", procedure_name="P", agency_code="A", applicant=Applicant("An"),
        received_at=T0, due_at=due, status=status,
    )  # fmt: skip


def move(d: Dossier, action: Action, at: datetime = T0, note: str = "lý do") -> None:
    apply(d, action, actor="canbo", at=at, shift_due=no_shift, note=note, place="Quầy 1")


def test_the_ten_states_keep_the_portal_numbering():
    assert [s.number for s in Status] == list(range(1, 11))
    assert Status.RECEIVING.number == 1 and Status.DONE.number == 10


def test_every_action_of_the_issue_exists():
    names = {a.value for a in Action}
    assert {
        "transfer", "request-supplement", "resubmit", "request-payment", "pay",
        "refuse", "withdraw", "stop", "resolve", "return",
    } <= names  # fmt: skip


def test_a_full_path_records_history():
    d = dossier()
    move(d, Action.TRANSFER)
    move(d, Action.REQUEST_PAYMENT)
    move(d, Action.PAY)
    move(d, Action.RESOLVE, T0 + timedelta(days=1))
    move(d, Action.RETURN, T0 + timedelta(days=2))
    assert d.status is Status.DONE
    assert [(h.from_status, h.to_status) for h in d.history] == [
        (Status.NEW, Status.PROCESSING),
        (Status.PROCESSING, Status.PAYING),
        (Status.PAYING, Status.PROCESSING),
        (Status.PROCESSING, Status.RELEASING),
        (Status.RELEASING, Status.DONE),
    ]
    assert d.timeliness is Timeliness.EARLY
    assert d.returned_at == T0 + timedelta(days=2)
    assert all(h.actor == "canbo" and h.place == "Quầy 1" for h in d.history)


def test_supplement_round_returns_to_where_it_came_from_and_shifts_due():
    d = dossier(Status.PROCESSING)
    old_due = d.due_at
    move(d, Action.REQUEST_SUPPLEMENT, T0 + timedelta(hours=1))
    assert d.status is Status.WAITING
    move(d, Action.RESUBMIT, T0 + timedelta(hours=5))
    assert d.status is Status.PROCESSING
    assert d.due_at == old_due + timedelta(hours=4)
    [round_] = d.supplement_rounds
    assert (round_.old_due, round_.new_due) == (old_due, d.due_at)


def test_online_submission_sent_back_for_supplement_returns_to_receiving():
    d = dossier(Status.RECEIVING, due=None)
    move(d, Action.REQUEST_SUPPLEMENT)
    move(d, Action.RESUBMIT)
    assert d.status is Status.RECEIVING and d.due_at is None
    move(d, Action.ACCEPT)
    assert d.status is Status.NEW


@pytest.mark.parametrize(
    ("completed", "expected"),
    [
        (T0 + timedelta(days=2), Timeliness.EARLY),
        (T0 + timedelta(days=3, hours=7), Timeliness.ON_TIME),  # later the same day: on time
        (T0 + timedelta(days=4), Timeliness.LATE),
    ],
)
def test_on_time_classification_is_by_day(completed, expected):
    assert classify(completed, T0 + timedelta(days=3)) is expected


def test_no_deadline_counts_as_on_time():
    assert classify(T0, None) is Timeliness.ON_TIME


@given(st.sampled_from(list(Status)), st.sampled_from([a for a in Action if a in TRANSITIONS]))
def test_a_move_is_either_legal_and_done_or_refused_and_nothing_changes(status, action):
    d = dossier(status)
    if status is Status.WAITING:
        d.supplement_rounds.append(
            SupplementRound(requested_at=T0, old_due=d.due_at, from_status=Status.PROCESSING)
        )
    before = (d.status, len(d.history), d.due_at, d.completed_at)
    if action in allowed_actions(status):
        move(d, action, T0 + timedelta(hours=1))
        assert len(d.history) == 1 and d.history[0].from_status is status
        assert d.status is not status or action is Action.RESUBMIT
    else:
        with pytest.raises(CounterError) as refused:
            move(d, action)
        assert refused.value.key == "lifecycle.illegal"
        assert refused.value.message("vi") and refused.value.message("en")
        assert (d.status, len(d.history), d.due_at, d.completed_at) == before


@pytest.mark.parametrize("action", sorted(NOTE_REQUIRED))
def test_moves_the_citizen_is_told_about_need_a_reason(action):
    d = dossier(Status.PROCESSING if action is Action.STOP else Status.NEW)
    with pytest.raises(CounterError) as refused:
        move(d, action, note="   ")
    assert refused.value.key == "lifecycle.note_required"
    assert not d.history


def test_final_states_allow_nothing():
    for status in (Status.DENIED, Status.CANCELLED, Status.DONE):
        assert allowed_actions(status) == []


def test_action_names_are_parsed_forgivingly():
    assert parse_action("REQUEST_SUPPLEMENT") is Action.REQUEST_SUPPLEMENT
    with pytest.raises(CounterError):
        parse_action("explode")
