"""Procedures found by the catalog search: code, name, agency, duration."""

from __future__ import annotations

from collections.abc import Mapping
from enum import IntEnum

from PySide6.QtCore import QObject, Qt

from counter_app.domain.catalog import Agency, Procedure
from counter_app.ui.models.table import ListTableModel

ProcedureRole = Qt.ItemDataRole.UserRole + 1


class Column(IntEnum):
    CODE = 0
    NAME = 1
    AGENCY = 2
    DURATION = 3


class CatalogTableModel(ListTableModel[Procedure]):
    numbered = True

    def __init__(self, lang: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lang = lang
        self._agencies: Mapping[str, Agency] = {}

    def set_procedures(self, procedures: list[Procedure], agencies: Mapping[str, Agency]) -> None:
        self._agencies = agencies
        self.replace_rows(procedures)

    def procedure(self, row: int) -> Procedure:
        return self.item(row)

    def agency_name(self, code: str) -> str:
        agency = self._agencies.get(code)
        return agency.name if agency else code

    def titles(self) -> list[str]:
        return [
            self.tr("Code"),
            self.tr("Procedure"),
            self.tr("Handling agency"),
            self.tr("Processing time"),
        ]

    def cell(self, row: int, column: int, role: int) -> object:
        procedure = self.item(row)
        if role == ProcedureRole:
            return procedure
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        match Column(column):
            case Column.CODE:
                return procedure.code
            case Column.NAME:
                return procedure.name
            case Column.AGENCY:
                return self.agency_name(procedure.agency_code)
            case Column.DURATION:
                return procedure.duration.describe(self._lang)
