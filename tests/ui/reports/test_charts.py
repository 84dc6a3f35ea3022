"""Count axes keep to labels that fit: a short chart (a 720-pixel screen) gets fewer ticks
instead of labels Qt Charts elides to "…"."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCharts import QValueAxis

from counter_app.ui.reports.charts import HourChart, fit_count_axis


@given(maximum=st.integers(0, 100_000), max_ticks=st.integers(2, 5))
def test_the_axis_covers_the_largest_count_in_at_most_the_ticks_allowed(maximum, max_ticks):
    axis = QValueAxis()
    fit_count_axis(axis, maximum, max_ticks)
    assert axis.min() == 0 and axis.max() >= maximum
    assert 2 <= axis.tickCount() <= max_ticks
    step = axis.max() / (axis.tickCount() - 1)
    assert step == int(step)  # whole numbers on every tick


def test_a_short_hour_chart_gets_fewer_ticks_than_a_tall_one(qtbot):
    chart = HourChart("Tiếp nhận theo giờ")
    qtbot.addWidget(chart)
    chart.resize(500, 400)
    chart.show()
    chart.show_hours({8: 17, 9: 7, 14: 10})
    qtbot.waitUntil(lambda: chart.chart().plotArea().height() > 200)
    tall = chart._counts.tickCount()
    chart.resize(500, 150)
    qtbot.waitUntil(lambda: chart.chart().plotArea().height() < 100)
    short = chart._counts.tickCount()
    assert tall == 5 and 2 <= short < tall
    assert chart._counts.max() >= 17
