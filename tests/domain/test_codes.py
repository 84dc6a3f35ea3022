from __future__ import annotations

import contextlib
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counter_app.domain.codes import (
    DossierCode,
    FallbackZone,
    NumberRange,
    RangeSource,
    is_dossier_code,
    pick_range,
)
from counter_app.domain.errors import CounterError

agencies = st.from_regex(r"[0-9A-Z]{3}(\.[0-9A-Z]{2,3}){0,3}", fullmatch=True).filter(
    lambda a: len(a) <= 13
)


def test_format_of_the_province_systems():
    code = DossierCode("000.00.06.H56", date(2023, 10, 27), 361)
    assert str(code) == "000.00.06.H56-231027-0361"
    assert DossierCode.parse("000.00.06.H56-231027-0361") == code


@given(agencies, st.dates(date(2000, 1, 1), date(2099, 12, 31)), st.integers(1, 9999))
def test_codes_round_trip(agency, day, number):
    code = DossierCode(agency, day, number)
    assert DossierCode.parse(str(code)) == code
    assert DossierCode.parse(f"  {str(code).lower()}\r\n") == code


@pytest.mark.parametrize(
    "text",
    [
        "", "000.00.06.H56", "000.00.06.H56-231327-0001", "000.00.06.H56-231027-0000",
        "000.00.06.H56-231027-12", "0000000000.00.06.H56-231027-0001", "a|b|c",
        "000.00.06.H56-231027-0001-2",
    ],
)  # fmt: skip
def test_what_is_not_a_code_is_refused(text):
    assert not is_dossier_code(text)
    with pytest.raises(CounterError):
        DossierCode.parse(text)


@given(st.text())
def test_parsing_never_raises_anything_but_a_refusal(text):
    with contextlib.suppress(CounterError):
        DossierCode.parse(text)


def test_fallback_slices_do_not_overlap_and_stay_in_range():
    zone = FallbackZone()
    slices = [zone.slice_for(n) for n in range(1, zone.counters + 1)]
    numbers = [n for first, last in slices for n in range(first, last + 1)]
    assert len(numbers) == len(set(numbers))
    assert min(numbers) == zone.first and max(numbers) <= 9999
    with pytest.raises(ValueError):
        zone.slice_for(zone.counters + 1)


def test_leases_are_used_before_the_fallback_slice():
    lease = NumberRange(RangeSource.LEASE, 21, 40, 21)
    fallback = NumberRange(RangeSource.FALLBACK, 9000, 9019, 9000)
    assert pick_range([fallback, lease]) is lease
    spent = NumberRange(RangeSource.LEASE, 21, 40, 41)
    assert pick_range([fallback, spent]) is fallback
    assert pick_range([NumberRange(RangeSource.FALLBACK, 9000, 9019, 9020)]) is None
