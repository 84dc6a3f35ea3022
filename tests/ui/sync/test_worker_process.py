"""The window's sync worker in a process of its own (issue 13): it syncs and the window sees
its reports; killed, it is reported in the officer's language and started again; signing out
stops it after the round under way, with nothing of the outbox lost."""

from __future__ import annotations

import logging
import os
import signal
import time

import pytest
from sqlalchemy import text

from counter_app.domain.clock import now
from counter_app.services.intake import request_from_json
from counter_app.ui.main_window import MainWindow
from tests.conftest import intake_json
from tests.sync.helpers import as_an_older_version_left_it, central_rows
from tests.ui.conftest import receive
from tests.ui.sync.conftest import session_of
from tests.ui.sync.test_indicator import ROUND_MS, indicator_for, start_and_wait_round


@pytest.mark.slow  # starts the sync worker, a process of its own
def test_the_worker_is_another_process_whose_round_the_window_sees(
    qtbot, connected, staff, controllers, central, vietnamese
):
    dossier = receive(connected, staff, "Lò Văn Hải", "2.002", now())
    session = session_of(connected, staff)
    controller = controllers(session)
    indicator = indicator_for(qtbot, controller, session)
    report = start_and_wait_round(qtbot, controller)
    assert report.pid == controller.worker_pid and report.pid != os.getpid()
    assert report.result.pushed == 1 and report.result.pending == 0
    assert central_rows(central)[dossier.uuid]["code"] == dossier.code
    assert indicator.state_label.text() == "Trực tuyến"
    assert indicator.details_label.text().startswith("Chờ gửi: 0")


@pytest.mark.slow  # starts the sync worker, a process of its own
def test_a_killed_worker_is_reported_and_started_again(
    qtbot, connected, staff, controllers, central, vietnamese
):
    session = session_of(connected, staff)
    infos: list[str] = []
    session.messages.sig_info.connect(infos.append)
    controller = controllers(session, status_every_ms=300)
    indicator = indicator_for(qtbot, controller, session)
    first = start_and_wait_round(qtbot, controller)

    with qtbot.waitSignal(controller.sig_round, timeout=ROUND_MS) as died:
        os.kill(first.pid, signal.SIGKILL)
    report = died.args[0]
    said = "Tiến trình đồng bộ đã dừng bất ngờ (mã thoát -9)."
    assert report.result is None and report.error_key == "sync.worker_died"
    assert report.error.startswith(said) and "sẽ tự chạy lại" in report.error
    assert controller.last_error == report.error and infos == [report.error]
    assert not controller.running and not controller.syncing

    dossier = receive(connected, staff, "Hà Thị Lan", "2.002", now())  # intake goes on
    with qtbot.waitSignal(controller.sig_round, timeout=ROUND_MS) as again:
        pass  # the next status tick starts another worker, whose first round is full
    recovered = again.args[0]
    assert recovered.pid not in (first.pid, None) and recovered.result.pushed == 1
    assert central_rows(central)[dossier.uuid]["code"] == dossier.code
    assert controller.last_error is None
    qtbot.waitUntil(lambda: indicator.state_label.text() == "Trực tuyến")


@pytest.mark.slow  # waits out real back-offs (10 s)
def test_a_worker_that_keeps_failing_is_started_ever_more_slowly_and_said_once(
    qtbot, connected, staff, controllers, vietnamese
):
    """A store the worker cannot open (here: written by a newer version since the window
    opened it) fails every worker at its start: the officer is told once, and the workers are
    started again after waits that double, not at every status tick."""
    session = session_of(connected, staff)
    infos: list[str] = []
    session.messages.sig_info.connect(infos.append)
    controller = controllers(session, status_every_ms=1000)
    with connected.database.write() as db:
        db.execute(text("UPDATE alembic_version SET version_num = 'from-the-future'"))
    controller.start()
    downtimes = []  # from a worker's death to the start of the next
    for _ in range(3):
        with qtbot.waitSignal(controller.sig_round, timeout=40_000):
            pass
        died = time.monotonic()
        qtbot.waitUntil(lambda: controller.running, timeout=10_000)
        downtimes.append(time.monotonic() - died)
    assert downtimes[0] < 3.0 and downtimes[2] > 3.9  # waits of 1 s, 2 s, 4 s
    assert controller.last_error is not None and "phiên bản mới hơn" in controller.last_error
    assert infos == [controller.last_error]  # said once, not at every death


@pytest.mark.slow  # starts the sync worker, a process of its own
def test_the_workers_log_lines_reach_the_windows_log(qtbot, connected, staff, controllers, caplog):
    bad = receive(connected, staff, "Trần Thị Bình", "2.002", now())
    as_an_older_version_left_it(connected, bad.uuid, note="hẹn\x00 lại")  # a NUL in the note
    controller = controllers(session_of(connected, staff))
    with caplog.at_level(logging.INFO, logger="counter_app"):
        report = start_and_wait_round(qtbot, controller)
    assert [s.code for s in report.result.set_aside] == [bad.code]
    (line,) = [r for r in caplog.records if "set aside by the sync" in r.getMessage()]
    assert line.levelno == logging.WARNING and bad.code in line.getMessage()
    assert line.process == report.pid != os.getpid()  # written by the worker, logged here


@pytest.mark.slow
def test_signing_out_stops_the_worker_after_its_round_losing_nothing(
    qtbot, workspace, central, staff, vietnamese
):
    workspace.settings.set("sync.lease_target", 3000)  # codes for a busy day
    workspace.settings.set("sync.lease_days", 1)
    workspace.sync.configure(central)
    workspace.sync.run_once()
    received = []
    for _ in range(4):  # four of the worker's push batches, all waiting before it starts:
        batch = [  # saved while it runs, a quick push could end its round between two saves
            workspace.intake.prepare(request_from_json(intake_json("2.002")), user=staff, at=now())
            for _ in range(500)
        ]
        received += workspace.intake.save(batch)
    window = MainWindow(session_of(workspace, staff))
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.sync.running)
    worker = window.sync._worker
    assert worker is not None
    ours = {d.uuid for d in received}
    gone_up: list[int] = []

    def some_gone_up() -> bool:
        gone_up.append(len(ours & set(central_rows(central))))
        return gone_up[-1] > 0

    qtbot.waitUntil(some_gone_up, timeout=ROUND_MS)
    assert gone_up[-1] < len(ours)
    assert window.sign_out()  # in the middle of the worker's round
    assert len(ours & set(central_rows(central))) == len(ours)  # its round was finished
    assert worker.exitcode == 0 and not window.sync.running  # it stopped, not killed
    assert workspace.sync.pending() == 0
    assert workspace.sync.run_once().pushed == 0  # nothing left behind in the outbox
