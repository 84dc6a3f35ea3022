"""The procedures found as the officer types: one line each, a few dozen at most."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    Qt,
)
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from counter_app.domain.catalog import Agency, Procedure
from counter_app.ui import theme
from counter_app.ui.models.table import TOP, Index

ProcedureRole = Qt.ItemDataRole.UserRole + 1


class ProcedureListModel(QAbstractListModel):
    """Reset on every keystroke: cheap, since the search returns at most a page of results."""

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

    def rowCount(self, parent: Index = TOP) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows) or index.column() != 0:
            return None
        procedure = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{procedure.name}  ·  {procedure.code}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr(
                "{name}\nCode: {code}\nHandling agency: {agency}\nTime: {duration}"
            ).format(
                name=procedure.name,
                code=procedure.code,
                agency=self.agency_name(procedure.agency_code),
                duration=procedure.duration.describe(self._lang),
            )
        if role == ProcedureRole:
            return procedure
        return None


class ProcedureDelegate(QStyledItemDelegate):
    """The name on the left, cut short if it must be; the code whole on the right, quieter."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        procedure = index.data(ProcedureRole)
        if not isinstance(procedure, Procedure):
            super().paint(painter, option, index)
            return
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        item.text = ""
        widget = item.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, item, painter, widget)
        metrics = item.fontMetrics
        area = QRect(item.rect).adjusted(6, 0, -6, 0)
        code_width = metrics.horizontalAdvance(procedure.code)
        name_area = QRect(area).adjusted(0, 0, -(code_width + 16), 0)
        selected = bool(item.state & QStyle.StateFlag.State_Selected)
        text = item.palette.highlightedText() if selected else item.palette.text()
        painter.save()
        painter.setPen(text.color())
        painter.drawText(
            name_area,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            metrics.elidedText(procedure.name, Qt.TextElideMode.ElideRight, name_area.width()),
        )
        painter.setPen(text.color() if selected else theme.MUTED_TEXT)
        painter.drawText(
            area, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, procedure.code
        )
        painter.restore()
