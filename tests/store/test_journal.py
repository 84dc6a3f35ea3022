"""The audit log shows tampering; the outbox is written with every change, or not at all."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import func, select

from counter_app.domain.errors import CounterError
from counter_app.domain.lifecycle import Action
from counter_app.services.intake import request_from_json
from counter_app.store.models import OutboxRow
from tests.conftest import intake_json


def test_audit_log_is_append_only(ws, officer):
    ws.intake.receive(request_from_json(intake_json()), user=officer)
    connection = sqlite3.connect(ws.database.path)
    for statement in ("UPDATE audit_log SET actor = 'x'", "DELETE FROM audit_log"):
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            connection.execute(statement)
    connection.close()


def test_edited_or_removed_audit_entry_is_detected(ws, officer):
    dossier = ws.intake.receive(request_from_json(intake_json()), user=officer)
    ws.dossiers.transition(dossier.code, Action.TRANSFER, user=officer)
    assert ws.audit.verify() >= 3
    connection = sqlite3.connect(ws.database.path)
    connection.execute("DROP TRIGGER audit_log_no_update")
    connection.execute("UPDATE audit_log SET actor = 'intruder' WHERE action = 'dossier.receive'")
    connection.commit()
    broken = connection.execute(
        "SELECT id FROM audit_log WHERE action = 'dossier.receive'"
    ).fetchone()[0]
    connection.close()
    with pytest.raises(CounterError) as detected:
        ws.audit.verify()
    assert detected.value.key == "audit.broken"
    assert detected.value.params["entry"] == broken


def test_removed_entry_breaks_the_chain(ws, officer):
    dossier = ws.intake.receive(request_from_json(intake_json()), user=officer)
    ws.dossiers.transition(dossier.code, Action.TRANSFER, user=officer)
    connection = sqlite3.connect(ws.database.path)
    connection.execute("DROP TRIGGER audit_log_no_delete")
    connection.execute("DELETE FROM audit_log WHERE action = 'dossier.receive'")
    connection.commit()
    connection.close()
    with pytest.raises(CounterError):
        ws.audit.verify()


def test_outbox_holds_the_snapshot_of_each_change(ws, officer):
    dossier = ws.intake.receive(request_from_json(intake_json()), user=officer)
    ws.dossiers.transition(dossier.code, Action.TRANSFER, user=officer)
    with ws.database.read() as session:
        rows = session.scalars(select(OutboxRow).order_by(OutboxRow.id)).all()
    assert [(r.entity, r.entity_id, r.payload["status"]) for r in rows] == [
        ("dossier", dossier.uuid, "new"),
        ("dossier", dossier.uuid, "processing"),
    ]
    assert rows[0].payload["code"] == dossier.code


def test_failed_transaction_leaves_no_outbox_entry(ws, officer):
    with pytest.raises(CounterError):
        ws.dossiers.transition("000.00.12.H37-250101-0001", Action.TRANSFER, user=officer)
    with ws.database.read() as session:
        assert session.scalar(select(func.count()).select_from(OutboxRow)) == 0
