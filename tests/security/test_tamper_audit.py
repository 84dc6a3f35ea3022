"""Edits that leave the audit chain consistent — the log cut short or rewritten and hashed
again with the file open, the triggers dropped — show against the chain heads anchored at
central (kept append-only there) and at the counter; `init` puts missing triggers back."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from datetime import datetime

import psycopg
import pytest

from counter_app.domain.errors import CounterError
from counter_app.store.journal import (
    AUDIT_TRIGGERS,
    GENESIS,
    AuditEntry,
    AuditHead,
    entry_hash,
)
from tests.cli.test_cli import ok_json, run_cli
from tests.conftest import AGENCY, OTHER_AGENCY
from tests.sync.helpers import make_counter, take
from tests.sync.test_sync import counter_url


def anchored_counter(url: str, root):  # type: ignore[no-untyped-def]
    """A counter with dossiers whose audit chain head central has acknowledged."""
    ws, officer = make_counter(root, "a")
    ws.sync.configure(counter_url(url, "Q1", [AGENCY]))
    ws.sync.run_once()
    take(ws, officer, 3)
    ws.sync.run_once()
    return ws, officer


def run_sql(ws, *statements: str) -> None:  # type: ignore[no-untyped-def]
    with closing(sqlite3.connect(ws.database.path)) as db:
        for statement in statements:
            db.execute(statement)
        db.commit()


def truncate_everything(ws) -> None:  # type: ignore[no-untyped-def]
    """Drop the triggers, empty the log and the anchors kept here, put the triggers back."""
    run_sql(
        ws,
        "DROP TRIGGER audit_log_no_delete",
        "DROP TRIGGER audit_anchors_no_delete",
        "DELETE FROM audit_log",
        "DELETE FROM audit_anchors",
        AUDIT_TRIGGERS["audit_log_no_delete"],
        AUDIT_TRIGGERS["audit_anchors_no_delete"],
    )


def rewrite_and_rehash(ws) -> None:  # type: ignore[no-untyped-def]
    """Change who did the first entry and hash the whole chain again: it holds on its own."""
    with closing(sqlite3.connect(ws.database.path)) as db:
        db.execute("DROP TRIGGER audit_log_no_update")
        rows = db.execute(
            "SELECT id, at, actor, action, subject, detail FROM audit_log ORDER BY id"
        ).fetchall()
        prev = GENESIS
        for index, (row_id, at, actor, action, subject, detail) in enumerate(rows):
            entry = AuditEntry(
                datetime.fromisoformat(at + "+00:00"),
                "intruder" if index == 0 else actor,
                action,
                subject,
                json.loads(detail),
            )
            digest = entry_hash(prev, entry)
            db.execute(
                "UPDATE audit_log SET actor = ?, prev_hash = ?, hash = ? WHERE id = ?",
                (entry.actor, prev, digest, row_id),
            )
            prev = digest
        db.execute(AUDIT_TRIGGERS["audit_log_no_update"])
        db.commit()


def test_a_truncated_log_shows_against_central_even_with_the_local_anchors_gone(central, tmp_path):
    ws, officer = anchored_counter(central, tmp_path)
    assert ws.audit.check().central == "checked"
    truncate_everything(ws)
    take(ws, officer)  # a fresh, consistent chain of a few entries
    assert ws.audit.verify() > 0  # the chain alone holds: only the anchor shows the cut
    with pytest.raises(CounterError) as found:
        ws.audit.check()
    assert found.value.key == "audit.truncated"
    assert found.value.params["what"] == "audit.anchor.central"
    ws.close()


def test_a_truncated_log_shows_against_the_local_anchor_offline(sqlite_central, tmp_path):
    ws, _ = anchored_counter(sqlite_central, tmp_path)
    run_sql(ws, "DROP TRIGGER audit_log_no_delete", "DELETE FROM audit_log")
    with pytest.raises(CounterError) as found:
        ws.audit.verify()  # no central asked
    assert found.value.key == "audit.truncated"
    assert found.value.params["what"] == "audit.anchor.local"
    ws.close()


def test_a_rewritten_and_rehashed_log_shows_and_is_not_anchored_again(central, tmp_path):
    ws, officer = anchored_counter(central, tmp_path)
    before = ws.sync.central_anchor()
    rewrite_and_rehash(ws)
    take(ws, officer)
    with pytest.raises(CounterError) as found:
        ws.audit.check()
    assert found.value.key == "audit.rewritten"
    ws.sync.run_once()  # the round goes on, names the problem, and anchors nothing
    assert ws.sync.log(1)[0].message == "audit.rewritten"
    assert ws.sync.central_anchor() == before
    ws.close()


@pytest.mark.slow
def test_missing_triggers_are_reported_by_verify_and_restored_by_init(ws, officer):
    take(ws, officer)
    run_sql(ws, "DROP TRIGGER audit_log_no_update", "DROP TRIGGER audit_anchors_no_delete")
    with pytest.raises(CounterError) as found:
        ws.audit.verify()
    assert found.value.key == "audit.triggers_missing"
    assert "audit_log_no_update" in found.value.params["names"]
    refused = run_cli(ws.data_dir, "--lang", "en", "audit", "verify")
    assert refused.returncode != 0 and "counter-app init" in refused.stderr
    assert ok_json(run_cli(ws.data_dir, "init"))["audit_triggers_restored"] == [
        "audit_anchors_no_delete",
        "audit_log_no_update",
    ]
    assert ok_json(run_cli(ws.data_dir, "audit", "verify")) == {
        "intact": True,
        "entries": ws.audit.verify(),
        "anchored": None,
        "central": "none",
    }
    with closing(sqlite3.connect(ws.database.path)) as db, pytest.raises(sqlite3.DatabaseError):
        db.execute("UPDATE audit_log SET actor = 'x'")


def test_central_anchors_only_go_forward_and_only_as_the_counter_itself(sqlite_central, tmp_path):
    from counter_app.services.sync.gateway import CentralGateway
    from counter_app.store.central.database import CentralAddress

    ws, _ = anchored_counter(sqlite_central, tmp_path)
    number = ws.sync.status().counter_number
    gateway = CentralGateway(CentralAddress(f"{sqlite_central}?counter=Q1"))
    try:
        last = gateway.audit_anchor(number)
        assert last is not None and last.entries > 0
        shorter = AuditHead(last.entries - 1, "a" * 64)
        assert gateway.record_anchor(number, shorter, None) == "behind"
        assert gateway.record_anchor(number, AuditHead(last.entries, "b" * 64), last) == "differs"
        longer = AuditHead(last.entries + 5, "c" * 64)
        assert gateway.record_anchor(number, longer, AuditHead(last.entries, "d" * 64)) == "differs"
        assert gateway.audit_anchor(number) == last
        with pytest.raises(CounterError):
            gateway.record_anchor(number, AuditHead(last.entries + 5, "not a hash"), last)
    finally:
        gateway.close()
    ws.close()


def test_a_counter_role_cannot_write_central_anchors_but_through_the_function(pg_central, tmp_path):
    mine = counter_url(pg_central, "Q1", [AGENCY])
    other = counter_url(pg_central, "Q2", [OTHER_AGENCY])
    ws, officer = make_counter(tmp_path, "a")
    ws.sync.configure(mine)
    ws.sync.run_once()
    take(ws, officer)
    ws.sync.run_once()
    with psycopg.connect(mine) as db:
        for statement in (
            "UPDATE audit_anchors SET entries = 0",
            "DELETE FROM audit_anchors",
            "TRUNCATE audit_anchors",
            "INSERT INTO audit_anchors (counter_number, entries, hash, at) "
            f"VALUES (1, 99999, '{'e' * 64}', now())",
        ):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                db.execute(statement)
            db.rollback()
        # the function records the caller's own number, never another's
        with psycopg.connect(other) as second:
            answer = second.execute(
                "SELECT central_record_anchor(7, %s, 0, '')", ("f" * 64,)
            ).fetchone()
            assert answer == ("recorded",)
            second.commit()
            seen = second.execute("SELECT counter_number FROM audit_anchors").fetchall()
            assert seen == [(2,)]  # row-level security: its own anchors only
        rows = db.execute("SELECT counter_number, entries FROM audit_anchors").fetchall()
        assert all(number == 1 for number, _ in rows) and rows
    with psycopg.connect(pg_central) as admin:
        settings = admin.execute(
            "SELECT proconfig, prosecdef FROM pg_proc WHERE proname = 'central_record_anchor'"
        ).fetchone()
    assert settings == (["search_path=public, pg_temp"], True)
    ws.close()


def test_central_keeps_only_heads_that_extend_the_last_one(tmp_path):
    """Whatever a counter sends, central's anchors of it only ever grow, and each one it
    takes extends the chain of the one before (the honest chain's head at that length)."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from counter_app.domain.clock import now
    from counter_app.services.sync.admin import CentralAdmin, open_central
    from counter_app.store.central import counters, ledger

    url = f"sqlite:///{tmp_path / 'central.sqlite3'}"
    with CentralAdmin(url) as admin:
        admin.init()
    database = open_central(url)
    chain = [GENESIS, *(f"{n:064x}" for n in range(1, 40))]  # the honest heads by length
    sends = st.lists(
        st.tuples(st.integers(0, 39), st.booleans(), st.booleans()), min_size=1, max_size=12
    )
    made = iter(range(1, 1000))

    @settings(max_examples=40, deadline=None)
    @given(sends)
    def check(plan: list[tuple[int, bool, bool]]) -> None:
        with database.write() as session:
            counter = counters.add_counter(
                session, counter_id=f"P{next(made)}", agencies=[AGENCY], name="", at=now()
            )[0].number
        last: AuditHead | None = None
        for entries, forged, stale in plan:
            head = AuditHead(entries, "f" * 64 if forged else chain[entries])
            prior = AuditHead(0, chain[0]) if stale and last else last
            with database.write() as session:
                answer = ledger.record_anchor(session, counter, head, prior, at=now())
            with database.read() as session:
                kept = ledger.audit_anchor(session, counter)
            if answer == "recorded":
                assert last is None or (head.entries > last.entries and prior == last)
                last = head
            assert kept == last
            if last is not None and head.entries < last.entries:
                assert answer == "behind"

    try:
        check()
    finally:
        database.close()
