"""The settings registry: every key the code spells is declared, and values are checked."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counter_app.domain import settings_registry as registry
from counter_app.domain.errors import CounterError
from counter_app.domain.messages import MESSAGES
from counter_app.domain.settings_registry import REGISTRY, Kind, Who

PACKAGE = Path(registry.__file__).resolve().parents[1]
PREFIXES = sorted({spec.key.split(".", 1)[0] for spec in REGISTRY.values()})
# A settings key as code spells it: "counter.name", "schedule.{agency}", f"papers.{name}".
SPELT = re.compile(r'f?"((?:' + "|".join(PREFIXES) + r')\.[a-z_{}]+|scanner)"')
NOT_SETTINGS = {"sync.reapply", "sync.seen"}  # audit actions and resolutions of the sync


def test_every_declared_default_fits_its_own_declaration() -> None:
    for spec in REGISTRY.values():
        if spec.default is not None:
            assert registry.checked(spec.key, spec.default) == spec.default, spec.key
        if spec.kind is Kind.CHOICE:
            assert spec.choices, spec.key
        if spec.kind is Kind.INT:
            assert spec.low is not None, spec.key
        assert spec.who in Who


def test_every_settings_key_the_package_spells_is_declared() -> None:
    """Message keys share some prefixes (sync.offline is a message): those are not settings."""
    undeclared = set()
    for path in PACKAGE.rglob("*.py"):
        if path.name == "settings_registry.py" or {"cli", "messages"} & set(path.parts):
            continue
        for key in SPELT.findall(path.read_text(encoding="utf-8")):
            if key in MESSAGES or key in NOT_SETTINGS:
                continue
            prefix = key.split("{", 1)[0]
            if "{" in key:  # computed: some declaration must start the same way
                declared = any(spec.key.startswith(prefix) for spec in REGISTRY.values())
            else:
                declared = key in REGISTRY or _fits_a_pattern(key)
            if not declared:
                undeclared.add(f"{path.relative_to(PACKAGE)}: {key}")
    assert not undeclared


def _fits_a_pattern(key: str) -> bool:
    try:
        return registry.spec_for(key).is_pattern
    except CounterError:
        return False


def test_a_pattern_serves_every_agency_and_an_exact_key_wins() -> None:
    assert registry.spec_for("schedule.H37.01").key == "schedule.{agency}"
    assert registry.spec_for("schedule.default").key == "schedule.default"
    for unknown in ("schedule.", "schedule", "counter.nam", ""):
        with pytest.raises(CounterError) as refused:
            registry.spec_for(unknown)
        assert refused.value.key == "setting.unknown"


@given(st.integers(min_value=-10_000, max_value=10_000))
def test_an_int_setting_takes_exactly_its_range(value: int) -> None:
    spec = REGISTRY["ui.font_size"]
    assert spec.low is not None and spec.high is not None
    inside = spec.low <= value <= spec.high
    assert registry.read(spec.key, value) == (value if inside else spec.default)
    if inside:
        assert registry.checked(spec.key, value) == value
    else:
        with pytest.raises(CounterError) as refused:
            registry.checked(spec.key, value)
        assert refused.value.key == "setting.range"


@pytest.mark.parametrize(
    ("key", "value", "problem"),
    [
        ("ui.font_size", True, "setting.not_int"),
        ("ui.font_size", "12", "setting.not_int"),
        ("printing.auto_receipt", 1, "setting.not_bool"),
        ("counter.name", 12, "setting.not_text"),
        ("counter.name", "x" * 121, "setting.too_long"),
        ("ui.language", "fr", "setting.choice"),
        ("central.agencies", {"a": 1}, "setting.not_json"),
        ("papers.titles", {"receipt": 1}, "setting.invalid"),
        ("schedule.default", {"weekdays": [], "periods": []}, "setting.invalid"),
        ("schedule.H37", "8-17", "setting.invalid"),
    ],
)
def test_a_value_that_does_not_fit_is_refused_and_reads_as_the_default(
    key: str, value: object, problem: str
) -> None:
    with pytest.raises(CounterError) as refused:
        registry.checked(key, value)
    assert refused.value.key == problem
    assert key in refused.value.message("en") and key in refused.value.message("vi")
    assert registry.read(key, value) == registry.default(key)


def test_only_an_optional_setting_may_be_cleared() -> None:
    assert registry.checked("counter.desk", None) is None
    with pytest.raises(CounterError):
        registry.checked("ui.font_size", None)


def test_a_program_written_setting_is_not_writable_by_hand() -> None:
    for spec in REGISTRY.values():
        if spec.who is Who.SYSTEM:
            with pytest.raises(CounterError) as refused:
                registry.writable(spec.key, spec.default)
            assert refused.value.key == "setting.system"
        else:
            assert spec.who in registry.WHO_MAY


@pytest.mark.parametrize(
    ("key", "text", "value"),
    [
        ("counter.name", "Quầy 1", "Quầy 1"),
        ("counter.name", '"Quầy 1"', "Quầy 1"),
        ("counter.name", "12", "12"),  # text stays text
        ("papers.regime", "2018", "2018"),
        ("ui.font_size", "12", 12),
        ("printing.auto_receipt", "false", False),
        ("counter.desk", "null", None),
        ("papers.titles", '{"receipt": "Giấy hẹn"}', {"receipt": "Giấy hẹn"}),
    ],
)
def test_command_line_text_is_json_or_plain_text(key: str, text: str, value: object) -> None:
    assert registry.from_text(key, text) == value
