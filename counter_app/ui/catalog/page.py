"""The procedure catalog: search as you type, and the chosen procedure's papers and fees."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.catalog import Procedure
from counter_app.domain.errors import CounterError
from counter_app.ui import formatting, notify, theme
from counter_app.ui.formatting import text_or_dash
from counter_app.ui.labels import (
    document_form_label,
    fee_basis_label,
    fee_collection_label,
    level_label,
)
from counter_app.ui.models.catalog_table import CatalogTableModel, Column
from counter_app.ui.session import Session
from counter_app.ui.tables import fill_table, read_only_table, set_up_list

SEARCH_DELAY_MS = 150


class ProcedurePanel(QWidget):
    """The chosen procedure in full: what it is, who handles it, how long, which papers, fees."""

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lang = lang
        self.name_label = QLabel()
        self.name_label.setObjectName("procedureName")
        self.name_label.setWordWrap(True)
        self.name_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.name_label.setFont(theme.scaled_font(self.name_label.font(), 1.15, bold=True))

        self.facts: dict[str, QLabel] = {}
        form = QFormLayout()
        for key, caption in (
            ("code", self.tr("Code:")),
            ("field", self.tr("Field:")),
            ("agency", self.tr("Handling agency:")),
            ("level", self.tr("Online service:")),
            ("duration", self.tr("Processing time:")),
            ("result", self.tr("Result:")),
        ):
            label = QLabel()
            label.setObjectName(key)
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.facts[key] = label
            form.addRow(caption, label)

        self.components_table = read_only_table(
            "componentsTable",
            [self.tr("No."), self.tr("Paper"), self.tr("Form"), self.tr("Count")],
        )
        self.fees_table = read_only_table(
            "catalogFeesTable",
            [self.tr("Fee"), self.tr("Amount"), self.tr("Collection")],
        )
        self.empty_label = QLabel(self.tr("Choose a procedure in the list to see its details."))
        self.empty_label.setWordWrap(True)
        self.empty_label.setStyleSheet(f"color: {theme.MUTED_TEXT.name()};")

        facts = QVBoxLayout()
        facts.addWidget(self.empty_label)
        facts.addWidget(self.name_label)
        facts.addLayout(form)
        facts.addStretch(1)
        tables = QVBoxLayout()
        tables.addWidget(QLabel(self.tr("Papers to hand in:")))
        tables.addWidget(self.components_table, 3)
        tables.addWidget(QLabel(self.tr("Fees and charges:")))
        tables.addWidget(self.fees_table, 2)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(16)
        layout.addLayout(facts, 2)
        layout.addLayout(tables, 3)
        self.show_procedure(None, "")

    def show_procedure(self, procedure: Procedure | None, agency_name: str) -> None:
        self.empty_label.setVisible(procedure is None)
        if procedure is None:
            self.name_label.clear()
            for label in self.facts.values():
                label.clear()
            fill_table(self.components_table, [], 1)
            fill_table(self.fees_table, [], 0)
            return
        self.name_label.setText(procedure.name)
        facts = {
            "code": procedure.code,
            "field": procedure.field,
            "agency": f"{agency_name} ({procedure.agency_code})",
            "level": level_label(procedure.level),
            "duration": procedure.duration.describe(self._lang),
            "result": procedure.result,
        }
        for key, text in facts.items():
            self.facts[key].setText(text_or_dash(text))
        fill_table(
            self.components_table,
            [
                [
                    str(i),
                    c.name if c.required else self.tr("{paper} (optional)").format(paper=c.name),
                    document_form_label(c.form),
                    str(c.count),
                ]
                for i, c in enumerate(procedure.components, start=1)
            ],
            stretch=1,
        )
        fill_table(
            self.fees_table,
            [
                [
                    f"{f.name}\n{f.note}" if f.note else f.name,
                    self.tr("{amount} {basis}").format(
                        amount=formatting.money(f.amount, self._lang),
                        basis=fee_basis_label(f.per),
                    ),
                    fee_collection_label(f.collection),
                ]
                for f in procedure.fees
            ],
            stretch=0,
        )


class CatalogPage(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session

        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("catalogSearch")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setPlaceholderText(
            self.tr("Search procedures by code, name or field (accents optional)")
        )
        self.model = CatalogTableModel(session.lang, self)
        self.table = QTableView()
        self.table.setObjectName("catalogTable")
        self.table.setModel(self.model)
        set_up_list(self.table, Column.NAME)
        header = self.table.horizontalHeader()
        metrics = self.table.fontMetrics()
        # Catalog codes run to 22 characters (2.001255.000.00.00.H37): keep them whole.
        header.resizeSection(Column.CODE, metrics.horizontalAdvance("0.000000.000.00.00.H00") + 16)
        header.resizeSection(Column.AGENCY, metrics.horizontalAdvance("M" * 18))
        header.resizeSection(Column.DURATION, metrics.horizontalAdvance("M" * 16))
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)

        self.count_label = QLabel()
        self.count_label.setObjectName("catalogCount")
        self.panel = ProcedurePanel(session.lang)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.search_edit)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.count_label)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(left)
        splitter.addWidget(self.panel)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        self.splitter = splitter
        self._split_once = False

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 8)
        layout.addWidget(splitter)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self.refresh)
        self.search_edit.textChanged.connect(self._search_soon)
        self.search_edit.returnPressed.connect(self.refresh)
        QShortcut(QKeySequence.StandardKey.Find, self, self.search_edit.setFocus)
        self.refresh()

    def _search_soon(self, _text: str) -> None:
        """Typing restarts the timer: the search runs once the officer pauses."""
        self._debounce.start()

    def refresh(self) -> None:
        self._debounce.stop()
        catalog = self._session.workspace.catalog
        try:
            procedures = catalog.search(self.search_edit.text())
            agencies = catalog.agencies()
        except CounterError as error:
            notify.show_counter_error(self, error, self._session.lang)
            return
        self.model.set_procedures(procedures, agencies)
        if procedures:
            self.count_label.setText(self.tr("Procedures: {n}").format(n=len(procedures)))
        elif self.search_edit.text().strip():
            self.count_label.setText(self.tr("No procedure matches the search."))
        else:
            self.count_label.setText(
                self.tr(
                    "The catalog is empty. An administrator imports it with: "
                    "counter-app catalog import FILE"
                )
            )
        if procedures:
            self.table.selectRow(0)
        else:
            self.panel.show_procedure(None, "")

    def showEvent(self, event: QShowEvent) -> None:
        """Split the height once it is known: the list a little taller than the details."""
        super().showEvent(event)
        if not self._split_once:
            self._split_once = True
            height = self.splitter.height()
            self.splitter.setSizes([height * 55 // 100, height - height * 55 // 100])

    def activate(self) -> None:
        self.search_edit.setFocus()
        self.search_edit.selectAll()

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            self.panel.show_procedure(None, "")
            return
        procedure = self.model.procedure(rows[0].row())
        self.panel.show_procedure(procedure, self.model.agency_name(procedure.agency_code))
