"""Dossier codes `{agency identifier}-{yyMMdd}-{NNNN}` and the scheme that keeps them unique.

The number is the agency's sequence for the receipt day. Every counter of the province draws
numbers for an (agency, day) only from ranges it owns, so two counters can never print the
same code, online or not:

* standalone: a counter with no central address owns every number (1..9999) itself;
* lease: a registered counter holds small blocks of numbers leased by the central database per
  (agency, day), fetched ahead for the coming working days and refreshed on every sync;
* fallback: a registered counter also owns a fixed slice of the top of every day's range,
  derived from its counter number, used only when no lease is left (offline on a new day).
  Central never leases numbers inside the fallback zone.

A counter that has a central address but is not registered owns nothing and gives no code.
Gaps are tolerable, duplicates are not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from counter_app.domain.errors import CounterError

MAX_NUMBER = 9999
AGENCY_PATTERN = r"[0-9A-Z]{1,4}(?:\.[0-9A-Z]{1,4}){0,4}"
_CODE = re.compile(rf"^(?P<agency>{AGENCY_PATTERN})-(?P<day>\d{{6}})-(?P<number>\d{{4,5}})$")


@dataclass(frozen=True, order=True)
class DossierCode:
    agency: str
    day: date
    number: int

    def __str__(self) -> str:
        return f"{self.agency}-{self.day:%y%m%d}-{self.number:04d}"

    @classmethod
    def parse(cls, text: str) -> DossierCode:
        """Read a code as typed or scanned (case and surrounding blanks forgiven)."""
        match = _CODE.match(text.strip().upper())
        if match is None or len(match["agency"]) > 13:
            raise CounterError("code.format", value=text)
        digits = match["day"]
        try:  # yy is this century's: strptime would read 69..99 as 1969..1999
            day = date(2000 + int(digits[:2]), int(digits[2:4]), int(digits[4:]))
        except ValueError:
            raise CounterError("code.format", value=text) from None
        number = int(match["number"])
        if not 1 <= number <= MAX_NUMBER:
            raise CounterError("code.format", value=text)
        return cls(match["agency"], day, number)


def is_dossier_code(text: str) -> bool:
    try:
        DossierCode.parse(text)
    except CounterError:
        return False
    return True


class RangeSource(StrEnum):
    STANDALONE = "standalone"
    LEASE = "lease"
    FALLBACK = "fallback"


@dataclass(frozen=True)
class FallbackZone:
    """The top of every day's numbers, sliced among registered counters by counter number."""

    first: int = 9000
    slice_size: int = 20

    def slice_for(self, counter_number: int) -> tuple[int, int]:
        first = self.first + (counter_number - 1) * self.slice_size
        last = first + self.slice_size - 1
        if counter_number < 1 or last > MAX_NUMBER:
            raise ValueError(f"counter number {counter_number} has no fallback slice")
        return first, last

    @property
    def counters(self) -> int:
        return (MAX_NUMBER - self.first + 1) // self.slice_size


@dataclass(frozen=True)
class NumberRange:
    """Numbers first..last a counter owns for one (agency, day); next_number is the next unused."""

    source: RangeSource
    first: int
    last: int
    next_number: int

    @property
    def left(self) -> int:
        return max(0, self.last - self.next_number + 1)


_SOURCE_ORDER = {RangeSource.STANDALONE: 0, RangeSource.LEASE: 1, RangeSource.FALLBACK: 2}


def pick_range(ranges: list[NumberRange]) -> NumberRange | None:
    """The range to draw the next number from: leases in order, the fallback slice last."""
    usable = [r for r in ranges if r.left > 0]
    if not usable:
        return None
    return min(usable, key=lambda r: (_SOURCE_ORDER[r.source], r.first))
