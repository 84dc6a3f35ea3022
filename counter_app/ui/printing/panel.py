"""The print queue on screen: every job with its state and, for a failed one, why; retry (on
the same printer or another), cancel, clear the finished ones. `PrintQueueIndicator` is the
small button for the status bar that says how the queue stands and opens this panel."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from counter_app.ui import formatting, theme
from counter_app.ui.fitting import resize_within_screen
from counter_app.ui.models.table import ListTableModel
from counter_app.ui.printing.queue import JobState, PrintJob, PrintQueue
from counter_app.ui.printing.texts import paper_label, state_label

FAILED_BACKGROUND = QColor("#f8d7da")
FAILED_FOREGROUND = QColor("#842029")
DONE_FOREGROUND = QColor("#0f5132")


class PrintQueueModel(ListTableModel[int]):
    """One row per job (its id), oldest first, as the queue lists them."""

    SUBMITTED, PAPER, PRINTER, STATE, DETAIL = range(5)

    def __init__(self, queue: PrintQueue, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._queue = queue
        self._rows = [job.id for job in queue.jobs]
        queue.sig_job_changed.connect(self._changed)
        queue.sig_jobs_removed.connect(self._reset)

    def titles(self) -> list[str]:
        return [
            self.tr("Sent"),
            self.tr("Paper"),
            self.tr("Printer"),
            self.tr("State"),
            self.tr("Detail"),
        ]

    def job(self, row: int) -> PrintJob | None:
        if 0 <= row < len(self._rows):
            return self._queue.job(self._rows[row])
        return None

    def row_of(self, job_id: int) -> int:
        return self._rows.index(job_id) if job_id in self._rows else -1

    def cell(self, row: int, column: int, role: int) -> object:
        job = self.job(row)
        if job is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(job, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.DETAIL:
            return self._detail(job) or None
        if role == Qt.ItemDataRole.BackgroundRole and job.state is JobState.FAILED:
            return FAILED_BACKGROUND
        if role == Qt.ItemDataRole.ForegroundRole:
            if job.state is JobState.FAILED:
                return FAILED_FOREGROUND
            if job.state is JobState.DONE and column == self.STATE:
                return DONE_FOREGROUND
            if job.state is JobState.CANCELLED:
                return theme.MUTED_TEXT
        return None

    def _text(self, job: PrintJob, column: int) -> str:
        if column == self.SUBMITTED:
            return job.submitted_at.strftime("%H:%M:%S")
        if column == self.PAPER:  # the paper, and under it the dossier's code
            label = paper_label(job.kind)
            if job.reprint:
                label = self.tr("{paper} (reprint)").format(paper=label)
            return f"{label}\n{job.code}" if job.code else label
        if column == self.PRINTER:
            return job.printer or formatting.EMPTY
        if column == self.STATE:
            text = state_label(job.state.value)
            if job.attempts > 1:
                text = self.tr("{state} (try {n})").format(state=text, n=job.attempts)
            return text
        if column == self.DETAIL:
            return self._detail(job)
        return ""

    @staticmethod
    def _detail(job: PrintJob) -> str:
        return " ".join(part for part in (job.error, job.status) if part)

    def _changed(self, job_id: int) -> None:
        row = self.row_of(job_id)
        if row < 0:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows))
            self._rows.append(job_id)
            self.endInsertRows()
            return
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def _reset(self) -> None:
        self.replace_rows(job.id for job in self._queue.jobs)


class PrintQueuePanel(QWidget):
    """The jobs in a table; the buttons act on the selected job."""

    def __init__(self, queue: PrintQueue, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.queue = queue
        self.model = PrintQueueModel(queue, self)
        self.table = QTableView()
        self.table.setObjectName("printJobs")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(PrintQueueModel.PAPER, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(PrintQueueModel.DETAIL, QHeaderView.ResizeMode.Stretch)
        # Room for the code on its line; long names of papers wrap, the reason gets the rest.
        paper_width = self.fontMetrics().horizontalAdvance("000.00.06.H37-261125-0001") + 90
        header.resizeSection(PrintQueueModel.PAPER, paper_width)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.rowsInserted.connect(self._resize_rows)
        self.model.dataChanged.connect(self._resize_rows)
        self.model.modelReset.connect(self._update_buttons)
        self.model.dataChanged.connect(self._update_buttons)

        self.summary_label = QLabel()
        self.summary_label.setObjectName("queueSummary")
        self.summary_label.setWordWrap(True)
        self.detail_label = QLabel()  # the whole story of the selected job, to read or copy
        self.detail_label.setObjectName("jobDetail")
        self.detail_label.setWordWrap(True)
        self.detail_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail_label.setStyleSheet(f"color: {FAILED_FOREGROUND.name()};")

        self.printer_combo = QComboBox()
        self.printer_combo.setObjectName("retryPrinter")
        self.printer_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        printer_label = QLabel(self.tr("Retry &on:"))
        printer_label.setBuddy(self.printer_combo)
        self.retry_button = QPushButton(self.tr("&Retry"))
        self.retry_button.setObjectName("retryButton")
        self.retry_button.clicked.connect(self.retry_selected)
        self.cancel_button = QPushButton(self.tr("&Cancel the job"))
        self.cancel_button.setObjectName("cancelButton")
        self.cancel_button.clicked.connect(self.cancel_selected)
        self.clear_button = QPushButton(self.tr("Clear &finished"))
        self.clear_button.setObjectName("clearFinishedButton")
        self.clear_button.clicked.connect(self.queue.remove_finished)
        for button in (self.retry_button, self.cancel_button, self.clear_button):
            button.setAutoDefault(False)

        actions = QHBoxLayout()
        actions.addWidget(printer_label)
        actions.addWidget(self.printer_combo, 1)
        actions.addWidget(self.retry_button)
        actions.addWidget(self.cancel_button)
        actions.addStretch(1)
        actions.addWidget(self.clear_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail_label)
        layout.addLayout(actions)

        queue.sig_job_changed.connect(self._summarise)
        queue.sig_jobs_removed.connect(self._summarise)
        self.refresh_printers()
        self._summarise()
        self._update_buttons()

    def refresh_printers(self) -> None:
        """The printers the system knows now (one may have been plugged in meanwhile); the
        job's own printer first."""
        current = self.printer_combo.currentData()
        self.printer_combo.clear()
        self.printer_combo.addItem(self.tr("its own printer (or the default)"), "")
        for name in self.queue.backend.printers():
            self.printer_combo.addItem(name, name)
        found = self.printer_combo.findData(current)
        self.printer_combo.setCurrentIndex(max(0, found))

    def selected(self) -> PrintJob | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.job(rows[0].row()) if rows else None

    def select(self, job_id: int) -> None:
        row = self.model.row_of(job_id)
        if row >= 0:
            self.table.selectRow(row)

    def retry_selected(self) -> bool:
        job = self.selected()
        if job is None:
            return False
        return self.queue.retry(job.id, str(self.printer_combo.currentData() or "") or None)

    def cancel_selected(self) -> bool:
        job = self.selected()
        return job is not None and self.queue.cancel(job.id)

    def _update_buttons(self, *_: object) -> None:
        job = self.selected()
        state = job.state if job else None
        self.detail_label.setText(job.error if job is not None else "")
        self.detail_label.setVisible(bool(self.detail_label.text()))
        self.retry_button.setEnabled(state in (JobState.FAILED, JobState.CANCELLED))
        self.cancel_button.setEnabled(
            state in (JobState.QUEUED, JobState.PRINTING, JobState.FAILED)
        )
        self.clear_button.setEnabled(self.queue.count(JobState.DONE, JobState.CANCELLED) > 0)

    def _resize_rows(self, *_: object) -> None:
        self.table.resizeRowsToContents()

    def _summarise(self, *_: object) -> None:
        self.summary_label.setText(queue_summary(self.queue))
        self._update_buttons()


