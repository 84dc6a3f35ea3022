"""The fees of the chosen procedure: the catalog's amount and a quantity, both editable, each
line's total and the sum, written the Vietnamese way (200.000 đ)."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QGridLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.catalog import Fee
from counter_app.domain.dossier import FeeLine
from counter_app.domain.limits import MAX_COUNT, MAX_FEE
from counter_app.ui import formatting, theme
from counter_app.ui.intake.widgets import muted_label
from counter_app.ui.labels import fee_basis_label, fee_collection_label


def money_locale(lang: str) -> QLocale:
    """Dots between thousands in Vietnamese, commas in English, as formatting.money writes."""
    if lang == "vi":
        return QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam)
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)


@dataclass
class FeeRow:
    fee: Fee
    name_label: QLabel
    amount: QDoubleSpinBox
    quantity: QSpinBox
    total_label: QLabel

    def line(self) -> FeeLine:
        return FeeLine(
            name=self.fee.name,
            amount=round(self.amount.value()),
            quantity=self.quantity.value(),
            collection=self.fee.collection,
        )


class FeeLines(QWidget):
    sig_total_changed = Signal(int)
    """The sum of every line changed (int, đồng)."""

    sig_rows_changed = Signal()
    """The lines were replaced (no arguments): the page puts them in its tab order."""

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lang = lang
        self.rows: list[FeeRow] = []
        self.empty_label = muted_label()
        self.empty_label.setObjectName("feesEmpty")
        self.grid = QGridLayout()
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(8)
        self.grid.setColumnStretch(0, 1)
        self.total_label = QLabel()
        self.total_label.setObjectName("feeTotal")
        self.total_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        font = self.total_label.font()
        font.setBold(True)
        self.total_label.setFont(font)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.empty_label)
        layout.addLayout(self.grid)
        layout.addWidget(self.total_label)
        self._headers = [
            muted_label(self.tr("Fee")),
            muted_label(self.tr("Amount")),
            muted_label(self.tr("Quantity")),
            muted_label(self.tr("Total")),
        ]
        for column, label in enumerate(self._headers):
            label.setWordWrap(False)
            if column:
                label.setAlignment(Qt.AlignmentFlag.AlignRight)
            self.grid.addWidget(label, 0, column)
        self.set_fees(None)

    def set_fees(self, fees: tuple[Fee, ...] | None) -> None:
        """The procedure's fees, each once; None: no procedure chosen."""
        for row in self.rows:
            for widget in (row.name_label, row.amount, row.quantity, row.total_label):
                self.grid.removeWidget(widget)
                widget.hide()
                widget.deleteLater()
        self.rows = []
        for number, fee in enumerate(fees or (), start=1):
            self.rows.append(self._add_row(number, fee))
        if fees is None:
            self.empty_label.setText(self.tr("Choose a procedure: its fees are listed here."))
        else:
            self.empty_label.setText(self.tr("No fee or charge for this procedure."))
        self.empty_label.setVisible(not self.rows)
        for label in self._headers:
            label.setVisible(bool(self.rows))
        self.total_label.setVisible(bool(self.rows))
        self._totals_changed()
        self.sig_rows_changed.emit()

    def _add_row(self, grid_row: int, fee: Fee) -> FeeRow:
        details = self.tr("{basis} · {collection}").format(
            basis=fee_basis_label(fee.per), collection=fee_collection_label(fee.collection)
        )
        if fee.note:
            details = f"{details} · {fee.note}"
        name = QLabel(
            f"{escape(fee.name)}<br><span style='color: {theme.MUTED_TEXT.name()};'>"
            f"{escape(details)}</span>"
        )
        name.setTextFormat(Qt.TextFormat.RichText)
        name.setWordWrap(True)
        amount = QDoubleSpinBox()
        amount.setLocale(money_locale(self._lang))
        amount.setDecimals(0)
        amount.setRange(0, MAX_FEE)
        amount.setGroupSeparatorShown(True)
        amount.setSuffix(" đ" if self._lang == "vi" else " VND")
        amount.setAlignment(Qt.AlignmentFlag.AlignRight)
        amount.setValue(fee.amount)
        amount.setAccessibleName(self.tr("Amount of {fee}").format(fee=fee.name))
        amount.setMinimumWidth(amount.fontMetrics().horizontalAdvance("000.000.000 VND") + 40)
        quantity = QSpinBox()
        quantity.setRange(1, MAX_COUNT)
        quantity.setAlignment(Qt.AlignmentFlag.AlignRight)
        quantity.setAccessibleName(self.tr("Quantity of {fee}").format(fee=fee.name))
        total = QLabel()
        total.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        total.setMinimumWidth(total.fontMetrics().horizontalAdvance("000.000.000 VND"))
        row = FeeRow(fee, name, amount, quantity, total)
        amount.valueChanged.connect(self._totals_changed)
        quantity.valueChanged.connect(self._totals_changed)
        self.grid.addWidget(name, grid_row, 0)
        self.grid.addWidget(amount, grid_row, 1, Qt.AlignmentFlag.AlignTop)
        self.grid.addWidget(quantity, grid_row, 2, Qt.AlignmentFlag.AlignTop)
        self.grid.addWidget(total, grid_row, 3, Qt.AlignmentFlag.AlignTop)
        for widget in (name, amount, quantity, total):
            widget.show()  # now, not when the event loop next runs: Tab needs them visible
        return row

    def _totals_changed(self) -> None:
        for row in self.rows:
            row.total_label.setText(formatting.money(row.line().total, self._lang))
        total = self.total()
        self.total_label.setText(
            self.tr("Total: {amount}").format(amount=formatting.money(total, self._lang))
        )
        self.sig_total_changed.emit(total)

    def lines(self) -> list[FeeLine]:
        return [row.line() for row in self.rows]

    def total(self) -> int:
        return sum(line.total for line in self.lines())

    def focus_widgets(self) -> list[QWidget]:
        return [widget for row in self.rows for widget in (row.amount, row.quantity)]
