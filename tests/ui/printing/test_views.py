"""The preview (QtPdf) and the queue panel: what the officer sees, in Vietnamese."""

from __future__ import annotations

import pytest

from counter_app.services.printing import PaperKind
from counter_app.ui.printing.panel import PrintQueueIndicator, PrintQueuePanel
from counter_app.ui.printing.preview import PreviewDialog
from counter_app.ui.printing.queue import JobState
from tests.ui.conftest import receive
from tests.ui.printing.conftest import A4_PRINTER, LABEL_PRINTER, finished


def test_the_preview_shows_every_page_of_the_paper(qtbot, vietnamese, workspace, staff, dossier):
    for i in range(30):
        receive(workspace, staff, f"Người nộp {i}", "1.001", dossier.received_at)
    book = workspace.papers.tracking_book(dossier.received_at.date())
    assert book.pages >= 2

    dialog = PreviewDialog(book, [A4_PRINTER, LABEL_PRINTER], LABEL_PRINTER)
    qtbot.addWidget(dialog)

    assert dialog.page_count() == book.pages
    assert dialog.info_label.text() == f"{book.pages} trang, A4 (297 × 210 mm)"
    assert dialog.printer() == LABEL_PRINTER
    assert dialog.reprint_label.isHidden()
    assert dialog.no_printer_label.isHidden()
    assert dialog.print_button.text() == "&In"


def test_a_reprint_and_a_missing_printer_are_said_in_the_preview(
    qtbot, vietnamese, workspace, dossier
):
    again = workspace.papers.label(dossier.code, size="50x30", reprint=True)
    dialog = PreviewDialog(again, [], "")
    qtbot.addWidget(dialog)

    assert dialog.page_count() == 1
    assert dialog.info_label.text() == "1 trang, 50 × 30 mm"
    assert not dialog.reprint_label.isHidden()
    assert "BẢN IN LẠI" in dialog.reprint_label.text()
    assert not dialog.no_printer_label.isHidden() and not dialog.printer_combo.isEnabled()
    with qtbot.waitSignal(dialog.sig_print) as chosen:
        dialog.print_button.click()
    assert chosen.args == [""]  # queued all the same: it waits in the queue, failed


def test_the_panel_retries_a_failed_job_on_the_printer_chosen(
    qtbot, vietnamese, queue, printers, workspace, dossier
):
    receipt = workspace.papers.receipt(dossier.code)
    printers.fail(detail="Paper out")
    job = finished(
        qtbot,
        queue,
        lambda: queue.submit(PaperKind.RECEIPT, dossier.code, A4_PRINTER, paper=receipt),
    )
    panel = PrintQueuePanel(queue)
    indicator = PrintQueueIndicator(queue)
    qtbot.addWidget(panel)
    qtbot.addWidget(indicator)

    assert indicator.text() == "In: 1 lệnh lỗi"
    assert panel.summary_label.text() == "1 in không được: chọn lệnh in rồi bấm In lại."
    assert not panel.retry_button.isEnabled()  # nothing selected yet
    panel.select(job.id)
    assert panel.retry_button.isEnabled() and panel.cancel_button.isEnabled()
    detail = panel.model.index(0, panel.model.DETAIL).data()
    assert detail == (
        f"Máy in «{A4_PRINTER}» dừng giữa chừng khi đang in. Hệ thống báo: «Paper out»."
    )
    panel.printer_combo.setCurrentIndex(panel.printer_combo.findData(LABEL_PRINTER))

    finished(qtbot, queue, panel.retry_button.click)

    assert job.state is JobState.DONE and job.printer == LABEL_PRINTER
    assert panel.model.index(0, panel.model.STATE).data() == "Đã in (lần 2)"
    assert indicator.text() == "Hàng đợi in"
    assert not panel.retry_button.isEnabled()
    panel.clear_button.click()
    assert panel.model.rowCount() == 0
    assert panel.summary_label.text() == "Không có giấy tờ nào chờ in."


@pytest.mark.qt_log_ignore(  # offscreen windows have no stacking order
    "This plugin does not support propagateSizeHints", "This plugin does not support raise"
)
def test_the_indicator_opens_the_queue(qtbot, queue):
    indicator = PrintQueueIndicator(queue)
    qtbot.addWidget(indicator)
    dialog = indicator.open_queue()
    qtbot.addWidget(dialog)
    assert dialog.isVisible()
    assert dialog.panel.queue is queue
    assert indicator.open_queue() is dialog  # one window, brought to the front