def queue_summary(queue: PrintQueue) -> str:
    """ "2 waiting, 1 failed" — or that the queue is empty."""
    waiting = queue.count(JobState.QUEUED, JobState.PRINTING)
    failed = queue.count(JobState.FAILED)
    if not waiting and not failed:
        return QCoreApplication.translate("PrintQueue", "Nothing waits to be printed.")
    parts = []
    if waiting:
        parts.append(QCoreApplication.translate("PrintQueue", "{n} to print").format(n=waiting))
    if failed:
        parts.append(
            QCoreApplication.translate("PrintQueue", "{n} failed: select one and retry it").format(
                n=failed
            )
        )
    return "; ".join(parts) + "."


class PrintQueueDialog(QDialog):
    """The panel in a window of its own, opened from the status bar."""

    def __init__(self, queue: PrintQueue, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Print queue"))
        resize_within_screen(self, 1000, 460)
        self.panel = PrintQueuePanel(queue, self)
        buttons = QDialogButtonBox()
        close = buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        close.setAutoDefault(False)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel, 1)
        layout.addWidget(buttons)


class PrintQueueIndicator(QToolButton):
    """For the status bar: how the queue stands ("Printing: 1 failed"), red while a job has
    failed; a click opens the queue."""

    def __init__(self, queue: PrintQueue, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("printQueueIndicator")
        self.setAutoRaise(True)
        self.queue = queue
        self.dialog: PrintQueueDialog | None = None
        self.clicked.connect(self.open_queue)
        queue.sig_job_changed.connect(self.refresh)
        queue.sig_jobs_removed.connect(self.refresh)
        self.refresh()

    def refresh(self, *_: object) -> None:
        waiting = self.queue.count(JobState.QUEUED, JobState.PRINTING)
        failed = self.queue.count(JobState.FAILED)
        if failed:
            text = self.tr("Printing: {n} failed").format(n=failed)
            style = (
                f"QToolButton {{ background: {FAILED_BACKGROUND.name()};"
                f" color: {FAILED_FOREGROUND.name()}; font-weight: bold; border-radius: 3px; }}"
            )
        elif waiting:
            text = self.tr("Printing: {n} waiting").format(n=waiting)
            style = ""
        else:
            text = self.tr("Print queue")
            style = ""
        self.setText(text)
        self.setStyleSheet(style)
        self.setToolTip(queue_summary(self.queue))

    def open_queue(self) -> PrintQueueDialog:
        if self.dialog is None:
            self.dialog = PrintQueueDialog(self.queue, self.window())
            self.dialog.finished.connect(self._closed)
        self.dialog.panel.refresh_printers()
        self.dialog.show()
        self.dialog.raise_()
        return self.dialog

    def _closed(self) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = None
