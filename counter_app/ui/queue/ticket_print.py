"""The kiosk's ticket through Qt's print system: any printer the operating system knows (an
office laser, a thermal printer with its system driver, a PDF queue), the one `queue.printer`
names as `qt:NAME`, the default printer when it names none.

The same lines as the thermal ticket (`ticket_lines`), drawn as text with the bundled Liberation
Sans and the QR as squares, at the printer's own resolution: sharp on any printer, and text
that stays text in a PDF. `print_ticket` runs in a worker thread like the print queue's jobs
(QPainter on a QPrinter is allowed there) and raises the queue's `PrintFailed`."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QFont, QFontDatabase, QFontMetricsF, QPainter
from PySide6.QtPrintSupport import QPrinter

from counter_app.paths import resources_dir
from counter_app.services.printing.backend import (
    POINTS_PER_INCH,
    Failure,
    PrintFailed,
    QtPrinterBackend,
    page_layout,
    printer_status,
)
from counter_app.services.queue import TakenTicket
from counter_app.services.queue.ticket import (
    DOTS_PER_INCH,
    FOOTER,
    MARGIN,
    PRINTABLE,
    QR_BORDER,
    QR_SCALE,
    WIDTH_DOTS,
    TicketLine,
    ticket_lines,
    ticket_qr,
    wrapped,
)

LINE_GAP = 10  # dots between lines, as on the thermal ticket
PAPER_WIDTH_MM = 80


@cache
def load_ticket_font() -> str:
    """Register the bundled Liberation Sans (on the GUI thread, once); its family name."""
    for style in ("Regular", "Bold"):
        QFontDatabase.addApplicationFont(
            str(resources_dir() / "fonts" / f"LiberationSans-{style}.ttf")
        )
    return "Liberation Sans"


def _font(family: str, line: TicketLine) -> QFont:
    font = QFont(family)
    font.setPixelSize(line.size)
    font.setBold(line.bold)
    return font


def _laid_out(taken: TakenTicket, centre: str, family: str) -> list[tuple[str, QFont, float]]:
    """Every line of text as drawn: its words, its font, its height in dots."""
    rows: list[tuple[str, QFont, float]] = []
    for line in [*ticket_lines(taken, centre), FOOTER]:
        font = _font(family, line)
        metrics = QFontMetricsF(font)
        texts = (
            wrapped(line.text, metrics.horizontalAdvance)
            if line.wraps
            else [metrics.elidedText(line.text, Qt.TextElideMode.ElideRight, PRINTABLE)]
        )
        rows += [(text, font, metrics.height() + LINE_GAP) for text in texts]
    return rows


def print_ticket(
    taken: TakenTicket, centre: str, follow_url: str, printer_name: str, family: str
) -> None:
    """Print one ticket on `printer_name` ("" the default printer)."""
    backend = QtPrinterBackend()
    name = printer_name or backend.default_printer()
    printer = backend.open_printer(name)
    printer.setDocName(f"Phiếu số {taken.ticket.label}")
    rows = _laid_out(taken, centre, family)
    qr = ticket_qr(taken, follow_url)
    qr_dots = qr.symbol_size(scale=QR_SCALE, border=QR_BORDER)[0]
    height = sum(row[2] for row in rows) + qr_dots + 3 * MARGIN
    points_per_dot = POINTS_PER_INCH / DOTS_PER_INCH
    paper_dots = PAPER_WIDTH_MM / 25.4 * DOTS_PER_INCH
    printer.setFullPage(True)
    printer.setPageLayout(page_layout(QSizeF(paper_dots, height) * points_per_dot))
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintFailed(Failure.NOT_STARTED, name, printer_status(name))
    try:
        painter.scale(printer.resolution() / DOTS_PER_INCH, printer.resolution() / DOTS_PER_INCH)
        painter.translate((paper_dots - WIDTH_DOTS) / 2, 0)
        painter.setPen(Qt.GlobalColor.black)
        y = float(MARGIN)
        for text, font, row_height in rows[:-1]:
            _centred(painter, text, font, y, row_height)
            y += row_height
        _draw_qr(painter, qr.matrix, (WIDTH_DOTS - qr_dots) / 2, y)
        y += qr_dots + MARGIN / 2
        _centred(painter, *rows[-1][:2], y, rows[-1][2])
    finally:
        ended = painter.end()
    if not ended or printer.printerState() == QPrinter.PrinterState.Error:
        raise PrintFailed(Failure.INTERRUPTED, name, printer_status(name))


def _centred(painter: QPainter, text: str, font: QFont, y: float, height: float) -> None:
    painter.setFont(font)
    top_centre = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
    painter.drawText(QRectF(0, y, WIDTH_DOTS, height), top_centre, text)


def _draw_qr(painter: QPainter, matrix: tuple[bytearray, ...], left: float, top: float) -> None:
    """The QR's dark modules as filled squares (vector: as sharp as the printer can make it)."""
    origin = QPointF(left + QR_BORDER * QR_SCALE, top + QR_BORDER * QR_SCALE)
    for row, modules in enumerate(matrix):
        for column, dark in enumerate(modules):
            if dark:
                painter.fillRect(
                    QRectF(
                        origin.x() + column * QR_SCALE,
                        origin.y() + row * QR_SCALE,
                        QR_SCALE,
                        QR_SCALE,
                    ),
                    Qt.GlobalColor.black,
                )
