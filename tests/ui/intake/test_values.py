"""The typed birth date and the appointment as read out, apart from any widget."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from counter_app.domain.clock import VN_TZ
from counter_app.ui.intake.values import birth_date_problem, due_text, parse_birth_date


@pytest.mark.parametrize(
    ("typed", "born"),
    [
        ("15/03/1990", date(1990, 3, 15)),
        ("5/3/1990", date(1990, 3, 5)),
        (" 05.03.1990 ", date(1990, 3, 5)),
        ("05-03-1990", date(1990, 3, 5)),
        ("05031990", date(1990, 3, 5)),  # as the card prints it
        ("", None),
    ],
)
def test_birth_dates_as_people_type_them(typed: str, born: date | None) -> None:
    assert parse_birth_date(typed) == born
    assert birth_date_problem(typed) is None


@pytest.mark.parametrize(
    "typed", ["31/02/1990", "15/13/1990", "1990-03-15", "15/03/90", "01/01/0199", "١٥/٠٣/١٩٩٠"]
)
def test_what_is_not_a_birth_date(typed: str) -> None:
    with pytest.raises(ValueError):
        parse_birth_date(typed)
    problem = birth_date_problem(typed)
    assert problem is not None and problem.field == "birth_date"
    assert problem.message("en").startswith("The birth date is not valid")


def test_the_due_time_as_read_out(qapp, vietnamese) -> None:
    moment = datetime(2025, 4, 24, 9, 30, tzinfo=VN_TZ)
    assert due_text(moment) == "09 giờ 30 phút, Thứ Năm, ngày 24/04/2025"
    assert due_text(None) == "Không quy định thời hạn"


def test_the_due_time_in_english_and_in_vietnam_time(qapp) -> None:
    assert due_text(datetime(2025, 4, 24, 2, 30, tzinfo=UTC)) == "09:30, Thursday 24/04/2025"
