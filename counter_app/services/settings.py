"""Counter-wide settings kept in the local store, as `domain/settings_registry.py` declares them.

`value` reads a setting typed (the declared default when it is missing or malformed), `change`
writes one for a person (checked against its declaration and the permissions table, audited
when the declaration says so); `get`/`set` stay for the program's own bookkeeping.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from counter_app.domain import settings_registry as registry
from counter_app.domain.calendar import WorkSchedule
from counter_app.domain.clock import now
from counter_app.domain.codes import FallbackZone
from counter_app.domain.errors import CounterError
from counter_app.domain.permissions import require
from counter_app.store.codes import CodeMode
from counter_app.store.database import Database
from counter_app.store.journal import AuditEntry, append_audit
from counter_app.store.models import AgencyRow
from counter_app.store.settings import get_setting, put_setting, stored_settings

if TYPE_CHECKING:
    from counter_app.services.accounts import User

SECRET_SHOWN = "***"
CHANGED = "setting.change"  # audit action
AGENCY_PLACEHOLDER = "{agency}"  # a pattern key per agency: the agency must be in the catalog


@dataclass(frozen=True)
class CounterIdentity:
    """Which counter this is: shown on every history line as the place of the move.
    `counter_number` is the one central gave it (codes depend on it); `desk_number` only the
    number on the desk in the hall, which the administrator may change."""

    name: str = str(registry.default("counter.name"))
    central_url: str | None = None
    counter_number: int | None = None
    desk_number: int | None = None


def stored_zone(value: object, counter_number: int | None) -> FallbackZone:
    """The fallback zone as the counter keeps it. One stored before revision c0009 has no
    `legacy`: its counter then owned a slice of every agency, which it keeps."""
    if not isinstance(value, dict):
        return FallbackZone()
    return FallbackZone(
        int(value.get("first", 9000)),
        int(value.get("slice_size", 20)),
        int(value.get("legacy", counter_number or 0)),
    )


class SettingsService:
    def __init__(self, database: Database) -> None:
        self._db = database

    def get(self, key: str, default: object = None) -> object:
        return stored_settings(self._db, [key]).get(key, default)

    def set(self, key: str, value: object) -> None:
        with self._db.write() as session:
            put_setting(session, key, value)

    def value(self, key: str) -> object:
        """The stored value when it fits the declaration, else the declared default."""
        return registry.read(key, self.get(key))

    def number(self, key: str) -> int | None:
        """An INT setting's value (None only for one declared without a default)."""
        return _number(self.value(key))

    def text(self, key: str) -> str | None:
        """A TEXT or CHOICE setting's value (None only for one declared without a default)."""
        return _text(self.value(key))

    def writable(self, key: str, value: object) -> tuple[registry.SettingSpec, object]:
        """A person's value checked against its declaration and, for a key per agency, the
        catalog (a schedule for an agency the counter does not know would never apply)."""
        spec, value = registry.writable(key, value)
        if spec.key.endswith(AGENCY_PLACEHOLDER):
            agency = key[len(spec.key) - len(AGENCY_PLACEHOLDER) :]
            with self._db.read() as session:
                if session.get(AgencyRow, agency) is None:
                    raise CounterError("setting.unknown_agency", name=key, agency=agency)
        return spec, value

    def change(self, key: str, value: object, user: User) -> object:
        """Write a person's change: refused when the key is unknown or written by the program,
        the user's role may not change it, or the value does not fit; audited with the value
        before and after when declared so. Returns the value stored."""
        spec, value = self.writable(key, value)
        require(user.login, user.role, registry.WHO_MAY[spec.who])
        with self._db.write() as session:
            before = get_setting(session, key)
            put_setting(session, key, value)
            if spec.audited and before != value:
                detail = {"before": before, "after": value}
                append_audit(session, [AuditEntry(now(), user.login, CHANGED, key, detail)])
        return value

    def listing(self) -> dict[str, object]:
        """Every declared setting with the value in use (stored keys of a pattern too);
        secrets shown as `***`."""
        stored = self.all()
        keys = [spec.key for spec in registry.REGISTRY.values() if not spec.is_pattern]
        keys += sorted(key for key in stored if key not in registry.REGISTRY and _declared(key))
        return {key: _shown(key, stored.get(key)) for key in keys}

    def listing_of(self, key: str) -> object:
        """One setting as `listing` shows it; an unknown key is refused."""
        return _shown(key, self.get(key))

    def all(self) -> dict[str, object]:
        return stored_settings(self._db)

    def identity(self) -> CounterIdentity:
        return _identity(self.all())

    def code_mode(self) -> CodeMode:
        """How this counter numbers dossiers, from one read of the settings (each intake asks)."""
        values = self.all()
        identity = _identity(values)
        zone = registry.read("codes.fallback_zone", values.get("codes.fallback_zone"))
        slots = registry.read("codes.fallback_slots", values.get("codes.fallback_slots"))
        return CodeMode(
            identity.central_url,
            identity.counter_number,
            stored_zone(zone, identity.counter_number),
            slots if isinstance(slots, dict) else {},
        )

    def schedule(self, agency_code: str) -> WorkSchedule:
        """The agency's own schedule if set, else the counter's default, else Mon–Fri 8 h."""
        own = (f"schedule.{agency_code}",) if agency_code else ()
        keys = (*own, "schedule.default")
        stored = stored_settings(self._db, keys)
        for key in keys:
            value = registry.read(key, stored.get(key))
            if isinstance(value, dict):
                return WorkSchedule.from_dict(value)
        return WorkSchedule()


def _shown(key: str, stored: object) -> object:
    if registry.spec_for(key).secret and stored is not None:
        return SECRET_SHOWN
    return registry.read(key, stored)


def _declared(key: str) -> bool:
    try:
        registry.spec_for(key)
    except CounterError:
        return False
    return True


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _identity(values: dict[str, object]) -> CounterIdentity:
    def read(key: str) -> object:
        return registry.read(key, values.get(key))

    return CounterIdentity(
        name=str(read("counter.name")).strip() or CounterIdentity.name,
        central_url=_text(read("central.url")) or None,
        counter_number=_number(read("central.counter_number")),
        desk_number=_number(read("counter.desk")),
    )


def _number(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None
