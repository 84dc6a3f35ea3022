"""The print buttons of the intake page, the dossier detail and the return page: the receipt
printed by itself after intake (a setting), printed again (a reprint, marked and counted),
the papers the dossier's state allows, the printer remembered per kind of paper."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from PySide6.QtCore import QDateTime
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from counter_app.domain.clock import VN_TZ, local
from counter_app.domain.dossier import Dossier, Status
from counter_app.services.printing import PaperKind
from counter_app.ui.dossiers.detail import DossierDetailDialog
from counter_app.ui.intake.page import IntakePage
from counter_app.ui.printing.actions import ApologyDialog, PrintMenuButton
from counter_app.ui.printing.choice import AUTO_RECEIPT_KEY, PRINTERS_KEY, PrintSettings
from counter_app.ui.printing.queue import JobState
from counter_app.ui.returns.page import ReturnsPage
from counter_app.ui.session import Session
from tests.printing.conftest import pdf_text
from tests.ui.printing.conftest import A4_PRINTER, LABEL_PRINTER, finished, prints_of
from tests.ui.returns.dossiers import dossier_in


def intake(qtbot, session) -> IntakePage:
    page = IntakePage(session)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    qtbot.waitExposed(page)
    return page


def fill_and_save(qtbot, page: IntakePage, queue, *, printed: bool):
    procedure = page._session.workspace.catalog.procedure("2.002")
    page.choose(procedure)
    page.fields["full_name"].setText("Nông Văn Dền")
    page.fields["phone"].setText("0912345678")
    if printed:
        with (
            qtbot.waitSignal(queue.sig_job_finished, timeout=20_000),
            qtbot.waitSignal(page.sig_saved) as saved,
        ):
            page.save()
    else:
        with qtbot.waitSignal(page.sig_saved) as saved:
            page.save()
    return saved.args[0]


def test_the_receipt_prints_by_itself_after_intake(qtbot, session, queue, printers, workspace):
    page = intake(qtbot, session)
    dossier = fill_and_save(qtbot, page, queue, printed=True)

    [job] = queue.jobs
    assert (job.kind, job.code, job.state) == (PaperKind.RECEIPT, dossier.code, JobState.DONE)
    assert not job.reprint
    assert printers.printed[0].printer == A4_PRINTER
    assert "GIẤY TIẾP NHẬN HỒ SƠ" in pdf_text(printers.printed[0].pdf)
    assert prints_of(workspace, dossier.code) == [
        ("paper.print", {"kind": "receipt", "printer": A4_PRINTER, "pages": 1, "copy": 1})
    ]
    assert page.reprint_button.isEnabled() and page.reprint_button.code == dossier.code


def test_with_the_setting_off_nothing_prints_after_intake(qtbot, session, queue, workspace):
    PrintSettings(workspace.settings).set_auto_receipt(False)
    assert workspace.settings.get(AUTO_RECEIPT_KEY) is False
    page = intake(qtbot, session)
    dossier = fill_and_save(qtbot, page, queue, printed=False)

    assert queue.jobs == []
    assert page.reprint_button.isEnabled()  # the officer may still print it by hand
    job = finished(qtbot, queue, page.reprint_button.trigger)
    assert job.state is JobState.DONE and not job.reprint  # the first print is no reprint
    assert prints_of(workspace, dossier.code)[0][0] == "paper.print"


def test_ctrl_p_prints_the_receipt_again_marked_and_counted_as_a_reprint(
    qtbot, session, queue, printers, workspace
):
    page = intake(qtbot, session)
    dossier = fill_and_save(qtbot, page, queue, printed=True)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)

    with qtbot.waitSignal(queue.sig_job_finished, timeout=20_000):
        QTest.keySequence(page.search_edit, QKeySequence("Ctrl+P"))

    again = queue.jobs[-1]
    assert again.state is JobState.DONE and again.reprint
    original, reprinted = (pdf_text(p.pdf) for p in printers.printed)
    assert "BẢN IN LẠI" not in original
    assert "BẢN IN LẠI – in lúc 10:00 ngày 25/11/2026" in reprinted
    assert [action for action, _ in prints_of(workspace, dossier.code)] == [
        "paper.print",
        "paper.reprint",
    ]
    assert prints_of(workspace, dossier.code)[-1][1]["copy"] == 2
    assert workspace.audit.verify() > 0  # the chain holds with the print entries in it


def test_without_a_printer_the_officer_is_told_and_the_job_kept(
    qtbot, session, queue, printers, dossier, errors
):
    printers.names, printers.default = [], ""
    page = ReturnsPage(session)
    qtbot.addWidget(page)
    page.load_code(dossier.code)

    job = finished(qtbot, queue, lambda: page.print_button.print_now(PaperKind.RECEIPT))

    assert errors == [
        "No printer is installed on this computer. Install or connect one, then retry the "
        "job in the print queue."
    ]
    assert job.state is JobState.FAILED and job in queue.jobs
    assert job.paper is not None


def test_the_detail_menu_offers_only_the_papers_the_state_allows(qtbot, session, workspace, staff):
    expected = {
        Status.NEW: {"receipt", "label", "control-sheet", "apology"},
        Status.WAITING: {"receipt", "label", "control-sheet", "supplement", "apology"},
        Status.PAYING: {"receipt", "label", "control-sheet", "apology", "payment-request"},
        Status.DENIED: {"refusal"},
        Status.UNRESOLVED: {"receipt", "label", "control-sheet", "stop-notice"},
        Status.DONE: {"receipt", "label", "control-sheet"},
    }
    for status, kinds in expected.items():
        dossier = dossier_in(workspace, staff, status, name=f"Người {status.value}")
        dialog = DossierDetailDialog(dossier, "vi", session=session)
        qtbot.addWidget(dialog)
        button = dialog.print_button
        assert button is not None and button.isEnabled()
        offered = {kind.value for kind in button.print_actions}
        assert offered == kinds, status
        assert set(button.preview_actions) == set(button.print_actions)
        assert offered == {k.value for k in workspace.papers.available(dossier.code)}


def test_a_move_in_the_detail_dialog_updates_the_print_menu(qtbot, session, workspace, staff):
    dossier = dossier_in(workspace, staff, Status.NEW)
    dialog = DossierDetailDialog(dossier, "vi", session=session)
    qtbot.addWidget(dialog)
    assert PaperKind.REFUSAL not in dialog.print_button.print_actions
    refused = dossier_in(workspace, staff, Status.DENIED, name="Người khác")
    dialog.show_dossier(refused)
    assert set(dialog.print_button.print_actions) == {PaperKind.REFUSAL}


def test_printing_from_the_detail_menu_uses_the_printer_of_the_kind(
    qtbot, session, queue, printers, workspace, dossier
):
    PrintSettings(workspace.settings).remember(PaperKind.LABEL, LABEL_PRINTER)
    dialog = DossierDetailDialog(dossier, "vi", session=session)
    qtbot.addWidget(dialog)

    label = finished(qtbot, queue, dialog.print_button.print_actions[PaperKind.LABEL].trigger)
    receipt = finished(qtbot, queue, dialog.print_button.print_actions[PaperKind.RECEIPT].trigger)

    assert (label.printer, receipt.printer) == (LABEL_PRINTER, A4_PRINTER)
    assert [p.printer for p in printers.printed] == [LABEL_PRINTER, A4_PRINTER]


def test_the_printer_chosen_in_the_preview_is_remembered_for_that_kind(
    qtbot, session, queue, printers, workspace, dossier
):
    page = ReturnsPage(session)
    qtbot.addWidget(page)
    page.load_code(dossier.code)
    assert page.print_button.isEnabled()
    with qtbot.waitSignal(page.print_button.printer.sig_preview_opened, timeout=20_000) as opened:
        page.print_button.preview_actions[PaperKind.LABEL].trigger()
    preview = opened.args[0]
    assert preview.printer() == A4_PRINTER  # nothing remembered yet: the default
    preview.printer_combo.setCurrentIndex(preview.printer_combo.findData(LABEL_PRINTER))

    job = finished(qtbot, queue, preview.print_button.click)

    assert job.printer == LABEL_PRINTER and job.state is JobState.DONE
    assert workspace.settings.get(PRINTERS_KEY) == {"label": LABEL_PRINTER}
    settings = PrintSettings(workspace.settings)
    assert settings.choose(PaperKind.LABEL, printers).printer == LABEL_PRINTER
    assert settings.choose(PaperKind.RECEIPT, printers).printer == A4_PRINTER


def test_a_remembered_printer_no_longer_installed_falls_back_to_the_default(
    qtbot, session, queue, printers, workspace, dossier
):
    settings = PrintSettings(workspace.settings)
    settings.remember(PaperKind.LABEL, "Máy in đã gỡ")
    choice = settings.choose(PaperKind.LABEL, printers)
    assert (choice.printer, choice.lost) == (A4_PRINTER, "Máy in đã gỡ")
    said: list[str] = []
    session.messages.sig_info.connect(said.append)
    dialog = DossierDetailDialog(dossier, "vi", session=session)
    qtbot.addWidget(dialog)
    finished(qtbot, queue, dialog.print_button.print_actions[PaperKind.LABEL].trigger)
    assert said[0] == (
        "The printer “Máy in đã gỡ” chosen for the folder label is not installed any more: "
        f"printing on “{A4_PRINTER}”."
    )


def test_the_return_page_print_button_follows_the_dossier_shown(qtbot, session, workspace, staff):
    page = ReturnsPage(session)
    qtbot.addWidget(page)
    assert not page.print_button.isEnabled()
    ready = dossier_in(workspace, staff, Status.RELEASING)
    page.load_code(ready.code)
    assert set(page.print_button.print_actions) == {
        PaperKind.RECEIPT,
        PaperKind.LABEL,
        PaperKind.CONTROL_SHEET,
    }
    page.clear()
    assert not page.print_button.isEnabled()
    assert page.print_button.menu().actions()[0].text().startswith("No paper")


def test_the_apology_asks_for_the_new_time_then_shows_the_paper(
    qtbot, session, workspace, dossier, errors
):
    dialog = DossierDetailDialog(dossier, "vi", session=session)
    qtbot.addWidget(dialog)
    button = dialog.print_button
    button.print_actions[PaperKind.APOLOGY].trigger()  # needs the new time: asked first
    asked = button.apology_dialog
    assert asked is not None
    assert asked.new_due() == dossier.due_at + timedelta(days=1)
    asked.reason_edit.setText("  cần   xác minh tại nơi cư trú ")

    with qtbot.waitSignal(button.printer.sig_preview_opened, timeout=20_000) as opened:
        asked.accept()

    preview = opened.args[0]
    qtbot.addWidget(preview)
    assert preview.paper.kind is PaperKind.APOLOGY and preview.page_count() == 1
    text = " ".join(pdf_text(preview.paper.pdf).split())
    assert "cần xác minh tại nơi cư trú" in text
    assert "08 giờ 00 phút, ngày 08 tháng 12 năm 2026" in text
    assert errors == []


def asked_for_an_apology(
    qtbot: QtBot, session: Session, dossier: Dossier
) -> tuple[PrintMenuButton, ApologyDialog]:
    """The apology's question, opened from the dossier detail's print button."""
    dialog = DossierDetailDialog(dossier, "vi", session=session)
    qtbot.addWidget(dialog)
    button = dialog.print_button
    button.preview(PaperKind.APOLOGY)
    assert button.apology_dialog is not None
    return button, button.apology_dialog


def test_an_apology_promising_no_later_time_is_refused_with_the_reason(
    qtbot, session, dossier, errors
):
    button, asked = asked_for_an_apology(qtbot, session, dossier)
    asked.due_edit.setDateTime(asked.due_edit.dateTime().addDays(-2))
    asked.accept()
    assert len(errors) == 1 and "phải sau hạn trả đã hẹn" in errors[0]
    assert asked.result() != QDialog.DialogCode.Accepted and button.apology_dialog is asked
    assert button.printer.preview_dialog is None


def test_an_overdue_dossiers_apology_offers_the_next_working_day_after_today(
    qtbot, session, dossiers, errors
):
    """Due on Friday 20/11, late on Wednesday 25/11: not the day after the due (a Saturday,
    already past) but Thursday 26/11, at the due time of day."""
    overdue = dossiers["overdue"]
    assert local(overdue.due_at).date() == date(2026, 11, 20)
    _, asked = asked_for_an_apology(qtbot, session, overdue)
    offered = asked.new_due()
    assert (
        offered.date() == date(2026, 11, 26) and offered.timetz() == local(overdue.due_at).timetz()
    )


def test_an_apology_on_a_day_off_is_refused_and_the_question_stays_open(
    qtbot, session, dossiers, errors
):
    _, asked = asked_for_an_apology(qtbot, session, dossiers["overdue"])
    saturday = datetime(2026, 11, 28, 9, 0, tzinfo=VN_TZ)
    asked.due_edit.setDateTime(QDateTime.fromSecsSinceEpoch(int(saturday.timestamp())))
    asked.accept()
    assert errors == [
        "Ngày hẹn trả mới (28/11/2026) là ngày nghỉ của quầy; hãy chọn một ngày làm việc."
    ]
    assert asked.result() != QDialog.DialogCode.Accepted
