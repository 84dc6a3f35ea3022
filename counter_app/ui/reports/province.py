"""The province figures for a period, in the layout provincial reports use: received (carried
over and new, of which online), resolved (early, on time, late), still in progress (on time,
late), the on-time rate and the online share; per agency and per procedure, with totals."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from enum import IntEnum
from pathlib import Path

from PySide6.QtCore import (
    QObject,
    QRect,
    QSize,
    Qt,
    QTimer,
)
from PySide6.QtGui import QBrush, QColor, QFont, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyle,
    QStyleOptionHeader,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.errors import CounterError
from counter_app.domain.reports import PeriodReport, PeriodRow
from counter_app.services.accounts import User
from counter_app.ui import formatting, theme
from counter_app.ui.models.table import ListTableModel
from counter_app.ui.reports.exports import Export, ExportBar
from counter_app.ui.reports.figures import NUMBER_ALIGNMENT, count_text, percent_text
from counter_app.ui.reports.periods import QuickPeriod, quick_period
from counter_app.ui.reports.ratings import RatingsTable
from counter_app.ui.session import Session
from counter_app.ui.tables import SAMPLE_PADDING
from counter_app.ui.workers import Tasks

TOTAL_BACKGROUND = QColor("#e8eef5")
TYPING_PAUSE_MS = 300


NAME_CHARS = 36  # the widest start of the name column, in digits' widths


class Column(IntEnum):
    NUMBER = 0
    NAME = 1
    RECEIVED_TOTAL = 2
    CARRIED_OVER = 3
    RECEIVED_NEW = 4
    RECEIVED_ONLINE = 5
    RESOLVED_TOTAL = 6
    RESOLVED_EARLY = 7
    RESOLVED_ON_TIME = 8
    RESOLVED_LATE = 9
    IN_PROGRESS_TOTAL = 10
    IN_PROGRESS_ON_TIME = 11
    IN_PROGRESS_LATE = 12
    ON_TIME_RATE = 13
    ONLINE_SHARE = 14


# The figure of each number column, read off a PeriodRow.
COUNTS = {
    Column.RECEIVED_TOTAL: lambda row: row.received_total,
    Column.CARRIED_OVER: lambda row: row.carried_over,
    Column.RECEIVED_NEW: lambda row: row.received_new,
    Column.RECEIVED_ONLINE: lambda row: row.received_online,
    Column.RESOLVED_TOTAL: lambda row: row.resolved_total,
    Column.RESOLVED_EARLY: lambda row: row.resolved_early,
    Column.RESOLVED_ON_TIME: lambda row: row.resolved_on_time,
    Column.RESOLVED_LATE: lambda row: row.resolved_late,
    Column.IN_PROGRESS_TOTAL: lambda row: row.in_progress_total,
    Column.IN_PROGRESS_ON_TIME: lambda row: row.in_progress_on_time,
    Column.IN_PROGRESS_LATE: lambda row: row.in_progress_late,
}
GROUPS = (
    (Column.RECEIVED_TOTAL, Column.RECEIVED_ONLINE),
    (Column.RESOLVED_TOTAL, Column.RESOLVED_LATE),
    (Column.IN_PROGRESS_TOTAL, Column.IN_PROGRESS_LATE),
)


class GroupedHeader(QHeaderView):
    """Column titles with a band above the grouped ones, as the provincial forms print
    "Received" over its total, carried over, new and online columns."""

    def __init__(self, groups: list[tuple[int, int, str]], parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self._groups = groups
        self.setSectionsClickable(False)
        self.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)

    def group_of(self, section: int) -> tuple[int, int, str] | None:
        return next((g for g in self._groups if g[0] <= section <= g[1]), None)

    def band_height(self) -> int:
        return self.fontMetrics().height() + 10

    def sectionSizeFromContents(self, logicalIndex: int) -> QSize:
        size = super().sectionSizeFromContents(logicalIndex)
        return QSize(size.width(), size.height() + self.band_height())

    def paintSection(self, painter: QPainter, rect: QRect, logicalIndex: int) -> None:
        group = self.group_of(logicalIndex)
        if group is None:
            super().paintSection(painter, rect, logicalIndex)
            return
        band = self.band_height()
        painter.save()
        super().paintSection(painter, rect.adjusted(0, band, 0, 0), logicalIndex)
        painter.restore()
        first, last, title = group
        left = self.sectionViewportPosition(first)
        right = self.sectionViewportPosition(last) + self.sectionSize(last)
        option = QStyleOptionHeader()
        self.initStyleOption(option)
        option.rect = QRect(left, rect.top(), right - left, band)
        option.text = title
        option.textAlignment = Qt.AlignmentFlag.AlignCenter
        option.section = first
        option.position = QStyleOptionHeader.SectionPosition.Middle
        painter.save()
        painter.setClipRect(QRect(rect.left(), rect.top(), rect.width(), band))
        self.style().drawControl(QStyle.ControlElement.CE_Header, option, painter, self)
        painter.restore()


class PeriodTableModel(ListTableModel[PeriodRow]):
    """The totals row first, as provincial forms print it (and always in sight), then the
    rows of one breakdown (agencies or procedures), numbered from 1."""

    def __init__(self, lang: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lang = lang
        self._bold = QFont()
        self._bold.setBold(True)
        self._total_brush = QBrush(TOTAL_BACKGROUND)

    def set_rows(self, rows: tuple[PeriodRow, ...], total: PeriodRow) -> None:
        self.replace_rows((total, *rows))

    def row_at(self, row: int) -> PeriodRow:
        return self.item(row)

    def is_total(self, row: int) -> bool:
        return row == 0

    def titles(self) -> list[str]:
        return [self.column_title(column) for column in Column]

    def header(self, column: int, title: str, role: int) -> object:
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.column_tooltip(Column(column)) or title
        return super().header(column, title, role)

    def cell(self, number: int, column_number: int, role: int) -> object:
        row, column = self.item(number), Column(column_number)
        total = self.is_total(number)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            text = self.text(row, column, number, total)
            if role == Qt.ItemDataRole.ToolTipRole and column is Column.NAME and row.key:
                return f"{text} ({row.key})" if not total else text
            return text
        if role == Qt.ItemDataRole.TextAlignmentRole and column is not Column.NAME:
            return int(NUMBER_ALIGNMENT)
        if role == Qt.ItemDataRole.FontRole and total:
            return self._bold
        if role == Qt.ItemDataRole.BackgroundRole and total:
            return self._total_brush
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and column in (Column.RESOLVED_LATE, Column.IN_PROGRESS_LATE)
            and COUNTS[column](row)
        ):
            return QBrush(theme.OVERDUE_FOREGROUND)
        return None

    def text(self, row: PeriodRow, column: Column, number: int, total: bool) -> str:
        if column is Column.NUMBER:
            return "" if total else str(number)
        if column is Column.NAME:
            return self.tr("Total") if total else row.name
        if column is Column.ON_TIME_RATE:
            return percent_text(row.on_time_rate, self._lang)
        if column is Column.ONLINE_SHARE:
            return percent_text(row.online_share, self._lang)
        return count_text(COUNTS[column](row), self._lang)

    def column_title(self, column: Column) -> str:
        return {
            Column.NUMBER: self.tr("No."),
            Column.NAME: self.tr("Name"),
            Column.RECEIVED_TOTAL: self.tr("Total", "column"),
            Column.CARRIED_OVER: self.tr("Carried\nover"),
            Column.RECEIVED_NEW: self.tr("New"),
            Column.RECEIVED_ONLINE: self.tr("of which\nonline"),
            Column.RESOLVED_TOTAL: self.tr("Total", "column"),
            Column.RESOLVED_EARLY: self.tr("Early"),
            Column.RESOLVED_ON_TIME: self.tr("On time"),
            Column.RESOLVED_LATE: self.tr("Late"),
            Column.IN_PROGRESS_TOTAL: self.tr("Total", "column"),
            Column.IN_PROGRESS_ON_TIME: self.tr("Not yet\ndue"),
            Column.IN_PROGRESS_LATE: self.tr("Overdue"),
            Column.ON_TIME_RATE: self.tr("On-time\nrate"),
            Column.ONLINE_SHARE: self.tr("Online\nshare"),
        }[column]

    def column_tooltip(self, column: Column) -> str:
        return {
            Column.CARRIED_OVER: self.tr(
                "Received before the period and not resolved when it began"
            ),
            Column.RECEIVED_NEW: self.tr("Received during the period"),
            Column.RECEIVED_ONLINE: self.tr("Of all received, submitted online"),
            Column.RESOLVED_EARLY: self.tr("Resolved before the due day"),
            Column.RESOLVED_ON_TIME: self.tr("Resolved on the due day"),
            Column.RESOLVED_LATE: self.tr("Resolved after the due day"),
            Column.IN_PROGRESS_ON_TIME: self.tr(
                "Not resolved at the end of the period, still on time"
            ),
            Column.IN_PROGRESS_LATE: self.tr("Not resolved at the end of the period and past due"),
            Column.ON_TIME_RATE: self.tr("Resolved early or on time, of all resolved"),
            Column.ONLINE_SHARE: self.tr("Submitted online, of all received"),
        }.get(column, "")


class PeriodTab(QWidget):
    """Choose a period (or a quick choice); the report is computed in the background and
    shown per agency and per procedure. `report` is the one on screen."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.report: PeriodReport | None = None
        self.tasks = Tasks(self)
        today = formatting.to_qdate(session.clock().date())
        start, end = quick_period(QuickPeriod.THIS_MONTH, session.clock().date())

        self.from_edit = QDateEdit(formatting.to_qdate(start))
        self.from_edit.setObjectName("periodFrom")
        self.to_edit = QDateEdit(formatting.to_qdate(end))
        self.to_edit.setObjectName("periodTo")
        for edit in (self.from_edit, self.to_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy")
            edit.setMaximumDate(today)
        from_caption = QLabel(self.tr("&From:"))
        from_caption.setBuddy(self.from_edit)
        self.quick_buttons: dict[QuickPeriod, QPushButton] = {}
        controls = QHBoxLayout()
        controls.addWidget(from_caption)
        controls.addWidget(self.from_edit)
        controls.addWidget(QLabel(self.tr("to")))
        controls.addWidget(self.to_edit)
        controls.addSpacing(12)
        for choice, text in (
            (QuickPeriod.THIS_MONTH, self.tr("This month")),
            (QuickPeriod.LAST_MONTH, self.tr("Last month")),
            (QuickPeriod.THIS_QUARTER, self.tr("This quarter")),
            (QuickPeriod.THIS_YEAR, self.tr("This year")),
        ):
            button = QPushButton(text)
            button.setObjectName(f"quick_{choice.value}")
            button.setAutoDefault(False)
            button.clicked.connect(lambda _=False, c=choice: self.choose(c))
            self.quick_buttons[choice] = button
            controls.addWidget(button)
        controls.addSpacing(12)
        self.loading_label = QLabel(self.tr("Computing the figures…"))
        self.loading_label.setObjectName("periodLoading")
        self.loading_label.setStyleSheet(f"color: {theme.MUTED_TEXT.name()};")
        self.loading_label.setVisible(False)
        controls.addWidget(self.loading_label)
        controls.addStretch(1)

        report, book = self.tr("Report:"), self.tr("Tracking book:")
        self.exports = ExportBar(
            session,
            [
                Export("periodXlsx", report, "xlsx", self._report_name,
                       self._writer("export_period_xlsx")),
                Export("periodPdf", report, "pdf", self._report_name,
                       self._writer("export_period_pdf")),
                Export("bookXlsx", book, "xlsx", self._book_name,
                       self._writer("export_book_xlsx")),
                Export("bookPdf", book, "pdf", self._book_name, self._book_pdf),
            ],
        )  # fmt: skip

        self.summary_label = QLabel()
        self.summary_label.setObjectName("periodSummary")
        self.summary_label.setWordWrap(True)
        self.error_label = theme.error_label("periodError")

        self.agency_model = PeriodTableModel(session.lang, self)
        self.procedure_model = PeriodTableModel(session.lang, self)
        self.agency_table = self._table("periodByAgency", self.agency_model)
        self.procedure_table = self._table("periodByProcedure", self.procedure_model)
        self.breakdowns = QTabWidget()
        self.breakdowns.addTab(self.agency_table, self.tr("By agency"))
        self.breakdowns.addTab(self.procedure_table, self.tr("By procedure"))
        self.ratings_table = RatingsTable(session.lang)
        self.breakdowns.addTab(self.ratings_table, self.tr("Citizens' ratings"))
        self.breakdowns.setCornerWidget(self.exports, Qt.Corner.TopRightCorner)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 8)
        layout.addLayout(controls)
        layout.addWidget(self.error_label)
        layout.addWidget(self.exports.error_label)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.breakdowns, 1)
        layout.addWidget(self.exports.message_label)

        # Typing a date changes it field by field: read once the typing pauses.
        self._typed = QTimer(self)
        self._typed.setSingleShot(True)
        self._typed.setInterval(TYPING_PAUSE_MS)
        self._typed.timeout.connect(self.refresh)
        for edit in (self.from_edit, self.to_edit):
            edit.dateChanged.connect(lambda _date: self._typed.start())

    def _table(self, name: str, model: PeriodTableModel) -> QTableView:
        table = QTableView()
        table.setObjectName(name)
        header = GroupedHeader(
            [
                (first, last, title)
                for (first, last), title in zip(
                    GROUPS,
                    (self.tr("Received"), self.tr("Resolved"), self.tr("In progress")),
                    strict=True,
                )
            ],
            table,
        )
        table.setHorizontalHeader(header)
        table.setModel(model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setWordWrap(True)
        table.verticalHeader().setVisible(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(Column.NAME, QHeaderView.ResizeMode.Interactive)
        header.setMinimumSectionSize(table.fontMetrics().horizontalAdvance("0000") + 16)
        return table

    @staticmethod
    def _fit_names(table: QTableView) -> None:
        """The names are what the table is read by: their column takes what the longest needs,
        up to NAME_CHARS characters, a longer name wraps onto more lines, and the figures
        scroll sideways when the screen is narrow (a squeezed name column showed "Sở …")."""
        model, metrics = table.model(), table.fontMetrics()
        longest = max(
            (
                metrics.horizontalAdvance(str(model.index(row, Column.NAME).data()))
                for row in range(model.rowCount())
            ),
            default=0,
        )
        cap = metrics.horizontalAdvance("0") * NAME_CHARS
        table.setColumnWidth(Column.NAME, min(longest, cap) + SAMPLE_PADDING)
        table.resizeRowsToContents()

    def _report_name(self) -> str:
        start, end = self.period()
        return self.tr("period-report-{start}-{end}").format(
            start=start.isoformat(), end=end.isoformat()
        )

    def _book_name(self) -> str:
        start, end = self.period()
        return self.tr("tracking-book-{start}-{end}").format(
            start=start.isoformat(), end=end.isoformat()
        )

    def _book_pdf(self, path: Path) -> Callable[[], object]:
        """The book as the printing work lays it out (the same paper `print book` makes)."""
        papers, (start, end) = self._session.workspace.papers, self.period()
        return lambda: papers.save(papers.tracking_book(start, end), path)

    def _writer(self, method: str) -> Callable[[Path], Callable[[], object]]:
        """The export of the period on screen when the file is chosen."""
        session = self._session

        def prepare(path: Path) -> Callable[[], object]:
            start, end = self.period()
            write = getattr(session.workspace.reports, method)
            return lambda: write(start, end, path, user=session.user)

        return prepare

    def period(self) -> tuple[date, date]:
        return formatting.from_qdate(self.from_edit.date()), formatting.from_qdate(
            self.to_edit.date()
        )

    def choose(self, choice: QuickPeriod) -> None:
        start, end = quick_period(choice, self._session.clock().date())
        self.set_period(start, end)

    def set_period(self, start: date, end: date) -> None:
        for edit, value in ((self.from_edit, start), (self.to_edit, end)):
            edit.blockSignals(True)
            edit.setDate(formatting.to_qdate(value))
            edit.blockSignals(False)
        self.refresh()

    def activate(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        self._typed.stop()
        start, end = self.period()
        session = self._session
        self.loading_label.setVisible(True)
        self.breakdowns.setEnabled(self.report is not None)
        self.tasks.run(
            "period",
            lambda: session.workspace.reports.period(start, end, user=session.user),
            self._shown,
            self._failed,
        )

    def _officers(self) -> list[User]:
        return self._session.workspace.accounts.users()

    def _shown(self, report: PeriodReport) -> None:
        self.report = report
        self.loading_label.setVisible(False)
        self.error_label.setVisible(False)
        self.breakdowns.setEnabled(True)
        self.agency_model.set_rows(report.by_agency, report.total)
        self.procedure_model.set_rows(report.by_procedure, report.total)
        names = {row.key: row.name for row in report.by_procedure}
        names.update({user.login: user.full_name or user.login for user in self._officers()})
        self.ratings_table.show_review(report.ratings, names)
        for table in (self.agency_table, self.procedure_table):
            self._fit_names(table)
        lang, total = self._session.lang, report.total
        self.summary_label.setText(
            self.tr(
                "From {start} to {end}: {received} received ({carried} carried over), "
                "{resolved} resolved, {on_time} on time or early, {online} received online."
            ).format(
                start=formatting.day(report.start),
                end=formatting.day(report.end),
                received=count_text(total.received_total, lang),
                carried=count_text(total.carried_over, lang),
                resolved=count_text(total.resolved_total, lang),
                on_time=percent_text(total.on_time_rate, lang),
                online=percent_text(total.online_share, lang),
            )
        )

    def _failed(self, error: Exception) -> None:
        self.loading_label.setVisible(False)
        self.breakdowns.setEnabled(self.report is not None)
        if not isinstance(error, CounterError):
            raise error  # a bug: the crash handler logs it and says so
        self.error_label.setText(error.message(self._session.lang))
        self.error_label.setVisible(True)
