"""Column types that keep Vietnam time exact whatever the database does with time zones."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import DateTime
from sqlalchemy.types import TypeDecorator

from counter_app.domain.clock import VN_TZ, local


class Moment(TypeDecorator[datetime]):
    """An aware instant stored as naive UTC (sorts as text in SQLite), read back in +07:00."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: object) -> datetime | None:
        if value is None:
            return None
        return local(value).astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: object) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC).astimezone(VN_TZ)
