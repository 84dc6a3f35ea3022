"""Procedures found by the catalog search: code, name, agency, duration."""

from __future__ import annotations

from collections.abc import Mapping
from enum import IntEnum

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from counter_app.domain.catalog import Agency, Procedure

ProcedureRole = Qt.ItemDataRole.UserRole + 1

_Index = QModelIndex | QPersistentModelIndex
_TOP = QModelIndex()  # the invalid index: the table's only parent


class Column(IntEnum):
    CODE = 0
    NAME = 1
    AGENCY = 2
    DURATION = 3


class CatalogTableModel(QAbstractTableModel):
    def __init__(self, lang: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lang = lang
        self._rows: list[Procedure] = []
        self._agencies: Mapping[str, Agency] = {}

    def set_procedures(self, procedures: list[Procedure], agencies: Mapping[str, Agency]) -> None:
        self.beginResetModel()
        self._rows = list(procedures)
        self._agencies = agencies
        self.endResetModel()

    def procedure(self, row: int) -> Procedure:
        return self._rows[row]

    def agency_name(self, code: str) -> str:
        agency = self._agencies.get(code)
        return agency.name if agency else code

    def rowCount(self, parent: _Index = _TOP) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = _TOP) -> int:
        return 0 if parent.isValid() else len(Column)

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
        if not 0 <= section < len(Column):
            return None
        return {
            Column.CODE: self.tr("Code"),
            Column.NAME: self.tr("Procedure"),
            Column.AGENCY: self.tr("Handling agency"),
            Column.DURATION: self.tr("Processing time"),
        }[Column(section)]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        procedure = self._rows[index.row()]
        if role == ProcedureRole:
            return procedure
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        match Column(index.column()):
            case Column.CODE:
                return procedure.code
            case Column.NAME:
                return procedure.name
            case Column.AGENCY:
                return self.agency_name(procedure.agency_code)
            case Column.DURATION:
                return procedure.duration.describe(self._lang)
