"""The digitising tab: scans attached per paper, shown as thumbnails, removed (audited),
previewed, and bound into the digitised dossier PDF."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from counter_app.ui.digitising import PreviewDialog, ScanPanel, tab_title
from counter_app.ui.dossiers.detail import DossierDetailDialog
from tests.ui.conftest import make_session

ORIGINAL = "Bản chính giấy tờ cần chứng thực"
COPY = "Bản sao cần chứng thực"


def page(folder: Path, name: str, seed: int = 0, frames: int = 1) -> Path:
    from PIL import Image, ImageDraw

    images = []
    for frame in range(frames):
        image = Image.new("L", (300, 420), 255)
        draw = ImageDraw.Draw(image)
        for line in range(6):
            y = 30 + line * 50 + (seed * 7 + frame * 3) % 30
            draw.rectangle((30, y, 260 - (seed * 13) % 100, y + 10), fill=0)
        images.append(image)
    out = io.BytesIO()
    if name.endswith(".tif"):
        images[0].save(out, "TIFF", save_all=True, append_images=images[1:], dpi=(150, 150))
    else:
        images[0].save(out, "PNG", dpi=(150, 150))
    path = folder / name
    path.write_bytes(out.getvalue())
    return path


@pytest.fixture
def code(dossiers) -> str:  # type: ignore[no-untyped-def]
    return dossiers["due_today"].code


@pytest.fixture
def session(workspace, staff):  # type: ignore[no-untyped-def]
    return make_session(workspace, staff, "en")


@pytest.fixture
def panel(qtbot, session, code):  # type: ignore[no-untyped-def]
    widget = ScanPanel(session, code, confirm=lambda question: True)
    qtbot.addWidget(widget)
    yield widget
    widget.tasks.wait()


def audit_actions(workspace) -> list[str]:  # type: ignore[no-untyped-def]
    from sqlalchemy import select

    from counter_app.store.models import AuditRow

    with workspace.database.read() as db:
        return list(db.scalars(select(AuditRow.action).order_by(AuditRow.id)))


def attach(qtbot, panel, component, paths):  # type: ignore[no-untyped-def]
    before = panel.sections[component].list.count()
    panel.add_files(component, paths)
    qtbot.waitUntil(lambda: panel.thumbnail_count(component) == before + len(paths))


def test_sections_follow_the_papers_of_the_dossier(panel):
    assert list(panel.sections) == [ORIGINAL, COPY]
    assert all(s.list.count() == 0 for s in panel.sections.values())
    assert not panel.pdf_button.isEnabled()


def test_added_files_show_as_thumbnails_and_are_stored(qtbot, panel, session, code, tmp_path):
    files = [page(tmp_path, "a.png", 1), page(tmp_path, "b.tif", 2, frames=2)]
    with qtbot.waitSignal(session.messages.sig_info):
        attach(qtbot, panel, COPY, files)
    stored = session.workspace.attachments.list(code)
    assert [a.sha256 for a in stored] == [hashlib.sha256(f.read_bytes()).hexdigest() for f in files]
    assert {a.component for a in stored} == {COPY}
    assert [a.pages for a in stored] == [1, 2]
    assert panel.sections[ORIGINAL].list.count() == 0
    assert panel.thumbnail_count(COPY) == 2
    assert "2 page" in panel.sections[COPY].list.item(1).text()
    assert not panel.message_label.isVisible() and not panel.message_label.text()
    assert audit_actions(session.workspace)[-2:] == ["attachment.add", "attachment.add"]


def test_a_bad_file_shows_a_message_and_stores_nothing(qtbot, panel, session, code, tmp_path):
    good = page(tmp_path, "good.png", 1)
    bad = tmp_path / "bad.png"
    bad.write_bytes(b"this is not a picture")
    panel.add_files(ORIGINAL, [good, bad])
    qtbot.waitUntil(lambda: bool(panel.message_label.text()))
    assert "bad.png" in panel.message_label.text()
    assert session.workspace.attachments.list(code) == []
    assert panel.sections[ORIGINAL].list.count() == 0


def test_dropped_files_go_to_the_section_they_fall_on(qtbot, panel, session, code, tmp_path):
    section = panel.sections[ORIGINAL]
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(page(tmp_path, "drop.png", 3)))])
    event = QDropEvent(
        QPointF(5, 5),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    section.dropEvent(event)
    qtbot.waitUntil(lambda: panel.thumbnail_count(ORIGINAL) == 1)
    assert [a.component for a in session.workspace.attachments.list(code)] == [ORIGINAL]


def test_remove_asks_then_takes_the_scan_off_and_is_audited(qtbot, panel, session, code, tmp_path):
    attach(qtbot, panel, ORIGINAL, [page(tmp_path, "x.png", 4)])
    (stored,) = session.workspace.attachments.list(code)
    questions: list[str] = []
    panel.confirm = lambda question: questions.append(question) or False
    assert not panel.remove(stored.sha256)
    assert len(session.workspace.attachments.list(code)) == 1
    panel.confirm = lambda question: True
    assert panel.remove(stored.sha256)
    assert "x.png" in questions[0]
    assert session.workspace.attachments.list(code) == []
    assert panel.sections[ORIGINAL].list.count() == 0
    assert audit_actions(session.workspace)[-1] == "attachment.remove"
    session.workspace.audit.verify()


def test_preview_opens_the_selected_scan(qtbot, panel, tmp_path):
    attach(qtbot, panel, COPY, [page(tmp_path, "p.png", 5)])
    section = panel.sections[COPY]
    section.list.setCurrentRow(0)
    assert section.preview_button.isEnabled()
    section.preview_button.click()
    qtbot.waitUntil(lambda: panel.preview_dialog is not None)
    dialog = panel.preview_dialog
    assert isinstance(dialog, PreviewDialog)
    assert dialog.isVisible()
    assert (dialog.pixmap.width(), dialog.pixmap.height()) == (300, 420)
    dialog.reject()
    assert panel.preview_dialog is None


def test_digitised_pdf_is_saved_with_every_page(qtbot, panel, session, tmp_path):
    attach(qtbot, panel, ORIGINAL, [page(tmp_path, "o.png", 6)])
    attach(qtbot, panel, COPY, [page(tmp_path, "c.tif", 7, frames=2)])
    target = tmp_path / "out" / "digitised.pdf"
    target.parent.mkdir()
    with qtbot.waitSignal(session.messages.sig_info) as info:
        panel.save_digitised(target)
    from pypdf import PdfReader

    pages = len(PdfReader(str(target)).pages)
    assert pages == 1 + 3  # the cover, then every scanned page
    assert str(target) in info.args[0]


def test_the_digitised_pdf_never_lands_among_the_originals(qtbot, panel, session, tmp_path):
    attach(qtbot, panel, ORIGINAL, [page(tmp_path, "o.png", 6)])
    originals = session.workspace.data_dir / "attachments"
    before = sorted(originals.rglob("*"))
    panel.save_digitised(originals / "digitised.pdf")
    qtbot.waitUntil(lambda: not panel.tasks.busy)
    assert sorted(originals.rglob("*")) == before
    assert str(originals / "digitised.pdf") in panel.message_label.text()


def test_detail_dialog_has_the_tab(qtbot, session, dossiers, vietnamese):
    dossier = dossiers["due_today"]
    dialog = DossierDetailDialog(dossier, "vi", session=session)
    qtbot.addWidget(dialog)
    titles = [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
    assert "Hồ sơ điện tử" in titles
    assert tab_title() == "Hồ sơ điện tử"
    assert dialog.scan_panel is None  # built when first looked at
    panel = dialog.show_scans()
    assert isinstance(panel, ScanPanel) and panel is dialog.scan_panel
    assert panel.code == dossier.code
    assert dialog.show_scans() is panel  # once
    panel.tasks.wait()


def test_turn_and_reorder_from_the_panel(qtbot, panel, session, code, tmp_path):
    files = [page(tmp_path, "a.png", 1), page(tmp_path, "b.png", 2)]
    attach(qtbot, panel, COPY, files)
    section = panel.sections[COPY]
    section.list.setCurrentRow(1)  # b
    assert section.turn_button.isEnabled()
    section.earlier_button.click()
    section.list.setCurrentRow(0)  # b, now first
    section.turn_button.click()
    stored = session.workspace.attachments.list(code)
    assert [a.original_name for a in stored] == ["b.png", "a.png"]
    assert [a.rotation for a in stored] == [90, 0]
    assert "90" in section.list.item(0).text()
    assert audit_actions(session.workspace)[-2:] == ["attachment.move", "attachment.rotate"]


def file_drag(kind, paths):  # type: ignore[no-untyped-def]
    """A drag of local files from the file manager, as Qt delivers it."""
    from PySide6.QtGui import QDragEnterEvent

    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    point = QPointF(40, 40)
    buttons, modifiers = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    if kind == "enter":
        event = QDragEnterEvent(point.toPoint(), Qt.DropAction.CopyAction, mime, buttons, modifiers)
    else:
        event = QDropEvent(point, Qt.DropAction.CopyAction, mime, buttons, modifiers)
    return event, mime  # the mime data must outlive the event


def test_files_dropped_on_the_detail_build_the_scan_tab_and_are_attached(
    qtbot, session, dossiers, tmp_path
):
    dossier = dossiers["due_today"]
    dialog = DossierDetailDialog(dossier, "en", session=session)
    qtbot.addWidget(dialog)
    assert dialog.acceptDrops() and dialog.scan_panel is None
    dropped = page(tmp_path, "dropped.png", 8)
    enter, _ = file_drag("enter", [dropped])
    dialog.dragEnterEvent(enter)
    assert enter.isAccepted()
    panel = dialog.scan_panel
    assert isinstance(panel, ScanPanel)  # built by the drag, and in front
    assert dialog.tabs.currentWidget().isAncestorOf(panel)
    panel.target_combo.setCurrentText(COPY)
    drop, _ = file_drag("drop", [dropped])
    dialog.dropEvent(drop)
    assert drop.isAccepted()
    qtbot.waitUntil(lambda: panel.thumbnail_count(COPY) == 1)
    (stored,) = session.workspace.attachments.list(dossier.code)
    assert (stored.component, stored.original_name) == (COPY, "dropped.png")
    assert dialog.scan_panel is panel  # one panel, not one per drop
    panel.tasks.wait()


def test_a_drop_on_a_detail_never_looked_at_still_reaches_the_panel(
    qtbot, session, dossiers, tmp_path
):
    dossier = dossiers["due_today"]
    dialog = DossierDetailDialog(dossier, "en", session=session)
    qtbot.addWidget(dialog)
    drop, _ = file_drag("drop", [page(tmp_path, "straight.png", 9)])
    dialog.dropEvent(drop)  # no drag over the dialog first (another window dropped it)
    panel = dialog.scan_panel
    assert isinstance(panel, ScanPanel)
    qtbot.waitUntil(lambda: panel.thumbnail_count(ORIGINAL) == 1)  # the first paper
    text_drag = QMimeData()
    text_drag.setText("not a file")
    ignored = QDropEvent(
        QPointF(5, 5),
        Qt.DropAction.CopyAction,
        text_drag,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    dialog.dropEvent(ignored)
    assert not ignored.isAccepted()
    assert len(session.workspace.attachments.list(dossier.code)) == 1
    panel.tasks.wait()


def test_a_detail_without_a_session_takes_no_drops(qtbot, dossiers):
    dialog = DossierDetailDialog(dossiers["due_today"], "en")
    qtbot.addWidget(dialog)
    assert not dialog.acceptDrops() and dialog.show_scans() is None
