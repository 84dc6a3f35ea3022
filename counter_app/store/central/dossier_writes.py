"""A push's writes of dossiers: on PostgreSQL one statement for the batch's new dossiers and one
for those it follows, each reading the whole batch from one JSON parameter, instead of one
statement a dossier (each parsed and planned apart: most of a push's time on central).

The rows go through the same triggers and row-level security as one-by-one writes: the
dossiers' trigger (revision c0005) still checks and numbers every row, and the counter's role
writes them, so what a counter may not write is refused the same way (42501, the whole batch).
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import bindparam, insert, text, update
from sqlalchemy.orm import Session

from counter_app.store.central.models import CentralDossierRow
from counter_app.store.types import Moment

DOSSIERS = CentralDossierRow.__table__
# what a follow-up write of a dossier sets (uuid and origin_counter never change)
UPDATED = (
    "code",
    "agency_code",
    "status",
    "version",
    "written_by",
    "received_at",
    "updated_at",
    "seq",
    "data",
)
_MOMENTS = ("received_at", "updated_at")
# a row's `data` as JSON when the pushing counter sent it encoded: put in as it is
ENCODED = "data_json"
_MOMENT = Moment()
# the batch's rows as PostgreSQL reads them from the JSON parameter; seq is the trigger's
_RECORD = (
    "uuid varchar, code varchar, agency_code varchar, status varchar, version integer, "
    "written_by integer, origin_counter integer, received_at timestamp, updated_at timestamp, "
    "data jsonb"
)
_INSERT = text(
    "INSERT INTO dossiers (uuid, code, agency_code, status, version, written_by, "
    "origin_counter, received_at, updated_at, data) "
    "SELECT r.uuid, r.code, r.agency_code, r.status, r.version, r.written_by, "
    "r.origin_counter, r.received_at, r.updated_at, r.data "
    f"FROM jsonb_to_recordset(CAST(:rows AS jsonb)) AS r({_RECORD})"
)
_UPDATE = text(
    "UPDATE dossiers AS d SET "
    + ", ".join(f"{name} = r.{name}" for name in UPDATED if name != "seq")
    + f" FROM jsonb_to_recordset(CAST(:rows AS jsonb)) AS r({_RECORD}) WHERE d.uuid = r.uuid"
)


def write_dossiers(
    session: Session, inserts: list[dict[str, Any]], updates: list[dict[str, Any]]
) -> None:
    """Insert the new dossiers and update the followed ones (`repository._values` rows, each
    dossier at most once). On SQLite, where no trigger numbers rows, each row brings its
    number of the change sequence (`seq`)."""
    if session.get_bind().dialect.name == "postgresql":
        for statement, rows in ((_INSERT, inserts), (_UPDATE, updates)):
            if rows:
                session.execute(statement, {"rows": _as_json(rows)})
        return
    _write_numbered(session, inserts, updates)


def _as_json(rows: list[dict[str, Any]]) -> str:
    """The rows as one JSON array, instants as the naive UTC the columns hold (`Moment`), each
    dossier's `data` put in as the counter encoded it when it did (no decoding and encoding
    again of what is most of the batch)."""
    return (
        "["
        + ",".join(
            json.dumps(
                {
                    **{k: v for k, v in row.items() if k not in ("data", ENCODED)},
                    **{
                        name: value.isoformat()
                        for name in _MOMENTS
                        if (value := _MOMENT.process_bind_param(row[name], None)) is not None
                    },
                },
                ensure_ascii=False,
            )[:-1]
            + ', "data": '
            + (row.get(ENCODED) or json.dumps(row["data"], ensure_ascii=False))
            + "}"
            for row in rows
        )
        + "]"
    )


def _write_numbered(
    session: Session, inserts: list[dict[str, Any]], updates: list[dict[str, Any]]
) -> None:
    if inserts:  # (updates name their columns)
        session.execute(insert(DOSSIERS), [_decoded(row) for row in inserts])
    if updates:
        session.connection().execute(
            update(DOSSIERS)
            .where(DOSSIERS.c.uuid == bindparam("b_uuid"))
            .values({name: bindparam(f"b_{name}") for name in UPDATED}),
            [
                {f"b_{k}": v for k, v in _decoded(values).items() if k in (*UPDATED, "uuid")}
                for values in updates
            ],
        )


def _decoded(row: dict[str, Any]) -> dict[str, Any]:
    """The row with its `data` decoded, as the columns take it: a pushed dossier's row holds
    it as the counter encoded it, which only the JSON batch reads as it is."""
    if ENCODED not in row:
        return row
    return {**{k: v for k, v in row.items() if k != ENCODED}, "data": json.loads(row[ENCODED])}
