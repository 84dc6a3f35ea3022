"""Scans held back by the sync in the window: counted with what waits in the indicator, named
(file, dossier, why) in its tooltip and in the sync log, while the round itself is done."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from counter_app.domain.clock import VN_TZ, now
from counter_app.services.sync import AttachmentProblem
from counter_app.ui.sync.describe import describe
from counter_app.ui.sync.log_dialog import SyncLogDialog
from tests.digitising.conftest import write_page
from tests.ui.conftest import receive
from tests.ui.sync.conftest import session_of
from tests.ui.sync.test_indicator import ONLINE

PROBLEM = AttachmentProblem(
    "ab" * 32,
    "000.00.06.H37-251125-0001",
    "to-khai.png",
    "attachment.corrupt",
    {"path": "/du-lieu/ab.png", "detail": "SHA-256 cd"},
    1,
    datetime(2026, 11, 25, 9, 42, tzinfo=VN_TZ),
)


def test_the_indicator_counts_waiting_scans_and_names_the_held_ones(vietnamese):
    view = describe(
        replace(ONLINE, pending=1, attachments_waiting=2, attachment_problems=(PROBLEM,)),
        today=date(2026, 11, 25),
    )
    assert view.details == (
        "Chờ gửi: 3",
        "Bản quét chưa gửi được: 1",
        "Đồng bộ lần cuối: 09:41",
    )
    assert "Thay đổi hồ sơ đang chờ: 1; hồ sơ có bản quét chờ gửi: 2" in view.tooltip
    assert PROBLEM.message("vi") in view.tooltip
    assert "«to-khai.png» của hồ sơ 000.00.06.H37-251125-0001" in PROBLEM.message("vi")


def test_the_log_names_a_damaged_scan_and_the_round_is_done(
    qtbot, connected, staff, tmp_path, vietnamese
):
    dossier = receive(connected, staff, "Nguyễn Văn An", "2.002", now())
    folder = tmp_path / "scans"
    folder.mkdir()
    (item,) = connected.attachments.attach(
        dossier.code,
        [write_page(folder, "to-khai.png", seed=3)],
        component=dossier.documents[0].name,
        user=staff,
    )
    stored = connected.attachments.blobs.path(item.sha256)
    stored.chmod(0o644)
    stored.write_bytes(stored.read_bytes()[:-4] + b"hong")
    connected.sync.run_once()

    dialog = SyncLogDialog(session_of(connected, staff))
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: len(dialog.entries) == 2)
    held = dialog.fields["held"].text()
    assert f"Chưa gửi được bản quét «to-khai.png» của hồ sơ {dossier.code}" in held
    assert dialog.fields["pending"].text() == "0 thay đổi hồ sơ, 1 hồ sơ có bản quét"
    assert dialog.table.item(0, 1).text() == "Xong"
    assert dialog.table.item(0, 5).text() == held
    assert dialog.table.item(1, 5).text() == ""  # the first round had nothing to say
    dialog.resize(1100, 560)
    dialog.show()
    qtbot.waitExposed(dialog)
