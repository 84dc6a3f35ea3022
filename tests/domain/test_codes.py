from __future__ import annotations

import contextlib
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counter_app.domain.codes import (
    LEASE_MAX_SIZE,
    DossierCode,
    FallbackZone,
    NumberRange,
    RangeSource,
    is_dossier_code,
    lease_target,
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


def test_fallback_slots_do_not_overlap_and_stay_in_range():
    zone = FallbackZone()
    slots = [zone.slot_range(slot) for slot in range(zone.slots)]
    numbers = [n for first, last in slots for n in range(first, last + 1)]
    assert len(numbers) == len(set(numbers))
    assert min(numbers) == zone.first and max(numbers) <= 9999
    with pytest.raises(ValueError):
        zone.slot_range(zone.slots)


def test_a_counter_owns_a_fallback_range_only_through_its_slot_or_its_legacy_slice():
    zone = FallbackZone(legacy=3)
    assert zone.own_range("X", 2, {}) == (9020, 9039)  # registered before slots: every agency
    assert zone.own_range("X", 4, {}) is None  # no slot of X: leases only
    assert zone.own_range("X", 4, {"X": 3}) == (9060, 9079)
    assert zone.own_range("Y", 4, {"X": 3}) is None
    with pytest.raises(ValueError):
        zone.slice_for(4)


@given(st.lists(st.integers(0, 5000), max_size=30), st.integers(0, 500))
def test_a_lease_holds_half_again_the_busiest_day_within_what_central_grants(volumes, minimum):
    target = lease_target(volumes, minimum)
    assert target <= LEASE_MAX_SIZE
    assert target >= min(LEASE_MAX_SIZE, minimum)
    assert target >= min(LEASE_MAX_SIZE, max(volumes, default=0) * 3 / 2)


def test_leases_are_used_before_the_fallback_slice():
    lease = NumberRange(RangeSource.LEASE, 21, 40, 21)
    fallback = NumberRange(RangeSource.FALLBACK, 9000, 9019, 9000)
    assert pick_range([fallback, lease]) is lease
    spent = NumberRange(RangeSource.LEASE, 21, 40, 41)
    assert pick_range([fallback, spent]) is fallback
    assert pick_range([NumberRange(RangeSource.FALLBACK, 9000, 9019, 9020)]) is None
