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

from counter_app.domain.queue import DEMO_AREAS


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
    # --- issue 18: citizen's screen, notices, payment ---
    # --- issue 19: signing and the paper store ---
    # --- issue 20: the queue ---
    SettingSpec(
        "queue.url",
        Kind.TEXT,
        None,
        max_length=500,
        doc="the shared queue: postgresql://… on the centre's server, or sqlite:///FILE; "
        "empty: queue.sqlite3 in this PC's data folder",
    ),
    SettingSpec(
        "queue.areas",
        Kind.JSON,
        [{"code": area.code, "name": area.name} for area in DEMO_AREAS],
        doc='the service areas the kiosk offers: [{"code", "name"}, ...]',
    ),
    SettingSpec(
        "queue.desk_areas",
        Kind.TEXT,
        "",
        max_length=200,
        doc="the areas this desk calls from (codes, comma-separated); empty: every area",
    ),
    SettingSpec("queue.wait_target_minutes", Kind.INT, 15, low=1, high=480),
    SettingSpec(
        "queue.service_minutes",
        Kind.INT,
        5,
        low=1,
        high=120,
        doc="the estimated service time until today's own figures exist",
    ),
    SettingSpec(
        "queue.follow_url",
        Kind.TEXT,
        "",
        max_length=300,
        doc="the web page the ticket's QR opens (?day=…&ticket=…); empty: the QR holds the ticket",
    ),
    SettingSpec(
        "queue.printer",
        Kind.TEXT,
        "",
        max_length=300,
        doc="the kiosk's ticket printer: usb:VID:PID, tcp:HOST[:PORT], file:PATH, "
        "or a Qt printer's name (empty: the default printer through Qt)",
    ),
    SettingSpec("queue.voice", Kind.BOOL, True, doc="the board says each call aloud"),
]

REGISTRY: dict[str, SettingSpec] = _declare(_SPECS)
