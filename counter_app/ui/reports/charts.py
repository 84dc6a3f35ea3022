"""The daily review's charts (Qt Charts): intake per hour and per officer, the 30-day trend,
and the outcomes of the dossiers completed that day. Each chart keeps the values it draws
(`values`) so what is drawn can be checked against the figures."""

from __future__ import annotations

import math
from datetime import date

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QCategoryAxis,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QLineSeries,
    QPieSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, QPointF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QGraphicsSimpleTextItem, QWidget

from counter_app.ui import theme

BAR_COLOUR = QColor("#1f6fb2")
TREND_COLOUR = QColor("#0b4f8a")
BEFORE_COLOUR = QColor("#2e7d32")
ON_DAY_COLOUR = QColor("#1f6fb2")
LATE_COLOUR = theme.OVERDUE_FOREGROUND
WORKING_HOURS = range(7, 18)  # always shown, so two days' charts compare at a glance
OFFICERS_SHOWN = 12
TREND_TICK_EVERY = 7  # a date label each week, ending on the day reviewed


def fit_count_axis(axis: QValueAxis, maximum: int, max_ticks: int = 5) -> None:
    """Whole numbers from 0, with at most `max_ticks` ticks on round values (labels that do
    not fit are elided by Qt Charts)."""
    intervals = max(1, max_ticks - 1)
    if maximum <= intervals:
        top = max(maximum, 1)
        axis.setRange(0, top)
        axis.setTickCount(top + 1)
        return
    rough = maximum / intervals
    magnitude = 10 ** math.floor(math.log10(rough))
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= rough)
    top = step * math.ceil(maximum / step)
    axis.setRange(0, top)
    axis.setTickCount(top // step + 1)


def count_axis() -> QValueAxis:
    axis = QValueAxis()
    axis.setLabelFormat("%d")
    return axis


class ReviewChart(QChartView):
    """A chart view with the window's font, no animation (figures change at once) and a
    title; subclasses draw their series in `show_*`."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        chart = QChart()
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.setBackgroundRoundness(0)
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.legend().setVisible(False)
        font = QFont(self.font())
        font.setBold(True)
        chart.setTitleFont(font)
        chart.setTitle(title)
        self.setChart(chart)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(150)
        self.values: list[float] = []
        self.categories: list[str] = []
        self._fitting = False
        self.empty_note = QGraphicsSimpleTextItem(chart)
        self.empty_note.setBrush(theme.MUTED_TEXT)
        self.empty_note.setVisible(False)
        chart.plotAreaChanged.connect(lambda _area: self._place_note())

    def ticks_that_fit(self) -> int:
        """How many labels an upright count axis takes before Qt Charts elides them (a chart
        is short on a 720-pixel screen)."""
        line = QFontMetrics(self.chart().font()).height()
        return max(2, min(5, int(self.chart().plotArea().height() // (line * 1.5)) + 1))

    def fit_counts(self, axis: QValueAxis, ticks: int) -> None:
        """Fit the count axis to the values. Changing its ticks moves the plot area, which
        asks for a fit again: that nested call is skipped (Qt Charts crashes when the axis is
        changed again from inside its own change)."""
        if self._fitting:
            return
        self._fitting = True
        try:
            fit_count_axis(axis, int(max(self.values, default=0)), ticks)
        finally:
            self._fitting = False

    def show_empty_note(self, text: str) -> None:
        """Said over the plot when there is nothing to draw (an empty chart looks broken)."""
        self.empty_note.setText(text)
        self.empty_note.setVisible(bool(text))
        self._place_note()

    def _place_note(self) -> None:
        area, size = self.chart().plotArea(), self.empty_note.boundingRect().size()
        self.empty_note.setPos(
            area.center().x() - size.width() / 2, area.center().y() - size.height() / 2
        )


class BarChart(ReviewChart):
    """Counts per category as bars with their value inside. The series and axes are made
    once and refilled: axes removed from a chart keep being drawn by Qt Charts."""

    def __init__(self, title: str, *, horizontal: bool, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self._bars = QBarSet("")
        self._bars.setColor(BAR_COLOUR)
        self._bars.setBorderColor(BAR_COLOUR)
        self._bars.setLabelColor(QColor("white"))
        series = QHorizontalBarSeries() if horizontal else QBarSeries()
        series.append(self._bars)
        series.setBarWidth(0.7)
        series.setLabelsVisible(True)
        series.setLabelsFormat("@value")
        series.setLabelsPosition(QBarSeries.LabelsPosition.LabelsInsideEnd)
        self._names = QBarCategoryAxis()
        self._counts = count_axis()
        chart = self.chart()
        chart.addSeries(series)
        name_side, count_side = (
            (Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignBottom)
            if horizontal
            else (Qt.AlignmentFlag.AlignBottom, Qt.AlignmentFlag.AlignLeft)
        )
        chart.addAxis(self._names, name_side)
        chart.addAxis(self._counts, count_side)
        series.attachAxis(self._names)
        series.attachAxis(self._counts)
        self._upright = not horizontal
        if self._upright:
            chart.plotAreaChanged.connect(lambda _area: self._fit_counts())

    def _fit_counts(self) -> None:
        self.fit_counts(self._counts, self.ticks_that_fit() if self._upright else 5)

    def show_counts(self, categories: list[str], counts: list[int]) -> None:
        self.categories = categories
        self.values = [float(count) for count in counts]
        self._bars.remove(0, self._bars.count())
        self._bars.append(self.values)
        self._names.clear()
        self._names.append(categories)
        self._fit_counts()


class HourChart(BarChart):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, horizontal=False, parent=parent)

    def show_hours(self, by_hour: dict[int, int]) -> None:
        """The hours as bare numbers under the title that says "per hour": "10h" is elided to
        "1…" in the width a 1280×720 screen gives each hour."""
        hours = sorted(set(WORKING_HOURS) | {h for h, n in by_hour.items() if n})
        self.show_counts([str(hour) for hour in hours], [by_hour.get(h, 0) for h in hours])


class OfficerChart(BarChart):
    """The officers with most dossiers on top; the rest of a large counter left out."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, horizontal=True, parent=parent)

    def show_officers(self, by_officer: dict[str, int], names: dict[str, str]) -> None:
        ranked = sorted(by_officer.items(), key=lambda item: (-item[1], item[0]))
        ranked = ranked[:OFFICERS_SHOWN]
        ranked.reverse()  # horizontal bars are drawn from the bottom up
        self.show_counts(
            [names.get(login, login) for login, _ in ranked], [count for _, count in ranked]
        )


class TrendChart(ReviewChart):
    """Received per day over 30 days; x is the day's index, labelled with its date weekly."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self._line = QLineSeries()
        pen = QPen(TREND_COLOUR)
        pen.setWidthF(2.0)
        self._line.setPen(pen)
        self._line.setPointsVisible(True)
        self._days = QCategoryAxis()
        self._days.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        self._counts = count_axis()
        chart = self.chart()
        chart.addSeries(self._line)
        chart.addAxis(self._days, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(self._counts, Qt.AlignmentFlag.AlignLeft)
        self._line.attachAxis(self._days)
        self._line.attachAxis(self._counts)
        chart.plotAreaChanged.connect(lambda _area: self._fit_counts())

    def _fit_counts(self) -> None:
        self.fit_counts(self._counts, self.ticks_that_fit())

    def show_trend(self, trend: tuple[tuple[date, int], ...]) -> None:
        self.categories = [day.strftime("%d/%m") for day, _ in trend]
        self.values = [float(count) for _, count in trend]
        self._line.replace([QPointF(i, value) for i, value in enumerate(self.values)])
        for label in self._days.categoriesLabels():
            self._days.remove(label)
        last = len(trend) - 1
        self._days.setRange(-0.5, max(last, 1) + 0.5)  # room for the first and last label
        for index in range(last % TREND_TICK_EVERY, last + 1, TREND_TICK_EVERY):
            self._days.append(self.categories[index], index)
        self._fit_counts()


class OutcomeChart(ReviewChart):
    """Completed before, on or after the due day, as shares of a pie named in the legend."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        legend = self.chart().legend()
        legend.setVisible(True)
        legend.setAlignment(Qt.AlignmentFlag.AlignRight)

        self._pie = QPieSeries()
        self._pie.setPieSize(0.8)
        self.chart().addSeries(self._pie)

    def show_outcomes(self, parts: list[tuple[str, int]]) -> None:
        """`parts`: (label, count) for before, on, after the due day, in that order."""
        self.categories = [label for label, _ in parts]
        self.values = [float(count) for _, count in parts]
        total = sum(count for _, count in parts)
        self._pie.clear()
        for (label, count), colour in zip(
            parts, (BEFORE_COLOUR, ON_DAY_COLOUR, LATE_COLOUR), strict=True
        ):
            share = f" ({round(100 * count / total)} %)" if total else ""
            piece = self._pie.append(f"{label}: {count}{share}", count)
            piece.setColor(colour)
            piece.setBorderColor(QColor("white"))
        legend = self.chart().legend()
        legend.setMinimumWidth(0)
        legend.setMinimumWidth(legend.preferredWidth())  # else Qt Charts elides at 40 %
