"""A conflicting change is listed for the supervisor with both sides and can be marked
resolved; the sync log lists the rounds."""

from __future__ import annotations

import pytest

from counter_app.domain.dossier import Status
from counter_app.domain.lifecycle import Action
from counter_app.services.sync.admin import CentralAdmin
from counter_app.ui.sync import ConflictsDialog, SyncIndicator, SyncLogDialog
from tests.ui.conftest import receive
from tests.ui.sync.conftest import session_of

ROUND_MS = 20_000


@pytest.fixture
def conflicted(connected, central, staff):  # type: ignore[no-untyped-def]
    """The counter stopped a dossier that the department had meanwhile resolved."""
    from counter_app.domain.clock import now

    dossier = receive(connected, staff, "Nông Văn Dũng", "2.002", now())
    connected.dossiers.transition(dossier.code, Action.TRANSFER, user=staff)
    connected.sync.run_once()
    with CentralAdmin(central) as admin:
        admin.decide(dossier.code, Status.RELEASING)
    connected.dossiers.transition(dossier.code, Action.STOP, user=staff, note="Hồ sơ giả mạo")
    assert connected.sync.run_once().conflicts == 1
    return dossier


def conflicts_dialog(qtbot, session) -> ConflictsDialog:  # type: ignore[no-untyped-def]
    dialog = ConflictsDialog(session)
    qtbot.addWidget(dialog)
    return dialog


def test_a_conflict_shows_both_sides_and_the_supervisor_resolves_it(
    qtbot, connected, conflicted, supervisor, vietnamese
):
    dialog = conflicts_dialog(qtbot, session_of(connected, supervisor))
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1)
    assert dialog.table.item(0, 1).text() == conflicted.code
    assert dialog.sides["local"]["status"].text() == "Dừng xử lý"
    assert dialog.sides["central"]["status"].text() == "Đã xử lý xong"
    assert dialog.reason_label.text().startswith("Lý do: ")
    assert connected.dossiers.get(conflicted.code).status is Status.RELEASING  # central's kept
    assert dialog.resolve_button.isEnabled() and dialog.open_button.isEnabled()

    with qtbot.waitSignal(dialog.sig_resolved):
        dialog.resolve_button.click()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 0)
    assert connected.sync.status().conflicts_open == 0
    dialog.show_resolved_box.setChecked(True)  # still there, resolved, with who and when
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1)
    assert "minh" in dialog.resolved_label.text()
    assert not dialog.resolve_button.isEnabled()


def test_an_officer_sees_conflicts_but_cannot_resolve_them(qtbot, connected, conflicted, staff):
    dialog = conflicts_dialog(qtbot, session_of(connected, staff))
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1)
    assert dialog.resolve_button.isHidden() and not dialog.resolve_button.isEnabled()
    dialog.resolve_current()
    assert connected.sync.status().conflicts_open == 1


def test_the_indicator_leads_a_supervisor_to_the_conflicts(
    qtbot, connected, conflicted, supervisor, controllers, vietnamese
):
    session = session_of(connected, supervisor)
    controller = controllers(session)
    indicator = SyncIndicator(session, controller)
    qtbot.addWidget(indicator)
    with qtbot.waitSignal(controller.sig_status):
        controller.refresh_status()
    assert indicator.conflicts_button.text() == "Xung đột: 1"
    assert not indicator.conflicts_button.isHidden()
    indicator.conflicts_button.click()
    assert indicator.conflicts_dialog is not None
    qtbot.waitUntil(lambda: indicator.conflicts_dialog.table.rowCount() == 1)
    indicator.conflicts_dialog.reject()
    assert indicator.conflicts_dialog is None


def test_the_log_lists_rounds_and_the_state(
    qtbot, connected, staff, controllers, central, vietnamese
):
    session = session_of(connected, staff)
    controller = controllers(session)
    dialog = SyncLogDialog(session, controller)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: len(dialog.entries) == 1)
    assert dialog.table.item(0, 1).text() == "Xong"
    assert dialog.fields["central"].text() == central
    assert dialog.fields["counter"].text() == "1"
    assert dialog.fields["state"].text() == "Trực tuyến"
    with qtbot.waitSignal(controller.sig_round, timeout=ROUND_MS):
        dialog.sync_button.click()  # starts the worker, whose first round is full
    qtbot.waitUntil(lambda: len(dialog.entries) == 2)
    assert [e.ok for e in dialog.entries] == [True, True]
