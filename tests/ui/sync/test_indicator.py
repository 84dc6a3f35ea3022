"""The header's sync indicator and the background worker: standalone, online, offline,
entries waiting, codes left, "Sync now", a clean stop, and no sync on the GUI thread."""

from __future__ import annotations

import os
import threading
from dataclasses import replace
from datetime import date, datetime

import pytest

from counter_app.domain.clock import VN_TZ, now
from counter_app.services.sync import SyncStatus
from counter_app.ui.sync import SyncController, SyncIndicator
from counter_app.ui.sync.describe import CodesLevel, Link, conflict_reason, describe
from tests.sync.helpers import central_rows
from tests.ui.conftest import receive
from tests.ui.sync.conftest import session_of

ROUND_MS = 20_000

ONLINE = SyncStatus(
    configured=True,
    registered=True,
    online=True,
    counter_number=1,
    pending=0,
    last_sync=datetime(2026, 11, 25, 9, 41, tzinfo=VN_TZ),
    last_attempt=datetime(2026, 11, 25, 9, 41, tzinfo=VN_TZ),
    last_error=None,
    codes_left=120,
    codes_left_by_agency={"000.00.06.H37": 120},
)


def indicator_for(qtbot, controller: SyncController, session) -> SyncIndicator:  # type: ignore[no-untyped-def]
    indicator = SyncIndicator(session, controller)
    qtbot.addWidget(indicator)
    return indicator


def start_and_wait_round(qtbot, controller: SyncController):  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(controller.sig_round, timeout=ROUND_MS) as round_:
        assert controller.start()
    return round_.args[0]


def test_describe_words_each_state(vietnamese):
    today = date(2026, 11, 25)
    view = describe(ONLINE, today=today)
    assert (view.link, view.state) == (Link.ONLINE, "Trực tuyến")
    assert view.details == ("Chờ gửi: 0", "Đồng bộ lần cuối: 09:41")
    assert (view.codes, view.codes_level) == ("Còn 120 mã", CodesLevel.PLENTY)
    offline = describe(replace(ONLINE, online=False, last_error="sync.offline"), today=today)
    assert offline.state == "Ngoại tuyến"
    assert "Không kết nối được máy chủ trung tâm" in offline.tooltip
    low = describe(replace(ONLINE, codes_left=8, codes_low=True), today=today)
    assert (low.codes, low.codes_level) == ("Còn 8 mã", CodesLevel.LOW)
    assert describe(replace(ONLINE, registered=False), today=today).codes_level is CodesLevel.OUT
    alone = describe(replace(ONLINE, configured=False), today=today)
    assert alone.state == "Chạy độc lập — chưa kết nối máy chủ trung tâm" and not alone.can_sync
    assert conflict_reason("stop from releasing: lifecycle.illegal") == (
        "«Dừng xử lý» không thể thực hiện sau «Đã xử lý xong», trạng thái trên hệ thống trung tâm."
    )


def test_standalone_says_so_plainly_and_runs_nothing(
    qtbot, workspace, staff, controllers, vietnamese
):
    session = session_of(workspace, staff)
    controller = controllers(session)
    indicator = indicator_for(qtbot, controller, session)
    with qtbot.waitSignal(controller.sig_status):
        assert controller.start() is False
    assert not controller.running
    assert indicator.state_label.text() == "Chạy độc lập — chưa kết nối máy chủ trung tâm"
    assert indicator.sync_button.isHidden() and indicator.codes_label.isHidden()
    assert indicator.view is not None and indicator.view.link is Link.STANDALONE


@pytest.mark.slow  # starts the sync worker, a process of its own
def test_online_after_the_first_round(qtbot, connected, staff, controllers, vietnamese):
    session = session_of(connected, staff)
    controller = controllers(session)
    indicator = indicator_for(qtbot, controller, session)
    report = start_and_wait_round(qtbot, controller)
    assert report.error is None and report.result is not None
    assert report.status.online is True
    assert indicator.state_label.text() == "Trực tuyến"
    assert indicator.details_label.text().startswith("Chờ gửi: 0  ·  Đồng bộ lần cuối: ")
    assert indicator.codes_label.text() == "Còn 120 mã"
    assert indicator.codes_label.property("level") == "plenty"
    assert not indicator.sync_button.isHidden() and indicator.sync_button.isEnabled()


@pytest.mark.slow  # starts the sync worker, a process of its own
def test_offline_when_central_cannot_be_reached(
    qtbot, workspace, staff, controllers, tmp_path, vietnamese
):
    workspace.sync.configure(f"sqlite:///{tmp_path / 'no-such-folder' / 'central.sqlite3'}")
    session = session_of(workspace, staff)
    controller = controllers(session)
    indicator = indicator_for(qtbot, controller, session)
    report = start_and_wait_round(qtbot, controller)
    assert report.result is None and report.error_key == "sync.offline_unregistered"
    qtbot.waitUntil(lambda: indicator.state_label.text() == "Ngoại tuyến")
    assert "Không kết nối được máy chủ trung tâm" in indicator.toolTip()
    # never registered: the counter cannot give codes yet, and says so
    assert indicator.codes_label.text() == "Chưa đăng ký: chưa cấp được mã hồ sơ"
    assert indicator.codes_label.property("level") == "out"


