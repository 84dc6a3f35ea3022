"""The province figures: the period report per agency and per procedure as the service
computes it, in the provincial layout, with totals and percentages; the quick periods."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from counter_app.ui.reports.periods import QuickPeriod, quick_period
from counter_app.ui.reports.province import COUNTS, Column, PeriodTableModel
from tests.ui.reports.conftest import DAY


def row_texts(model, row: int) -> list[str]:  # type: ignore[no-untyped-def]
    return [model.index(row, column).data() for column in range(model.columnCount())]


def test_the_period_report_is_the_services(qtbot, open_page, supervisor, workspace) -> None:
    page = open_page(supervisor)
    page.tabs.setCurrentWidget(page.period)
    tab = page.period
    qtbot.waitUntil(lambda: tab.report is not None and not tab.tasks.busy)
    assert tab.period() == (date(2026, 11, 1), DAY)  # this month, up to the day
    report = workspace.reports.period(date(2026, 11, 1), DAY, user=supervisor)
    assert tab.report == report

    total = report.total
    # 10/11, 13/11, 23/11 and the day's four: all received in November, none carried over.
    assert (total.received_total, total.resolved_total) == (7, 2)
    assert (total.resolved_early, total.resolved_late) == (1, 1)
    model = tab.agency_model
    assert model.rowCount() == len(report.by_agency) + 1
    first = row_texts(model, 1)
    assert first[:2] == ["1", "UBND xã Hoàng Đồng"]
    for column, figure in COUNTS.items():
        assert first[column] == str(figure(report.by_agency[0])), column
    assert first[Column.ON_TIME_RATE] == "50.0%"
    assert first[Column.ONLINE_SHARE] == "14.3%"  # 1 of 7
    totals = row_texts(model, 0)  # first, as provincial forms print it
    assert totals[:2] == ["", "Total"]
    assert totals[Column.RECEIVED_TOTAL] == "7"
    assert model.is_total(0) and not model.is_total(1)

    procedures = tab.procedure_model
    assert procedures.rowCount() == len(report.by_procedure) + 1
    names = [procedures.index(r, Column.NAME).data() for r in range(procedures.rowCount())]
    assert set(names[1:]) == {row.name for row in report.by_procedure}
    assert "7 received (0 carried over), 2 resolved, 50.0% on time" in tab.summary_label.text()


def test_the_provincial_header_groups_the_columns(qtbot, open_page, supervisor) -> None:
    page = open_page(supervisor)
    header = page.period.agency_table.horizontalHeader()
    assert header.group_of(Column.CARRIED_OVER)[2] == "Received"
    assert header.group_of(Column.RESOLVED_LATE)[2] == "Resolved"
    assert header.group_of(Column.IN_PROGRESS_ON_TIME)[2] == "In progress"
    assert header.group_of(Column.ON_TIME_RATE) is None
    model = page.period.agency_model
    titles = [model.headerData(c, header.orientation()) for c in range(model.columnCount())]
    assert titles[Column.RESOLVED_EARLY : Column.RESOLVED_LATE + 1] == ["Early", "On time", "Late"]
    assert titles[Column.IN_PROGRESS_TOTAL : Column.IN_PROGRESS_LATE + 1] == [
        "Total",
        "Not yet\ndue",
        "Overdue",
    ]


def test_the_titles_are_translated_once_per_table_not_per_cell_painted(
    qtbot, open_page, supervisor, monkeypatch
) -> None:
    """Qt asks the column count for every cell it paints; fifteen titles in the user's
    language each time made a screenful of the report cost a tenth of a second."""
    translated = []
    titles = PeriodTableModel.titles
    monkeypatch.setattr(
        PeriodTableModel, "titles", lambda model: translated.append(model) or titles(model)
    )
    page = open_page(supervisor)
    tab = page.period
    page.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.report is not None and not tab.tasks.busy)
    tab.agency_table.grab()
    tab.procedure_table.grab()
    assert tab.agency_model.rowCount() > 1
    assert translated.count(tab.agency_model) == 1
    assert translated.count(tab.procedure_model) == 1


def test_quick_choices_set_the_period_and_read_it(qtbot, open_page, supervisor, workspace) -> None:
    page = open_page(supervisor)
    tab = page.period
    tab.quick_buttons[QuickPeriod.LAST_MONTH].click()
    assert tab.period() == (date(2026, 10, 1), date(2026, 10, 31))
    qtbot.waitUntil(lambda: tab.report is not None and tab.report.start == date(2026, 10, 1))
    assert tab.report.total.received_total == 0
    tab.quick_buttons[QuickPeriod.THIS_YEAR].click()
    qtbot.waitUntil(lambda: tab.report.start == date(2026, 1, 1))
    assert tab.report.total.received_total == 7


def test_a_refused_period_is_explained(qtbot, open_page, supervisor) -> None:
    tab = open_page(supervisor).period
    tab.set_period(DAY, date(2026, 11, 1))
    qtbot.waitUntil(lambda: not tab.error_label.isHidden())
    assert tab.error_label.text() == "Not a period: from 25/11/2026 to 01/11/2026."


def test_quick_periods_on_known_days() -> None:
    today = date(2026, 11, 25)
    assert quick_period(QuickPeriod.THIS_MONTH, today) == (date(2026, 11, 1), today)
    assert quick_period(QuickPeriod.LAST_MONTH, today) == (date(2026, 10, 1), date(2026, 10, 31))
    assert quick_period(QuickPeriod.THIS_QUARTER, today) == (date(2026, 10, 1), today)
    assert quick_period(QuickPeriod.THIS_YEAR, today) == (date(2026, 1, 1), today)
    january = date(2027, 1, 10)
    assert quick_period(QuickPeriod.LAST_MONTH, january) == (date(2026, 12, 1), date(2026, 12, 31))


@given(
    st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31)), st.sampled_from(QuickPeriod)
)
def test_a_quick_period_is_a_run_of_whole_days_never_past_today(
    today: date, choice: QuickPeriod
) -> None:
    start, end = quick_period(choice, today)
    assert start.day == 1 and start <= end <= today
    if choice is QuickPeriod.LAST_MONTH:
        assert end.toordinal() + 1 == today.replace(day=1).toordinal()  # the month before
    else:
        assert end == today
        first_month = {
            QuickPeriod.THIS_MONTH: today.month,
            QuickPeriod.THIS_QUARTER: (today.month - 1) // 3 * 3 + 1,
            QuickPeriod.THIS_YEAR: 1,
        }[choice]
        assert (start.year, start.month) == (today.year, first_month)
