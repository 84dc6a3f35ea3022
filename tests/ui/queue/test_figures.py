"""The supervisor's queue review: times per area, desk and hour, and the share over the target
the administrator set."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QDate

from counter_app.services.queue import open_queue
from counter_app.ui.reports import ReportsPage
from tests.ui.conftest import make_session


def test_supervisors_see_the_queue_figures_of_the_day(
    qtbot, workspace, supervisor, queue_clock
) -> None:
    workspace.settings.set("queue.wait_target_minutes", 10)
    with open_queue(workspace.settings, workspace.data_dir) as queue:
        queue.take("A", at=queue_clock() - timedelta(minutes=30))  # waits half an hour
        queue.take("B")
        queue.take("B")
        queue.call_next(1)
        queue.call_next(2)
        queue.finish(2)
    page = ReportsPage(make_session(workspace, supervisor, "en"))
    qtbot.addWidget(page)
    tab = page.queue
    page.tabs.setCurrentWidget(tab)
    today = queue_clock().date()  # the queue's own clock; the session's is fixed in the past
    tab.day.setDate(QDate(today.year, today.month, today.day))
    qtbot.waitUntil(lambda: tab.figures is not None and tab.figures.total.called > 0)
    assert tab.figures.total.called == 2 and tab.figures.not_called == 1
    assert "1 not called" in tab.summary.text()
    assert "50% waited more than 10 min" in tab.summary.text()
    areas = tab.tables["area"]
    assert [areas.item(r, 0).text() for r in range(areas.rowCount())] == ["A", "B"]
    assert areas.item(0, 5).text() == "1 (100%)"
    desks = tab.tables["desk"]
    assert [desks.item(r, 0).text() for r in range(desks.rowCount())] == ["1", "2"]
