"""Vietnam's public holidays and make-up working days of a year, as the `holidays` package
works them out, kept in the cache folder for the next process.

The package is slow to start: importing it loads every country it knows (about 250 modules)
and building a year takes as long again, about 0.15 s of processor time, which a short command
such as `report daily` paid each time it looked for the next working day. A year once built is
written to `<cache>/holidays-VN-<version>.json`, keyed by the package's version so that an
upgrade that corrects a date is never hidden by the cache. The cache only saves time: a file
that is missing, unreadable, malformed or cannot be written is worked out again, silently,
since the figures are the same either way.
"""

from __future__ import annotations

import json
import os
import tempfile
from contextlib import suppress
from datetime import date
from functools import lru_cache
from pathlib import Path

from counter_app.paths import cache_dir

COUNTRY = "VN"

YearDays = tuple[frozenset[date], frozenset[date]]  # (days off, make-up working days)


@lru_cache(maxsize=256)
def official_year(year: int) -> YearDays:
    """(public holidays, make-up working days) of one year, from the cache when it has them."""
    path = _cache_file()
    years = _read(path) if path is not None else {}
    cached = years.get(str(year))
    if cached is not None:
        return cached
    days = _from_package(year)
    if path is not None:
        years[str(year)] = days
        _write(path, years)
    return days


def _from_package(year: int) -> YearDays:
    import holidays

    table = holidays.country_holidays(COUNTRY, years=year)
    days_off = frozenset(day for day in table if day.year == year)
    # weekend_workdays also carries other years' dates: keep this year's only.
    workdays = frozenset(day for day in getattr(table, "weekend_workdays", ()) if day.year == year)
    return days_off, workdays


def _cache_file() -> Path | None:
    """None where the package's version cannot be known (a bundle without its metadata)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return cache_dir() / f"holidays-{COUNTRY}-{version('holidays')}.json"
    except PackageNotFoundError:
        return None


def _read(path: Path) -> dict[str, YearDays]:
    try:
        stored = json.loads(path.read_text(encoding="utf-8"))
        return {
            year: (
                frozenset(date.fromisoformat(d) for d in days["off"]),
                frozenset(date.fromisoformat(d) for d in days["working"]),
            )
            for year, days in stored.items()
        }
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return {}


def _write(path: Path, years: dict[str, YearDays]) -> None:
    """Whole or not at all (a temporary file renamed), so that a reader never sees half."""
    stored = {
        year: {"off": sorted(map(str, off)), "working": sorted(map(str, working))}
        for year, (off, working) in years.items()
    }
    with suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                json.dump(stored, stream)
            os.replace(temporary, path)
        except OSError:
            os.unlink(temporary)
            raise