@pytest.mark.slow  # starts the sync worker, a process of its own
def test_entries_waiting_then_sync_now_sends_them(
    qtbot, connected, staff, controllers, central, vietnamese
):
    session = session_of(connected, staff)
    controller = controllers(session)
    indicator = indicator_for(qtbot, controller, session)
    start_and_wait_round(qtbot, controller)
    dossiers = [
        receive(connected, staff, name, "2.002", now()) for name in ("Lò Văn Hải", "Hà Thị Lan")
    ]
    with qtbot.waitSignal(controller.sig_status):
        controller.refresh_status()
    assert "Chờ gửi: 2" in indicator.details_label.text()
    assert not set(central_rows(central)) & {d.uuid for d in dossiers}

    with (
        qtbot.waitSignal(controller.sig_syncing, check_params_cb=lambda busy: busy),
        qtbot.waitSignal(controller.sig_round, timeout=ROUND_MS) as round_,
    ):
        indicator.sync_button.click()
    report = round_.args[0]
    assert report.result.pushed == 2 and report.result.pending == 0
    rows = central_rows(central)
    assert {rows[d.uuid]["code"] for d in dossiers} == {d.code for d in dossiers}
    assert "Chờ gửi: 0" in indicator.details_label.text()
    assert not controller.syncing and indicator.sync_button.isEnabled()


@pytest.mark.slow  # starts the sync worker, a process of its own
def test_codes_left_turn_to_a_warning_before_they_run_out(
    qtbot, workspace, central, staff, controllers, vietnamese
):
    workspace.settings.set("sync.lease_target", 0)  # only the counter's fallback slice: 20
    workspace.sync.configure(central)
    session = session_of(workspace, staff)
    infos: list[str] = []
    session.messages.sig_info.connect(infos.append)
    controller = controllers(session)
    indicator = indicator_for(qtbot, controller, session)
    start_and_wait_round(qtbot, controller)
    assert indicator.codes_label.text() == "Còn 20 mã" and not infos
    for _ in range(12):
        receive(workspace, staff, "Vi Văn Thắng", "2.002", now())
    with qtbot.waitSignal(controller.sig_status):
        controller.refresh_status()
    assert indicator.codes_label.text() == "Còn 8 mã"
    assert indicator.codes_label.property("level") == "low"
    assert "#ffcc4d" in indicator.codes_label.styleSheet()
    assert "đồng bộ khi có mạng để nhận thêm mã" in indicator.toolTip()
    assert len(infos) == 1 and "còn 8" in infos[0]
    with qtbot.waitSignal(controller.sig_status):
        controller.refresh_status()
    assert len(infos) == 1  # said once, not at every read


@pytest.mark.slow  # starts the sync worker, a process of its own
def test_the_worker_stops_cleanly_and_is_waited_for(qtbot, connected, staff, controllers):
    session = session_of(connected, staff)
    controller = controllers(session)
    start_and_wait_round(qtbot, controller)
    worker = controller._worker
    assert worker is not None and worker.is_alive()
    controller.stop()
    assert worker.exitcode == 0 and not controller.running  # ended by itself, not killed
    controller.stop()  # twice is harmless
    assert not controller.running


@pytest.mark.slow  # starts the sync worker, a process of its own
def test_a_worker_backing_off_offline_stops_too(qtbot, workspace, staff, controllers, tmp_path):
    workspace.sync.configure(f"sqlite:///{tmp_path / 'absent' / 'central.sqlite3'}")
    controller = controllers(session_of(workspace, staff), poll=0.05)
    report = start_and_wait_round(qtbot, controller)
    assert report.error_key == "sync.offline_unregistered"
    worker = controller._worker
    controller.stop()
    assert worker is not None and worker.exitcode == 0


@pytest.mark.slow  # starts the sync worker, a process of its own
def test_rounds_and_status_reads_never_run_on_the_gui_thread(
    qtbot, connected, staff, controllers, monkeypatch
):
    """Rounds run in the worker's own process (issue 13), status reads on pool threads."""
    sync = connected.sync
    threads: list[threading.Thread] = []
    status = sync.status

    def spy_status():  # type: ignore[no-untyped-def]
        threads.append(threading.current_thread())
        return status()

    monkeypatch.setattr(sync, "status", spy_status)
    session = session_of(connected, staff)
    controller = controllers(session)
    indicator_for(qtbot, controller, session)
    rounds = [start_and_wait_round(qtbot, controller)]
    with qtbot.waitSignal(controller.sig_round, timeout=ROUND_MS) as again:
        controller.sync_now()
    rounds.append(again.args[0])
    with qtbot.waitSignal(controller.sig_status):
        controller.refresh_status()
    assert {r.pid for r in rounds} == {controller.worker_pid} != {os.getpid()}
    assert threads and all(t is not threading.main_thread() for t in threads)
