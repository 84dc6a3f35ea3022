"""Open dossiers that are overdue, due on the day reviewed or due on the next working day,
each with the officer who received it: whom the supervisor asks."""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.dossier import Status
from counter_app.domain.reports import DueItem
from counter_app.ui import formatting, theme
from counter_app.ui.models.table import ListTableModel
from counter_app.ui.tables import open_on_activation, rows_height, set_up_list


class Column(IntEnum):
    CODE = 0
    APPLICANT = 1
    PROCEDURE = 2
    DUE = 3
    STATUS = 4
    RECEIVED_BY = 5


class DueModel(ListTableModel[DueItem]):
    """The items as a lazy table: a counter may have hundreds overdue, and only the rows in
    view are ever turned into text."""

    def __init__(
        self, lang: str, colours: tuple[QColor, QColor] | None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._lang = lang
        self._brushes = (QBrush(colours[0]), QBrush(colours[1])) if colours else None
        self._people: dict[str, str] = {}

    def set_items(self, items: tuple[DueItem, ...], people: dict[str, str]) -> None:
        self._people = people
        self.replace_rows(items)

    def titles(self) -> list[str]:
        return [
            self.tr("Code"),
            self.tr("Applicant"),
            self.tr("Procedure"),
            self.tr("Due"),
            self.tr("Status"),
            self.tr("Received by"),
        ]

    def cell(self, row: int, column: int, role: int) -> object:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.text(self.item(row), Column(column))
        if self._brushes is not None and role == Qt.ItemDataRole.BackgroundRole:
            return self._brushes[0]
        if self._brushes is not None and role == Qt.ItemDataRole.ForegroundRole:
            return self._brushes[1]
        return None

    def text(self, item: DueItem, column: Column) -> str:
        match column:
            case Column.CODE:
                return item.code
            case Column.APPLICANT:
                return item.applicant_name
            case Column.PROCEDURE:
                return item.procedure_name
            case Column.DUE:
                return formatting.moment(item.due_at)
            case Column.STATUS:
                try:
                    return Status(item.status).label(self._lang)
                except ValueError:
                    return item.status
            case Column.RECEIVED_BY:
                return self._people.get(item.received_by) or item.received_by or formatting.EMPTY


class DueTable(QTableView):
    """One list; Enter or a double-click asks for the dossier's detail."""

    sig_open_code = Signal(str)
    """A dossier to open (its code)."""

    def __init__(
        self,
        name: str,
        lang: str,
        colours: tuple[QColor, QColor] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.model_ = DueModel(lang, colours, self)
        self.setModel(self.model_)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        set_up_list(
            self,
            Column.PROCEDURE,
            (
                (Column.CODE, "000.00.00.H00-000000-0000"),
                (Column.APPLICANT, "Nguyễn Thị Hương"),  # longer names elide, whole in the tip
                (Column.DUE, "00/00/0000 00:00"),
                (Column.STATUS, "Đang xử lý"),
                (Column.RECEIVED_BY, "Nguyễn Thị Hương"),
            ),
        )
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        open_on_activation(self, self._open)

    def show_items(self, items: tuple[DueItem, ...], people: dict[str, str]) -> None:
        """Every row shown: the lists scroll together as one page (three lists sharing a
        short screen showed three rows each)."""
        self.model_.set_items(items, people)
        self.setFixedHeight(rows_height(self))

    def codes(self) -> list[str]:
        return [self.model_.item(row).code for row in range(self.model_.rowCount())]

    def cell(self, row: int, column: Column) -> str:
        return self.model_.text(self.model_.item(row), column)

    def _open(self, index: QModelIndex) -> None:
        if index.isValid():
            self.sig_open_code.emit(self.model_.item(index.row()).code)


class DeadlineLists(QWidget):
    """The three lists under their headings, each heading with its count, one under the
    other in a page that scrolls."""

    sig_open_code = Signal(str)
    """A dossier to open (its code)."""

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.overdue = DueTable(
            "overdueList", lang, (theme.OVERDUE_BACKGROUND, theme.OVERDUE_FOREGROUND)
        )
        self.due_today = DueTable(
            "dueTodayList", lang, (theme.DUE_TODAY_BACKGROUND, theme.DUE_TODAY_FOREGROUND)
        )
        self.due_tomorrow = DueTable("dueTomorrowList", lang)
        self.headings: dict[str, QLabel] = {}
        body = QWidget()
        parts = QVBoxLayout(body)
        parts.setContentsMargins(8, 8, 8, 8)
        parts.setSpacing(12)
        bold = QFont(self.font())
        bold.setBold(True)
        for name, table in (
            ("overdue", self.overdue),
            ("due_today", self.due_today),
            ("due_tomorrow", self.due_tomorrow),
        ):
            heading = QLabel()
            heading.setFont(bold)
            self.headings[name] = heading
            table.sig_open_code.connect(self.sig_open_code)
            part = QVBoxLayout()
            part.setSpacing(2)
            part.addWidget(heading)
            part.addWidget(table)
            parts.addLayout(part)
        parts.addStretch(1)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidget(body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll_area)

    def show_lists(
        self,
        overdue: tuple[DueItem, ...],
        due_today: tuple[DueItem, ...],
        due_tomorrow: tuple[DueItem, ...],
        people: dict[str, str],
    ) -> None:
        for name, table, items, title in (
            ("overdue", self.overdue, overdue, self.tr("Overdue: {n}")),
            ("due_today", self.due_today, due_today, self.tr("Due on the day: {n}")),
            (
                "due_tomorrow",
                self.due_tomorrow,
                due_tomorrow,
                self.tr("Due on the next working day: {n}"),
            ),
        ):
            table.show_items(items, people)
            self.headings[name].setText(title.format(n=len(items)))
        self._to_top()

    def showEvent(self, event: QShowEvent) -> None:
        """Lists read while the tab was hidden are laid out now: start again at the top."""
        super().showEvent(event)
        QTimer.singleShot(0, self._to_top)

    def _to_top(self) -> None:
        """A day is read from its overdue list down."""
        self.scroll_area.horizontalScrollBar().setValue(0)
        self.scroll_area.verticalScrollBar().setValue(0)
