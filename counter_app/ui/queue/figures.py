"""The supervisor's review of the queue (a tab of Báo cáo): waiting and service times per area,
desk and hour of a day, and the share of citizens who waited longer than the target set by
the administrator (`queue.wait_target_minutes`)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.errors import CounterError
from counter_app.domain.queue import QueueFigures, TimeFigures
from counter_app.services.queue import open_queue
from counter_app.ui.session import Session
from counter_app.ui.workers import Tasks


class QueueFiguresTab(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.tasks = Tasks(self)
        self.figures: QueueFigures | None = None
        today = session.clock().date()
        self.day = QDateEdit(QDate(today.year, today.month, today.day))
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("dd/MM/yyyy")
        self.day.dateChanged.connect(lambda _day: self.refresh())
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.tables = {
            "area": self._table(self.tr("Area")),
            "desk": self._table(self.tr("Desk")),
            "hour": self._table(self.tr("Hour taken")),
        }
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Day:")))
        top.addWidget(self.day)
        top.addWidget(self.summary, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        for table in self.tables.values():
            layout.addWidget(table, 1)

    def title(self) -> str:
        return self.tr("Queue")

    def _table(self, first: str) -> QTableWidget:
        table = QTableWidget(0, 6)
        table.setHorizontalHeaderLabels(
            [
                first,
                self.tr("Called"),
                self.tr("Mean wait (min)"),
                self.tr("Longest wait (min)"),
                self.tr("Mean service (min)"),
                self.tr("Over target"),
            ]
        )
        table.verticalHeader().hide()
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        return table

    def activate(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        workspace = self._session.workspace
        chosen = self.day.date()
        day = date(chosen.year(), chosen.month(), chosen.day())

        def work() -> QueueFigures:
            with open_queue(workspace.settings, workspace.data_dir) as queue:
                return queue.figures(day)

        self.tasks.run("figures", work, self._show, self._failed)

    def _failed(self, error: Exception) -> None:
        if not isinstance(error, CounterError):
            raise error
        self.summary.setText(error.message(self._session.lang))

    def _show(self, figures: QueueFigures) -> None:
        self.figures = figures
        total = figures.total
        share = total.over_target_share
        self.summary.setText(
            self.tr(
                "{called} called, {waiting} not called; mean wait {wait} min; "
                "{share} waited more than {target} min"
            ).format(
                called=total.called,
                waiting=figures.not_called,
                wait=_number(total.mean_wait_minutes),
                share="—" if share is None else f"{share:.0%}",
                target=figures.target_minutes,
            )
        )
        self._fill(self.tables["area"], dict(figures.by_area))
        self._fill(self.tables["desk"], {str(k): v for k, v in figures.by_desk.items()})
        self._fill(self.tables["hour"], {f"{k:02d}:00": v for k, v in figures.by_hour.items()})

    def _fill(self, table: QTableWidget, rows: dict[str, TimeFigures]) -> None:
        table.setRowCount(len(rows))
        for row, (name, figures) in enumerate(sorted(rows.items())):
            share = figures.over_target_share
            values = [
                name,
                str(figures.called),
                _number(figures.mean_wait_minutes),
                _number(figures.max_wait_minutes),
                _number(figures.mean_service_minutes),
                f"{figures.over_target} ({'—' if share is None else f'{share:.0%}'})",
            ]
            for column, value in enumerate(values):
                table.setItem(row, column, QTableWidgetItem(value))
        table.resizeColumnsToContents()


def _number(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}"
