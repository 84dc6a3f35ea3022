"""The daily review: figures, tables, charts and lists as the service computes them; one
officer's day; the staff's restricted view; the day's dossiers opening their detail; all of
it read off the GUI thread."""

from __future__ import annotations

import threading
from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt

from counter_app.domain.lifecycle import Action
from counter_app.services.payments import parse_payment
from counter_app.ui.reports import ReportsPage
from counter_app.ui.reports.deadlines import Column
from tests.ui.conftest import make_session
from tests.ui.reports.conftest import DAY, at, wait_loaded


def card(page: ReportsPage, name: str) -> tuple[str, str]:
    shown = page.daily.cards.cards[name]
    return shown.value_label.text(), shown.detail_label.text()


def test_the_days_figures_are_the_services(qtbot, open_page, supervisor, workspace) -> None:
    page = open_page(supervisor)
    review = workspace.reports.daily(DAY, user=supervisor)
    assert page.daily.review == review

    assert (review.received, review.resolved, review.returned) == (4, 2, 1)
    assert card(page, "received") == ("4", "1 online, 1 by post")
    assert card(page, "resolved") == ("2", "on-time rate 50.0%")
    assert card(page, "returned") == ("1", "")
    assert card(page, "fees") == ("260,000 VND", "in cash: 60,000 VND")
    assert card(page, "overdue")[0] == "1"
    assert card(page, "due_today") == ("2", "next working day: 0")
    assert page.daily.channel_table.texts() == [
        ["Walk-in", "2", "50.0%"],
        ["Online", "1", "25.0%"],
        ["Public postal service", "1", "25.0%"],
        ["Total", "4", "100.0%"],
    ]
    assert page.daily.procedure_table.texts() == [
        ["Chứng thực bản sao từ bản chính", "2", "50.0%"],
        ["Cấp Phiếu lý lịch tư pháp", "1", "25.0%"],
        ["Đăng ký thành lập hộ kinh doanh", "1", "25.0%"],
        ["Total", "4", "100.0%"],
    ]
    assert page.daily.agency_table.texts()[0] == ["UBND xã Hoàng Đồng", "4", "100.0%"]
    assert page.daily.officer_table.texts() == [
        ["Nguyễn Thị Lan", "3", "75.0%"],
        ["Phạm Thị Hoa", "1", "25.0%"],
        ["Total", "4", "100.0%"],
    ]
    assert page.daily.fee_table.texts() == [
        ["Collected at intake", "210,000 VND"],
        ["Collected at return", "50,000 VND"],
        ["Exempt", "0 VND"],
        ["Total collected", "260,000 VND"],
    ]
    assert "not signed off" in page.daily.sign_off_label.text()


def test_the_charts_draw_the_services_series(qtbot, open_page, supervisor, day) -> None:
    daily = open_page(supervisor).daily
    hours = dict(zip(daily.hour_chart.categories, daily.hour_chart.values, strict=True))
    assert {hour: n for hour, n in hours.items() if n} == {"8": 1, "9": 2, "14": 1}
    assert list(hours)[:2] == ["7", "8"] and list(hours)[-1] == "17"  # the working day
    # Most dossiers on top: horizontal bars are drawn bottom-up.
    assert daily.officer_chart.categories == ["Phạm Thị Hoa", "Nguyễn Thị Lan"]
    assert daily.officer_chart.values == [1, 3]
    trend = dict(zip(daily.trend_chart.categories, daily.trend_chart.values, strict=True))
    assert len(trend) == 30 and list(trend)[-1] == "25/11"
    assert {d: n for d, n in trend.items() if n} == {"10/11": 1, "13/11": 1, "23/11": 1, "25/11": 4}
    series = daily.trend_chart.chart().series()[0]
    assert [point.y() for point in series.points()] == daily.trend_chart.values
    assert daily.outcome_chart.values == [1, 0, 1]  # before, on, after the due day
    slices = daily.outcome_chart.chart().series()[0].slices()
    assert [s.label() for s in slices] == [
        "Early: 1 (50 %)",
        "On the day: 0 (0 %)",
        "Late: 1 (50 %)",
    ]
    assert not daily.outcome_chart.empty_note.isVisible()


def test_a_day_without_dossiers_says_so_on_its_charts(qtbot, open_page, supervisor) -> None:
    page = open_page(supervisor)
    page.daily.set_day(DAY - timedelta(days=3))  # a Sunday
    qtbot.waitUntil(lambda: page.daily.review.day == DAY - timedelta(days=3))
    wait_loaded(qtbot, page)
    assert card(page, "received")[0] == "0"
    assert page.daily.hour_chart.empty_note.isVisible()
    assert page.daily.hour_chart.empty_note.text() == "No dossier received on this day"
    assert page.daily.outcome_chart.empty_note.isVisible()


