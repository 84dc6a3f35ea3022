"""Every setting of the counter, declared once: key, type, default, range, who may change it.

The settings pages, the first-run wizard, the services and `counter-app settings` read these
declarations, so a key is spelt in one place and its default exists once. A value stored in the
local store that does not fit its declaration reads as the default (an old or hand-edited file
never breaks the window), and writing one is refused with the reason.

Keys computed per agency are declared once as a pattern (`schedule.{agency}`); an exact
declaration (`schedule.default`) wins over the pattern.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from enum import Enum
from typing import NamedTuple

from counter_app.domain.errors import CounterError
from counter_app.domain.permissions import Permission


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
    DESK = "desk"  # any officer at the desk (the printer a paper went to, the scan folder)
    SYSTEM = "system"  # written by the program itself (sync cursors, last backup), never by hand


WHO_MAY = {
    Who.ADMIN: Permission.CHANGE_ADMIN_SETTING,
    Who.SUPERVISOR: Permission.CHANGE_SUPERVISOR_SETTING,
    Who.DESK: Permission.CHANGE_DESK_SETTING,
}
"""The action a change needs; a `Who.SYSTEM` setting is never changed by hand."""


class SettingSpec(NamedTuple):
    """A setting's declaration (a named tuple, not a dataclass: the sign-in window's start
    reads the registry, and a dataclass of 13 fields is compiled as it is imported, 2 ms)."""

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
    shape: type | None = None  # Kind.JSON: dict or list
    check: Callable[[object], object] | None = None  # Kind.JSON: raises ValueError with a reason

    @property
    def is_pattern(self) -> bool:
        return "{" in self.key


def _declare(specs: Iterable[SettingSpec]) -> dict[str, SettingSpec]:
    registry: dict[str, SettingSpec] = {}
    for spec in specs:
        if spec.key in registry:
            raise ValueError(f"setting declared twice: {spec.key}")
        registry[spec.key] = spec
    return registry


def _schedule(value: object) -> object:
    from counter_app.domain.calendar import WorkSchedule  # holidays: only when checked

    if not isinstance(value, dict):
        raise ValueError("an object with 'weekdays' and 'periods'")
    return WorkSchedule.from_dict(value)


def _text_by_kind(value: object) -> object:
    """papers.form_numbers and the like: paper kind → text (the kinds are checked by the papers)."""
    if not isinstance(value, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in value.items()
    ):
        raise ValueError("an object of texts")
    return value


def _notice_templates(value: object) -> object:
    from counter_app.domain.notices import check_templates

    return check_templates(value)


_SYSTEM = Who.SYSTEM

_SPECS: list[SettingSpec] = [
    # --- the counter and its window ---
    SettingSpec("counter.name", Kind.TEXT, "Bộ phận Một cửa", max_length=120, audited=True),
    SettingSpec(
        "counter.desk", Kind.INT, None, low=1, high=99, doc="the desk's number in the hall"
    ),
    SettingSpec("ui.language", Kind.CHOICE, "vi", choices=("vi", "en")),
    SettingSpec("ui.font_size", Kind.INT, 11, low=9, high=20),
    SettingSpec("ui.idle_lock_minutes", Kind.INT, 10, low=0, high=480, doc="0 = never lock"),
    # --- issue 16: the rest of today's settings (seams) ---
    SettingSpec("scanner", Kind.JSON, {}, shape=dict, doc="the handheld reader's timings"),
    SettingSpec(
        "printing.printers",
        Kind.JSON,
        {},
        Who.DESK,
        check=_text_by_kind,
        doc="paper kind → the printer it went to last, chosen in the preview; a kind without "
        "one, or whose printer is gone, goes to the system's default printer",
    ),
    SettingSpec("printing.auto_receipt", Kind.BOOL, True, doc="print the receipt after intake"),
    SettingSpec(
        "papers.place", Kind.TEXT, "Lạng Sơn", max_length=120, doc="the place before the date"
    ),
    SettingSpec(
        "papers.regime",
        Kind.CHOICE,
        "2025",
        choices=("2018", "2025"),
        doc="the set of forms in force: titles, form numbers, legal-basis line",
    ),
    SettingSpec(
        "papers.legal_basis", Kind.TEXT, "", max_length=1000, doc="replaces the regime's line"
    ),
    SettingSpec(
        "papers.form_numbers",
        Kind.JSON,
        {},
        check=_text_by_kind,
        doc='paper kind → form number replacing the regime\'s ("" prints none)',
    ),
    SettingSpec("papers.titles", Kind.JSON, {}, check=_text_by_kind, doc="paper kind → title"),
    SettingSpec(
        "papers.parent_agency_name",
        Kind.TEXT,
        "",
        max_length=200,
        doc="the letterhead's first line; default: the catalog's parent of the agency",
    ),
    SettingSpec(
        "papers.status_url_template",
        Kind.TEXT,
        "",
        max_length=500,
        doc="the online status look-up with {code}, printed as a QR on the receipt; '' = none",
    ),
    SettingSpec(
        "papers.tracking_book_volume",
        Kind.TEXT,
        "01/{year}",
        max_length=40,
        doc="'Quyển số' of the tracking book; {year} is the year of receipt",
    ),
    SettingSpec(
        "papers.registers",
        Kind.JSON,
        {},
        check=_text_by_kind,
        doc='paper kind → register symbol: "Số: 12/TB-BPMC", numbered per year and kind',
    ),
    SettingSpec(
        "papers.contact_phone", Kind.TEXT, "", max_length=40, doc="on the supplement request"
    ),
    SettingSpec("papers.receipt_size", Kind.CHOICE, "A4", choices=("A4", "A5")),
    SettingSpec(
        "papers.label_size",
        Kind.CHOICE,
        "100x50",
        choices=("50x30", "60x40", "100x50", "a4"),
        doc="label rolls in mm, or an A4 sheet of 2 × 7 labels of 99.1 × 38.1 mm",
    ),
    SettingSpec(
        "papers.label_printer_dpi",
        Kind.INT,
        203,
        low=72,
        high=1200,
        doc="the barcode's bars are whole printer dots wide",
    ),
    SettingSpec("backups.folder", Kind.TEXT, "", max_length=1000, doc="'' = backups/daily"),
    SettingSpec("backups.keep", Kind.INT, 14, low=1, high=365),
    SettingSpec("backups.last", Kind.JSON, None, _SYSTEM, shape=dict),
    SettingSpec("schedule.default", Kind.JSON, None, audited=True, check=_schedule),
    SettingSpec("schedule.{agency}", Kind.JSON, None, audited=True, check=_schedule),
    SettingSpec("digitising.watch_folder", Kind.TEXT, "", Who.DESK, max_length=1000),
    SettingSpec("digitising.sane_scanner", Kind.JSON, None, Who.DESK, shape=dict),
    SettingSpec(
        "sync.lease_target",
        Kind.INT,
        100,
        low=0,
        high=3000,
        doc="free leased numbers wanted per agency and day (0: only the fallback slice)",
    ),
    SettingSpec(
        "sync.lease_days",
        Kind.INT,
        4,
        low=1,
        high=31,
        doc="today and the next working days, in all",
    ),
    SettingSpec("central.url", Kind.TEXT, None, _SYSTEM, doc="set by `sync --central`"),
    SettingSpec("central.install_id", Kind.TEXT, None, _SYSTEM, secret=True),
    SettingSpec(
        "central.sslmode",
        Kind.CHOICE,
        None,
        _SYSTEM,
        choices=("disable", "allow", "prefer", "require", "verify-ca", "verify-full"),
    ),
    SettingSpec("central.sslrootcert", Kind.TEXT, None, _SYSTEM),
    SettingSpec("central.counter_number", Kind.INT, None, _SYSTEM, low=1),
    SettingSpec("central.counter_id", Kind.TEXT, None, _SYSTEM),
    SettingSpec("central.agencies", Kind.JSON, [], _SYSTEM, shape=list),
    SettingSpec("codes.fallback_zone", Kind.JSON, None, _SYSTEM, shape=dict),
    SettingSpec("sync.online", Kind.BOOL, None, _SYSTEM),
    SettingSpec("sync.last_attempt", Kind.TEXT, None, _SYSTEM),
    SettingSpec("sync.last_success", Kind.TEXT, None, _SYSTEM),
    SettingSpec("sync.last_error", Kind.TEXT, None, _SYSTEM),
    SettingSpec("sync.cursors", Kind.JSON, {}, _SYSTEM, shape=dict),
    SettingSpec("sync.decisions", Kind.JSON, None, _SYSTEM, shape=dict),
    SettingSpec("sync.attachments", Kind.JSON, None, _SYSTEM, shape=dict),
    # --- issue 17: province scale ---
    SettingSpec(
        "codes.fallback_slots",
        Kind.JSON,
        {},
        shape=dict,
        who=Who.SYSTEM,
        doc="agency -> this counter's slot of the fallback zone, as central handed it",
    ),
    SettingSpec(
        "sync.number_space_low",
        Kind.JSON,
        [],
        shape=list,
        who=Who.SYSTEM,
        doc="(agency, day)s of this counter whose leasable numbers run low, from the last round",
    ),
    SettingSpec(
        "central.keep_connection",
        Kind.BOOL,
        False,
        Who.ADMIN,
        doc="central's address is a PgBouncer in transaction mode (docs/ADMIN.md): keep the "
        "connection between rounds, which holds no server connection there",
    ),
    # --- issue 18: citizen's screen, notices, payment ---
    SettingSpec("notices.smtp.host", Kind.TEXT, "", max_length=253, doc="empty: no e-mail"),
    SettingSpec("notices.smtp.port", Kind.INT, 587, low=1, high=65535),
    SettingSpec("notices.smtp.user", Kind.TEXT, "", max_length=200),
    SettingSpec("notices.smtp.password", Kind.TEXT, "", max_length=200, secret=True),
    SettingSpec(
        "notices.smtp.tls",
        Kind.CHOICE,
        "starttls",
        choices=("starttls", "ssl", "none"),
        doc="none only for a server on this machine or the tests",
    ),
    SettingSpec("notices.from", Kind.TEXT, "", max_length=200),
    SettingSpec(
        "notices.sms.url", Kind.TEXT, "", max_length=500, doc="the gateway's HTTP(S) address"
    ),
    SettingSpec(
        "notices.sms.template",
        Kind.TEXT,
        '{"to": "{phone}", "text": "{text}"}',
        max_length=2000,
        doc="the POST body; {phone} and {text} are filled in (JSON-escaped)",
    ),
    SettingSpec(
        "notices.templates",
        Kind.JSON,
        {},
        shape=dict,
        check=_notice_templates,
        doc="kind -> {subject, body}, Vietnamese",
    ),
    SettingSpec("payment.bank_bin", Kind.TEXT, "", max_length=6, doc="NAPAS BIN, six digits"),
    SettingSpec("payment.account", Kind.TEXT, "", max_length=19),
    SettingSpec("payment.account_name", Kind.TEXT, "", max_length=50),
    SettingSpec("citizen_screen.message", Kind.TEXT, "", max_length=300),
    SettingSpec("citizen_screen.clear_seconds", Kind.INT, 60, low=5, high=3600),
    # --- issue 19: signing and the paper store ---
    SettingSpec(
        "signing.pkcs11_module",
        Kind.TEXT,
        "",
        max_length=500,
        audited=True,
        doc="the token's PKCS#11 module (the CA's driver, a .so or .dll)",
    ),
    SettingSpec("signing.token_label", Kind.TEXT, "", max_length=64, doc="empty: the only token"),
    SettingSpec("signing.key_label", Kind.TEXT, "", max_length=64, doc="empty: the only key"),
    SettingSpec(
        "signing.trust_roots",
        Kind.JSON,
        [],
        audited=True,
        doc="PEM files: the trusted CA certificates, and CRLs the counter knows offline",
    ),
    SettingSpec("signing.tsa_url", Kind.TEXT, "", max_length=500, doc="empty: no timestamp"),
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
        # the demo centre's areas (domain.queue's DEMO_AREAS), spelt here so that reading a
        # setting never loads the queue's rules: the sign-in window starts sooner
        [
            {"code": "A", "name": "Tư pháp – Hộ tịch"},
            {"code": "B", "name": "Đất đai – Xây dựng"},
            {"code": "C", "name": "Kinh doanh – Đầu tư"},
            {"code": "D", "name": "Lao động – Xã hội"},
        ],
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
        doc="the kiosk's ticket printer: ESC/POS as usb:VID:PID, tcp:HOST[:PORT] or file:PATH; "
        "any printer the system knows, through Qt, as qt:NAME (empty: the default printer)",
    ),
    SettingSpec("queue.voice", Kind.BOOL, True, doc="the board says each call aloud"),
    SettingSpec(
        "queue.voice_command",
        Kind.TEXT,
        "",
        max_length=300,
        doc="espeak-ng's program for the board's voice (empty: on PATH, or on Windows where "
        "espeak-ng's installer puts it: Program Files\\eSpeak NG\\espeak-ng.exe)",
    ),
]

REGISTRY: dict[str, SettingSpec] = _declare(_SPECS)


def spec_for(key: str) -> SettingSpec:
    """The declaration of `key` (exact, else the pattern it fits), or `setting.unknown`."""
    spec = REGISTRY.get(key)
    if spec is not None:
        return spec
    for pattern in REGISTRY.values():
        prefix = pattern.key.split("{", 1)[0]
        if pattern.is_pattern and key.startswith(prefix) and len(key) > len(prefix):
            return pattern
    raise CounterError("setting.unknown", name=key)


def default(key: str) -> object:
    return spec_for(key).default


def int_default(key: str) -> int:
    """The default of a whole-number setting declared with one, typed."""
    value = spec_for(key).default
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"setting {key} has no whole-number default")
    return value


def checked(key: str, value: object) -> object:
    """`value` as it will be stored, or a refusal saying what the setting takes."""
    spec = spec_for(key)
    if value is None and spec.default is None:
        return None  # an optional setting cleared
    problem = _problem(spec, value)
    if problem is not None:
        raise CounterError(problem[0], name=key, value=_shown(value), **problem[1])
    return value.strip() if isinstance(value, str) and spec.kind is Kind.TEXT else value


def writable(key: str, value: object) -> tuple[SettingSpec, object]:
    """A change by hand: refused for a setting the program writes, else `checked`."""
    spec = spec_for(key)
    if spec.who is Who.SYSTEM:
        raise CounterError("setting.system", name=key)
    return spec, checked(key, value)


def read(key: str, value: object) -> object:
    """The stored value when it fits the declaration, else the default (never a refusal)."""
    spec = spec_for(key)
    if value is None or _problem(spec, value) is not None:
        return spec.default
    return value


def from_text(key: str, text: str) -> object:
    """A value typed on a command line: JSON, or for text and choices the plain text."""
    spec = spec_for(key)
    try:
        value = json.loads(text)
    except ValueError:
        return text if spec.kind in (Kind.TEXT, Kind.CHOICE) else checked(key, text)
    if spec.kind in (Kind.TEXT, Kind.CHOICE) and not isinstance(value, str) and value is not None:
        return text  # counter.name 12 is the text "12"
    return value


def _problem(spec: SettingSpec, value: object) -> tuple[str, dict[str, object]] | None:
    if spec.kind is Kind.BOOL:
        return None if isinstance(value, bool) else ("setting.not_bool", {})
    if spec.kind is Kind.INT:
        if isinstance(value, bool) or not isinstance(value, int):
            return "setting.not_int", {}
        low = spec.low if spec.low is not None else value
        high = spec.high if spec.high is not None else value
        if not low <= value <= high:
            return "setting.range", {"low": spec.low, "high": spec.high}
        return None
    if spec.kind in (Kind.TEXT, Kind.CHOICE) and not isinstance(value, str):
        return "setting.not_text", {}
    if spec.kind is Kind.CHOICE and value not in spec.choices:
        return "setting.choice", {"choices": ", ".join(spec.choices)}
    if spec.kind is Kind.TEXT and spec.max_length is not None and len(str(value)) > spec.max_length:
        return "setting.too_long", {"length": spec.max_length}
    if spec.kind is Kind.JSON:
        if spec.shape is not None and not isinstance(value, spec.shape):
            return "setting.not_json", {}
        if spec.check is not None:
            try:
                spec.check(value)
            except (ValueError, TypeError) as error:
                return "setting.invalid", {"problem": str(error)}
    return None


def _shown(value: object) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 80 else text[:79] + "…"
