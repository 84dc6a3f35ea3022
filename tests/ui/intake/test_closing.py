"""Closing the window while scans live only in the intake page's memory (staged for the
dossier being entered, or not attached to a saved one): the officer is asked first, and
staying is the default."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from counter_app.domain.errors import CounterError
from counter_app.ui.intake import page as intake_page
from counter_app.ui.intake.page import IntakePage
from counter_app.ui.main_window import MainWindow
from counter_app.ui.navigation import PageKey
from tests.ui.conftest import make_session
from tests.ui.digitising.test_scan_panel import COPY, page
from tests.ui.intake.test_scans import stage


def open_window(qtbot, workspace, staff, lang: str) -> tuple[MainWindow, IntakePage]:  # type: ignore[no-untyped-def]
    window = MainWindow(make_session(workspace, staff, lang))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    intake = window.pages[PageKey.INTAKE]
    assert isinstance(intake, IntakePage)
    (procedure,) = workspace.catalog.search("chung thuc", limit=1)
    intake.choose(procedure)  # not typed: the handheld scanner's filter holds fast keys back
    intake.fields["full_name"].setText("Vy Thị Duyên")
    return window, intake


def answer(qtbot, seen: list[QMessageBox], key: Qt.Key) -> None:  # type: ignore[no-untyped-def]
    """Press `key` in the question box once it is open (it runs its own event loop)."""

    def press() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, press)
            return
        seen.append(box)
        qtbot.keyClick(box, key)

    QTimer.singleShot(0, press)


def test_closing_with_staged_scans_asks_and_enter_stays(qtbot, workspace, staff, tmp_path,
                                                        vietnamese):  # fmt: skip
    window, intake = open_window(qtbot, workspace, staff, "vi")
    stage(qtbot, intake, COPY, [page(tmp_path, "c1.png", 1), page(tmp_path, "c2.png", 2)])
    seen: list[QMessageBox] = []
    answer(qtbot, seen, Qt.Key.Key_Return)
    assert not window.close()
    (box,) = seen
    assert box.defaultButton().text() == "Ở lại"
    assert "2 tệp quét" in box.text() and "chưa được đính kèm" in box.text()
    assert window.isVisible() and intake.scan_panel.staged_count() == 2
    answer(qtbot, seen, Qt.Key.Key_Escape)
    assert not window.close()
    assert len(seen) == 2 and window.isVisible() and intake.scan_panel.staged_count() == 2
    intake.clear_form()  # the window closes quietly once the test is done
    intake.scan_panel.tasks.wait()


def test_scans_not_attached_to_a_saved_dossier_count_too(qtbot, page_en, workspace, tmp_path,
                                                          monkeypatch):  # fmt: skip
    """The page's answer is what the window asks (above); here without a window, whose
    receipt printing would ask its own question on closing."""
    intake = page_en
    (procedure,) = workspace.catalog.search("chung thuc", limit=1)
    intake.choose(procedure)
    intake.fields["full_name"].setText("Vy Thị Duyên")
    stage(qtbot, intake, COPY, [page(tmp_path, "c.png", 1)])

    def disk_full(code, staged, **kwargs):  # type: ignore[no-untyped-def]
        raise CounterError("db.disk_full")

    monkeypatch.setattr(workspace.attachments, "attach_staged", disk_full)
    with qtbot.waitSignal(intake.sig_saved):
        intake.save()
    qtbot.waitUntil(intake.pending_frame.isVisible)
    assert intake.scan_panel.staged_count() == 0 and intake.unattached_scans() == 1
    answers = iter([False, True])
    asked: list[int] = []
    monkeypatch.setattr(
        intake_page,
        "confirm_leave_with_scans",
        lambda parent, n, leave: asked.append(n) or next(answers),
    )
    assert not intake.may_leave("Close the window")
    assert intake.may_leave("Close the window")
    assert asked == [1, 1] and len(intake.pending_scans) == 1  # asking never drops them
    intake.tasks.wait()


def test_nothing_to_lose_closes_without_asking(qtbot, workspace, staff, monkeypatch):
    window, intake = open_window(qtbot, workspace, staff, "en")

    def fail(*args):  # type: ignore[no-untyped-def]
        raise AssertionError("asked with nothing to lose")

    monkeypatch.setattr(intake_page, "confirm_leave_with_scans", fail)
    monkeypatch.setattr(intake_page, "confirm_leave_unsaved", fail)
    intake.clear_form()
    assert intake.unattached_scans() == 0
    assert window.close()
