"""What every list table of the window shares: its rows in one list, cells at the top level
only, row numbers down the side, the headings across the top (each table says its own, in its
translation context)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex
TOP = QModelIndex()  # the invalid index: the table's only parent


class RowTable(QAbstractTableModel):
    _rows: Sequence[object]

    def headings(self) -> list[str]:
        """The column headings, in column order."""
        raise NotImplementedError

    def rowCount(self, parent: Index = TOP) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = TOP) -> int:
        return 0 if parent.isValid() else len(self.headings())

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> object:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        headings = self.headings()
        return headings[section] if 0 <= section < len(headings) else None
