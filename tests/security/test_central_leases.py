"""Leases without limits: a counter took a whole day, or a day in 2099, and burnt days by raising
their heads. On both centrals a lease is for a day from yesterday to a few weeks ahead (Vietnam
time), of a bounded size, one counter holds a bounded share of a day, and a head is raised only
for numbers given before registering, on days already come."""

from __future__ import annotations

from datetime import timedelta

import pytest

from counter_app.domain.clock import now
from counter_app.domain.codes import LEASE_MAX_SIZE
from counter_app.domain.errors import CounterError
from counter_app.store.central.counters import LEASE_DAYS_AHEAD, LEASE_MAX_HELD
from tests.conftest import AGENCY


def _register(gateway, used=None):  # type: ignore[no-untyped-def]
    return gateway.register(install_id="install-a", name="A", used=used or {}).number


@pytest.mark.parametrize(
    "days, size",
    [(LEASE_DAYS_AHEAD + 1, 50), (-2, 50), (365 * 70, 50), (0, LEASE_MAX_SIZE + 50)],
    ids=["beyond-the-horizon", "the-day-before-yesterday", "in-2099", "too-large"],
)
def test_a_lease_out_of_bounds_is_refused(central_as_a, days, size):
    _, gateway = central_as_a
    number = _register(gateway)
    today = now().date()
    with pytest.raises(CounterError) as refused:
        gateway.leases(number, {(AGENCY, today + timedelta(days=days)): size}, today)
    assert refused.value.key == "central.denied"
    assert gateway.leases(number, {}, today - timedelta(days=1)) == []


def test_a_lease_within_bounds_is_granted(central_as_a):
    _, gateway = central_as_a
    number = _register(gateway)
    today = now().date()
    wanted = {(AGENCY, today - timedelta(days=1)): 50, (AGENCY, today + timedelta(days=31)): 50}
    leases = gateway.leases(number, wanted, today - timedelta(days=1))
    assert [(lease.day, lease.first, lease.last) for lease in leases] == [
        (day, 1, 50) for _, day in sorted(wanted)
    ]


def test_one_counter_holds_only_its_share_of_a_day(central_as_a):
    _, gateway = central_as_a
    number = _register(gateway)
    today = now().date()
    for _ in range(3):
        leases = gateway.leases(number, {(AGENCY, today): LEASE_MAX_SIZE}, today)
    assert sum(lease.last - lease.first + 1 for lease in leases) == LEASE_MAX_HELD


def test_a_raised_head_cannot_burn_a_day(central_as_a):
    _, gateway = central_as_a
    today = now().date()
    for used in ({(AGENCY, today): 8990}, {(AGENCY, today + timedelta(days=7)): 10}):
        with pytest.raises(CounterError) as refused:
            _register(gateway, used)
        assert refused.value.key == "central.denied"
    number = _register(gateway, {(AGENCY, today - timedelta(days=3)): 120, (AGENCY, today): 40})
    [lease] = gateway.leases(number, {(AGENCY, today): 50}, today)
    assert (lease.first, lease.last) == (41, 90)  # the numbers given alone stay out of leases
