"""Calling at the desk in the main window: F9 calls the next ticket (priority first), the
intake page's next saved dossier records the ticket and the waiting, F10 calls again, F11
marks the citizen absent, and an empty queue is said in the status bar."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from counter_app.services.queue import open_queue
from counter_app.ui.main_window import MainWindow
from counter_app.ui.navigation import PageKey
from tests.ui.conftest import make_session

# calls go through a worker thread and the queue store: on a loaded CI machine they take longer
WORKER_WAIT_MS = 20_000


def key(qtbot, window: MainWindow, which: Qt.Key) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(QApplication.focusWidget() or window, which)


@pytest.mark.slow
def test_call_next_record_on_the_dossier_recall_absent(
    qtbot, workspace, staff, dossiers, queue_clock
) -> None:
    workspace.settings.set("counter.desk", 2)
    with open_queue(workspace.settings, workspace.data_dir) as queue:
        queue.take("A", at=queue_clock() - timedelta(minutes=12))
        queue.take("B", priority="pregnant")
    window = MainWindow(make_session(workspace, staff, "en"))
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    window.show_page(PageKey.CATALOG)
    bar = window.queue_bar
    assert not bar.recall_button.isEnabled()

    key(qtbot, window, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: bar.current is not None, timeout=WORKER_WAIT_MS)
    assert bar.current.label == "Ư1"  # priority first
    assert window.current_page() is PageKey.INTAKE  # the citizen comes to the desk

    key(qtbot, window, Qt.Key.Key_F9)
    qtbot.waitUntil(
        lambda: bar.current is not None and bar.current.label == "1", timeout=WORKER_WAIT_MS
    )
    assert "Number 1 (area A)" in bar.ticket_label.text()
    assert "waited 12 min" in bar.ticket_label.text()

    saved = next(iter(dossiers.values()))  # as the intake page announces a saved dossier
    window.page(PageKey.INTAKE).sig_saved.emit(saved)
    code = saved.code
    qtbot.waitUntil(
        lambda: workspace.dossiers.queue_ticket(code) is not None, timeout=WORKER_WAIT_MS
    )
    stamp = workspace.dossiers.queue_ticket(code)
    assert stamp is not None and stamp.ticket == "1" and stamp.waited_minutes == 12

    key(qtbot, window, Qt.Key.Key_F10)
    qtbot.waitUntil(
        lambda: bar.current is not None and bar.current.calls == 2, timeout=WORKER_WAIT_MS
    )
    key(qtbot, window, Qt.Key.Key_F11)
    qtbot.waitUntil(lambda: bar.current is None, timeout=WORKER_WAIT_MS)
    assert "Ticket 1: absent" in window.statusBar().currentMessage()

    key(qtbot, window, Qt.Key.Key_F9)
    qtbot.waitUntil(
        lambda: "Queue empty" in window.statusBar().currentMessage(), timeout=WORKER_WAIT_MS
    )
    window.queue_bar.close_queue()


def test_a_second_press_while_calling_calls_no_one_over_the_first(qtbot, workspace, staff):
    workspace.settings.set("counter.desk", 2)
    with open_queue(workspace.settings, workspace.data_dir) as queue:
        queue.take("A")
        queue.take("A")
    window = MainWindow(make_session(workspace, staff, "en"))
    qtbot.addWidget(window)
    bar = window.queue_bar
    bar.call_next()
    bar.call_next()  # pressed again before the first answer came back
    qtbot.waitUntil(lambda: bar.current is not None, timeout=WORKER_WAIT_MS)
    bar.tasks.wait()
    qtbot.wait(100)
    with open_queue(workspace.settings, workspace.data_dir) as queue:
        assert [(c.waiting, c.serving) for c in queue.status() if c.area == "A"] == [(1, ["1"])]
    bar.close_queue()
