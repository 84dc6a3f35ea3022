"""Printers as the window's print queue sees them, and the command line where no CUPS spooler
is (Windows): a `PrinterBackend` names the printers the operating system knows and prints a
PDF on one of them, or says why it could not.

`QtPrinterBackend` goes through Qt's print system (QPrinterInfo, QPrinter): any printer the
operating system knows, local or shared, whatever its driver. Each PDF page is drawn by QtPdf
at the printer's own resolution (at most `MAX_DPI`), in bands so a 600-dpi A4 page never needs
one huge picture, onto a page of the paper's size with no margin of its own: the paper's PDF
carries its margins, so the printed page is the paper, not a picture scaled to the sheet.

`print_pdf` runs in a worker thread: QPainter on a QPrinter is allowed there; it touches no
widget and builds no message (the failure's kind and the system's own words come back, the
GUI thread words them).
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
from collections.abc import Callable
from enum import StrEnum
from typing import Protocol

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRect, QRectF, QSize, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

log = logging.getLogger(__name__)

MAX_DPI = 600  # finer than any counter printer needs; keeps bands small
BAND_BYTES = 32 * 1024 * 1024  # the largest picture drawn at once (ARGB, 4 bytes a pixel)
STATUS_TIMEOUT_S = 5
POINTS_PER_INCH = 72
MM_PER_POINT = 25.4 / 72


class Failure(StrEnum):
    """Why a job did not print; the queue turns it into words on the GUI thread."""

    NO_PRINTER = "no-printer"  # the operating system knows no printer at all
    UNKNOWN_PRINTER = "unknown-printer"  # the printer chosen is not installed (any more)
    PRINTER_ERROR = "printer-error"  # the printer reports an error before the job starts
    NOT_STARTED = "not-started"  # the print system would not open the job
    INTERRUPTED = "interrupted"  # the job broke off between or after pages
    UNREADABLE = "unreadable"  # the PDF could not be read (a fault of ours)


class PrintFailed(Exception):
    """A job that did not print: the failure, the printer, and what the operating system said
    of it, in its own words ("Paper out", "The printer is not responding"), when it said any."""

    def __init__(self, failure: Failure, printer: str = "", detail: str = "") -> None:
        super().__init__(f"{failure.value}: {printer}: {detail}")
        self.failure = failure
        self.printer = printer
        self.detail = detail


class PrintCancelled(Exception):
    """The officer cancelled the job while it printed; the pages not yet sent were dropped."""


class PrinterBackend(Protocol):
    def printers(self) -> list[str]:
        """The printers the operating system knows, by name."""
        ...

    def default_printer(self) -> str:
        """The system's default printer, "" when there is none."""
        ...

    def print_pdf(self, pdf: bytes, printer: str, title: str, cancelled: Callable[[], bool]) -> str:
        """Print every page on `printer` (runs in a worker thread); return what the operating
        system says of the printer afterwards ("" when nothing), raise `PrintFailed` (with
        `Failure.NO_PRINTER` when `printer` is "": the system knows none) or `PrintCancelled`
        (asked between pages through `cancelled`)."""
        ...


class QtPrinterBackend:
    """Qt's print system: the printers of CUPS on Linux and macOS, of the spooler on Windows."""

    def printers(self) -> list[str]:
        return list(QPrinterInfo.availablePrinterNames())

    def default_printer(self) -> str:
        return QPrinterInfo.defaultPrinterName()

    def open_printer(self, name: str) -> QPrinter:
        """A QPrinter on the named printer, refused when the system does not know it or says
        it is in error (offline, out of paper) before anything is sent."""
        if not name:
            raise PrintFailed(Failure.NO_PRINTER)
        info = QPrinterInfo.printerInfo(name)
        if info.isNull():
            raise PrintFailed(Failure.UNKNOWN_PRINTER, name)
        if info.state() in (QPrinter.PrinterState.Error, QPrinter.PrinterState.Aborted):
            raise PrintFailed(Failure.PRINTER_ERROR, name, printer_status(name))
        return QPrinter(info, QPrinter.PrinterMode.HighResolution)

    def print_pdf(self, pdf: bytes, printer: str, title: str, cancelled: Callable[[], bool]) -> str:
        device = self.open_printer(printer)
        device.setDocName(title)
        try:
            print_document(pdf, device, cancelled, name=printer)
        except PrintFailed as failed:
            if not failed.detail:
                failed.detail = printer_status(printer)
            raise
        return printer_status(printer)


