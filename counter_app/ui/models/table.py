"""The list models' one base: a flat table of plain rows under fixed columns.

A subclass names its columns (`titles`) and says what a cell shows for a role (`cell`); the
base answers Qt's questions (row and column counts, headers, an index out of range) the same
way for every list of the window.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex
TOP = QModelIndex()  # the invalid index: a table's only parent
RowT = TypeVar("RowT")


class ListTableModel(QAbstractTableModel, Generic[RowT]):
    numbered = False
    """Whether the vertical header numbers the rows from 1."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[RowT] = []
        self._titles: list[str] | None = None

    def titles(self) -> list[str]:
        """One title per column, in the user's language."""
        raise NotImplementedError

    def column_titles(self) -> list[str]:
        """The titles, translated once per model: Qt asks the column count for every cell it
        paints (1,189 times for one paint of the province report, whose fifteen titles cost
        225 translations each time). The language is chosen before any list is built."""
        if self._titles is None:
            self._titles = self.titles()
        return self._titles

    def cell(self, row: int, column: int, role: int) -> object:
        """What the cell shows for `role` (None: nothing); `row` is within the rows."""
        raise NotImplementedError

    def replace_rows(self, rows: Iterable[RowT]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def item(self, row: int) -> RowT:
        return self._rows[row]

    def rowCount(self, parent: Index = TOP) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = TOP) -> int:
        return 0 if parent.isValid() else len(self.column_titles())

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Vertical:
            shown = self.numbered and role == Qt.ItemDataRole.DisplayRole
            return str(section + 1) if shown else None
        titles = self.column_titles()
        if not 0 <= section < len(titles):
            return None
        return self.header(section, titles[section], role)

    def header(self, column: int, title: str, role: int) -> object:
        """A column's header for `role`: its title as text, by default nothing else."""
        return title if role == Qt.ItemDataRole.DisplayRole else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < self.rowCount():
            return None
        return self.cell(index.row(), index.column(), role)
