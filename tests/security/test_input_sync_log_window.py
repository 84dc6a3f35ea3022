"""The window's sync log names a dossier the push set aside, in the officer's language, on a
round that is otherwise done."""

from __future__ import annotations

from counter_app.domain.clock import now
from counter_app.ui.sync.log_dialog import SyncLogDialog
from tests.sync.helpers import as_an_older_version_left_it
from tests.ui import conftest as window
from tests.ui.conftest import receive
from tests.ui.sync import conftest as window_sync
from tests.ui.sync.conftest import session_of

# the window tests' fixtures: a workspace with the catalog, an officer, a registered counter
_application, catalog_store, workspace, staff, vietnamese = (
    window._application,
    window.catalog_store,
    window.workspace,
    window.staff,
    window.vietnamese,
)
central, connected = window_sync.central, window_sync.connected


def test_the_log_names_a_set_aside_dossier(qtbot, connected, staff, vietnamese):
    good = receive(connected, staff, "Nguyễn Văn An", "2.002", now())
    bad = receive(connected, staff, "Trần Thị Bình", "2.002", now())
    as_an_older_version_left_it(connected, bad.uuid, note="hẹn\x00 lại")  # a NUL in the note
    result = connected.sync.run_once()
    assert result.pushed == 1 and [s.code for s in result.set_aside] == [bad.code]

    dialog = SyncLogDialog(session_of(connected, staff))
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: len(dialog.entries) == 2)
    assert dialog.table.item(0, 1).text() == "Xong"
    shown = dialog.table.item(0, 5).text()
    assert f"Hồ sơ {bad.code} chưa gửi được lên máy chủ trung tâm (note:" in shown
    assert good.code not in shown
