"""Procedures found by the catalog search: code, name, agency, duration."""

from __future__ import annotations

from collections.abc import Mapping
from enum import IntEnum

from PySide6.QtCore import QObject, Qt

from counter_app.domain.catalog import Agency, Procedure
from counter_app.ui.models.rows import Index, RowTable

ProcedureRole = Qt.ItemDataRole.UserRole + 1


class Column(IntEnum):
    CODE = 0
    NAME = 1
    AGENCY = 2
    DURATION = 3


class CatalogTableModel(RowTable):
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

    def headings(self) -> list[str]:
        return [
            self.tr("Code"),
            self.tr("Procedure"),
            self.tr("Handling agency"),
            self.tr("Processing time"),
        ]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
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