def test_the_deadlines_name_who_is_responsible(qtbot, open_page, supervisor, day) -> None:
    lists = open_page(supervisor).daily.deadlines
    assert lists.overdue.codes() == [day.overdue.code]
    assert lists.overdue.cell(0, Column.RECEIVED_BY) == "Nguyễn Thị Lan"
    assert lists.overdue.cell(0, Column.DUE) == "20/11/2026 10:00"
    assert lists.overdue.model().index(0, Column.CODE).data() == day.overdue.code
    assert sorted(lists.due_today.codes()) == sorted([day.walk_in.code, day.other_officer.code])
    assert lists.due_tomorrow.codes() == []
    assert lists.headings["overdue"].text() == "Overdue: 1"


def test_one_officers_day(qtbot, open_page, supervisor, workspace, day) -> None:
    page = open_page(supervisor)
    page.daily.set_officer("hoa")
    qtbot.waitUntil(lambda: page.daily.review.officer == "hoa")
    wait_loaded(qtbot, page)

    assert page.daily.review == workspace.reports.daily(DAY, user=supervisor, officer="hoa")
    assert card(page, "received")[0] == "1"
    assert page.daily.day_list.model.rowCount() == 1
    assert page.daily.day_list.model.dossier(0).code == day.other_officer.code
    # Back to the whole counter.
    page.daily.set_officer(None)
    qtbot.waitUntil(lambda: page.daily.review.officer is None)
    assert card(page, "received")[0] == "4"


def test_staff_see_only_their_own_day(qtbot, open_page, staff, workspace, day) -> None:
    page = open_page(staff)

    assert page.period is None
    assert page.tabs.count() == 1
    assert page.daily.officer_combo.isHidden()
    assert page.daily.review.officer == "lan"
    assert page.daily.review == workspace.reports.daily(DAY, user=staff)
    assert card(page, "received")[0] == "3"
    codes = {page.daily.day_list.model.dossier(r).code for r in range(3)}
    assert page.daily.day_list.model.rowCount() == 3
    assert codes == {day.walk_in.code, day.online.code, day.postal.code}
    assert page.daily.sign_button.isHidden() and page.daily.reopen_button.isHidden()


def test_the_day_list_filters_and_opens_a_dossier(qtbot, open_page, supervisor, day) -> None:
    page = open_page(supervisor)
    listing = page.daily.day_list
    assert listing.model.rowCount() == 4
    assert listing.count_label.text() == "Dossiers: 4"

    listing.channel_combo.setCurrentIndex(listing.channel_combo.findData("online"))
    qtbot.waitUntil(lambda: listing.model.rowCount() == 1)
    assert listing.model.dossier(0).code == day.online.code
    listing.channel_combo.setCurrentIndex(0)
    qtbot.waitUntil(lambda: listing.model.rowCount() == 4)
    listing.procedure_combo.setCurrentIndex(listing.procedure_combo.findData("1.001"))
    qtbot.waitUntil(lambda: listing.model.rowCount() == 2)
    listing.status_combo.setCurrentIndex(listing.status_combo.findData("processing"))
    qtbot.waitUntil(lambda: listing.model.rowCount() == 0)
    listing.status_combo.setCurrentIndex(0)
    qtbot.waitUntil(lambda: listing.model.rowCount() == 2)

    page.daily.sections.setCurrentWidget(listing)
    index = listing.model.index(0, 0)
    code = listing.model.dossier(0).code
    rect, viewport = listing.table.visualRect(index), listing.table.viewport()
    # An item view only takes a double click that follows a press on the same item.
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: page.detail_dialog is not None and page.detail_dialog.isVisible())
    assert page.detail_dialog.dossier.code == code
    page.detail_dialog.close()


def test_an_overdue_dossier_opens_from_its_list(qtbot, open_page, supervisor, day) -> None:
    page = open_page(supervisor)
    page.daily.sections.setCurrentWidget(page.daily.deadlines)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    overdue = page.daily.deadlines.overdue
    overdue.setFocus()
    overdue.setCurrentIndex(overdue.model().index(0, 1))
    qtbot.keyClick(overdue, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.detail_dialog is not None)
    assert page.detail_dialog.dossier.code == day.overdue.code
    page.detail_dialog.close()


def test_the_figures_are_computed_off_the_gui_thread(
    qtbot, workspace, supervisor, day, monkeypatch
) -> None:
    """Every service call of the page runs in a worker; the GUI thread only shows."""
    threads: dict[str, list[threading.Thread]] = {}
    for service, name in (
        (workspace.reports, "daily"),
        (workspace.reports, "period"),
        (workspace.dossiers, "find"),
    ):
        real = getattr(service, name)

        def spy(*args, _real=real, _name=name, **kwargs):  # type: ignore[no-untyped-def]
            threads.setdefault(_name, []).append(threading.current_thread())
            return _real(*args, **kwargs)

        monkeypatch.setattr(service, name, spy)
    page = ReportsPage(make_session(workspace, supervisor, "en"))
    qtbot.addWidget(page)
    page.show()
    page.activate()
    assert page.daily.loading_label.isVisible()  # said at once, before any answer
    wait_loaded(qtbot, page)
    page.tabs.setCurrentWidget(page.period)
    qtbot.waitUntil(lambda: page.period.report is not None)

    assert set(threads) == {"daily", "period", "find"}
    for name, seen in threads.items():
        assert all(t is not threading.main_thread() for t in seen), name
    assert not page.daily.loading_label.isVisible()


