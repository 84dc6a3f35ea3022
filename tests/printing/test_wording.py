"""Dates, times and amounts as the papers word them, with properties over many values."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counter_app.domain.clock import VN_TZ
from counter_app.domain.wording import (
    count_with_zero,
    money,
    money_in_words,
    number_in_words,
    official_date,
    short_date,
    short_time_and_date,
    thousands,
    time_and_date,
)

# --- examples -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "text"),
    [
        (date(2025, 4, 24), "Lạng Sơn, ngày 24 tháng 4 năm 2025"),
        (date(2025, 2, 5), "Lạng Sơn, ngày 05 tháng 02 năm 2025"),
        (date(2025, 1, 31), "Lạng Sơn, ngày 31 tháng 01 năm 2025"),
        (date(2025, 3, 1), "Lạng Sơn, ngày 01 tháng 3 năm 2025"),
        (date(2025, 12, 9), "Lạng Sơn, ngày 09 tháng 12 năm 2025"),
    ],
)
def test_official_date(day, text):
    assert official_date(day, "Lạng Sơn") == text
    assert official_date(day) == text.removeprefix("Lạng Sơn, ")


def test_times_are_vietnam_time_whatever_the_offset():
    moment = datetime(2025, 4, 24, 9, 30, tzinfo=VN_TZ)
    assert time_and_date(moment) == "09 giờ 30 phút, ngày 24/04/2025"
    assert time_and_date(moment.astimezone(UTC)) == "09 giờ 30 phút, ngày 24/04/2025"
    late = datetime(2025, 4, 24, 20, 5, tzinfo=UTC)  # already the next morning in Vietnam
    assert time_and_date(late) == "03 giờ 05 phút, ngày 25/04/2025"
    assert short_time_and_date(moment) == "09:30 24/04/2025"
    assert short_date(date(2025, 4, 4)) == "04/04/2025"


@pytest.mark.parametrize(
    ("amount", "text"),
    [(0, "0 đồng"), (2000, "2.000 đồng"), (200000, "200.000 đồng"), (1234567, "1.234.567 đồng")],
)
def test_money(amount, text):
    assert money(amount) == text


@pytest.mark.parametrize(
    ("number", "words"),
    [
        (0, "không"),
        (5, "năm"),
        (10, "mười"),
        (11, "mười một"),
        (15, "mười lăm"),
        (21, "hai mươi mốt"),
        (24, "hai mươi bốn"),
        (25, "hai mươi lăm"),
        (101, "một trăm linh một"),
        (105, "một trăm linh năm"),
        (110, "một trăm mười"),
        (1000, "một nghìn"),
        (2000, "hai nghìn"),
        (200000, "hai trăm nghìn"),
        (1005000, "một triệu không trăm linh năm nghìn"),
        (2000100, "hai triệu một trăm"),
        (1000000000, "một tỷ"),
        (1000000005, "một tỷ không trăm linh năm"),
        (1000000000000, "một nghìn tỷ"),
    ],
)
def test_number_in_words(number, words):
    assert number_in_words(number) == words


def test_money_in_words_and_counts():
    assert money_in_words(200000) == "Hai trăm nghìn đồng"
    assert money_in_words(2000) == "Hai nghìn đồng"
    assert count_with_zero(1) == "01"
    assert count_with_zero(12) == "12"


# --- properties ---------------------------------------------------------------------------

_UNITS = {
    "không": 0,
    "một": 1,
    "mốt": 1,
    "hai": 2,
    "ba": 3,
    "bốn": 4,
    "năm": 5,
    "lăm": 5,
    "sáu": 6,
    "bảy": 7,
    "tám": 8,
    "chín": 9,
}
_SCALES = {"nghìn": 1000, "triệu": 1_000_000, "tỷ": 1_000_000_000}


def _read_group(words: list[str]) -> int:
    """Read back "x trăm y mươi z" / "linh z" / "mười z"."""
    value = 0
    i = 0
    if len(words) >= 2 and words[1] == "trăm":
        value += 100 * _UNITS[words[0]]
        i = 2
    rest = words[i:]
    if not rest:
        return value
    if rest[0] == "linh":
        assert len(rest) == 2 and rest[1] not in ("mốt", "lăm")
        return value + _UNITS[rest[1]]
    if rest[0] == "mười":
        assert len(rest) <= 2 and (len(rest) == 1 or rest[1] != "mốt")
        return value + 10 + (_UNITS[rest[1]] if len(rest) == 2 else 0)
    if len(rest) >= 2 and rest[1] == "mươi":
        assert rest[0] not in ("một", "không")
        units = _UNITS[rest[2]] if len(rest) == 3 else 0
        assert len(rest) < 3 or rest[2] not in ("năm", "một")  # "lăm", "mốt" after tens
        return value + 10 * _UNITS[rest[0]] + units
    assert len(rest) == 1 and rest[0] not in ("mốt", "lăm")
    return value + _UNITS[rest[0]]


def read_number(text: str) -> int:
    """Vietnamese number words back to an int: a reader independent of the writer."""
    words = text.split()
    total = 0
    current: list[str] = []
    pending = 0  # a value waiting for its "tỷ"
    for word in words:
        if word in _SCALES:
            group = _read_group(current) if current else (0 if pending else 1)
            current = []
            if word == "tỷ":
                total += (pending + group) * _SCALES[word]
                pending = 0
            else:
                pending += group * _SCALES[word]
        else:
            current.append(word)
    return total + pending + (_read_group(current) if current else 0)


@given(st.integers(min_value=0, max_value=10**12))
def test_number_words_read_back(number):
    text = number_in_words(number)
    assert text == text.strip() and "  " not in text
    assert set(text.split()) <= set(_UNITS) | set(_SCALES) | {"trăm", "mươi", "mười", "linh"}
    assert read_number(text) == number


@given(st.integers(min_value=0, max_value=10**12))
def test_money_in_words_capitalised(amount):
    text = money_in_words(amount)
    assert text.endswith(" đồng") and text[0].isupper()
    assert text[0].lower() + text[1:] == f"{number_in_words(amount)} đồng"


@given(st.integers(min_value=-(10**15), max_value=10**15))
def test_thousands_groups_digits_by_three(number):
    text = thousands(number)
    assert re.fullmatch(r"-?\d{1,3}(\.\d{3})*", text)
    assert int(text.replace(".", "")) == number
    assert money(number) == f"{text} đồng"


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31)))
def test_official_date_reads_back(day):
    text = official_date(day, "Lạng Sơn")
    match = re.fullmatch(r"Lạng Sơn, ngày (\d\d) tháng (\d{1,2}) năm (\d{4})", text)
    assert match, text
    assert date(int(match[3]), int(match[2]), int(match[1])) == day
    assert (len(match[2]) == 2) == (day.month < 3 or day.month >= 10)


@given(
    st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2099, 12, 31)),
    st.integers(min_value=-12 * 60, max_value=14 * 60),
)
def test_time_and_date_is_the_local_clock(naive, offset_minutes):
    moment = naive.replace(tzinfo=timezone(timedelta(minutes=offset_minutes)))
    local = moment.astimezone(VN_TZ)
    text = time_and_date(moment)
    assert text == (
        f"{local.hour:02d} giờ {local.minute:02d} phút, "
        f"ngày {local.day:02d}/{local.month:02d}/{local.year}"
    )
