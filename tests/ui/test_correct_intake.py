"""Correcting an intake from the dossier detail: the form filled with what was entered, the
correction stored as a move and shown in the history, the corrected receipt printed and
marked as replacing the earlier one; after transfer, a supervisor's with a reason."""

from __future__ import annotations

import io

from pypdf import PdfReader
from PySide6.QtCore import Qt

from counter_app.domain.dossier import Status
from counter_app.domain.identity_papers import IdType
from counter_app.services.printing import PaperKind
from counter_app.ui.dossiers.correct_intake import CorrectIntakeDialog
from counter_app.ui.dossiers.detail import DossierDetailDialog
from counter_app.ui.session import Session
from tests.ui.conftest import NOW
from tests.ui.printing.conftest import printers, prints_of, queue
from tests.ui.returns.dossiers import dossier_in

__all__ = ["printers", "queue"]  # the fake printers of the printing tests


def session_of(workspace, user, queue) -> Session:  # type: ignore[no-untyped-def]
    workspace.papers.clock = lambda: NOW
    return Session(workspace, user, "en", clock=lambda: NOW, printing=queue)


def open_detail(qtbot, session: Session, status: Status) -> DossierDetailDialog:  # type: ignore[no-untyped-def]
    dossier = dossier_in(session.workspace, session.user, status)
    dialog = DossierDetailDialog(dossier, session.lang, session=session)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def open_correction(qtbot, detail: DossierDetailDialog) -> CorrectIntakeDialog:  # type: ignore[no-untyped-def]
    assert detail.correct_button is not None and detail.correct_button.isVisible()
    qtbot.mouseClick(detail.correct_button, Qt.MouseButton.LeftButton)
    dialog = detail.correct_dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_the_officer_corrects_the_phone_and_the_corrected_receipt_prints(
    qtbot, workspace, staff, queue
) -> None:
    session = session_of(workspace, staff, queue)
    detail = open_detail(qtbot, session, Status.NEW)
    code = detail.dossier.code
    dialog = open_correction(qtbot, detail)
    assert dialog.edits["full_name"].text() == "Trần Thị Mai"
    assert dialog.edits["phone"].text() == "0912345678"
    assert dialog.papers.rowCount() == len(detail.dossier.documents)

    dialog.edits["phone"].setText("0987 654 321")
    with (
        qtbot.waitSignal(detail.sig_dossier_changed),
        qtbot.waitSignal(queue.sig_job_finished, timeout=20_000) as printed,
    ):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    stored = workspace.dossiers.get(code)
    assert stored.applicant.phone == "0987654321" and stored.history[-1].action == "amend"
    assert detail.dossier.applicant.phone == "0987654321"
    history = detail.history_table
    assert history.item(history.rowCount() - 1, 1).text() == "Intake corrected"
    job = queue.job(printed.args[0])
    assert job is not None and job.kind is PaperKind.RECEIPT and job.paper is not None
    text = " ".join(PdfReader(io.BytesIO(job.paper.pdf)).pages[0].extract_text().split())
    assert "BẢN ĐÃ SỬA – thay thế phiếu in lúc" in text and "BẢN IN LẠI" not in text
    assert [action for action, detail in prints_of(workspace, code)] == ["paper.print"]


def test_after_transfer_the_officer_has_no_correction_and_a_supervisor_gives_a_reason(
    qtbot, workspace, staff, supervisor, queue
) -> None:
    officer_detail = open_detail(qtbot, session_of(workspace, staff, queue), Status.PROCESSING)
    assert officer_detail.correct_button is None
    session = session_of(workspace, supervisor, queue)
    detail = DossierDetailDialog(officer_detail.dossier, "en", session=session)
    qtbot.addWidget(detail)
    detail.show()
    dialog = open_correction(qtbot, detail)
    dialog.edits["address"].setText("Số 7, đường Lê Lợi, phường Lương Văn Tri")
    dialog.submit()
    assert dialog.isVisible() and "reason" in dialog.error_label.text()
    assert workspace.dossiers.get(detail.dossier.code).history[-1].action != "amend"
    dialog.reason.setPlainText("Công dân chuyển nơi ở")
    with qtbot.waitSignal(queue.sig_job_finished, timeout=20_000):
        dialog.submit()
    stored = workspace.dossiers.get(detail.dossier.code)
    assert stored.applicant.address.startswith("Số 7") and stored.status is Status.PROCESSING
    assert stored.history[-1].note == "Công dân chuyển nơi ở"


def test_a_wrong_value_is_named_and_nothing_is_stored(qtbot, workspace, staff, queue) -> None:
    detail = open_detail(qtbot, session_of(workspace, staff, queue), Status.NEW)
    dialog = open_correction(qtbot, detail)
    dialog.edits["phone"].setText("12345")
    dialog.edits["birth_date"].setText("31/02/1990x")
    dialog.submit()
    assert dialog.isVisible() and dialog.error_label.isVisible()
    assert "31/02/1990x" in dialog.error_label.text()
    dialog.edits["birth_date"].setText("15/03/1990")
    dialog.submit()
    assert "12345" in dialog.error_label.text()
    assert len(workspace.dossiers.get(detail.dossier.code).history) == 1


def test_a_correction_keeps_the_paper_of_the_same_number_and_guesses_a_new_ones(
    qtbot, workspace, staff, queue
) -> None:
    session = session_of(workspace, staff, queue)
    dossier = dossier_in(workspace, staff, Status.NEW, id_number="AB1234567", id_type="foreign_id")
    detail = DossierDetailDialog(dossier, session.lang, session=session)
    qtbot.addWidget(detail)
    detail.show()
    qtbot.waitExposed(detail)
    dialog = open_correction(qtbot, detail)
    dialog.edits["phone"].setText("0987 654 321")
    assert dialog.correction().applicant.paper_type is IdType.FOREIGN_ID
    dialog.edits["id_number"].setText("012.345.678")
    assert dialog.correction().applicant.paper_type is IdType.OLD_ID
