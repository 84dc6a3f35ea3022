"""Scanning on the intake page: pages staged per paper while the form is filled in, attached to
the dossier once it is saved, kept when that fails, discarded only after asking."""

from __future__ import annotations

import hashlib
import threading

from PySide6.QtCore import Qt

from counter_app.domain.errors import CounterError
from counter_app.ui.digitising import panel as panel_module
from counter_app.ui.intake import page as intake_page
from tests.ui.digitising.test_scan_panel import COPY, ORIGINAL, page
from tests.ui.intake.conftest import choose, press, type_text

CTRL = Qt.KeyboardModifier.ControlModifier


def stage(qtbot, intake, component, files) -> None:  # type: ignore[no-untyped-def]
    panel = intake.scan_panel
    before = panel.sections[component].list.count()
    panel.add_files(component, files)
    qtbot.waitUntil(lambda: panel.thumbnail_count(component) == before + len(files))


def fill(qtbot, intake) -> None:  # type: ignore[no-untyped-def]
    choose(qtbot, intake, "chung thuc")
    type_text("Vy Thị Duyên")


def test_staged_pages_are_attached_in_order_once_saved(qtbot, page_en, workspace, tmp_path,
                                                       monkeypatch):  # fmt: skip
    threads: list[threading.Thread] = []
    drawn = panel_module.make_thumbnail

    def recording(*args, **kwargs):  # type: ignore[no-untyped-def]
        threads.append(threading.current_thread())
        return drawn(*args, **kwargs)

    monkeypatch.setattr(panel_module, "make_thumbnail", recording)
    intake = page_en
    fill(qtbot, intake)
    assert list(intake.scan_panel.sections) == [ORIGINAL, COPY]
    copies = [page(tmp_path, "c1.png", 1), page(tmp_path, "c2.tif", 2, frames=2)]
    original = page(tmp_path, "o.png", 3)
    stage(qtbot, intake, COPY, copies)
    stage(qtbot, intake, ORIGINAL, [original])
    assert len(threads) == 3 and all(t is not threading.main_thread() for t in threads)
    assert not (workspace.data_dir / "attachments").exists()  # nothing stored before the save
    assert "attached when saved" in intake.scan_panel.summary_label.text()

    with qtbot.waitSignal(intake.sig_saved) as saved:
        press(qtbot, Qt.Key.Key_S, CTRL)
    code = saved.args[0].code
    qtbot.waitUntil(lambda: not intake.pending_scans and bool(workspace.attachments.list(code)))
    stored = workspace.attachments.list(code)
    expected = [original, *copies]
    assert [(a.component, a.position) for a in stored] == [(ORIGINAL, 1), (COPY, 1), (COPY, 2)]
    assert [a.sha256 for a in stored] == [
        hashlib.sha256(path.read_bytes()).hexdigest() for path in expected
    ]
    assert [a.pages for a in stored] == [1, 1, 2]
    assert intake.scan_panel.staged_count() == 0  # the next citizen starts without scans
    assert not intake.pending_frame.isVisible()
    intake.tasks.wait()


def test_scans_not_attached_are_kept_and_attached_again(qtbot, page_en, workspace, tmp_path,
                                                        monkeypatch):  # fmt: skip
    intake = page_en
    fill(qtbot, intake)
    stage(qtbot, intake, ORIGINAL, [page(tmp_path, "o.png", 3)])
    real = workspace.attachments.attach_staged
    calls: list[str] = []

    def disk_full_once(code, staged, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(code)
        if len(calls) == 1:
            raise CounterError("db.disk_full")
        return real(code, staged, **kwargs)

    monkeypatch.setattr(workspace.attachments, "attach_staged", disk_full_once)
    with qtbot.waitSignal(intake.sig_saved) as saved:
        press(qtbot, Qt.Key.Key_S, CTRL)
    code = saved.args[0].code
    qtbot.waitUntil(intake.pending_frame.isVisible)
    assert code in intake.pending_label.text() and "kept" in intake.pending_label.text()
    assert workspace.attachments.list(code) == []
    intake.retry_scans_button.click()
    qtbot.waitUntil(lambda: not intake.pending_frame.isVisible())
    assert [a.original_name for a in workspace.attachments.list(code)] == ["o.png"]
    assert calls == [code, code]
    intake.tasks.wait()


def test_clearing_asks_before_the_scans_are_discarded(qtbot, page_en, tmp_path, monkeypatch):
    intake = page_en
    fill(qtbot, intake)
    stage(qtbot, intake, COPY, [page(tmp_path, "c.png", 1)])
    answers: list[int] = []
    confirmed = False

    def ask(parent, count):  # type: ignore[no-untyped-def]
        answers.append(count)
        return confirmed

    monkeypatch.setattr(intake_page, "confirm_discard_scans", ask)
    intake.request_clear()
    assert answers == [1] and intake.scan_panel.staged_count() == 1
    confirmed = True
    intake.request_clear()
    assert answers == [1, 1] and intake.scan_panel.staged_count() == 0
    assert intake.procedure() is None
    intake.scan_panel.tasks.wait()


def test_scans_of_a_paper_not_ticked_stop_the_save(qtbot, page_en, workspace, tmp_path):
    intake = page_en
    fill(qtbot, intake)
    stage(qtbot, intake, COPY, [page(tmp_path, "c.png", 1)])
    copy_row = next(row for row in intake.papers.rows if row.name() == COPY)
    copy_row.check.setChecked(False)
    intake.save()
    assert "has scans but is not ticked" in intake.messages["documents"].text()
    assert intake.scan_panel.staged_count() == 1
    copy_row.check.setChecked(True)
    with qtbot.waitSignal(intake.sig_saved) as saved:
        intake.save()
    qtbot.waitUntil(lambda: bool(workspace.attachments.list(saved.args[0].code)))
    intake.tasks.wait()
