"""The `holidays` package's year, kept in the cache folder: the same days as the package's,
read back by the next process, worked out again when the file is damaged."""

from __future__ import annotations

import json
from datetime import date
from importlib.metadata import version
from pathlib import Path

import holidays
import pytest

from counter_app.domain import package_holidays
from counter_app.domain.package_holidays import official_year


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("COUNTER_APP_CACHE_DIR", str(tmp_path))
    official_year.cache_clear()
    yield tmp_path / f"holidays-VN-{version('holidays')}.json"
    official_year.cache_clear()


def package_year(year: int) -> tuple[frozenset[date], frozenset[date]]:
    table = holidays.country_holidays("VN", years=year)
    return (
        frozenset(day for day in table if day.year == year),
        frozenset(day for day in table.weekend_workdays if day.year == year),
    )


@pytest.mark.parametrize("year", [2024, 2025, 2026])
def test_a_year_is_the_packages_first_and_from_the_cache_after(cache: Path, year: int, monkeypatch):
    assert official_year(year) == package_year(year)
    assert str(year) in json.loads(cache.read_text(encoding="utf-8"))

    official_year.cache_clear()  # as a new process would

    def no_package(year: int) -> None:
        raise AssertionError("worked out again")

    monkeypatch.setattr(package_holidays, "_from_package", no_package)
    assert official_year(year) == package_year(year)


def test_years_accumulate_in_one_file_per_package_version(cache: Path):
    official_year(2025)
    official_year(2026)
    assert sorted(json.loads(cache.read_text(encoding="utf-8"))) == ["2025", "2026"]
    assert [path.name for path in cache.parent.iterdir()] == [cache.name]  # no leftovers


@pytest.mark.parametrize(
    "damage",
    ["", "{not json", "[1, 2]", '{"2026": {"off": ["not a date"], "working": []}}',
     '{"2026": {"off": 5}}', '{"2026": []}'],
)  # fmt: skip
def test_a_damaged_cache_is_worked_out_again_and_replaced(cache: Path, damage: str):
    cache.write_text(damage, encoding="utf-8")
    assert official_year(2026) == package_year(2026)
    assert "2026" in json.loads(cache.read_text(encoding="utf-8"))


def test_a_cache_folder_that_cannot_be_written_costs_only_time(tmp_path: Path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv("COUNTER_APP_CACHE_DIR", str(blocker / "cache"))
    official_year.cache_clear()
    try:
        assert official_year(2026) == package_year(2026)
    finally:
        official_year.cache_clear()
