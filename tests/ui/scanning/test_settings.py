"""Scanner settings as stored under "scanner": round trip, and tolerance of what is stored."""

from __future__ import annotations

import logging

import pytest

from counter_app.ui.scanning.settings import SETTINGS_KEY, ScannerSettings


def test_defaults_fit_a_usb_scanner():
    settings = ScannerSettings()
    assert SETTINGS_KEY == "scanner"
    assert settings.to_dict() == {
        "prefix": "",
        "suffix": "",
        "terminators": ["enter", "tab"],
        "max_interval_ms": 35,
        "min_length": 8,
        "settle_ms": 60,
    }


def test_round_trip():
    settings = ScannerSettings("]C1", "#", ("tab",), 50, 10, 90)
    assert ScannerSettings.from_dict(settings.to_dict()) == settings
    assert ScannerSettings.from_dict(ScannerSettings(terminators=()).to_dict()).terminators == ()


def test_unknown_keys_are_ignored_and_missing_ones_default(caplog):
    with caplog.at_level(logging.WARNING):
        settings = ScannerSettings.from_dict({"min_length": 12, "beep": True, "version": 2})
    assert settings == ScannerSettings(min_length=12)
    assert caplog.records == []


@pytest.mark.parametrize(
    ("stored", "field"),
    [
        ({"max_interval_ms": "35"}, "max_interval_ms"),
        ({"max_interval_ms": 0}, "max_interval_ms"),
        ({"min_length": True}, "min_length"),
        ({"min_length": 8.5}, "min_length"),
        ({"settle_ms": -1}, "settle_ms"),
        ({"prefix": 7}, "prefix"),
        ({"suffix": "\r\n"}, "suffix"),
        ({"prefix": "x" * 40}, "prefix"),
        ({"terminators": "enter"}, "terminators"),
        ({"terminators": ["enter", "escape"]}, "terminators"),
        ({"terminators": ["tab", "tab"]}, "terminators"),
        ({"terminators": [1]}, "terminators"),
    ],
)
def test_bad_values_fall_back_to_the_default_with_a_warning(caplog, stored, field):
    with caplog.at_level(logging.WARNING):
        settings = ScannerSettings.from_dict({**stored, "min_length": stored.get("min_length", 9)})
    assert getattr(settings, field) == getattr(ScannerSettings(), field)
    assert any(field in record.getMessage() for record in caplog.records)
    if field != "min_length":
        assert settings.min_length == 9  # the good values are kept


@pytest.mark.parametrize("stored", [None, [], "scanner", 42])
def test_anything_but_a_mapping_gives_the_defaults(stored):
    assert ScannerSettings.from_dict(stored) == ScannerSettings()


def test_whole_numbers_stored_as_floats_and_terminators_in_capitals_are_read():
    settings = ScannerSettings.from_dict({"max_interval_ms": 40.0, "terminators": ["Enter"]})
    assert settings.max_interval_ms == 40
    assert settings.terminators == ("enter",)


def test_settle_time_below_the_interval_is_raised(caplog):
    with caplog.at_level(logging.WARNING):
        settings = ScannerSettings.from_dict({"max_interval_ms": 80, "settle_ms": 50})
    assert settings.settle_ms == 80
    assert caplog.records


@pytest.mark.parametrize(
    "values",
    [
        {"max_interval_ms": 0},
        {"min_length": 0},
        {"terminators": ("escape",)},
        {"terminators": ["enter"]},
        {"prefix": "\x02"},
        {"max_interval_ms": 70, "settle_ms": 60},
    ],
)
def test_impossible_settings_cannot_be_built(values):
    with pytest.raises(ValueError):
        ScannerSettings(**values)
