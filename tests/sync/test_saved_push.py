"""A push sends the JSON each change saved with it (issue 17): the outbox entry of a change holds
the dossier as it was written, so a push does not read it back from its five tables. It is the
same JSON the read-back gives, and it is used only while it is still the dossier's state."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from enum import Enum

import pytest
from sqlalchemy import Engine, event, select, text

from counter_app.domain.dossier import (
    Applicant,
    ApplicantType,
    Collector,
    DocumentReceived,
    Dossier,
    FeeLine,
    HistoryEntry,
    Status,
    SupplementRound,
    Timeliness,
)
from counter_app.domain.lifecycle import Action
from counter_app.domain.serialize import DOSSIER_JSON_FORMAT
from counter_app.domain.sync import chain_is_legal, only_received
from counter_app.store.central import replica
from counter_app.store.central.wire import PushHead
from counter_app.store.dossiers import load_dossiers
from counter_app.store.models import DossierRow
from tests.sync.helpers import take

# DOSSIER_JSON_FORMAT -> the fingerprint of `payload`'s shape it stands for
SHAPES = {1: "64d67a83220137b0"}


@contextmanager
def reads_of_history() -> Iterator[list[str]]:
    """The local store's reads of dossiers' history rows meanwhile: a read-back."""
    seen: list[str] = []

    def spy(conn, cursor, statement, parameters, context, executemany) -> None:  # type: ignore[no-untyped-def]
        if conn.dialect.name == "sqlite" and "FROM dossier_history" in statement:
            seen.append(statement)

    event.listen(Engine, "before_cursor_execute", spy)
    try:
        yield seen
    finally:
        event.remove(Engine, "before_cursor_execute", spy)


def read_back(ws) -> dict[str, dict]:  # type: ignore[no-untyped-def]
    """uuid -> what a push sends of each dossier, read back from its rows."""
    with ws.database.read() as session:
        dossiers = load_dossiers(session, select(DossierRow.__table__))
    return {d.uuid: replica.payload(d) for d in dossiers}


def batch(ws) -> replica.Batch:  # type: ignore[no-untyped-def]
    with ws.database.read() as session:
        return replica.pending_batch(session, 50)


def test_the_json_each_change_saves_is_the_dossier_read_back_and_is_what_goes(ws, officer):  # type: ignore[no-untyped-def]
    user = officer
    first, second, third = take(ws, user, 3)
    moves = [
        (Action.REQUEST_SUPPLEMENT, "Thiếu bản chụp CCCD"),
        (Action.RESUBMIT, ""),
        (Action.TRANSFER, ""),
        (Action.WITHDRAW, "Công dân xin rút"),
    ]
    for action, note in moves:
        ws.dossiers.transition(first.code, action, user=user, note=note)
    ws.dossiers.transition(second.code, Action.TRANSFER, user=user)
    with reads_of_history() as reads:
        pending = batch(ws)
    assert reads == []  # nothing read back
    assert {item.uuid for item in pending.items} == {first.uuid, second.uuid, third.uuid}
    stored = read_back(ws)
    for item in pending.items:
        assert "data" not in vars(item)  # not decoded to be sent
        assert json.loads(item.encoded) == stored[item.uuid] == item.data
        assert item.head == PushHead.of(stored[item.uuid])
    assert pending.items[-1].head.received_only  # the third, received only
    assert [entry["action"] for entry in stored[first.uuid]["history"]] == [
        "receive",
        *(action.value for action, _ in moves),
    ]
    assert stored[first.uuid]["supplement_rounds"][0]["from_status"] == Status.NEW.value


@pytest.mark.parametrize(
    "change",
    [
        "UPDATE outbox SET dossier = NULL",  # written before revision 0024
        "UPDATE outbox SET payload = json_set(payload, '$.format', 0)",  # another shape
    ],
    ids=["no-json", "another-format"],
)
def test_a_saved_json_that_is_not_the_dossiers_state_is_read_back(ws, officer, change):  # type: ignore[no-untyped-def]
    user = officer
    [dossier] = take(ws, user, 1)
    ws.dossiers.transition(dossier.code, Action.TRANSFER, user=user)
    with ws.database.write() as session:
        session.execute(text("UPDATE outbox SET dossier = replace(dossier, 'processing', 'new')"))
        session.execute(text(change))
    with reads_of_history() as reads:
        [item] = batch(ws).items
    assert reads  # read back from its rows
    assert item.data == read_back(ws)[dossier.uuid]
    assert item.data["status"] == "processing"


def test_a_dossier_whose_state_central_answered_with_is_not_sent_again(ws, officer):  # type: ignore[no-untyped-def]
    """Its entries were written before the counter took central's state in (a conflict's or a
    merge's answer): they go with the batch, and the dossier is not sent."""
    [dossier] = take(ws, officer, 1)
    ws.dossiers.transition(dossier.code, Action.TRANSFER, user=officer)
    with ws.database.write() as session:
        session.execute(text("UPDATE dossiers SET synced_version = version"))
    pending = batch(ws)
    assert pending.items == [] and pending.unreadable == {}
    assert len(pending.outbox_ids) == 2


