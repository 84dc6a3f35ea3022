"""Dossier codes `{agency identifier}-{yyMMdd}-{NNNN}` and the scheme that keeps them unique.

The number is the agency's sequence for the receipt day. Every counter of the province draws
numbers for an (agency, day) only from ranges it owns, so two counters can never print the
same code, online or not:

* standalone: a counter with no central address owns every number (1..9999) itself;
* lease: a registered counter holds small blocks of numbers leased by the central database per
  (agency, day), fetched ahead for the coming working days and refreshed on every sync;
* fallback: the top of every (agency, day)'s range (the fallback zone) is cut into slots;
  central hands a slot of an agency to one counter for good, only to counters that receive
  for that agency, and the counter uses it on any day when no lease is left (offline beyond
  the days its leases cover). Central never leases numbers inside the fallback zone. Counters
  registered before slots existed keep the slice of every agency their number gave them.

A counter that has a central address but is not registered owns nothing and gives no code.
Gaps are tolerable, duplicates are not.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from counter_app.domain.errors import CounterError
from counter_app.domain.messages import translate

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
    """The top of every (agency, day)'s numbers, cut into slots of `slice_size`.

    Slot s of an agency is numbers first + s * slice_size onwards, on every day, of the one
    counter central gave it. The first `legacy` slots of every agency belong to the counters
    numbered 1..legacy (one slot per counter number, for every agency, as before revision
    c0009): what they issued stays theirs and is never renumbered."""

    first: int = 9000
    slice_size: int = 20
    legacy: int = 0

    @property
    def slots(self) -> int:
        return (MAX_NUMBER - self.first + 1) // self.slice_size

    def slot_range(self, slot: int) -> tuple[int, int]:
        if not 0 <= slot < self.slots:
            raise ValueError(f"slot {slot} is outside the fallback zone")
        first = self.first + slot * self.slice_size
        return first, first + self.slice_size - 1

    def slice_for(self, counter_number: int) -> tuple[int, int]:
        """The slice a counter registered before slots existed owns for every agency."""
        if not 1 <= counter_number <= self.legacy:
            raise ValueError(f"counter number {counter_number} has no fallback slice")
        return self.slot_range(counter_number - 1)

    def own_range(
        self, agency: str, counter_number: int, slots: Mapping[str, int]
    ) -> tuple[int, int] | None:
        """The fallback numbers a counter owns for an agency on any day (None: no slot)."""
        if counter_number <= self.legacy:
            return self.slice_for(counter_number)
        slot = slots.get(agency)
        return None if slot is None else self.slot_range(slot)

    def to_json(self) -> dict[str, int]:
        return {"first": self.first, "slice_size": self.slice_size, "legacy": self.legacy}


LEASE_MAX_SIZE = 3000  # central's largest lease a call (revision c0005 has the same)


def lease_target(daily_volumes: Sequence[int], minimum: int) -> int:
    """Free leased numbers to hold for an (agency, day): half again the busiest recent day, so
    a counter offline for the days its leases cover still receives its usual volume; at least
    `minimum` (the `sync.lease_target` setting), at most what central leases in one call."""
    busiest = max(daily_volumes, default=0)
    return min(LEASE_MAX_SIZE, max(minimum, -(-busiest * 3 // 2)))


# Warn the administrator when the leasable numbers of an (agency, day) are this far used.
NUMBER_SPACE_WARN = 0.8
NUMBER_SPACE_LOW = "codes.number_space_low"  # the warning's message


@dataclass(frozen=True)
class LowNumberSpace:
    """An (agency, day) whose leasable numbers are nearly all leased."""

    agency_code: str
    day: date
    leased: int  # numbers leased so far
    leasable: int  # numbers below the fallback zone

    def message(self, lang: str = "vi") -> str:
        return translate(
            NUMBER_SPACE_LOW,
            lang,
            agency=self.agency_code,
            day=self.day.isoformat(),
            leased=self.leased,
            leasable=self.leasable,
        )

    def to_json(self) -> dict[str, object]:
        return {
            "agency": self.agency_code,
            "day": self.day.isoformat(),
            "leased": self.leased,
            "leasable": self.leasable,
        }

    @classmethod
    def from_json(cls, data: dict[str, object]) -> LowNumberSpace:
        return cls(
            str(data["agency"]),
            date.fromisoformat(str(data["day"])),
            int(str(data["leased"])),
            int(str(data["leasable"])),
        )


def low_head(zone: FallbackZone) -> int:
    """The lease head of an (agency, day) from which its number space is low: soon the day's
    leases are out and counters fall back on their slots."""
    return int(NUMBER_SPACE_WARN * (zone.first - 1)) + 1


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
