"""Counter-wide settings kept in the local store: identity, central address, schedules."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from counter_app.domain.calendar import WorkSchedule
from counter_app.domain.codes import FallbackZone
from counter_app.services.operations.setup import DESK_KEY
from counter_app.store.codes import CodeMode
from counter_app.store.database import Database
from counter_app.store.models import Setting


@dataclass(frozen=True)
class CounterIdentity:
    """Which counter this is: shown on every history line as the place of the move.
    `counter_number` is the one central gave it (codes depend on it); `desk_number` only the
    number on the desk in the hall, which the administrator may change."""

    name: str = "Bộ phận Một cửa"
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
        with self._db.read() as session:
            row = session.get(Setting, key)
            return default if row is None else row.value.get("value", default)

    def set(self, key: str, value: object) -> None:
        with self._db.write() as session:
            row = session.get(Setting, key)
            if row is None:
                session.add(Setting(key=key, value={"value": value}))
            else:
                row.value = {"value": value}

    def all(self) -> dict[str, object]:
        with self._db.read() as session:
            return {row.key: row.value.get("value") for row in session.scalars(select(Setting))}

    def identity(self) -> CounterIdentity:
        values = self.all()
        return CounterIdentity(
            name=str(values.get("counter.name") or CounterIdentity.name),
            central_url=values.get("central.url") or None,  # type: ignore[arg-type]
            counter_number=values.get("central.counter_number"),  # type: ignore[arg-type]
            desk_number=_positive(values.get(DESK_KEY)),
        )

    def code_mode(self) -> CodeMode:
        identity = self.identity()
        zone = self.get("codes.fallback_zone")
        slots = self.get("codes.fallback_slots")
        return CodeMode(
            identity.central_url,
            identity.counter_number,
            stored_zone(zone, identity.counter_number),
            slots if isinstance(slots, dict) else {},
        )

    def schedule(self, agency_code: str) -> WorkSchedule:
        """The agency's own schedule if set, else the counter's default, else Mon–Fri 8 h."""
        for key in (f"schedule.{agency_code}", "schedule.default"):
            value = self.get(key)
            if isinstance(value, dict):
                return WorkSchedule.from_dict(value)
        return WorkSchedule()


def _positive(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else None
