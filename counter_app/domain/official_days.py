"""Official day-off and make-up working-day decisions the `holidays` package does not carry.

The Government announces its swaps late (the 2026 New Year swap came on 25 December 2025), so
the app ships them as data: resources/calendar/official_days.json, edited by hand as
docs/CALENDAR.md says. Shape (keys not listed are ignored)::

    {"format": "counter-app-official-days", "version": N, "updated": "YYYY-MM-DD",
     "decisions": [{"name": {"vi", "en"}, "document", "document_date": "YYYY-MM-DD" | null,
                    "issuer", "days_off": [dates], "working_days": [dates],
                    "holidays_package": "matches" | "differs",
                    "primary_source_found": bool, "source"}]}

Every refusal is `CounterError("calendar_file.invalid", where=..., reason=...)`, as the
catalog file's are.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from counter_app.domain.errors import CounterError
from counter_app.paths import resources_dir

FORMAT = "counter-app-official-days"
PACKAGE_VERDICTS = ("matches", "differs")


@dataclass(frozen=True)
class OfficialDecision:
    """One decision: which days it closes, which weekend days it opens, and who said so."""

    name_vi: str
    name_en: str
    document: str
    document_date: date | None
    issuer: str
    days_off: tuple[date, ...]
    working_days: tuple[date, ...]
    holidays_package: str  # "matches": confirms the package; "differs": corrects it
    primary_source_found: bool
    source: str

    def name(self, lang: str = "vi") -> str:
        return self.name_en if lang == "en" else self.name_vi


@dataclass(frozen=True)
class OfficialDays:
    version: int
    decisions: tuple[OfficialDecision, ...] = ()

    @property
    def days_off(self) -> frozenset[date]:
        return frozenset(day for decision in self.decisions for day in decision.days_off)

    @property
    def working_days(self) -> frozenset[date]:
        return frozenset(day for decision in self.decisions for day in decision.working_days)

    def decision_for(self, day: date) -> OfficialDecision | None:
        """The decision that names `day` (a day off or a make-up day), if any."""
        for decision in self.decisions:
            if day in decision.days_off or day in decision.working_days:
                return decision
        return None


NO_OFFICIAL_DAYS = OfficialDays(version=0)


def _invalid(where: str, reason: str) -> CounterError:
    return CounterError("calendar_file.invalid", where=where, reason=reason)


def _field(data: dict[str, Any], key: str, where: str) -> Any:
    if key not in data:
        raise _invalid(f"{where}.{key}", "catalog.reason.missing")
    return data[key]


def _text(data: dict[str, Any], key: str, where: str) -> str:
    value = _field(data, key, where)
    if not isinstance(value, str):
        raise _invalid(f"{where}.{key}", "catalog.reason.not_text")
    if not value.strip():
        raise _invalid(f"{where}.{key}", "catalog.reason.empty")
    return value.strip()


def _date(value: Any, where: str) -> date:
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise _invalid(where, "calendar_file.reason.date")


def _dates(data: dict[str, Any], key: str, where: str) -> tuple[date, ...]:
    values = _field(data, key, where)
    if not isinstance(values, list):
        raise _invalid(f"{where}.{key}", "catalog.reason.not_list")
    days = tuple(_date(value, f"{where}.{key}[{i}]") for i, value in enumerate(values))
    if len(set(days)) != len(days):
        raise _invalid(f"{where}.{key}", "catalog.reason.duplicate")
    return days


def _decision(data: Any, where: str) -> OfficialDecision:
    if not isinstance(data, dict):
        raise _invalid(where, "catalog.reason.not_object")
    names = _field(data, "name", where)
    if not isinstance(names, dict):
        raise _invalid(f"{where}.name", "catalog.reason.not_object")
    raw_date = _field(data, "document_date", where)
    verdict = _text(data, "holidays_package", where)
    if verdict not in PACKAGE_VERDICTS:
        raise _invalid(f"{where}.holidays_package", "calendar_file.reason.verdict")
    found = _field(data, "primary_source_found", where)
    if not isinstance(found, bool):
        raise _invalid(f"{where}.primary_source_found", "catalog.reason.not_bool")
    days_off = _dates(data, "days_off", where)
    working_days = _dates(data, "working_days", where)
    if not days_off and not working_days:
        raise _invalid(where, "calendar_file.reason.no_days")
    return OfficialDecision(
        name_vi=_text(names, "vi", f"{where}.name"),
        name_en=_text(names, "en", f"{where}.name"),
        document=_text(data, "document", where),
        document_date=None if raw_date is None else _date(raw_date, f"{where}.document_date"),
        issuer=_text(data, "issuer", where),
        days_off=days_off,
        working_days=working_days,
        holidays_package=verdict,
        primary_source_found=found,
        source=_text(data, "source", where),
    )


def official_days_from_json(data: Any) -> OfficialDays:
    """Read the file's JSON; a day named twice, by one decision or two, is refused."""
    if not isinstance(data, dict):
        raise _invalid("$", "catalog.reason.not_object")
    if data.get("format") != FORMAT:
        raise _invalid("format", "calendar_file.reason.format")
    version = _field(data, "version", "$")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise _invalid("version", "calendar_file.reason.version")
    raw = _field(data, "decisions", "$")
    if not isinstance(raw, list):
        raise _invalid("decisions", "catalog.reason.not_list")
    decisions = tuple(_decision(item, f"decisions[{i}]") for i, item in enumerate(raw))
    seen: set[date] = set()
    for number, decision in enumerate(decisions):
        for day in (*decision.days_off, *decision.working_days):
            if day in seen:
                raise CounterError(
                    "calendar_file.day_twice", where=f"decisions[{number}]", day=day.isoformat()
                )
            seen.add(day)
    return OfficialDays(version=version, decisions=decisions)


def shipped_official_days_path() -> Path:
    return resources_dir() / "calendar" / "official_days.json"


@lru_cache(maxsize=1)
def shipped_official_days() -> OfficialDays:
    """The decisions shipped with the app, read once per process."""
    return official_days_from_json(json.loads(shipped_official_days_path().read_text("utf-8")))
