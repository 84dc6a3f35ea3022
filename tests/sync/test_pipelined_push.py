"""The push's batches in a pipeline: central takes one batch while the counter reads the next
and records the answers to the one before; a next batch read before those answers that holds a
dossier of the one before is read again after them."""

from __future__ import annotations

import threading

from counter_app.domain.dossier import Status
from counter_app.domain.lifecycle import Action
from counter_app.services.sync.admin import CentralAdmin
from counter_app.store.central import replica
from tests.sync.helpers import central_rows, local_rows, make_counter, take

WAIT_S = 5.0  # what a step waits for the one it should overlap; in order, each would wait it out


def test_central_takes_a_batch_while_the_counter_reads_the_next_and_records_the_last(
    sqlite_central, tmp_path, monkeypatch
):
    ws, user = make_counter(tmp_path, "a", faulty=True, push_batch=2)
    ws.sync.configure(sqlite_central)
    ws.sync.run_once()
    dossiers = take(ws, user, 6)  # three batches
    steps = threading.Condition()
    done = {"push": 0, "read ahead": 0, "settle": 0}
    overlapped: list[str] = []
    read, settle, push = replica.pending_batch, replica.settle, ws.faults.push

    def step(name: str, awaited: str, count: int) -> None:
        """Count a step, then wait for the `count`th of the one it should overlap."""
        with steps:
            done[name] += 1
            steps.notify_all()
            if steps.wait_for(lambda: done[awaited] >= count, WAIT_S):
                overlapped.append(awaited)

    def reading(session, size, *, after=0):  # type: ignore[no-untyped-def]
        batch = read(session, size, after=after)
        if after:
            with steps:
                done["read ahead"] += 1
                steps.notify_all()
        return batch

    def pushing(*args):  # type: ignore[no-untyped-def]
        step("push", "read ahead", done["push"] + 1)  # the next batch read meanwhile
        return push(*args)

    def settling(session, batch, results, *, at):  # type: ignore[no-untyped-def]
        if done["settle"] < 2:  # the third batch is the last: nothing is sent meanwhile
            step("settle", "push", done["settle"] + 2)  # the next batch sent meanwhile
        return settle(session, batch, results, at=at)

    monkeypatch.setattr(replica, "pending_batch", reading)
    monkeypatch.setattr(replica, "settle", settling)
    ws.faults.push = pushing
    result = ws.sync.run_once(full=False)
    assert result.pushed == 6 and result.pending == 0
    assert overlapped == ["read ahead", "push", "read ahead", "push", "read ahead"]
    assert {d.uuid for d in dossiers} <= set(central_rows(sqlite_central))
    ws.close()


def test_a_dossier_in_two_batches_goes_the_second_time_as_the_first_left_it(
    sqlite_central, tmp_path
):
    ws, user = make_counter(tmp_path, "a", push_batch=2)
    ws.sync.configure(sqlite_central)
    ws.sync.run_once()
    (dossier,) = take(ws, user)
    ws.dossiers.transition(dossier.code, Action.TRANSFER, user=user)
    ws.sync.run_once()
    with CentralAdmin(sqlite_central) as admin:
        admin.decide(dossier.code, Status.RELEASING)
    # offline, the counter asks for a supplement (the department's move) and takes it in:
    # its entries lie on both sides of two new intakes, so in two batches
    ws.dossiers.transition(dossier.code, Action.REQUEST_SUPPLEMENT, user=user, note="Thiếu bản sao")
    take(ws, user, 2)
    ws.dossiers.transition(dossier.code, Action.RESUBMIT, user=user)
    result = ws.sync.run_once()
    assert result.pending == 0
    assert result.conflicts == 1
    (conflict,) = ws.sync.conflicts()
    assert (conflict.local_status, conflict.central_status) == ("processing", "releasing")
    assert ws.dossiers.get(dossier.code).status is Status.RELEASING
    assert (
        central_rows(sqlite_central)[dossier.uuid]["version"]
        == (local_rows(ws)[dossier.uuid]["version"])
    )
    ws.close()


def test_a_dossier_changed_while_central_takes_it_stays_waiting_with_its_change(
    sqlite_central, tmp_path, monkeypatch
):
    """The officer moves a dossier while its batch is at central, after the next batch was
    read: the answer is recorded for the other dossiers of the batch, not for that one (its
    change has not gone up); the next round sends the change."""
    ws, user = make_counter(tmp_path, "a", faulty=True)
    ws.sync.configure(sqlite_central)
    ws.sync.run_once()
    moved, other = take(ws, user, 2)
    read, push = replica.pending_batch, ws.faults.push
    read_ahead = threading.Event()

    def reading(session, size, *, after=0):  # type: ignore[no-untyped-def]
        batch = read(session, size, after=after)
        if after:
            read_ahead.set()
        return batch

    def moved_meanwhile(*args):  # type: ignore[no-untyped-def]
        results = push(*args)
        assert read_ahead.wait(WAIT_S)
        ws.dossiers.transition(moved.code, Action.TRANSFER, user=user)
        return results

    monkeypatch.setattr(replica, "pending_batch", reading)
    ws.faults.push = moved_meanwhile
    assert ws.sync.run_once(full=False).pushed == 2
    ws.faults.push = push
    rows = local_rows(ws)
    assert rows[other.uuid]["synced"] == rows[other.uuid]["version"] == 1
    assert rows[moved.uuid]["version"] == 2 and rows[moved.uuid]["synced"] == 0
    assert central_rows(sqlite_central)[moved.uuid]["version"] == 1

    result = ws.sync.run_once(full=False)
    assert result.pending == 0 and result.conflicts == 0
    assert local_rows(ws)[moved.uuid]["synced"] == 2
    assert central_rows(sqlite_central)[moved.uuid]["status"] == Status.PROCESSING.value
    ws.close()
