"""How the reports write their numbers, the row of headline figures, and the small tables of
counts the daily review breaks its intake into."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from counter_app.ui import theme
from counter_app.ui.formatting import EMPTY
from counter_app.ui.tables import rows_height

NUMBER_ALIGNMENT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def count_text(value: int, lang: str) -> str:
    """1.234 in Vietnamese, 1,234 in English."""
    grouped = f"{value:,}"
    return grouped.replace(",", ".") if lang == "vi" else grouped


def percent_text(value: float | None, lang: str) -> str:
    """80,5 % in Vietnamese (the sign never wraps away from its number), 80.5% in English;
    a dash when there is nothing to divide."""
    if value is None:
        return EMPTY
    shown = f"{100 * value:.1f}"
    return shown.replace(".", ",") + "\u00a0%" if lang == "vi" else shown + "%"


def share(part: int, whole: int, lang: str) -> str:
    return percent_text(part / whole if whole else None, lang)


class FittedValue(QLabel):
    """A card's large figure: its font shrinks, down to the window's own size, rather than cut
    a sum ("13,613,000 VND") on a 1280-pixel screen; the tooltip has it whole anyway."""

    def __init__(self, scale: float) -> None:
        super().__init__(EMPTY)
        self._smallest = theme.scaled_font(self.font(), 1, bold=True)
        self._largest = theme.scaled_font(self.font(), scale, bold=True)
        self.setFont(self._largest)

    def setText(self, text: str) -> None:
        super().setText(text)
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        room = self.contentsRect().width()
        font = QFont(self._largest)
        while (
            font.pointSizeF() > self._smallest.pointSizeF()
            and QFontMetrics(font).horizontalAdvance(self.text()) > room
        ):
            font.setPointSizeF(max(self._smallest.pointSizeF(), font.pointSizeF() - 0.5))
        if font != self.font():
            self.setFont(font)


class FigureCard(QFrame):
    """One headline figure: what it counts, the number large, a detail line. The texts never
    widen the card (six share the page's width): a longer detail wraps."""

    def __init__(self, name: str, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            f"#{name} {{ border: 1px solid palette(mid); border-radius: 6px;"
            " background: palette(base); }"
        )
        self.caption_label = QLabel(caption)
        self.value_label = FittedValue(1.5)
        self.value_label.setObjectName(f"{name}Value")
        self.detail_label = QLabel()
        self.detail_label.setObjectName(f"{name}Detail")
        self.detail_label.setStyleSheet(f"color: {theme.MUTED_TEXT.name()};")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 4, 10, 4)
        layout.setSpacing(0)
        for label in (self.caption_label, self.value_label, self.detail_label):
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            layout.addWidget(label)
        for label in (self.caption_label, self.detail_label):
            label.setWordWrap(True)  # a second line rather than a cut on a narrower screen
        layout.addStretch(1)  # the six cards' lines level, whatever wraps

    def show_value(self, value: str, detail: str = "", *, alert: bool = False) -> None:
        self.value_label.setText(value)
        colour = theme.OVERDUE_FOREGROUND.name() if alert else "palette(text)"
        self.value_label.setStyleSheet(f"color: {colour};")
        self.detail_label.setText(detail)
        self.setToolTip(f"{self.caption_label.text()}: {value}" + (f"\n{detail}" if detail else ""))


class FigureCards(QWidget):
    """Cards side by side; `cards[name]` reaches each; the `wide` ones (money) get a third
    more room than the counts."""

    def __init__(
        self,
        captions: list[tuple[str, str]],
        wide: frozenset[str] = frozenset(),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.cards: dict[str, FigureCard] = {}
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setHorizontalSpacing(8)
        for column, (name, caption) in enumerate(captions):
            card = FigureCard(name, caption)
            self.cards[name] = card
            layout.addWidget(card, 0, column)
            layout.setColumnStretch(column, 4 if name in wide else 3)


class FigureTable(QTableWidget):
    """A read-only table of a few rows: the first column names, the others are numbers
    (right-aligned); an optional totals row in bold at the bottom."""

    def __init__(self, name: str, headers: list[str], parent: QWidget | None = None) -> None:
        super().__init__(0, len(headers), parent)
        self.setObjectName(name)
        self.setHorizontalHeaderLabels(headers)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setWordWrap(False)
        # The name column elides: the tables share the width whatever the names' length.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Expanding)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(headers)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
            header_item = self.horizontalHeaderItem(column)
            if header_item is not None:
                header_item.setTextAlignment(NUMBER_ALIGNMENT)

    def set_rows(self, rows: list[list[str]], total: list[str] | None = None) -> None:
        shown = [*rows, total] if total is not None else rows
        self.setRowCount(len(shown))
        bold = QFont(self.font())
        bold.setBold(True)
        for row, values in enumerate(shown):
            for column, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if column:
                    item.setTextAlignment(NUMBER_ALIGNMENT)
                if total is not None and row == len(shown) - 1:
                    item.setFont(bold)
                self.setItem(row, column, item)

    def fit_rows(self) -> None:
        """No taller than its rows, so a short table leaves the room to the others."""
        self.setMaximumHeight(rows_height(self))

    def texts(self) -> list[list[str]]:
        """What the table shows, row by row (for checks)."""
        return [
            [_text(self.item(row, column)) for column in range(self.columnCount())]
            for row in range(self.rowCount())
        ]


def _text(item: QTableWidgetItem | None) -> str:
    return item.text() if item is not None else ""
