"""Background tasks answer on the GUI thread, newest first, errors included."""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import QThread

from counter_app.ui.workers import Tasks


def test_result_arrives_on_the_gui_thread(qtbot):
    tasks = Tasks()
    seen: list[tuple[object, bool]] = []
    gui = QThread.currentThread()

    def work() -> int:
        assert threading.current_thread() is not threading.main_thread()
        return 42

    with qtbot.waitSignal(tasks.sig_busy, check_params_cb=lambda busy: not busy):
        tasks.run(
            "count", work, lambda r: seen.append((r, QThread.currentThread() is gui)), seen.append
        )
    assert seen == [(42, True)]
    assert not tasks.busy


def test_error_is_handed_to_the_owner(qtbot):
    tasks = Tasks()
    errors: list[Exception] = []

    def work() -> None:
        raise ValueError("boom")

    with qtbot.waitSignal(tasks.sig_busy, check_params_cb=lambda busy: not busy):
        tasks.run("count", work, lambda _: None, errors.append)
    assert [str(e) for e in errors] == ["boom"]


def test_a_newer_task_supersedes_an_older_one_of_the_same_purpose(qtbot):
    tasks = Tasks()
    answers: list[str] = []
    release = threading.Event()

    def slow() -> str:
        release.wait(5)
        return "old"

    tasks.run("search", slow, answers.append, lambda e: answers.append(repr(e)))
    tasks.run("search", lambda: "new", answers.append, lambda e: answers.append(repr(e)))
    qtbot.waitUntil(lambda: answers == ["new"])
    release.set()
    assert tasks.wait()
    deadline = time.monotonic() + 0.3
    while time.monotonic() < deadline:
        qtbot.wait(20)
    assert answers == ["new"]


def test_tasks_of_different_purposes_both_answer(qtbot):
    tasks = Tasks()
    answers: set[str] = set()
    tasks.run("count", lambda: "count", answers.add, lambda e: None)
    tasks.run("page", lambda: "page", answers.add, lambda e: None)
    qtbot.waitUntil(lambda: answers == {"count", "page"})
