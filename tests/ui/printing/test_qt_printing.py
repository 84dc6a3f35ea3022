"""Qt's own print system, printing to a PDF file (offscreen there is no printer): every page
of the paper comes out, at the paper's size and orientation, its barcode still readable."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter

from counter_app.services.printing import PaperKind
from counter_app.services.printing.backend import (
    Failure,
    PrintCancelled,
    PrintFailed,
    QtPrinterBackend,
    page_layout,
    print_document,
)
from counter_app.ui.printing.queue import JobState, PrintQueue
from tests.printing.conftest import decoded, render_png
from tests.ui.conftest import receive
from tests.ui.printing.conftest import finished

MM = 72 / 25.4
SIZES = {  # paper → (width, height) in millimetres
    "receipt-A4": (210, 297),
    "receipt-A5": (148, 210),
    "label-100x50": (100, 50),
    "label-50x30": (50, 30),
    "label-a4": (210, 297),
    "book": (297, 210),
}


def pdf_printer(path: Path, dpi: int = 150) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setResolution(dpi)
    return printer


def make(workspace, dossier, name: str):
    papers = workspace.papers
    if name == "book":
        return papers.tracking_book(dossier.received_at.date())
    kind, size = name.split("-")
    return papers.render(PaperKind(kind), dossier.code, size=size)


def sizes_mm(pdf: bytes) -> list[tuple[float, float]]:
    pages = PdfReader(io.BytesIO(pdf)).pages
    return [(float(p.mediabox.width) / MM, float(p.mediabox.height) / MM) for p in pages]


@pytest.mark.parametrize("name", list(SIZES))
def test_every_page_prints_at_the_papers_own_size(tmp_path, workspace, staff, dossier, name):
    if name == "book":
        for i in range(30):  # a book of more than one page
            receive(workspace, staff, f"Người nộp {i}", "1.001", dossier.received_at)
    paper = make(workspace, dossier, name)
    out = tmp_path / "printed.pdf"

    print_document(paper.pdf, pdf_printer(out))

    printed = out.read_bytes()
    assert len(sizes_mm(printed)) == paper.pages
    width, height = SIZES[name]
    for got_w, got_h in sizes_mm(printed):
        assert got_w == pytest.approx(width, abs=0.5)
        assert got_h == pytest.approx(height, abs=0.5)
    if name == "book":
        assert paper.pages >= 2


def test_the_printed_label_still_scans(tmp_path, workspace, dossier):
    """Drawn at the label printer's 203 dpi, as the bars were laid out for it."""
    paper = workspace.papers.label(dossier.code, size="100x50")
    out = tmp_path / "label.pdf"
    print_document(paper.pdf, pdf_printer(out, dpi=203))

    png = render_png(out.read_bytes(), tmp_path, 406, antialias=False)
    assert dossier.code in decoded(png).get("Code128", [])


def test_the_receipt_printed_by_the_queue_through_qt_in_the_background(
    qtbot, tmp_path, workspace, dossier
):
    """The real backend in the queue's worker thread, its "printer" a PDF file."""
    out = tmp_path / "queued.pdf"

    class PdfFileBackend(QtPrinterBackend):
        def printers(self) -> list[str]:
            return ["PDF"]

        def default_printer(self) -> str:
            return "PDF"

        def open_printer(self, name: str) -> QPrinter:
            return pdf_printer(out)

    queue = PrintQueue(PdfFileBackend())
    receipt = workspace.papers.receipt(dossier.code, size="A5")
    job = finished(
        qtbot, queue, lambda: queue.submit(PaperKind.RECEIPT, dossier.code, "", paper=receipt)
    )

    assert queue.wait()
    assert job.state is JobState.DONE and job.printer == "PDF"
    [(width, height)] = sizes_mm(out.read_bytes())
    assert (width, height) == (pytest.approx(148, abs=0.5), pytest.approx(210, abs=0.5))


def test_a_printer_qt_does_not_know_is_refused_by_name() -> None:
    backend = QtPrinterBackend()
    with pytest.raises(PrintFailed) as refused:
        backend.print_pdf(b"%PDF-1.4", "Máy in không có", "x", lambda: False)
    assert refused.value.failure is Failure.UNKNOWN_PRINTER
    assert refused.value.printer == "Máy in không có"
    with pytest.raises(PrintFailed) as none:
        backend.print_pdf(b"%PDF-1.4", "", "x", lambda: False)
    assert none.value.failure is Failure.NO_PRINTER


def test_a_pdf_qt_cannot_read_is_refused(tmp_path) -> None:
    with pytest.raises(PrintFailed) as refused:
        print_document(b"not a pdf", pdf_printer(tmp_path / "x.pdf"), name="PDF")
    assert refused.value.failure is Failure.UNREADABLE


def test_landscape_pages_are_laid_out_as_landscape() -> None:
    layout = page_layout_of(297 * MM, 210 * MM)
    assert layout.orientation().name == "Landscape"
    assert layout.pageSize().name() == "A4"


def page_layout_of(width: float, height: float):
    from PySide6.QtCore import QSizeF

    return page_layout(QSizeF(width, height))


def test_a_job_cancelled_between_pages_stops_there(tmp_path, workspace, staff, dossier):
    for i in range(30):
        receive(workspace, staff, f"Người nộp {i}", "1.001", dossier.received_at)
    book = workspace.papers.tracking_book(dossier.received_at.date())
    asked: list[int] = []

    def cancelled() -> bool:
        asked.append(1)
        return len(asked) > 1  # after the first page

    with pytest.raises(PrintCancelled):
        print_document(book.pdf, pdf_printer(tmp_path / "cancelled.pdf"), cancelled)
    assert len(asked) == 2
