"""The dossier list: search as you type (debounced), filters, deadline colours, details."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer
from PySide6.QtGui import QColor, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.dossier import Dossier, Status
from counter_app.domain.errors import CounterError
from counter_app.ui import formatting, notify, theme
from counter_app.ui.collector import unless_collected
from counter_app.ui.dossiers.detail import DossierDetailDialog
from counter_app.ui.models.dossier_query import DossierSearch
from counter_app.ui.models.dossier_table import Column, DossierTableModel
from counter_app.ui.session import Session
from counter_app.ui.tables import (
    SAMPLE_PADDING,
    open_on_activation,
    set_up_list,
    two_line_width,
)

SEARCH_DELAY_MS = 300
RECOLOUR_INTERVAL_MS = 60_000
LONG_NAME = "Nguyễn Thị Phương Thảo"  # a long usual name, whole on two lines


def legend_swatch(text: str, background: QColor, foreground: QColor) -> QLabel:
    label = QLabel(text)
    label.setStyleSheet(
        f"QLabel {{ background: {background.name()}; color: {foreground.name()};"
        " border-radius: 3px; padding: 1px 8px; }"
    )
    return label


def replace_detail(
    session: Session, dossier: Dossier, parent: QWidget, previous: DossierDetailDialog | None
) -> DossierDetailDialog:
    """The detail dialog of `dossier` in place of `previous` (one detail open at a time),
    deleted once closed; the caller connects it and opens it. Raises CounterError, leaving
    `previous` open, when the names of the people and agencies it shows cannot be read."""
    ws = session.workspace
    people = {u.login: u.full_name for u in ws.accounts.users()}
    agencies = ws.catalog.agencies()
    if previous is not None:
        previous.close()
    dialog = DossierDetailDialog(
        dossier, session.lang, people=people, agencies=agencies, session=session, parent=parent
    )
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    return dialog


class DossiersPage(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.detail_dialog: DossierDetailDialog | None = None

        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("dossierSearch")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setPlaceholderText(self.tr("Code, name, ID number or phone"))
        self.search_edit.setToolTip(
            self.tr(
                "Type a dossier code, part of the applicant's name (with or without accents), "
                "an ID number or a phone number. Ctrl+F comes back here."
            )
        )
        self.search_edit.installEventFilter(self)

        self.status_combo = QComboBox()
        self.status_combo.setObjectName("statusFilter")
        self.status_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.status_combo.setMinimumContentsLength(16)
        self.status_combo.addItem(self.tr("All statuses"), None)
        for status in Status:
            self.status_combo.addItem(status.label(session.lang), status.value)
        self.overdue_box = QCheckBox(self.tr("&Overdue"))
        self.due_today_box = QCheckBox(self.tr("Due &today"))

        today = formatting.to_qdate(session.clock().date())
        self.dates_box = QCheckBox(self.tr("Received &from"))
        self.date_from_edit = QDateEdit(today.addDays(-30))
        self.date_to_edit = QDateEdit(today)
        for edit in (self.date_from_edit, self.date_to_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy")
            edit.setEnabled(False)
        self.procedure_combo = QComboBox()
        self.procedure_combo.setObjectName("procedureFilter")
        self.procedure_combo.setEditable(True)
        self.procedure_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.procedure_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.procedure_combo.setMinimumContentsLength(30)
        self.procedure_combo.addItem(self.tr("All procedures"), None)
        for procedure in session.workspace.catalog.search("", include_inactive=True):
            self.procedure_combo.addItem(f"{procedure.name} ({procedure.code})", procedure.code)
        completer = self.procedure_combo.completer()
        assert completer is not None  # an editable combo box has one
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)

        filters = QHBoxLayout()
        filters.addWidget(self.search_edit, 3)
        filters.addWidget(self.status_combo, 1)
        filters.addWidget(self.overdue_box)
        filters.addWidget(self.due_today_box)
        more = QHBoxLayout()
        more.addWidget(self.dates_box)
        more.addWidget(self.date_from_edit)
        more.addWidget(QLabel(self.tr("to")))
        more.addWidget(self.date_to_edit)
        more.addSpacing(16)
        procedure_label = QLabel(self.tr("&Procedure:"))
        procedure_label.setBuddy(self.procedure_combo)
        more.addWidget(procedure_label)
        more.addWidget(self.procedure_combo, 1)

        self.model = DossierTableModel(session.lang, session.clock, self)
        self.model.sig_loaded.connect(self._loaded)
        self.model.sig_failed.connect(self._failed)
        self._select_code: str | None = None
        self.table = QTableView()
        self.table.setObjectName("dossierTable")
        self.table.setModel(self.model)
        # The procedure takes what the others leave, over two lines: the code and the two times
        # (the day over the hour) are as wide as their text, the applicant and the status as
        # wide as their longest usual text needs on two lines (the tooltip has every cell whole).
        set_up_list(self.table, Column.PROCEDURE, two_lines=True)
        header = self.table.horizontalHeader()
        for column in (Column.CODE, Column.RECEIVED, Column.DUE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        metrics = self.table.fontMetrics()
        for column, samples in (
            (Column.APPLICANT, [LONG_NAME]),
            (Column.STATUS, [s.label(session.lang) for s in Status]),
        ):
            width = max(two_line_width(metrics, sample) for sample in samples)
            header.resizeSection(column, width + SAMPLE_PADDING)
        open_on_activation(self.table, self._open_index)

        self.count_label = QLabel()
        self.count_label.setObjectName("dossierCount")
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label)
        bottom.addStretch(1)
        bottom.addWidget(QLabel(self.tr("Colours:")))
        bottom.addWidget(
            legend_swatch(self.tr("Overdue"), theme.OVERDUE_BACKGROUND, theme.OVERDUE_FOREGROUND)
        )
        bottom.addWidget(
            legend_swatch(
                self.tr("Due today"), theme.DUE_TODAY_BACKGROUND, theme.DUE_TODAY_FOREGROUND
            )
        )
        hint = QLabel(self.tr("Enter or double-click: details"))
        hint.setStyleSheet(f"color: {theme.MUTED_TEXT.name()};")
        bottom.addSpacing(16)
        bottom.addWidget(hint)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 8)
        layout.addLayout(filters)
        layout.addLayout(more)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self.refresh)
        self.search_edit.textChanged.connect(self._search_soon)
        self.search_edit.returnPressed.connect(self.open_first_hit)
        self._open_first = False
        self.model.modelReset.connect(self._rows_arrived)
        self.status_combo.currentIndexChanged.connect(self.refresh)
        self.overdue_box.toggled.connect(self.refresh)
        self.due_today_box.toggled.connect(self.refresh)
        self.dates_box.toggled.connect(self._dates_toggled)
        self.date_from_edit.dateChanged.connect(self.refresh)
        self.date_to_edit.dateChanged.connect(self.refresh)
        self.procedure_combo.currentIndexChanged.connect(self.refresh)

        self._recolour = QTimer(self)
        self._recolour.setInterval(RECOLOUR_INTERVAL_MS)
        self._recolour.timeout.connect(self.model.refresh_deadlines)
        self._recolour.start()

        QShortcut(QKeySequence.StandardKey.Find, self, self.focus_search)
        QShortcut(QKeySequence(Qt.Key.Key_F5), self, self.refresh)
        self.refresh()

    def search(self) -> DossierSearch:
        value = self.status_combo.currentData()
        dated = self.dates_box.isChecked()
        return DossierSearch(
            text=self.search_edit.text(),
            status=Status(value) if value else None,
            overdue=self.overdue_box.isChecked(),
            due_today=self.due_today_box.isChecked(),
            received_from=formatting.from_qdate(self.date_from_edit.date()) if dated else None,
            received_to=formatting.from_qdate(self.date_to_edit.date()) if dated else None,
            procedure_code=self.procedure_combo.currentData(),
        )

    def _dates_toggled(self, on: bool) -> None:
        self.date_from_edit.setEnabled(on)
        self.date_to_edit.setEnabled(on)
        self.refresh()

    def _search_soon(self, _text: str) -> None:
        """Typing restarts the timer: the search runs once the officer pauses."""
        self._debounce.start()

    def refresh(self) -> None:
        """Run the search now (the debounce timer calls this once typing pauses)."""
        self._debounce.stop()
        ws = self._session.workspace
        self.count_label.setText(self.tr("Searching…"))
        self.model.set_query(self.search().query(ws.dossiers, self._session.clock()))

    def open_first_hit(self) -> None:
        """Enter in the search box: search for what is typed now and open the first dossier
        found, so a code, an ID number or a full name goes straight to its dossier."""
        self._open_first = True
        self.refresh()

    def _rows_arrived(self) -> None:
        if self._open_first:
            self._open_first = False
            self._open_index(self.model.index(0, 0))

    def _loaded(self, total: int) -> None:
        self.count_label.setText(self.tr("Dossiers found: {n}").format(n=total))
        if self._select_code:
            for row in range(self.model.rowCount()):
                if self.model.dossier(row).code == self._select_code:
                    self.table.selectRow(row)
                    break
            self._select_code = None

    def _failed(self, error: Exception) -> None:
        self.count_label.setText("")
        self._open_first = False
        if not isinstance(error, CounterError):
            raise error  # a bug: the crash handler logs it and says so
        notify.show_counter_error(self, error, self._session.lang)

    def activate(self) -> None:
        """The page was brought to the front: show what changed since."""
        self.refresh()
        self.focus_search()

    def focus_search(self) -> None:
        self.search_edit.setFocus()
        self.search_edit.selectAll()

    def open_current(self) -> None:
        self._open_index(self.table.currentIndex())

    def _open_index(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        listed = self.model.dossier(index.row())
        if listed.code:
            self.open_code(listed.code)
        else:
            self._open(listed)

    def open_code(self, code: str) -> None:
        """Open a dossier by its code (a row, or a receipt scanned anywhere in the app)."""
        try:
            dossier = self._session.workspace.dossiers.get(code)
        except CounterError as error:
            self._session.messages.info(error.message(self._session.lang))
            return
        self._open(dossier)

    def _open(self, dossier: Dossier) -> None:
        try:
            dialog = replace_detail(self._session, dossier, self, self.detail_dialog)
        except CounterError as error:
            notify.show_counter_error(self, error, self._session.lang)
            return
        dialog.sig_dossier_changed.connect(self._dossier_changed)
        dialog.finished.connect(self._detail_closed)
        self.detail_dialog = dialog
        dialog.open()

    def _dossier_changed(self, dossier: Dossier) -> None:
        """A move from the detail dialog: list again, keeping that dossier selected."""
        self._select_code = dossier.code
        self.refresh()

    def _detail_closed(self) -> None:
        self.detail_dialog = None
        self.table.setFocus()

    @unless_collected
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Down arrow in the search box goes to the list, so the keyboard never has to leave."""
        if (
            watched is self.search_edit
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Down
            and self.model.rowCount() > 0
        ):
            self.table.setFocus()
            self.table.selectRow(0)
            return True
        return super().eventFilter(watched, event)
