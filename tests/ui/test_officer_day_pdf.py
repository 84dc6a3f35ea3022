"""Preview and save as PDF on a computer with no printer (issue 13), from the intake page and
the dossier detail: the file is the paper `counter-app print receipt CODE -o FILE` writes."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt

from counter_app.main import main as cli
from counter_app.services.printing import PaperKind
from counter_app.ui.dossiers.detail import DossierDetailDialog
from counter_app.ui.intake.page import IntakePage
from counter_app.ui.printing import actions
from counter_app.ui.printing.actions import PaperPrinter
from counter_app.ui.printing.preview import PreviewDialog
from counter_app.ui.printing.queue import PrintQueue
from counter_app.ui.session import Session
from tests.ui.conftest import NOW, receive
from tests.ui.printing.conftest import FakePrinters

TIME = re.compile(r"\d{1,2}:\d{2}")  # the time of printing: the CLI's paper is made later


@pytest.fixture
def no_printer() -> FakePrinters:
    return FakePrinters(names=())


@pytest.fixture
def session(workspace, staff, no_printer) -> Session:  # type: ignore[no-untyped-def]
    return Session(workspace, staff, "vi", clock=lambda: NOW, printing=PrintQueue(no_printer))


@pytest.fixture
def chosen_file(tmp_path: Path, monkeypatch) -> list[Path]:
    """The file the officer names in the save dialog, and what the dialog suggested."""
    asked: list[Path] = []

    def choose(parent, suggested: Path) -> Path:  # type: ignore[no-untyped-def]
        asked.append(suggested)
        return tmp_path / "giay-tiep-nhan.pdf"

    monkeypatch.setattr(actions, "choose_pdf_file", choose)
    return asked


def described(pdf: bytes) -> list[tuple[tuple[float, float], str]]:
    """Each page's size and text, times of day masked."""
    return [
        (
            (float(page.mediabox.width), float(page.mediabox.height)),
            TIME.sub("HH:MM", page.extract_text()),
        )
        for page in PdfReader(io.BytesIO(pdf)).pages
    ]


def cli_receipt(workspace, code: str, out: Path, capsys) -> bytes:  # type: ignore[no-untyped-def]
    capsys.readouterr()
    assert (
        cli(["--data-dir", str(workspace.data_dir), "print", "receipt", code, "-o", str(out)]) == 0
    )
    assert json.loads(capsys.readouterr().out)["output"] == str(out)
    return out.read_bytes()


def preview_and_save(qtbot, session: Session, printer: PaperPrinter, open_preview) -> list[str]:  # type: ignore[no-untyped-def]
    """Open the preview, save it with Ctrl+S; the status lines it gave."""
    infos: list[str] = []
    session.messages.sig_info.connect(infos.append)
    with qtbot.waitSignal(printer.sig_preview_opened, timeout=10_000) as opened:
        open_preview()
    preview = opened.args[0]
    assert isinstance(preview, PreviewDialog)
    qtbot.waitExposed(preview)
    assert preview.no_printer_label.isVisible()
    assert preview.save_pdf_button.isDefault()  # no printer: Enter saves the PDF
    qtbot.keyClick(preview, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert preview.isVisible()  # the officer may still print it
    preview.reject()
    return infos


def check_saved(workspace, code: str, chosen_file, tmp_path, capsys, infos) -> None:  # type: ignore[no-untyped-def]
    saved = tmp_path / "giay-tiep-nhan.pdf"
    assert [path.name for path in chosen_file] == [f"receipt-{code}.pdf"]
    assert infos == [f"Đã lưu PDF: {saved}"]
    expected = cli_receipt(workspace, code, tmp_path / "cli.pdf", capsys)
    assert described(saved.read_bytes()) == described(expected)


def test_save_as_pdf_from_the_dossier_detail_without_a_printer(
    qtbot, workspace, staff, session, no_printer, chosen_file, tmp_path, capsys, vietnamese
) -> None:
    dossier = receive(workspace, staff, "Trần Thị Mai", "2.002", NOW.replace(hour=8))
    assert dossier.code is not None
    dialog = DossierDetailDialog(dossier, "vi", session=session)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    menu = dialog.print_button
    assert menu is not None
    infos = preview_and_save(
        qtbot, session, menu.printer, menu.preview_actions[PaperKind.RECEIPT].trigger
    )
    check_saved(workspace, dossier.code, chosen_file, tmp_path, capsys, infos)
    assert no_printer.printed == []


def test_preview_and_save_as_pdf_from_the_intake_page_without_a_printer(
    qtbot, workspace, staff, session, no_printer, chosen_file, tmp_path, capsys, vietnamese
) -> None:
    page = IntakePage(session)
    qtbot.addWidget(page)
    page.resize(1280, 720)
    page.show()
    qtbot.waitExposed(page)
    button = page.reprint_button.preview_button
    assert not button.isEnabled()  # nothing saved yet
    dossier = receive(workspace, staff, "Trần Thị Mai", "2.002", NOW.replace(hour=8))
    assert dossier.code is not None
    page.reprint_button.set_code(dossier.code)  # as after saving at this page
    assert button.isEnabled() and button.isVisible()

    def ctrl_shift_p() -> None:
        page.activateWindow()
        qtbot.waitUntil(page.isActiveWindow)
        page.search_edit.setFocus()
        qtbot.keyClick(
            page.search_edit,
            Qt.Key.Key_P,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )

    infos = preview_and_save(qtbot, session, page.reprint_button.printer, ctrl_shift_p)
    check_saved(workspace, dossier.code, chosen_file, tmp_path, capsys, infos)
    assert no_printer.printed == []
