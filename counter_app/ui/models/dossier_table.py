"""The dossier list as a lazy table: the first page on reset, 200 more each time the view
scrolls to the end (fetchMore), the total from the service's count.

Fetching and counting run in background tasks: the window never freezes, and an answer to an
older search is dropped."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from enum import IntEnum

from PySide6.QtCore import QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QBrush

from counter_app.domain.dossier import Dossier
from counter_app.ui import formatting, theme
from counter_app.ui.models.dossier_query import Deadline, DossierQuery, deadline_state
from counter_app.ui.models.table import TOP, Index, ListTableModel
from counter_app.ui.workers import Tasks

PAGE_SIZE = 200

DossierRole = Qt.ItemDataRole.UserRole + 1
"""The row's Dossier (for the detail dialog)."""
DeadlineRole = Qt.ItemDataRole.UserRole + 2
"""The row's Deadline state, or None."""


class Column(IntEnum):
    CODE = 0
    APPLICANT = 1
    PROCEDURE = 2
    RECEIVED = 3
    DUE = 4
    STATUS = 5


_COLOURS = {
    Deadline.OVERDUE: (theme.OVERDUE_BACKGROUND, theme.OVERDUE_FOREGROUND),
    Deadline.DUE_TODAY: (theme.DUE_TODAY_BACKGROUND, theme.DUE_TODAY_FOREGROUND),
}


class DossierTableModel(ListTableModel[Dossier]):
    numbered = True

    sig_loaded = Signal(int)
    """A search answered: the total number of matching dossiers (int)."""
    sig_failed = Signal(object)
    """A search or a page could not be read: the exception (CounterError or a bug)."""

    def __init__(
        self,
        lang: str,
        clock: Callable[[], datetime],
        parent: QObject | None = None,
        *,
        page_size: int | None = None,
    ) -> None:
        super().__init__(parent)
        self._lang = lang
        self._clock = clock
        self._page_size = page_size or PAGE_SIZE
        self._query: DossierQuery | None = None
        self._total = 0
        self._at = clock()
        self._generation = 0
        self._fetching = False
        self.tasks = Tasks(self)
        self._brushes = {
            state: (QBrush(background), QBrush(foreground))
            for state, (background, foreground) in _COLOURS.items()
        }

    # --- loading
    def set_query(self, query: DossierQuery) -> None:
        """Start over with a new search: the first page in the background, then the count only
        when that page is full (a common name is listed before its matches are counted); the
        rows shown stay until the first page comes."""
        self._generation += 1
        generation = self._generation
        self._query = query
        self._fetching = False
        self.tasks.run(
            "search",
            lambda: query.fetch(0, self._page_size),
            lambda rows: self._loaded(generation, query, rows),
            self.sig_failed.emit,
        )

    def _loaded(self, generation: int, query: DossierQuery, rows: list[Dossier]) -> None:
        if generation != self._generation:
            return
        self._at = self._clock()
        self._total = len(rows)
        self.replace_rows(rows)
        if len(rows) < self._page_size:
            self.sig_loaded.emit(self._total)
            return
        self.tasks.run(
            "count",
            query.count,
            lambda total: self._counted(generation, total),
            self.sig_failed.emit,
        )

    def _counted(self, generation: int, total: int) -> None:
        if generation != self._generation:
            return
        self._total = max(total, len(self._rows))
        self.sig_loaded.emit(self._total)

    def total(self) -> int:
        """How many dossiers match, loaded or not."""
        return self._total

    def canFetchMore(self, parent: Index = TOP) -> bool:
        return not parent.isValid() and self._query is not None and len(self._rows) < self._total

    def fetchMore(self, parent: Index = TOP) -> None:
        if parent.isValid() or self._query is None or self._fetching:
            return
        self._fetching = True
        generation, query, start, page = (
            self._generation,
            self._query,
            len(self._rows),
            self._page_size,
        )
        self.tasks.run(
            "more",
            lambda: query.fetch(start, page),
            lambda batch: self._more(generation, start, batch),
            self._more_failed,
        )

    def _more(self, generation: int, start: int, batch: list[Dossier]) -> None:
        self._fetching = False
        if generation != self._generation or start != len(self._rows):
            return
        if len(batch) < self._page_size:
            # The data changed under us (or this is the last page): stop asking.
            self._total = start + len(batch)
        if not batch:
            return
        self.beginInsertRows(QModelIndex(), start, start + len(batch) - 1)
        self._rows.extend(batch)
        self.endInsertRows()

    def _more_failed(self, error: Exception) -> None:
        self._fetching = False
        self.sig_failed.emit(error)

    def refresh_deadlines(self) -> None:
        """Time passed: recolour rows that became due today or overdue."""
        self._at = self._clock()
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0),
                self.index(len(self._rows) - 1, len(Column) - 1),
                [
                    Qt.ItemDataRole.BackgroundRole,
                    Qt.ItemDataRole.ForegroundRole,
                    Qt.ItemDataRole.ToolTipRole,
                ],
            )

    def dossier(self, row: int) -> Dossier:
        return self.item(row)

    # --- the model
    def titles(self) -> list[str]:
        return [
            self.tr("Code"),
            self.tr("Applicant"),
            self.tr("Procedure"),
            self.tr("Received"),
            self.tr("Due"),
            self.tr("Status"),
        ]

    def cell(self, row: int, column_number: int, role: int) -> object:
        dossier = self.item(row)
        column = Column(column_number)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(dossier, column)
        if role == DossierRole:
            return dossier
        state = deadline_state(dossier, self._at)
        if role == DeadlineRole:
            return state
        if role == Qt.ItemDataRole.BackgroundRole and state is not None:
            return self._brushes[state][0]
        if role == Qt.ItemDataRole.ForegroundRole and state is not None:
            return self._brushes[state][1]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(dossier, column, state)
        return None

    def _text(self, dossier: Dossier, column: Column) -> str:
        match column:
            case Column.CODE:
                return dossier.code or ""
            case Column.APPLICANT:
                return dossier.applicant.full_name
            case Column.PROCEDURE:
                return dossier.procedure_name
            case Column.RECEIVED:
                return formatting.stacked_moment(dossier.received_at)
            case Column.DUE:
                return formatting.stacked_moment(dossier.due_at)
            case Column.STATUS:
                return dossier.status.label(self._lang)

    def _tooltip(self, dossier: Dossier, column: Column, state: Deadline | None) -> str:
        """The whole cell (columns elide long names), and the deadline state in words."""
        text = self._text(dossier, column)
        if state is Deadline.OVERDUE:
            return self.tr("{text} — overdue").format(text=text)
        if state is Deadline.DUE_TODAY:
            return self.tr("{text} — due today").format(text=text)
        return text
