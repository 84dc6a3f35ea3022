"""Every setting of the counter, declared once: key, type, default, range, who may change it.

The settings pages, the first-run wizard, the services and `counter-app settings` read these
declarations, so a key is spelt in one place and its default exists once. A value stored in the
local store that does not fit its declaration reads as the default (an old or hand-edited file
never breaks the window), and writing one is refused with the reason.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import Enum


class Kind(Enum):
    TEXT = "text"
    INT = "int"
    BOOL = "bool"
    CHOICE = "choice"
    JSON = "json"  # a structured value (a dict or a list) checked by its own reader


class Who(Enum):
    """Who may change the setting (the permissions table maps roles onto these)."""

    ADMIN = "admin"
    SUPERVISOR = "supervisor"
    SYSTEM = "system"  # written by the program itself (sync cursors, last backup), never by hand


@dataclass(frozen=True)
class SettingSpec:
    key: str
    kind: Kind
    default: object
    who: Who = Who.ADMIN
    low: int | None = None
    high: int | None = None
    choices: tuple[str, ...] = ()
    max_length: int | None = None
    secret: bool = False
    audited: bool = False  # changes that move due dates or identities are audited with the user
    doc: str = ""
    extra: dict[str, object] = field(default_factory=dict)


def _declare(specs: Iterable[SettingSpec]) -> dict[str, SettingSpec]:
    registry: dict[str, SettingSpec] = {}
    for spec in specs:
        if spec.key in registry:
            raise ValueError(f"setting declared twice: {spec.key}")
        registry[spec.key] = spec
    return registry


_SPECS: list[SettingSpec] = [
    # --- the counter and its window ---
    SettingSpec("counter.name", Kind.TEXT, "Bộ phận Một cửa", max_length=120, audited=True),
    SettingSpec("counter.desk", Kind.INT, None, low=1, high=99),
    SettingSpec("ui.language", Kind.CHOICE, "vi", choices=("vi", "en")),
    SettingSpec("ui.font_size", Kind.INT, 11, low=9, high=20),
    SettingSpec("ui.idle_lock_minutes", Kind.INT, 10, low=0, high=480, doc="0 = never lock"),
    # --- issue 16: the rest of today's settings (seams) ---
    # --- issue 17: province scale ---
    SettingSpec(
        "codes.fallback_slots",
        Kind.JSON,
        {},
        who=Who.SYSTEM,
        doc="agency -> this counter's slot of the fallback zone, as central handed it",
    ),
    SettingSpec(
        "sync.number_space_low",
        Kind.JSON,
        [],
        who=Who.SYSTEM,
        doc="(agency, day)s of this counter whose leasable numbers run low, from the last round",
    ),
    # --- issue 18: citizen's screen, notices, payment ---
    # --- issue 19: signing and the paper store ---
    # --- issue 20: the queue ---
]

REGISTRY: dict[str, SettingSpec] = _declare(_SPECS)
