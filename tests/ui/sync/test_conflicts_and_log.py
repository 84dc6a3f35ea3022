"""A conflicting change is listed for the supervisor in full (the lost moves, the values that
differ), who keeps central's version or redoes the counter's moves; the sync log lists the
rounds."""

from __future__ import annotations

import pytest

from counter_app.domain.dossier import Status
from counter_app.domain.lifecycle import Action
from counter_app.services.sync.admin import CentralAdmin
from counter_app.ui import notify
from counter_app.ui.sync import ConflictsDialog, SyncIndicator, SyncLogDialog
from counter_app.ui.sync import conflicts as conflicts_module
from tests.ui.conftest import receive
from tests.ui.sync.conftest import session_of

ROUND_MS = 20_000


def make_conflict(workspace, central, staff, decision: Status):  # type: ignore[no-untyped-def]
    """The counter stopped a dossier that the department had meanwhile moved to `decision`."""
    from counter_app.domain.clock import now

    dossier = receive(workspace, staff, "Nông Văn Dũng", "2.002", now())
    workspace.dossiers.transition(dossier.code, Action.TRANSFER, user=staff)
    workspace.sync.run_once()
    with CentralAdmin(central) as admin:
        admin.decide(dossier.code, decision, note="Thiếu tờ khai", actor="phongtp")
    workspace.dossiers.transition(dossier.code, Action.STOP, user=staff, note="Hồ sơ giả mạo")
    assert workspace.sync.run_once().conflicts == 1
    return dossier


@pytest.fixture
def conflicted(connected, central, staff):  # type: ignore[no-untyped-def]
    """The counter stopped a dossier that the department had meanwhile resolved."""
    return make_conflict(connected, central, staff, Status.RELEASING)


@pytest.fixture
def asked(monkeypatch):  # type: ignore[no-untyped-def]
    """The confirmations the dialog asked, answered yes (set `asked.answer` to say no)."""

    class Asked(list):
        answer = True

    questions = Asked()

    def confirm(parent, title, text, action):  # type: ignore[no-untyped-def]
        questions.append(text)
        return questions.answer

    monkeypatch.setattr(conflicts_module, "confirm_resolution", confirm)
    return questions


@pytest.fixture
def errors(monkeypatch):  # type: ignore[no-untyped-def]
    shown: list[str] = []
    monkeypatch.setattr(notify, "show_error", lambda parent, text: shown.append(text))
    return shown


def conflicts_dialog(qtbot, session) -> ConflictsDialog:  # type: ignore[no-untyped-def]
    dialog = ConflictsDialog(session)
    qtbot.addWidget(dialog)
    return dialog


def cells(table) -> list[list[str]]:  # type: ignore[no-untyped-def]
    return [
        [table.item(row, column).text() for column in range(table.columnCount())]
        for row in range(table.rowCount())
    ]


def test_a_conflict_shows_the_lost_move_and_the_supervisor_keeps_centrals_version(
    qtbot, connected, conflicted, supervisor, vietnamese, asked
):
    dialog = conflicts_dialog(qtbot, session_of(connected, supervisor))
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1)
    assert cells(dialog.table)[0][1:] == [
        conflicted.code,
        "Dừng xử lý",
        "Đã xử lý xong",
        "Chưa giải quyết",
    ]
    ((when, who, move, note),) = cells(dialog.moves_table)
    assert when != "—"
    assert (who, move, note) == ("Nguyễn Thị Lan", "Dừng xử lý", "Hồ sơ giả mạo")
    fields = {row[0]: row[1:] for row in cells(dialog.fields_table)}
    assert fields["Trạng thái"] == ["Dừng xử lý", "Đã xử lý xong"]
    assert "Đã xử lý xong" in dialog.state_label.text()
    assert dialog.reason_label.text().startswith("Lý do: ")
    assert connected.dossiers.get(conflicted.code).status is Status.RELEASING  # central's kept
    assert dialog.keep_button.isEnabled() and dialog.open_button.isEnabled()

    asked.answer = False  # asked first; "no" changes nothing
    dialog.keep_button.click()
    assert len(asked) == 1 and connected.sync.status().conflicts_open == 1
    asked.answer = True
    with qtbot.waitSignal(dialog.sig_resolved):
        dialog.keep_button.click()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 0)
    assert connected.sync.status().conflicts_open == 0
    dialog.show_resolved_box.setChecked(True)  # still there, resolved, with who and when
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1)
    assert cells(dialog.table)[0][4] == "Đã giữ bản của trung tâm"
    assert "Trần Văn Minh" in dialog.resolved_label.text()
    assert not dialog.keep_button.isEnabled() and not dialog.reapply_button.isEnabled()


def test_the_supervisor_redoes_the_counters_move_when_the_state_allows_it(
    qtbot, connected, central, staff, supervisor, vietnamese, asked, errors
):
    dossier = make_conflict(connected, central, staff, Status.WAITING)
    dialog = conflicts_dialog(qtbot, session_of(connected, supervisor))
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1)
    with qtbot.waitSignal(dialog.sig_resolved):
        dialog.reapply_button.click()
    assert "Yêu cầu bổ sung giấy tờ" in asked[0]  # says from which state
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 0)
    assert errors == []
    assert connected.dossiers.get(dossier.code).status is Status.UNRESOLVED
    assert connected.sync.pending() == 1  # on its way to central


def test_a_redo_the_lifecycle_forbids_is_refused_with_a_clear_message(
    qtbot, connected, conflicted, supervisor, vietnamese, asked, errors
):
    dialog = conflicts_dialog(qtbot, session_of(connected, supervisor))
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1)
    dialog.reapply_button.click()
    qtbot.waitUntil(lambda: errors != [])
    assert errors == [
        "Không thể làm lại thao tác «dừng xử lý» của quầy: hồ sơ đang ở trạng thái "
        "«Đã xử lý xong». Hãy giữ bản của máy chủ trung tâm."
    ]
    qtbot.waitUntil(dialog.reapply_button.isEnabled)  # still open, nothing changed
    assert connected.sync.status().conflicts_open == 1
    assert connected.dossiers.get(conflicted.code).status is Status.RELEASING


def test_an_officer_sees_conflicts_but_cannot_resolve_them(
    qtbot, connected, conflicted, staff, asked
):
    dialog = conflicts_dialog(qtbot, session_of(connected, staff))
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1)
    for button in (dialog.keep_button, dialog.reapply_button):
        assert button.isHidden() and not button.isEnabled()
    dialog.keep_central()
    dialog.reapply()
    assert asked == [] and connected.sync.status().conflicts_open == 1


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


@pytest.mark.slow  # starts the sync worker, a process of its own
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
