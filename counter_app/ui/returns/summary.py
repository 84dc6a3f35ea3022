"""What the officer checks before handing a result back: who, which procedure, where the
dossier stands, its dates, and the fees still to collect."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.catalog import FeeCollection
from counter_app.domain.dossier import Dossier
from counter_app.ui import formatting, theme
from counter_app.ui.formatting import text_or_dash
from counter_app.ui.labels import timeliness_label

# Long free text takes several lines; codes, states and dates stay whole on one.
WRAPPED = frozenset({"applicant", "procedure", "fees_at_return"})


class DossierSummary(QGroupBox):
    """`fields` maps each shown item (code, status, applicant, id_number, procedure,
    received_at, due_at, completed_at, fees_at_return) to its label."""

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lang = lang
        self.setTitle(self.tr("Dossier"))
        self.fields: dict[str, QLabel] = {}

        code = self._value("code")
        code.setFont(theme.scaled_font(code.font(), 1.25, bold=True))
        status = self._value("status")
        status.setStyleSheet(
            "QLabel { border: 1px solid palette(mid); border-radius: 4px; padding: 2px 8px; }"
        )
        for label in (code, status):  # side by side, centred, whatever height the box gets
            label.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        top = QHBoxLayout()
        top.addWidget(code)
        top.addSpacing(12)
        top.addWidget(status)
        top.addStretch(1)

        left = self._form(
            [
                ("applicant", self.tr("Applicant:")),
                ("id_number", self.tr("ID number:")),
                ("procedure", self.tr("Procedure:")),
                ("fees_at_return", self.tr("Fees to collect at return:")),
            ]
        )
        right = self._form(
            [
                ("received_at", self.tr("Received:")),
                ("due_at", self.tr("Due:")),
                ("completed_at", self.tr("Completed:")),
            ]
        )
        columns = QHBoxLayout()
        columns.addLayout(left, 3)
        columns.addSpacing(24)
        columns.addLayout(right, 2)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(columns)

    def _form(self, rows: list[tuple[str, str]]) -> QFormLayout:
        form = QFormLayout()
        form.setHorizontalSpacing(12)
        form.setVerticalSpacing(6)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        for key, caption in rows:
            form.addRow(self._caption(caption), self._value(key))
        return form

    def _caption(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        return label

    def _value(self, key: str) -> QLabel:
        label = QLabel()
        label.setObjectName(key)
        label.setWordWrap(key in WRAPPED)
        label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fields[key] = label
        return label

    def show_dossier(self, dossier: Dossier) -> None:
        completed = formatting.moment(dossier.completed_at)
        if dossier.completed_at is not None and dossier.timeliness is not None:
            completed = f"{completed} ({timeliness_label(dossier.timeliness)})"
        values = {
            "code": dossier.code or "",
            "status": dossier.status.label(self._lang),
            "applicant": dossier.applicant.full_name,
            "id_number": dossier.applicant.id_number,
            "procedure": f"{dossier.procedure_name} ({dossier.procedure_code})",
            "received_at": formatting.moment(dossier.received_at),
            "due_at": formatting.moment(dossier.due_at),
            "completed_at": completed,
            "fees_at_return": self._fees_text(dossier),
        }
        for key, value in values.items():
            self.fields[key].setText(text_or_dash(value))

    def _fees_text(self, dossier: Dossier) -> str:
        lines = [line for line in dossier.fees if line.collection is FeeCollection.AFTER]
        if not lines:
            return self.tr("None")
        money = self._lang
        shown = []
        for line in lines:
            amount = formatting.money(line.total, money)
            if line.quantity > 1:
                amount = self.tr("{total} ({quantity} × {amount})").format(
                    total=amount,
                    quantity=line.quantity,
                    amount=formatting.money(line.amount, money),
                )
            shown.append(f"{line.name}: {amount}")
        if len(lines) > 1:
            total = formatting.money(sum(line.total for line in lines), money)
            shown.append(self.tr("Total: {total}").format(total=total))
        return "\n".join(shown)
