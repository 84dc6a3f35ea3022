"""How the desk's scanner types, as the administrator set it (settings key "scanner").

The defaults fit a USB or cabled scanner out of the box: keys 2–20 ms apart, Enter at the end.
People leave 80 ms or more between keys, a fast typist 50–70 ms, hence the 35 ms limit; no
dossier code or ID card is shorter than 8 characters. A wireless scanner that sends in uneven
batches may need a larger interval, found with the scanner test on the settings page.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, fields

from counter_app.domain.settings_registry import REGISTRY

log = logging.getLogger(__name__)

SETTINGS_KEY = REGISTRY["scanner"].key
TERMINATORS = ("enter", "tab")
MAX_AFFIX = 16
LIMITS = {"max_interval_ms": (1, 1000), "min_length": (1, 200), "settle_ms": (1, 5000)}


@dataclass(frozen=True)
class ScannerSettings:
    prefix: str = ""
    """Characters the scanner sends before every code (stripped; a burst without it is typing)."""
    suffix: str = ""
    """Characters the scanner sends after every code, before the terminator (stripped)."""
    terminators: tuple[str, ...] = TERMINATORS
    """Keys that end a scan: "enter", "tab"; none means a scan ends when the keys stop."""
    max_interval_ms: int = 35
    """The longest gap between two keys of one burst."""
    min_length: int = 8
    """A burst shorter than this (prefix and suffix aside) is typing."""
    settle_ms: int = 60
    """How long to wait after a key before deciding it was typed by a person."""

    def __post_init__(self) -> None:
        for name in ("prefix", "suffix"):
            problem = _affix_problem(getattr(self, name))
            if problem:
                raise ValueError(f"{name}: {problem}")
        problem = _terminators_problem(self.terminators)
        if problem:
            raise ValueError(f"terminators: {problem}")
        for name, (low, high) in LIMITS.items():
            value = getattr(self, name)
            if not _is_int(value) or not low <= value <= high:
                raise ValueError(f"{name} must be a whole number from {low} to {high}: {value!r}")
        if self.settle_ms < self.max_interval_ms:
            raise ValueError("settle_ms must not be shorter than max_interval_ms")

    def to_dict(self) -> dict[str, object]:
        return {
            "prefix": self.prefix,
            "suffix": self.suffix,
            "terminators": list(self.terminators),
            "max_interval_ms": self.max_interval_ms,
            "min_length": self.min_length,
            "settle_ms": self.settle_ms,
        }

    @classmethod
    def from_dict(cls, data: object) -> ScannerSettings:
        """Read stored settings; what is unknown is ignored, what is wrong falls back to the
        default with a warning in the log, so a bad value never stops the desk."""
        if data is None:
            return cls()
        if not isinstance(data, Mapping):
            log.warning("scanner settings are not a mapping (%r): defaults used", type(data))
            return cls()
        defaults = cls()
        values: dict[str, object] = {}
        for field in fields(cls):
            if field.name not in data:
                continue
            value = _read(field.name, data[field.name])
            if value is None:
                log.warning(
                    "scanner setting %s=%r is not valid: default %r used",
                    field.name,
                    data[field.name],
                    getattr(defaults, field.name),
                )
            else:
                values[field.name] = value
        interval = values.get("max_interval_ms", defaults.max_interval_ms)
        settle = values.get("settle_ms", defaults.settle_ms)
        if settle < interval:  # type: ignore[operator]
            log.warning("scanner setting settle_ms=%s is below max_interval_ms: raised", settle)
            values["settle_ms"] = interval
        return cls(**values)  # type: ignore[arg-type]


def _read(name: str, value: object) -> object | None:
    """The value in its type, or None when it cannot be used."""
    if name in ("prefix", "suffix"):
        return value if isinstance(value, str) and not _affix_problem(value) else None
    if name == "terminators":
        if not isinstance(value, list | tuple):
            return None
        names = tuple(str(item).casefold() for item in value if isinstance(item, str))
        if len(names) != len(value) or _terminators_problem(names):
            return None
        return names
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    low, high = LIMITS[name]
    return value if _is_int(value) and low <= value <= high else None  # type: ignore[operator]


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _affix_problem(value: object) -> str | None:
    if not isinstance(value, str):
        return "must be text"
    if len(value) > MAX_AFFIX:
        return f"at most {MAX_AFFIX} characters"
    if not value.isprintable():
        return "only characters a keyboard types"
    return None


def _terminators_problem(value: object) -> str | None:
    if not isinstance(value, tuple) or any(name not in TERMINATORS for name in value):
        return f"a tuple of {', '.join(TERMINATORS)}"
    if len(set(value)) != len(value):
        return "each key once"
    return None