def test_an_older_entry_of_a_dossier_changed_since_is_not_what_goes(ws, officer):  # type: ignore[no-untyped-def]
    """Entries collapse into one push of the latest: the first entry's JSON is not used."""
    user = officer
    [dossier] = take(ws, user, 1)
    ws.dossiers.transition(dossier.code, Action.TRANSFER, user=user)
    [item] = batch(ws).items
    assert item.data["status"] == "processing" and item.version == 2


def full_dossier() -> Dossier:
    """A dossier with every field filled and one of each list, for the shape's fingerprint."""
    at = datetime(2026, 12, 7, 3, 0, tzinfo=UTC)
    return Dossier(
        procedure_code="P",
        procedure_name="Thủ tục",
        agency_code="A",
        applicant=Applicant("Nguyễn Văn An", ApplicantType.CITIZEN, "020090001234",
                            date(1990, 3, 15), "0912345678", "a@b.vn", "Lạng Sơn", "Cty"),
        received_at=at,
        due_at=at,
        status=Status.DONE,
        code="A-261207-0001",
        documents=[DocumentReceived("Tờ khai")],
        fees=[FeeLine("Lệ phí", 8000)],
        completed_at=at,
        returned_at=at,
        collector=Collector("Trần Thị Bình", "020090001235", True),
        timeliness=Timeliness.ON_TIME,
        received_by="canbo",
        history=[HistoryEntry(at, "canbo", "receive", None, Status.NEW)],
        supplement_rounds=[SupplementRound(at, at, at, at)],
    )  # fmt: skip


def shape(value: object) -> object:
    """The keys of a JSON value, recursively (a list by its first item), without its values."""
    if isinstance(value, dict):
        return {key: shape(item) for key, item in sorted(value.items())}
    if isinstance(value, list):
        return [shape(value[0])] if value else []
    return None


def test_the_shape_of_the_saved_json_is_the_one_its_format_names():
    """Changed `dossier_to_json` (a key, or a value an enum may take)? Raise
    DOSSIER_JSON_FORMAT and record the new fingerprint: entries saved under the old shape are
    then read back from their rows instead of going up as they are."""
    import counter_app.domain.dossier as model

    enums = {
        name: sorted(member.value for member in kind)
        for name, kind in sorted(vars(model).items())
        if isinstance(kind, type) and issubclass(kind, Enum) and kind.__module__ == model.__name__
    }
    fingerprint = json.dumps([shape(replica.payload(full_dossier())), enums], sort_keys=True)
    digest = hashlib.sha256(fingerprint.encode()).hexdigest()[:16]
    assert SHAPES.get(DOSSIER_JSON_FORMAT) == digest, digest


@pytest.mark.parametrize("status", list(Status))
def test_a_receipt_alone_is_told_legal_as_the_replay_tells_it(status):  # type: ignore[no-untyped-def]
    dossier = full_dossier()
    dossier.status = Status.NEW
    dossier.history = [HistoryEntry(dossier.received_at, "canbo", "receive", None, status)]  # type: ignore[arg-type]
    data = replica.payload(dossier)
    assert only_received(data) is (chain_is_legal(dossier, lambda due, *_: due) is None)
    assert only_received(data) is (status is Status.NEW)


def test_more_than_a_receipt_is_left_to_the_replay():
    dossier = full_dossier()
    data = replica.payload(dossier)
    data["status"] = "new"
    assert only_received(data)
    data["history"] = data["history"] * 2
    assert not only_received(data)
    data["history"] = [{**data["history"][0], "action": "transfer"}]
    assert not only_received(data)
    data["history"] = [{**data["history"][0], "from": "new"}]
    assert not only_received(data)
    data["history"], data["status"] = [{**data["history"][0], "to": "nowhere"}], "nowhere"
    assert not only_received(data)


@pytest.mark.parametrize(
    ("history", "receipt_alone"),
    [
        (lambda receipt: [receipt], True),
        (lambda receipt: [receipt, receipt], False),
        (lambda receipt: [{**receipt, "action": "transfer"}], False),
        (lambda receipt: [{**receipt, "from": "new"}], False),
        (lambda receipt: [{**receipt, "to": "processing"}], False),
        (lambda receipt: [], False),
        (lambda receipt: receipt, False),
        (lambda receipt: "receive", False),
    ],
    ids=["receipt", "two", "transfer", "from-new", "other-state", "empty", "object", "text"],
)
def test_the_head_a_push_reads_in_sql_is_the_one_its_json_gives(
    ws, officer, history, receipt_alone
):  # type: ignore[no-untyped-def]
    """Central's checks read a saved dossier's head, which the outbox read extracts without
    decoding the JSON: it says what `only_received` and the JSON's fields say."""
    [dossier] = take(ws, officer, 1)
    data = read_back(ws)[dossier.uuid]
    data["history"] = history(data["history"][0])
    with ws.database.write() as session:
        session.execute(text("UPDATE outbox SET dossier = :data"), {"data": json.dumps(data)})
    with reads_of_history() as reads:
        [item] = batch(ws).items
    assert reads == []
    assert item.head == PushHead.of(data)
    assert item.head.received_only is only_received(data) is receipt_alone
