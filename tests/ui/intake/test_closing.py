"""Closing the window while scans live only in the intake page's memory (staged for the
dossier being entered): the officer is asked first, and staying is the default. Scans of a
saved dossier not attached yet wait in the spool on disk and come back at the next start."""

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
    intake = window.page(PageKey.INTAKE)
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


def test_scans_not_attached_to_a_saved_dossier_wait_on_disk_and_come_back(
    qtbot, page_en, workspace, staff, tmp_path, monkeypatch
):
    """Scans of a saved dossier whose attaching failed are in the spool on disk: leaving
    loses nothing, so it does not ask; the next start offers them again."""
    intake = page_en
    (procedure,) = workspace.catalog.search("chung thuc", limit=1)
    intake.choose(procedure)
    intake.fields["full_name"].setText("Vy Thị Duyên")
    stage(qtbot, intake, COPY, [page(tmp_path, "c.png", 1)])
    real = workspace.attachments.attach_staged

    def disk_full(code, staged, **kwargs):  # type: ignore[no-untyped-def]
        raise CounterError("db.disk_full")

    monkeypatch.setattr(workspace.attachments, "attach_staged", disk_full)
    with qtbot.waitSignal(intake.sig_saved) as saved:
        intake.save()
    code = saved.args[0].code
    qtbot.waitUntil(intake.pending_frame.isVisible)
    intake.tasks.wait()
    assert intake.scan_panel.staged_count() == 0 and intake.unattached_scans() == 0
    assert intake.pending_scans == {code: 1}

    def fail(*args):  # type: ignore[no-untyped-def]
        raise AssertionError("asked though the scans are kept on disk")

    monkeypatch.setattr(intake_page, "confirm_leave_with_scans", fail)
    monkeypatch.setattr(intake_page, "confirm_leave_unsaved", fail)
    intake.clear_form()
    assert intake.may_leave("Close the window")

    monkeypatch.setattr(workspace.attachments, "attach_staged", real)
    later = IntakePage(make_session(workspace, staff, "en"))  # the next start
    qtbot.addWidget(later)
    assert not later.pending_frame.isHidden() and code in later.pending_label.text()
    later.retry_scans_button.click()
    qtbot.waitUntil(lambda: later.pending_frame.isHidden())
    assert [a.original_name for a in workspace.attachments.list(code)] == ["c.png"]
    later.tasks.wait()


def test_nothing_to_lose_closes_without_asking(qtbot, workspace, staff, monkeypatch):
    window, intake = open_window(qtbot, workspace, staff, "en")

    def fail(*args):  # type: ignore[no-untyped-def]
        raise AssertionError("asked with nothing to lose")

    monkeypatch.setattr(intake_page, "confirm_leave_with_scans", fail)
    monkeypatch.setattr(intake_page, "confirm_leave_unsaved", fail)
    intake.clear_form()
    assert intake.unattached_scans() == 0
    assert window.close()
