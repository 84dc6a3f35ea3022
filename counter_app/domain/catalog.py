"""The procedure catalog: agencies, procedures, durations, fees and document components.

All of it is data an administrator loads and changes (docs/DOMAIN.md): nothing here is a list of
real procedures, only their shape.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import time
from decimal import Decimal
from enum import StrEnum


class DurationUnit(StrEnum):
    WORKING_DAYS = "working_days"
    CALENDAR_DAYS = "calendar_days"
    WORKING_HOURS = "working_hours"
    SAME_DAY = "same_day"
    NONE = "none"


class ServiceLevel(StrEnum):
    """2018-era levels of online public service, and the 2022 split (Decree 42/2022)."""

    LEVEL_1 = "level_1"
    LEVEL_2 = "level_2"
    LEVEL_3 = "level_3"
    LEVEL_4 = "level_4"
    FULL_ONLINE = "full_online"  # toàn trình
    PARTIAL_ONLINE = "partial_online"  # một phần


class DocumentForm(StrEnum):
    ORIGINAL = "original"  # bản chính
    CERTIFIED_COPY = "certified_copy"  # bản sao chứng thực
    COPY = "copy"  # bản chụp / photo


class FeeCollection(StrEnum):
    BEFORE = "before"  # thu khi tiếp nhận
    AFTER = "after"  # thu khi trả kết quả
    EXEMPT = "exempt"  # miễn


@dataclass(frozen=True)
class Duration:
    """How long the agency has: an amount of a unit, and for same-day work the cut-off time."""

    unit: DurationUnit
    amount: Decimal = Decimal(0)
    cutoff: time | None = None

    @classmethod
    def none(cls) -> Duration:
        return cls(DurationUnit.NONE)

    def describe(self, lang: str = "vi") -> str:
        amount = f"{self.amount.normalize():f}"
        if self.unit is DurationUnit.NONE:
            return "Không quy định" if lang == "vi" else "No deadline"
        if self.unit is DurationUnit.SAME_DAY:
            base = "Trong ngày" if lang == "vi" else "Same day"
            if self.cutoff:
                cut = self.cutoff.strftime("%H:%M")
                more = (
                    f" (nhận sau {cut}: ngày làm việc kế tiếp)"
                    if lang == "vi"
                    else (f" (after {cut}: next working day)")
                )
                return base + more
            return base
        words = {
            DurationUnit.WORKING_DAYS: ("ngày làm việc", "working days"),
            DurationUnit.CALENDAR_DAYS: ("ngày", "calendar days"),
            DurationUnit.WORKING_HOURS: ("giờ làm việc", "working hours"),
        }[self.unit]
        return f"{amount} {words[0] if lang == 'vi' else words[1]}"


@dataclass(frozen=True)
class Agency:
    """An agency known by its electronic identifier (mã định danh, up to 13 characters)."""

    code: str
    name: str
    parent_code: str | None = None
    short_name: str = ""


@dataclass(frozen=True)
class Fee:
    """A fee or charge of a procedure; `per` says what the amount is counted on."""

    name: str
    amount: int  # đồng
    per: str = "dossier"  # dossier | page | copy | person
    collection: FeeCollection = FeeCollection.BEFORE
    note: str = ""
    code: str = ""  # MaPhiLePhi of the national portal's catalogue, when the catalog has it


@dataclass(frozen=True)
class Component:
    """A paper the procedure asks for (thành phần hồ sơ)."""

    name: str
    form: DocumentForm = DocumentForm.ORIGINAL
    count: int = 1
    required: bool = True
    code: str = ""


@dataclass(frozen=True)
class Procedure:
    code: str
    name: str
    field: str
    agency_code: str
    level: ServiceLevel
    duration: Duration
    fees: tuple[Fee, ...] = ()
    components: tuple[Component, ...] = ()
    result: str = ""
    active: bool = True
    field_code: str = ""  # MaLinhVuc of the national portal; `field` is its name


@dataclass
class Catalog:
    """A whole catalog as imported from a file: agencies first, then their procedures."""

    agencies: list[Agency] = field(default_factory=list)
    procedures: list[Procedure] = field(default_factory=list)
