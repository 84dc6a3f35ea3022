"""Everything recorded about one dossier, read-only: applicant, procedure, dates, papers,
fees, supplement rounds and the history of every move."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.catalog import Agency
from counter_app.domain.dossier import Dossier, Status
from counter_app.ui import formatting
from counter_app.ui.formatting import text_or_dash
from counter_app.ui.labels import (
    action_label,
    applicant_type_label,
    channel_label,
    document_form_label,
    fee_collection_label,
    return_method_label,
    timeliness_label,
)


class DossierDetailDialog(QDialog):
    """`fields` maps each dossier field to the label showing it; `history_table` lists the
    moves, oldest first."""

    def __init__(
        self,
        dossier: Dossier,
        lang: str,
        *,
        people: Mapping[str, str] | None = None,
        agencies: Mapping[str, Agency] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._lang = lang
        self._people = people or {}
        self._agencies = agencies or {}
        self.dossier = dossier
        self.fields: dict[str, QLabel] = {}
        self.setWindowTitle(self.tr("Dossier {code}").format(code=dossier.code or ""))
        self.resize(1180, 720)

        code = QLabel(dossier.code or self.tr("(no code yet)"))
        code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = QFont(code.font())
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        code.setFont(font)
        status = QLabel(dossier.status.label(lang))
        status.setObjectName("statusLabel")
        status.setStyleSheet(
            "QLabel { border: 1px solid palette(mid); border-radius: 4px; padding: 2px 8px; }"
        )
        top = QHBoxLayout()
        top.addWidget(code)
        top.addSpacing(12)
        top.addWidget(status)
        top.addStretch(1)

        groups = QHBoxLayout()
        groups.addWidget(self._applicant_group(), 1)
        groups.addWidget(self._dossier_group(), 1)
        groups.addWidget(self._dates_group(), 0)

        self.tabs = QTabWidget()
        self.history_table = self._history_table()
        self.tabs.addTab(
            self.history_table, self.tr("History ({n})").format(n=len(dossier.history))
        )
        self.tabs.addTab(
            self._documents_table(), self.tr("Papers ({n})").format(n=len(dossier.documents))
        )
        self.tabs.addTab(self._fees_table(), self.tr("Fees ({n})").format(n=len(dossier.fees)))
        self.tabs.addTab(
            self._rounds_table(),
            self.tr("Supplement rounds ({n})").format(n=len(dossier.supplement_rounds)),
        )

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(groups)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)

    # --- the three blocks of fields
    def _group(
        self, title: str, rows: Sequence[tuple[str, str, str]], *, wrap: bool = True
    ) -> QGroupBox:
        """A titled block of caption: value rows; `wrap` lets long values take several lines."""
        box = QGroupBox(title)
        form = QFormLayout(box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        for key, caption, value in rows:
            label = QLabel(text_or_dash(value))
            label.setObjectName(key)
            label.setWordWrap(wrap)
            label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.fields[key] = label
            form.addRow(caption, label)
        return box

    def _person(self, login: str) -> str:
        name = self._people.get(login, "")
        if not login:
            return ""
        return f"{name} ({login})" if name else login

    def _applicant_group(self) -> QGroupBox:
        a = self.dossier.applicant
        return self._group(
            self.tr("Applicant"),
            [
                ("full_name", self.tr("Full name:"), a.full_name),
                ("applicant_type", self.tr("Type:"), applicant_type_label(a.type)),
                ("organisation", self.tr("Organisation:"), a.organisation),
                ("id_number", self.tr("ID number:"), a.id_number),
                ("birth_date", self.tr("Birth date:"), formatting.day(a.birth_date)),
                ("phone", self.tr("Phone:"), a.phone),
                ("email", self.tr("E-mail:"), a.email),
                ("address", self.tr("Address:"), a.address),
            ],
        )

    def _dossier_group(self) -> QGroupBox:
        d = self.dossier
        agency = self._agencies.get(d.agency_code)
        agency_text = f"{agency.name} ({d.agency_code})" if agency else d.agency_code
        return self._group(
            self.tr("Dossier"),
            [
                ("procedure", self.tr("Procedure:"), f"{d.procedure_name} ({d.procedure_code})"),
                ("agency", self.tr("Handling agency:"), agency_text),
                ("channel", self.tr("Channel:"), channel_label(d.channel)),
                (
                    "return_method",
                    self.tr("Return of result:"),
                    return_method_label(d.return_method),
                ),
                ("sets", self.tr("Sets:"), str(d.sets)),
                ("fee_total", self.tr("Fees in total:"), formatting.money(d.fee_total, self._lang)),
                ("note", self.tr("Note:"), d.note),
                ("uuid", self.tr("Record ID:"), d.uuid),
            ],
        )

    def _dates_group(self) -> QGroupBox:
        d = self.dossier
        return self._group(
            self.tr("Dates"),
            [
                ("received_at", self.tr("Received:"), formatting.moment(d.received_at)),
                ("received_by", self.tr("Received by:"), self._person(d.received_by)),
                ("due_at", self.tr("Due:"), formatting.moment(d.due_at)),
                ("completed_at", self.tr("Completed:"), formatting.moment(d.completed_at)),
                (
                    "timeliness",
                    self.tr("Timeliness:"),
                    timeliness_label(d.timeliness) if d.timeliness else "",
                ),
                ("returned_at", self.tr("Result returned at:"), formatting.moment(d.returned_at)),
                ("collector", self.tr("Collected by:"), self._collector()),
            ],
            wrap=False,
        )

    def _collector(self) -> str:
        collector = self.dossier.collector
        if collector is None:
            return ""
        if not collector.authorised:
            return collector.full_name
        return self.tr("{name} (authorised, ID {number})").format(
            name=collector.full_name, number=collector.id_number
        )

    # --- the tables
    def _table(self, name: str, headers: list[str], rows: list[list[str]]) -> QTableWidget:
        table = QTableWidget(len(rows), len(headers))
        table.setObjectName(name)
        table.setHorizontalHeaderLabels(headers)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.verticalHeader().setVisible(False)
        table.setWordWrap(True)
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                table.setItem(r, c, QTableWidgetItem(text_or_dash(text)))
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        return table

    def _status(self, status: Status | None) -> str:
        return status.label(self._lang) if status else ""

    def _history_table(self) -> QTableWidget:
        return self._table(
            "historyTable",
            [
                self.tr("Time"),
                self.tr("Move"),
                self.tr("From status"),
                self.tr("To status"),
                self.tr("Officer"),
                self.tr("Place"),
                self.tr("Note"),
            ],
            [
                [
                    formatting.moment(h.at),
                    action_label(h.action),
                    self._status(h.from_status),
                    self._status(h.to_status),
                    self._person(h.actor),
                    h.place,
                    h.note,
                ]
                for h in self.dossier.history
            ],
        )

    def _documents_table(self) -> QTableWidget:
        return self._table(
            "documentsTable",
            [
                self.tr("No."),
                self.tr("Paper"),
                self.tr("Form"),
                self.tr("Count"),
                self.tr("Component code"),
            ],
            [
                [
                    str(i),
                    doc.name,
                    document_form_label(doc.form),
                    str(doc.count),
                    doc.component_code,
                ]
                for i, doc in enumerate(self.dossier.documents, start=1)
            ],
        )

    def _fees_table(self) -> QTableWidget:
        money = self._lang
        return self._table(
            "feesTable",
            [
                self.tr("Fee"),
                self.tr("Amount"),
                self.tr("Quantity"),
                self.tr("Total"),
                self.tr("Collection"),
            ],
            [
                [
                    line.name,
                    formatting.money(line.amount, money),
                    str(line.quantity),
                    formatting.money(line.total, money),
                    fee_collection_label(line.collection),
                ]
                for line in self.dossier.fees
            ],
        )

    def _rounds_table(self) -> QTableWidget:
        return self._table(
            "roundsTable",
            [
                self.tr("Requested"),
                self.tr("Due before"),
                self.tr("Resubmitted"),
                self.tr("New due"),
                self.tr("Status before"),
            ],
            [
                [
                    formatting.moment(r.requested_at),
                    formatting.moment(r.old_due),
                    formatting.moment(r.resubmitted_at),
                    formatting.moment(r.new_due),
                    self._status(r.from_status),
                ]
                for r in self.dossier.supplement_rounds
            ],
        )
