"""The paper as it will print, page by page (QtPdf), with the printer to send it to, or to
save as a PDF file (the same paper `print KIND CODE -o FILE` writes; no printer needed).

The printer offered first is the one this kind of paper went to last, else the system's
default; choosing another one and printing remembers it for the kind.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSizeF, Qt, Signal
from PySide6.QtGui import QKeySequence, QPageSize, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from counter_app.services.printing import Paper
from counter_app.services.printing.backend import MM_PER_POINT
from counter_app.ui import theme
from counter_app.ui.fitting import resize_within_screen
from counter_app.ui.printing.texts import paper_label

PREVIEW_SIZE = (860, 900)
SMALL_MM = 140  # narrower than A5: a label


def size_text(points: QSizeF) -> str:
    """ "A4 (210 × 297 mm)", or "100 × 50 mm" for a size with no name."""
    width, height = points.width() * MM_PER_POINT, points.height() * MM_PER_POINT
    millimetres = f"{width:.0f} × {height:.0f} mm"
    portrait = QSizeF(min(width, height), max(width, height))
    known = QPageSize.id(portrait, QPageSize.Unit.Millimeter, QPageSize.SizeMatchPolicy.FuzzyMatch)
    if known == QPageSize.PageSizeId.Custom:
        return millimetres
    return f"{QPageSize.name(known)} ({millimetres})"


class PreviewDialog(QDialog):
    """`document` holds the paper's PDF; `printer_combo` the printers the system knows."""

    sig_print = Signal(str)
    """Print the paper on this printer (str: its name; "" when the system knows none)."""
    sig_save_pdf = Signal()
    """Save the paper as a PDF file (no arguments): the file is asked for by the receiver."""

    def __init__(
        self,
        paper: Paper,
        printers: list[str],
        chosen: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.paper = paper
        title = f"{paper_label(paper.kind)} – {paper.code or ''}".rstrip(" –")
        self.setWindowTitle(self.tr("Preview: {paper}").format(paper=title))
        resize_within_screen(self, *PREVIEW_SIZE)

        # The bytes must outlive the document, which reads them as it renders.
        self._data = QByteArray(paper.pdf)
        self._buffer = QBuffer(self._data, self)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self._buffer)

        heading = QLabel(title)
        heading.setObjectName("previewTitle")
        heading.setWordWrap(True)
        heading.setFont(theme.scaled_font(heading.font(), 1.2, bold=True))
        pages = self.document.pageCount()
        size = size_text(self.document.pagePointSize(0)) if pages else "—"
        if pages == 1:
            info = self.tr("1 page, {size}").format(size=size)
        else:
            info = self.tr("{n} pages, {size}").format(n=pages, size=size)
        self.info_label = QLabel(info)
        self.info_label.setObjectName("previewInfo")
        self.info_label.setStyleSheet(f"color: {theme.MUTED_TEXT.name()};")

        self.reprint_label = QLabel(
            self.tr(
                "This paper was printed before: this copy is marked “BẢN IN LẠI” (reprint) and "
                "the print is recorded in the audit log."
            )
        )
        self.reprint_label.setObjectName("reprintNote")
        self.reprint_label.setWordWrap(True)
        self.reprint_label.setStyleSheet(
            f"background: {theme.DUE_TODAY_BACKGROUND.name()};"
            f" color: {theme.DUE_TODAY_FOREGROUND.name()}; border-radius: 4px; padding: 4px 8px;"
        )
        self.reprint_label.setVisible(paper.reprint)

        self.view = QPdfView(self)
        self.view.setObjectName("previewView")
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        # A label is seen whole; a sheet of paper fills the width, to be read.
        small = pages and self.document.pagePointSize(0).width() * MM_PER_POINT < SMALL_MM
        self.view.setZoomMode(
            QPdfView.ZoomMode.FitInView if small else QPdfView.ZoomMode.FitToWidth
        )
        self.view.setPageSpacing(12)
        self.view.setDocument(self.document)
        self.view.setStyleSheet("#previewView { background: palette(mid); }")

        self.printer_combo = QComboBox()
        self.printer_combo.setObjectName("printerCombo")
        self.printer_combo.setMinimumContentsLength(24)
        for name in printers:
            self.printer_combo.addItem(name, name)
        if chosen and chosen in printers:
            self.printer_combo.setCurrentIndex(printers.index(chosen))
        printer_label = QLabel(self.tr("P&rinter:"))
        printer_label.setBuddy(self.printer_combo)
        self.no_printer_label = QLabel(
            self.tr(
                "No printer is installed on this computer: the paper waits in the print queue "
                "until one is."
            )
        )
        self.no_printer_label.setObjectName("noPrinter")
        self.no_printer_label.setWordWrap(True)
        self.no_printer_label.setStyleSheet(f"color: {theme.ERROR_TEXT.name()};")
        self.printer_combo.setEnabled(bool(printers))
        self.no_printer_label.setVisible(not printers)

        buttons = QDialogButtonBox()
        self.print_button = buttons.addButton(
            self.tr("&Print"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.print_button.setObjectName("printButton")
        self.print_button.setDefault(True)
        self.save_pdf_button = buttons.addButton(
            self.tr("&Save as PDF…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.save_pdf_button.setObjectName("savePdfButton")
        self.save_pdf_button.setToolTip(self.tr("Save this paper as a PDF file (Ctrl+S)"))
        self.save_pdf_button.clicked.connect(self.sig_save_pdf)
        close = buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        close.setAutoDefault(False)
        buttons.accepted.connect(self.print_now)
        buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence("Ctrl+P"), self, self.print_now)
        QShortcut(QKeySequence("Ctrl+S"), self, self.sig_save_pdf.emit)

        choose = QHBoxLayout()
        choose.addWidget(printer_label)
        choose.addWidget(self.printer_combo, 1)
        choose.addSpacing(12)
        choose.addWidget(buttons)

        layout = QVBoxLayout(self)
        layout.setSpacing(8)
        layout.addWidget(heading)
        layout.addWidget(self.info_label)
        layout.addWidget(self.reprint_label)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.no_printer_label)
        layout.addLayout(choose)
        # Without a printer, Enter saves the PDF rather than queueing a print that must wait.
        chosen_button = self.print_button if printers else self.save_pdf_button
        self.print_button.setDefault(bool(printers))
        self.save_pdf_button.setDefault(not printers)
        chosen_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def page_count(self) -> int:
        return self.document.pageCount()

    def printer(self) -> str:
        return str(self.printer_combo.currentData() or "")

    def print_now(self) -> None:
        self.sig_print.emit(self.printer())
        self.accept()
