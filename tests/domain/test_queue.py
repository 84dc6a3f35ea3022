"""The queue's plain rules: ticket labels, areas by name, estimates, figures."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from counter_app.domain.clock import VN_TZ
from counter_app.domain.queue import (
    DEMO_AREAS,
    Series,
    Ticket,
    TicketState,
    estimated_wait_minutes,
    find_area,
    parse_label,
    queue_figures,
    ticket_label,
)

MORNING = datetime(2026, 12, 7, 8, 0, tzinfo=VN_TZ)


@given(st.integers(min_value=1, max_value=999_999), st.sampled_from(list(Series)))
def test_a_label_reads_back_as_its_ticket(number: int, series: Series) -> None:
    assert parse_label(ticket_label(number, series)) == (series, number)


def test_labels_typed_at_a_desk() -> None:
    assert parse_label(" u7 ") == (Series.PRIORITY, 7)
    assert parse_label("ư12") == (Series.PRIORITY, 12)
    for wrong in ("", "Ư", "12a", "١٢", "1234567", "-3"):
        assert parse_label(wrong) is None


def test_an_area_by_code_or_name_accents_and_dashes_aside() -> None:
    assert find_area(DEMO_AREAS, "b") == DEMO_AREAS[1]
    assert find_area(DEMO_AREAS, "dat dai - xay dung") == DEMO_AREAS[1]
    assert find_area(DEMO_AREAS, "Đất đai") is None


def test_the_estimate_shares_the_ones_ahead_among_the_desks() -> None:
    assert estimated_wait_minutes(6, 5.0, 2) == 15
    assert estimated_wait_minutes(6, 5.0, 0) == 30  # no desk yet: as if one


def ticket(n: int, area: str, waited: int | None, served: int | None, desk: int = 1) -> Ticket:
    taken = MORNING + timedelta(minutes=n)
    called = None if waited is None else taken + timedelta(minutes=waited)
    finished = None if called is None or served is None else called + timedelta(minutes=served)
    state = TicketState.WAITING if called is None else TicketState.DONE
    return Ticket(n, date(2026, 12, 7), Series.NORMAL, n, area, taken, state, None,
                  None if called is None else desk, called, finished)  # fmt: skip


def test_figures_by_area_desk_hour_and_the_share_over_the_target() -> None:
    tickets = [
        ticket(1, "A", 5, 10),
        ticket(2, "A", 25, 4, desk=2),
        ticket(70, "B", 15, None),
        ticket(71, "B", None, None),
    ]
    figures = queue_figures(tickets, target_minutes=10)
    assert figures.total.called == 3 and figures.not_called == 1
    assert figures.total.over_target == 2
    assert figures.total.mean_wait_minutes == 15.0 and figures.total.max_wait_minutes == 25.0
    assert figures.by_area["A"].mean_service_minutes == 7.0
    assert figures.by_area["B"].served == 0
    assert sorted(figures.by_desk) == [1, 2]
    assert sorted(figures.by_hour) == [8, 9]
    assert figures.to_json()["total"]["over_target_share"] == round(2 / 3, 4)
