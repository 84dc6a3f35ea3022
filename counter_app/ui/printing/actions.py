"""The print buttons other pages carry, and what they do.

`PaperPrinter` is the one way a page prints: it picks the printer (remembered per kind of
paper), makes the paper in the background (a reprint when that kind was printed before for
the dossier: marked on the paper and counted in the audit log), and queues it on the
session's `PrintQueue`; or it opens the preview first. `PrintMenuButton` offers the papers
the dossier's state allows; `ReprintReceiptButton` prints the receipt of the dossier just
saved at intake once more.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QDateTime,
    QObject,
    QStandardPaths,
    Qt,
    QTimeZone,
    Signal,
)
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.calendar import WorkingCalendar
from counter_app.domain.clock import VN_TZ, local
from counter_app.domain.dossier import Dossier
from counter_app.domain.errors import CounterError
from counter_app.services.printing import Paper, PaperKind
from counter_app.services.printing.backend import Failure
from counter_app.services.printing.rules import check_new_due
from counter_app.ui import notify, theme
from counter_app.ui.printing.choice import PrintSettings
from counter_app.ui.printing.preview import PreviewDialog
from counter_app.ui.printing.queue import PrintJob, PrintQueue
from counter_app.ui.printing.texts import (
    failure_text,
    no_paper_text,
    paper_label,
    preview_menu_text,
    print_button_text,
    print_menu_tip,
    print_receipt_again_idle_tip,
    print_receipt_again_text,
    print_receipt_again_tip,
)
from counter_app.ui.session import Session
from counter_app.ui.workers import Tasks

log = logging.getLogger(__name__)

REASON_LIMIT = 500


def documents_folder() -> str:
    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)


def choose_pdf_file(parent: QWidget, suggested: Path) -> Path | None:
    """The file to save a paper to, asked of the officer (None: cancelled); tests replace it."""
    name, _filter = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("PaperPrinter", "Save as PDF"),
        str(suggested),
        QCoreApplication.translate("PaperPrinter", "PDF files (*.pdf)"),
    )
    if not name:
        return None
    path = Path(name)
    return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")


class PaperPrinter(QObject):
    """Printing for one page or dialog (`parent`: where its messages and dialogs appear).

    `options` of a paper are those of `PaperService.render` (size, new_due, reason)."""

    sig_preview_opened = Signal(object)
    """The preview of a paper is on screen (PreviewDialog)."""

    def __init__(self, session: Session, parent: QWidget) -> None:
        super().__init__(parent)
        self._session = session
        self._parent = parent
        self._tasks = Tasks(self)
        self.settings = PrintSettings(session.workspace.settings)
        self.preview_dialog: PreviewDialog | None = None

    @property
    def queue(self) -> PrintQueue:
        return self._session.printing

    # --- printing straight away
    def print_paper(
        self, code: str, kind: PaperKind, *, interactive: bool = True, **options: Any
    ) -> PrintJob:
        """Queue the paper on the printer of its kind. With no printer at all, the job waits
        failed in the queue and the officer is told at once (in a box when they asked)."""
        kind = PaperKind(kind)
        choice = self.settings.choose(kind, self.queue.backend)
        if choice.lost and choice.printer:
            self._session.messages.info(
                self.tr(
                    "The printer “{lost}” chosen for the {paper} is not installed any more: "
                    "printing on “{printer}”."
                ).format(lost=choice.lost, paper=paper_label(kind).lower(), printer=choice.printer)
            )
        if not choice.printer and interactive:
            notify.show_error(self._parent, failure_text(Failure.NO_PRINTER, "", ""))
        return self._submit(kind, code, choice.printer, make=self._maker(code, kind, options))

    def print_after_intake(self, dossier: Dossier) -> PrintJob | None:
        """The receipt of a dossier just saved, when the counter prints it by itself."""
        if dossier.code is None or not self.settings.auto_receipt():
            return None
        return self.print_paper(dossier.code, PaperKind.RECEIPT, interactive=False)

    # --- preview first
    def preview(self, code: str, kind: PaperKind, **options: Any) -> None:
        """Make the paper in the background, then show it with the printer to print on."""
        kind = PaperKind(kind)
        self._tasks.run(
            "preview",
            self._maker(code, kind, options),
            self._show_preview,
            self._not_made,
        )

    def _show_preview(self, paper: Paper) -> None:
        backend = self.queue.backend
        printers = backend.printers()
        chosen = self.settings.choose(paper.kind, backend).printer
        dialog = PreviewDialog(paper, printers, chosen, self._parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.sig_print.connect(lambda printer: self._print_previewed(paper, printer))
        dialog.sig_save_pdf.connect(lambda: self.save_pdf(paper, dialog))
        dialog.finished.connect(self._preview_closed)
        self.preview_dialog = dialog
        dialog.open()
        self.sig_preview_opened.emit(dialog)

    def _preview_closed(self) -> None:
        self.preview_dialog = None

    def _print_previewed(self, paper: Paper, printer: str) -> PrintJob:
        if printer:
            self.settings.remember(paper.kind, printer)
        return self._submit(paper.kind, paper.code or "", printer, paper=paper)

    def save_pdf(self, paper: Paper, parent: QWidget) -> Path | None:
        """Ask where, then write the paper as `print KIND CODE -o FILE` does (whole or not
        at all); the preview stays open. The path written, or None."""
        suggested = Path(documents_folder()) / f"{paper.kind.value}-{paper.code or 'paper'}.pdf"
        path = choose_pdf_file(parent, suggested)
        if path is None:
            return None
        try:
            written = self._session.workspace.papers.save(paper, path)
        except CounterError as error:
            notify.show_error(parent, error.message(self._session.lang))
            return None
        self._session.messages.info(self.tr("Saved as PDF: {path}").format(path=written))
        return written

    def _not_made(self, error: Exception) -> None:
        if isinstance(error, CounterError):
            notify.show_error(self._parent, error.message(self._session.lang))
            return
        raise error

    # --- inside
    def _maker(self, code: str, kind: PaperKind, options: dict[str, Any]) -> Callable[[], Paper]:
        """How the paper is made (in a worker): a reprint when that kind was printed before."""
        papers = self._session.workspace.papers

        def make() -> Paper:
            again = papers.print_count(code, kind) > 0
            return papers.render(kind, code, reprint=again, **options)

        return make

    def _submit(
        self,
        kind: PaperKind,
        code: str,
        printer: str,
        *,
        paper: Paper | None = None,
        make: Callable[[], Paper] | None = None,
    ) -> PrintJob:
        papers = self._session.workspace.papers
        user = self._session.user

        def record(done: Paper, used: str) -> None:
            papers.record_print(done, user, printer=used)

        return self.queue.submit(
            kind,
            code,
            printer,
            paper=paper,
            make=make,
            record=record,
            notify=self._session.messages.info,
            lang=self._session.lang,
        )


class ApologyDialog(QDialog):
    """The apology promises a new time: asked here, then the paper is previewed. It offers the
    next working day after today (or after the missed due day, if later) at the due time of
    day, and refuses a time the paper could not promise (a day off, no later than the due)
    while the officer can still correct it."""

    def __init__(
        self,
        dossier: Dossier,
        clock_now: datetime,
        calendar: WorkingCalendar,
        lang: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(paper_label(PaperKind.APOLOGY))
        self._dossier = dossier
        self._calendar = calendar
        self._lang = lang
        today = local(clock_now)
        due = local(dossier.due_at) if dossier.due_at else today
        day = calendar.next_working_day(max(today.date(), due.date()))
        suggested = datetime.combine(day, due.timetz())
        self.due_edit = QDateTimeEdit()
        self.due_edit.setObjectName("newDue")
        self.due_edit.setDisplayFormat("HH:mm dd/MM/yyyy")
        self.due_edit.setCalendarPopup(True)
        self.due_edit.setTimeZone(QTimeZone(7 * 3600))
        self.due_edit.setDateTime(QDateTime.fromSecsSinceEpoch(int(suggested.timestamp())))
        self.reason_edit = QLineEdit()
        self.reason_edit.setObjectName("apologyReason")
        self.reason_edit.setMaxLength(REASON_LIMIT)
        about = QLabel(
            self.tr("Dossier {code}: the result was due {due}.").format(
                code=dossier.code or "",
                due=due.strftime("%H:%M %d/%m/%Y") if dossier.due_at else "—",
            )
        )
        about.setWordWrap(True)
        hint = QLabel(self.tr("Both are printed on the apology the applicant receives."))
        hint.setStyleSheet(f"color: {theme.MUTED_TEXT.name()};")
        form = QFormLayout()
        form.addRow(self.tr("&New due time:"), self.due_edit)
        form.addRow(self.tr("&Why it is late:"), self.reason_edit)
        buttons = QDialogButtonBox()
        ok = buttons.addButton(self.tr("Pre&view"), QDialogButtonBox.ButtonRole.AcceptRole)
        ok.setDefault(True)
        cancel = buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setAutoDefault(False)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(buttons)

    def new_due(self) -> datetime:
        seconds = self.due_edit.dateTime().toSecsSinceEpoch()
        return datetime.fromtimestamp(seconds, VN_TZ)

    def accept(self) -> None:
        try:
            check_new_due(self._dossier, self.new_due(), self._calendar)
        except CounterError as error:
            notify.show_counter_error(self, error, self._lang)
            self.due_edit.setFocus()
            return
        super().accept()

    def reason(self) -> str:
        return " ".join(self.reason_edit.text().split())


class PrintMenuButton(QPushButton):
    """ "Print…" with a menu of the papers the dossier's state allows: each prints at once on
    the printer of its kind; "Preview" shows it first and lets the officer choose the printer.
    `print_actions` and `preview_actions` map each kind offered to its menu entry."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(print_button_text(), parent)
        self.setObjectName("printMenuButton")
        self.setAutoDefault(False)
        self.setToolTip(print_menu_tip())
        self._session = session
        self.printer = PaperPrinter(session, self)
        self.dossier: Dossier | None = None
        self.print_actions: dict[PaperKind, QAction] = {}
        self.preview_actions: dict[PaperKind, QAction] = {}
        self.apology_dialog: ApologyDialog | None = None
        self.setMenu(QMenu(self))
        self.set_dossier(None)

    def set_dossier(self, dossier: Dossier | None) -> None:
        """Offer what this dossier may have printed now (asked of the paper service)."""
        self.dossier = dossier
        kinds: list[PaperKind] = []
        if dossier is not None and dossier.code:
            try:
                kinds = self._session.workspace.papers.available(dossier.code)
            except CounterError as error:
                log.info("no papers for %s: %s", dossier.code, error)
        menu = self.menu()
        menu.clear()
        self.print_actions = {}
        self.preview_actions = {}
        if not kinds:
            empty = menu.addAction(no_paper_text())
            empty.setEnabled(False)
        for kind in kinds:
            action = menu.addAction(paper_label(kind))
            action.setObjectName(f"print-{kind.value}")
            action.triggered.connect(lambda _=False, k=kind: self.print_now(k))
            self.print_actions[kind] = action
        if kinds:
            menu.addSeparator()
            previews = menu.addMenu(preview_menu_text())
            for kind in kinds:
                action = previews.addAction(paper_label(kind) + "…")
                action.setObjectName(f"preview-{kind.value}")
                action.triggered.connect(lambda _=False, k=kind: self.preview(k))
                self.preview_actions[kind] = action
        self.setEnabled(dossier is not None)

    def print_now(self, kind: PaperKind) -> PrintJob | None:
        if self.dossier is None or self.dossier.code is None:
            return None
        if kind is PaperKind.APOLOGY:  # it needs the new time first: asked, then previewed
            self.preview(kind)
            return None
        return self.printer.print_paper(self.dossier.code, kind)

    def preview(self, kind: PaperKind) -> None:
        dossier = self.dossier
        if dossier is None or dossier.code is None:
            return
        if kind is not PaperKind.APOLOGY:
            self.printer.preview(dossier.code, kind)
            return
        calendar = self._session.workspace.dossiers.calendar(dossier.agency_code)
        dialog = ApologyDialog(
            dossier, self._session.clock(), calendar, self._session.lang, self.window()
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        code = dossier.code
        dialog.accepted.connect(
            lambda: self.printer.preview(
                code, PaperKind.APOLOGY, new_due=dialog.new_due(), reason=dialog.reason()
            )
        )
        dialog.finished.connect(self._apology_closed)
        self.apology_dialog = dialog
        dialog.open()

    def _apology_closed(self) -> None:
        self.apology_dialog = None


class ReprintReceiptButton(QPushButton):
    """The receipt of the dossier saved last, once more (Ctrl+P anywhere in `page`);
    `preview_button` shows it first, to print or save as PDF (Ctrl+Shift+P)."""

    def __init__(self, session: Session, page: QWidget) -> None:
        super().__init__(print_receipt_again_text(), page)
        self.setObjectName("reprintReceiptButton")
        self.setAutoDefault(False)
        self.printer = PaperPrinter(session, page)
        self.code = ""
        self.preview_button = QPushButton(self.tr("Preview / PDF…"), page)
        self.preview_button.setObjectName("previewReceiptButton")
        self.preview_button.setAutoDefault(False)
        self.clicked.connect(self.trigger)
        self.preview_button.clicked.connect(self.preview)
        for keys, slot in (("Ctrl+P", self.trigger), ("Ctrl+Shift+P", self.preview)):
            shortcut = QShortcut(QKeySequence(keys), page)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self.set_code("")

    def set_code(self, code: str) -> None:
        self.code = code
        self.setEnabled(bool(code))
        self.setToolTip(print_receipt_again_tip(code) if code else print_receipt_again_idle_tip())
        self.preview_button.setEnabled(bool(code))
        self.preview_button.setToolTip(
            self.tr(
                "Preview the receipt of {code}, to print it or save it as PDF (Ctrl+Shift+P)"
            ).format(code=code)
            if code
            else print_receipt_again_idle_tip()
        )

    def preview(self) -> None:
        if self.code:
            self.printer.preview(self.code, PaperKind.RECEIPT)

    def saved(self, dossier: Dossier) -> PrintJob | None:
        """A dossier was saved: its receipt prints now if the counter wants it so, and this
        button can print it again."""
        self.set_code(dossier.code or "")
        return self.printer.print_after_intake(dossier)

    def trigger(self) -> PrintJob | None:
        if not self.code:
            return None
        return self.printer.print_paper(self.code, PaperKind.RECEIPT)
