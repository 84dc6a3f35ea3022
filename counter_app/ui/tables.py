"""The read-only lists of the window share one look and one way in: whole rows picked one at
a time, nothing edited in place, no row numbers, columns the officer can widen and one that
takes the rest; Enter or a double-click opens the row."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QModelIndex, QSize, Qt
from PySide6.QtGui import QFontMetrics, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
)

from counter_app.ui.formatting import text_or_dash

SAMPLE_PADDING = 24  # room for the cell margins and the header's sort arrow


def two_line_width(metrics: QFontMetrics, text: str) -> int:
    """The narrowest width that holds `text` on at most two lines broken at a space."""
    words = text.split(" ")
    return min(
        max(
            metrics.horizontalAdvance(" ".join(words[:cut])),
            metrics.horizontalAdvance(" ".join(words[cut:])),
        )
        for cut in range(1, len(words) + 1)
    )


class TwoLineHeader(QHeaderView):
    """Column titles wrapped at spaces over two lines: a long title costs its column no width."""

    def __init__(self, parent: QTableView) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)

    def sectionSizeFromContents(self, logicalIndex: int) -> QSize:
        size = super().sectionSizeFromContents(logicalIndex)
        model = self.model()
        if model is None:
            return size
        title = str(model.headerData(logicalIndex, self.orientation()) or "")
        metrics = self.fontMetrics()
        one_line = metrics.horizontalAdvance(title)
        wrapped = two_line_width(metrics, title)
        if wrapped == one_line:
            return size
        return QSize(size.width() - one_line + wrapped, size.height() + metrics.lineSpacing())


def set_up_list(
    table: QTableView,
    stretch: int,
    samples: Iterable[tuple[int, str]] = (),
    *,
    two_lines: bool = False,
) -> None:
    """`stretch` is the column that takes the width left; each (column, sample) pair gives a
    column the width of its longest usual text, so it starts whole without measuring rows.
    With `two_lines`, every row is two lines high and long texts and titles wrap at spaces
    instead of being elided."""
    if two_lines:
        table.setHorizontalHeader(TwoLineHeader(table))
        rows = table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(rows.defaultSectionSize() + table.fontMetrics().lineSpacing())
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setWordWrap(two_lines)
    table.verticalHeader().setVisible(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    metrics = table.fontMetrics()
    for column, sample in samples:
        header.resizeSection(column, metrics.horizontalAdvance(sample) + SAMPLE_PADDING)


def rows_height(table: QTableView) -> int:
    """The height that shows the header and every row, no more."""
    header = table.horizontalHeader().sizeHint().height()
    return header + table.verticalHeader().length() + 2 * table.frameWidth()


def open_on_activation(table: QTableView, open_row: Callable[[QModelIndex], None]) -> None:
    """A double-click, or Enter on the current row, calls `open_row` with that index (which
    may be invalid when nothing is current)."""
    table.doubleClicked.connect(open_row)
    for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
        shortcut = QShortcut(QKeySequence(key), table)
        shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        shortcut.activated.connect(lambda: open_row(table.currentIndex()))


def read_only_table(name: str, headers: list[str]) -> QTableWidget:
    """A small table filled whole by `fill_table` (a procedure's papers, the calendar's days):
    whole rows picked one at a time, nothing edited, no row numbers, rows shaded in turn."""
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().setVisible(False)
    table.setAlternatingRowColors(True)
    table.setWordWrap(True)
    return table


def fill_table(table: QTableWidget, rows: list[list[str]], stretch: int) -> None:
    """`rows` in place of what the table showed (a dash for an empty cell); column `stretch`
    takes the width the others leave, and each row grows to its wrapped text."""
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.setItem(r, c, QTableWidgetItem(text_or_dash(text)))
    header = table.horizontalHeader()
    for column in range(table.columnCount()):
        header.setSectionResizeMode(
            column,
            QHeaderView.ResizeMode.Stretch
            if column == stretch
            else QHeaderView.ResizeMode.ResizeToContents,
        )
    table.resizeRowsToContents()