def page_layout(points: QSizeF) -> QPageLayout:
    """The page of a PDF as a paper size in millimetres (A4, A5 and the label rolls match Qt's
    own sizes or stay custom) with no margin: the PDF brings its own."""
    width, height = points.width(), points.height()
    portrait = QSizeF(min(width, height) * MM_PER_POINT, max(width, height) * MM_PER_POINT)
    orientation = (
        QPageLayout.Orientation.Landscape if width > height else QPageLayout.Orientation.Portrait
    )
    return QPageLayout(
        QPageSize(portrait, QPageSize.Unit.Millimeter, "", QPageSize.SizeMatchPolicy.FuzzyMatch),
        orientation,
        QMarginsF(),
    )


def print_document(
    pdf: bytes,
    printer: QPrinter,
    cancelled: Callable[[], bool] = lambda: False,
    *,
    name: str = "",
    max_dpi: int = MAX_DPI,
) -> None:
    """Draw every page of the PDF on the printer, page for page and size for size."""
    document = QPdfDocument()
    data = QByteArray(pdf)
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    if document.status() != QPdfDocument.Status.Ready or document.pageCount() < 1:
        raise PrintFailed(Failure.UNREADABLE, name, document.error().name)
    printer.setFullPage(True)
    printer.setPageLayout(page_layout(document.pagePointSize(0)))
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintFailed(Failure.NOT_STARTED, name)
    finished = False
    try:
        for page in range(document.pageCount()):
            if cancelled():
                raise PrintCancelled()
            if page:
                size = document.pagePointSize(page)
                if size != document.pagePointSize(page - 1):
                    printer.setPageLayout(page_layout(size))
                if not printer.newPage():
                    raise PrintFailed(Failure.INTERRUPTED, name)
            _paint_page(painter, printer, document, page, max_dpi)
            if printer.printerState() in (
                QPrinter.PrinterState.Error,
                QPrinter.PrinterState.Aborted,
            ):
                raise PrintFailed(Failure.INTERRUPTED, name)
        finished = True
    finally:
        if not finished:
            printer.abort()
        ended = painter.end()
        document.close()
    if not ended or printer.printerState() == QPrinter.PrinterState.Error:
        raise PrintFailed(Failure.INTERRUPTED, name)


def _paint_page(
    painter: QPainter, printer: QPrinter, document: QPdfDocument, page: int, max_dpi: int
) -> None:
    """One PDF page, drawn from the paper's top left corner at its own size (shrunk only if
    the sheet in the printer is smaller), rendered in bands at the printer's resolution."""
    points = document.pagePointSize(page)
    device_dpi = printer.resolution()
    paper = printer.paperRect(QPrinter.Unit.DevicePixel)
    target = QSizeF(
        points.width() / POINTS_PER_INCH * device_dpi,
        points.height() / POINTS_PER_INCH * device_dpi,
    )
    scale = min(1.0, paper.width() / target.width(), paper.height() / target.height())
    target *= scale
    dpi = min(device_dpi, max_dpi)
    pixels = QSize(
        max(1, round(points.width() / POINTS_PER_INCH * dpi)),
        max(1, round(points.height() / POINTS_PER_INCH * dpi)),
    )
    band = max(1, BAND_BYTES // (4 * pixels.width()))
    to_device = target.height() / pixels.height()
    top = 0
    while top < pixels.height():
        rows = min(band, pixels.height() - top)
        options = QPdfDocumentRenderOptions()
        options.setScaledSize(pixels)
        options.setScaledClipRect(QRect(0, top, pixels.width(), rows))
        image = document.render(page, QSize(pixels.width(), rows), options)
        painter.drawImage(QRectF(0, top * to_device, target.width(), rows * to_device), image)
        top += rows


def printer_status(name: str) -> str:
    """What the operating system says of the printer now, in its own words, "" when it says
    nothing worth showing. CUPS (Linux, macOS): the state message `lpstat -p` prints under the
    printer ("Paper out", "The printer is not responding"). Windows tells Qt only a state,
    which the queue words itself."""
    if sys.platform == "win32" or not name:
        return ""
    lpstat = shutil.which("lpstat")
    if lpstat is None:
        return ""
    try:
        done = subprocess.run(
            [lpstat, "-p", name],
            capture_output=True,
            timeout=STATUS_TIMEOUT_S,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        log.info("lpstat for %s: %s", name, error)
        return ""
    return lpstat_message(done.stdout.decode("utf-8", "replace"))


def lpstat_message(output: str) -> str:
    """From `lpstat -p NAME`: the printer's state message (the indented lines), with the
    head line when the printer is disabled; "" for a printer that is idle and says nothing."""
    lines = output.splitlines()
    if not lines:
        return ""
    head = lines[0].strip()
    said = [line.strip() for line in lines[1:] if line.strip()]
    if "disabled" in head.split():
        return " – ".join([head.rstrip(" -"), *said])
    return " – ".join(said)
