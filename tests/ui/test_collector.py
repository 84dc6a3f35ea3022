"""Widgets die on the GUI thread: a worker that allocates past the collector's threshold does
not collect a window left in a reference cycle; the GUI thread's timer does (CI once crashed
after "Timers cannot be stopped from another thread" when a sign-out's window was collected
in the notices worker)."""

from __future__ import annotations

import gc
import threading
import weakref

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget

from counter_app.ui.collector import install_gui_thread_collector
from counter_app.ui.intake.page import IntakePage
from tests.ui.conftest import make_session


class CycleWithTimer(QWidget):
    """A widget with a running timer, kept alive only by a cycle through itself."""

    def __init__(self, died_in: list[str]) -> None:
        super().__init__()
        self.me = self
        self.died_in = died_in
        self.timer = QTimer(self)
        self.timer.start(10_000)

    def __del__(self) -> None:
        self.died_in.append(threading.current_thread().name)


def allocate_past_the_threshold(kept: list[object]) -> None:
    """Containers the collector counts, kept: freeing them would take the count back down."""
    for _ in range(gc.get_threshold()[0] * 20):
        kept.append([])


def test_a_worker_allocating_does_not_collect_a_widget_in_a_cycle(qtbot, qapp) -> None:  # type: ignore[no-untyped-def]
    assert not gc.isenabled()  # as run_app and run_screen leave it
    died_in: list[str] = []
    CycleWithTimer(died_in)
    kept: list[object] = []
    worker = threading.Thread(target=allocate_past_the_threshold, args=(kept,), name="worker")
    worker.start()
    worker.join()
    assert died_in == []
    qtbot.waitUntil(lambda: died_in != [], timeout=5000)
    assert died_in == [threading.main_thread().name]


def test_the_collector_is_installed_once_per_application(qapp) -> None:  # type: ignore[no-untyped-def]
    collector = install_gui_thread_collector(qapp)
    assert install_gui_thread_collector(qapp) is collector


def test_a_window_collected_with_the_focus_in_the_intake_search_tears_down_quietly(
    qtbot, workspace, staff
) -> None:  # type: ignore[no-untyped-def]
    """The collector clears the page's attributes, then Qt tears the window down and tells the
    page's filter that the focus left its search field: the filter lets it pass (pytest-qt
    fails the test on an exception in any Qt virtual)."""
    window = QWidget()
    page = IntakePage(make_session(workspace, staff, "en"))
    page.setParent(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    page.search_edit.setFocus()
    qtbot.waitUntil(page.search_edit.hasFocus)
    window.page = page  # type: ignore[attr-defined]
    page.window_of = window  # type: ignore[attr-defined]
    gone = weakref.ref(page)
    del window, page
    gc.collect()
    assert gone() is None