def test_in_vietnamese(qtbot, open_page, supervisor, vietnamese) -> None:
    page = open_page(supervisor, "vi")
    assert card(page, "fees") == ("260.000 đ", "tiền mặt: 60.000 đ")
    assert card(page, "resolved") == ("2", "tỷ lệ đúng hạn 50,0\u00a0%")
    assert page.daily.cards.cards["received"].caption_label.text() == "Tiếp nhận"
    assert page.daily.channel_table.texts()[0] == ["Trực tiếp", "2", "50,0\u00a0%"]
    assert page.daily.sign_off_label.text() == "Ngày 25/11/2026 chưa được ký xác nhận."
    assert page.daily.deadlines.headings["overdue"].text() == "Quá hạn: 1"
    due = page.daily.deadlines.overdue.model()
    headers = [due.headerData(c, Qt.Orientation.Horizontal) for c in range(due.columnCount())]
    assert headers[0] == "Mã hồ sơ" and headers[-1] == "Cán bộ tiếp nhận"
    assert [page.tabs.tabText(i) for i in range(page.tabs.count())] == [
        "Số liệu trong ngày",
        "Số liệu báo cáo tỉnh",
        "Hàng đợi",
    ]
    page.tabs.setCurrentWidget(page.period)  # read when first shown
    qtbot.waitUntil(lambda: page.period.report is not None)
    assert page.period.agency_model.index(0, 1).data() == "Tổng cộng"
    assert page.period.agency_model.index(1, 1).data() == "UBND xã Hoàng Đồng"
    header = page.period.agency_model.headerData(2, Qt.Orientation.Horizontal)
    assert header == "Tổng\nsố"


def test_a_typed_date_is_read_once_the_typing_pauses(
    qtbot, open_page, supervisor, workspace, monkeypatch
) -> None:
    page = open_page(supervisor)
    asked: list[date] = []
    real = workspace.reports.daily

    def spy(day: date, **kwargs):  # type: ignore[no-untyped-def]
        asked.append(day)
        return real(day, **kwargs)

    monkeypatch.setattr(workspace.reports, "daily", spy)
    page.daily.day_edit.setDate(QDate(2026, 11, 20))  # as the fields change while typing
    page.daily.day_edit.setDate(QDate(2026, 11, 24))
    qtbot.waitUntil(lambda: page.daily.review.day == date(2026, 11, 24))
    assert asked == [date(2026, 11, 24)]


def test_the_list_says_how_many_the_figures_leave_out(
    qtbot, open_page, supervisor, staff, workspace, day
) -> None:
    """A dossier refused at intake is in the day's list but not among the received."""
    workspace.dossiers.transition(
        day.postal.code, Action.REFUSE, user=staff, note="Không thuộc thẩm quyền", at=at(0, 15)
    )
    page = open_page(supervisor)
    listing = page.daily.day_list
    assert card(page, "received")[0] == "3"
    assert listing.count_label.text() == "Dossiers: 4, of which 1 refused or not yet accepted"
    page.daily.set_officer("lan")  # narrowed in the page, not by the service
    qtbot.waitUntil(lambda: page.daily.review.officer == "lan")
    wait_loaded(qtbot, page)
    assert listing.count_label.text() == "Dossiers: 3, of which 1 refused or not yet accepted"
    listing.status_combo.setCurrentIndex(listing.status_combo.findData("new"))
    qtbot.waitUntil(lambda: listing.model.rowCount() == 2)
    assert listing.count_label.text() == "Dossiers: 2"


def test_the_breakdown_reconciles_the_fees_paid_by_method(
    qtbot, open_page, supervisor, staff, hoa, workspace, day
) -> None:
    for dossier, user, method, reference in (
        (day.online, staff, "transfer", "FT26330001"),
        (day.other_officer, hoa, "cash", ""),
    ):
        for action in (Action.TRANSFER, Action.REQUEST_PAYMENT):
            workspace.dossiers.transition(
                dossier.code, action, user=user, at=at(0, 9, 50), note="Lệ phí"
            )
        workspace.dossiers.transition(
            dossier.code, Action.PAY, user=user, at=at(0, 9, 55),
            payment=parse_payment(method, reference),
        )  # fmt: skip
    page = open_page(supervisor)
    assert page.daily.payment_table.texts() == [
        ["cash", "2", "10,000 VND"],  # taken at the walk-ins' intake; paid: nothing more due
        ["transfer (QR)", "1", "200,000 VND"],
        ["card", "0", "0 VND"],
        ["Total paid", "3", "210,000 VND"],
    ]
    page.daily.set_officer("hoa")
    qtbot.waitUntil(lambda: page.daily.review.officer == "hoa")
    wait_loaded(qtbot, page)
    assert page.daily.payment_table.texts()[:2] == [
        ["cash", "1", "4,000 VND"],
        ["transfer (QR)", "0", "0 VND"],
    ]
