"""The gender/century digit of the 12-digit personal number (Circular 59/2021/TT-BCA, Article 7):
0/1 20th century, 2/3 21st, 4/5 22nd, 6/7 23rd, 8/9 24th (2300-2399), never the 1800s."""

from __future__ import annotations

from datetime import date

import pytest

from counter_app.domain.citizen_id import Gender, century_and_gender, id_number_warnings


def number(digit: str, year: int) -> str:
    return f"020{digit}{year % 100:02d}001234"


@pytest.mark.parametrize(
    ("digit", "first_year", "gender"),
    [
        ("0", 1900, Gender.MALE),
        ("1", 1900, Gender.FEMALE),
        ("2", 2000, Gender.MALE),
        ("3", 2000, Gender.FEMALE),
        ("4", 2100, Gender.MALE),
        ("5", 2100, Gender.FEMALE),
        ("6", 2200, Gender.MALE),
        ("7", 2200, Gender.FEMALE),
        ("8", 2300, Gender.MALE),
        ("9", 2300, Gender.FEMALE),
    ],
)
def test_each_digit_names_its_century_and_gender(digit, first_year, gender):
    assert century_and_gender(digit) == (first_year, gender)
    # The birth-date check agrees at both ends of the century and refuses the next one.
    for year in (first_year, first_year + 99):
        assert id_number_warnings(number(digit, year), date(year, 6, 1), gender) == []
    outside = id_number_warnings(number(digit, first_year), date(first_year + 100, 6, 1), gender)
    assert [problem.key for problem in outside] == ["qr.warn.century"]


@pytest.mark.parametrize(("digit", "gender"), [("8", Gender.MALE), ("9", Gender.FEMALE)])
def test_digits_8_and_9_are_not_the_1800s(digit, gender):
    born_1890 = id_number_warnings(number(digit, 1890), date(1890, 1, 1), gender)
    assert [problem.key for problem in born_1890] == ["qr.warn.century"]
    assert id_number_warnings(number(digit, 2390), date(2390, 1, 1), gender) == []
