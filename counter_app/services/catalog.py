"""The procedure catalog: import, look-up, and search-as-you-type without diacritics."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import time
from decimal import Decimal
from pathlib import Path
from threading import Lock
from typing import Any

from sqlalchemy import select

from counter_app.domain.catalog import (
    Agency,
    Catalog,
    Component,
    DocumentForm,
    Duration,
    DurationUnit,
    Fee,
    FeeCollection,
    Procedure,
    ServiceLevel,
)
from counter_app.domain.catalog_file import catalog_from_json, procedure_to_json
from counter_app.domain.errors import CounterError
from counter_app.domain.limits import MAX_JSON_BYTES
from counter_app.domain.text import fold
from counter_app.store.database import Database
from counter_app.store.models import AgencyRow, ProcedureRow


def read_json_file(path: Path) -> object:
    """Read a JSON file, turning every way it can fail into a message for the user."""
    try:
        if path.stat().st_size > MAX_JSON_BYTES:
            raise CounterError("file.too_big", path=str(path), limit=MAX_JSON_BYTES // 2**20)
        raw = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise CounterError("file.missing", path=str(path)) from None
    except (OSError, UnicodeDecodeError) as error:
        reason = getattr(error, "strerror", None) or str(error)
        raise CounterError("file.unreadable", path=str(path), reason=reason) from None
    return parse_json_text(raw)


def parse_json_text(raw: str) -> object:
    """Parsed JSON; thousands of nested brackets (which no intake or catalog file has) are
    refused instead of running the parser out of stack."""
    try:
        return json.loads(raw)
    except json.JSONDecodeError as error:
        raise CounterError(
            "json.malformed", line=error.lineno, column=error.colno, reason=error.msg
        ) from None
    except RecursionError:
        raise CounterError("json.too_deep") from None


def procedure_from_row(row: ProcedureRow) -> Procedure:
    return Procedure(
        code=row.code,
        name=row.name,
        field=row.field,
        agency_code=row.agency_code,
        level=ServiceLevel(row.level),
        duration=Duration(
            DurationUnit(row.duration_unit),
            Decimal(row.duration_amount),
            time.fromisoformat(row.cutoff) if row.cutoff else None,
        ),
        fees=tuple(
            Fee(f["name"], f["amount"], f["per"], FeeCollection(f["collection"]), f["note"])
            for f in row.fees
        ),
        components=tuple(
            Component(c["name"], DocumentForm(c["form"]), c["count"], c["required"], c["code"])
            for c in row.components
        ),
        result=row.result,
        active=row.active,
    )


def _procedure_values(procedure: Procedure) -> dict[str, Any]:
    data = procedure_to_json(procedure)
    return {
        "code": procedure.code,
        "name": procedure.name,
        "name_folded": fold(procedure.name),
        "field": procedure.field,
        "agency_code": procedure.agency_code,
        "level": procedure.level.value,
        "duration_unit": procedure.duration.unit.value,
        "duration_amount": str(procedure.duration.amount),
        "cutoff": data["duration"]["cutoff"],
        "fees": data["fees"],
        "components": data["components"],
        "result": procedure.result,
        "active": procedure.active,
    }


@dataclass(frozen=True)
class ImportSummary:
    agencies: int
    procedures: int


class SearchIndex:
    """Folded texts kept in name order, so a keystroke is a few tight comprehensions over
    plain strings (10,000 procedures in a couple of milliseconds) and results need no sort."""

    def __init__(self, procedures: list[Procedure]) -> None:
        self.procedures = sorted(procedures, key=lambda p: (fold(p.name), p.code))
        self.by_code = {p.code: p for p in self.procedures}
        self._texts = [fold(f"{p.code} {p.name} {p.field}") for p in self.procedures]
        self._codes = [fold(p.code) for p in self.procedures]
        self._names = [fold(p.name) for p in self.procedures]
        self._active = [i for i, p in enumerate(self.procedures) if p.active]

    def search(self, text: str, limit: int | None, include_inactive: bool) -> list[Procedure]:
        words = fold(text).split()
        found: list[int] = list(range(len(self.procedures))) if include_inactive else self._active
        for word in words:
            texts = self._texts
            found = [i for i in found if word in texts[i]]
        if words:
            needle = " ".join(words)
            codes, names = self._codes, self._names
            by_code = [i for i in found if codes[i].startswith(needle)]
            by_name = [i for i in found if names[i].startswith(needle)]
            chosen = set(by_code)
            first = by_code + [i for i in by_name if i not in chosen]
            chosen.update(first)
            found = first + [i for i in found if i not in chosen]
        if limit:
            found = found[:limit]
        return [self.procedures[i] for i in found]


class CatalogService:
    def __init__(self, database: Database) -> None:
        self._db = database
        self._index: SearchIndex | None = None
        self._agencies: dict[str, Agency] | None = None
        self._lock = Lock()

    # --- import
    def import_file(self, path: Path) -> ImportSummary:
        return self.import_catalog(catalog_from_json(read_json_file(path)))

    def import_catalog(self, catalog: Catalog) -> ImportSummary:
        """Insert or update every agency and procedure of the file, in one transaction."""
        with self._db.write() as session:
            known = set(session.scalars(select(AgencyRow.code)))
            for agency in catalog.agencies:
                session.merge(
                    AgencyRow(
                        code=agency.code,
                        name=agency.name,
                        parent_code=agency.parent_code,
                        short_name=agency.short_name,
                    )
                )
                known.add(agency.code)
            for procedure in catalog.procedures:
                if procedure.agency_code not in known:
                    raise CounterError("agency.unknown", code=procedure.agency_code)
                session.merge(ProcedureRow(**_procedure_values(procedure)))
        self.invalidate()
        return ImportSummary(len(catalog.agencies), len(catalog.procedures))

    def invalidate(self) -> None:
        """Forget what was read: the catalog changed underneath (an import, a sync)."""
        with self._lock:
            self._index = None
            self._agencies = None

    # --- look-up
    def agencies(self) -> dict[str, Agency]:
        with self._lock:
            if self._agencies is None:
                with self._db.read() as session:
                    self._agencies = {
                        row.code: Agency(row.code, row.name, row.parent_code, row.short_name)
                        for row in session.scalars(select(AgencyRow).order_by(AgencyRow.code))
                    }
            return self._agencies

    def served_agencies(self) -> set[str]:
        """The agencies whose dossiers this counter takes in (all of them by default)."""
        with self._db.read() as session:
            return set(session.scalars(select(AgencyRow.code).where(AgencyRow.served.is_(True))))

    def set_served_agencies(self, codes: set[str]) -> None:
        known = set(self.agencies())
        unknown = codes - known
        if unknown:
            raise CounterError("agency.unknown", code=", ".join(sorted(unknown)))
        with self._db.write() as session:
            for row in session.scalars(select(AgencyRow)):
                row.served = row.code in codes

    def procedure(self, code: str) -> Procedure:
        """The procedure by its code; refuses an unknown one with a message."""
        procedure = self._search_index().by_code.get(code.strip())
        if procedure is None:
            raise CounterError("procedure.unknown", code=code.strip())
        return procedure

    def _search_index(self) -> SearchIndex:
        with self._lock:
            if self._index is None:
                with self._db.read() as session:
                    rows = session.scalars(select(ProcedureRow))
                    self._index = SearchIndex([procedure_from_row(row) for row in rows])
            return self._index

    def search(
        self, text: str = "", *, limit: int | None = None, include_inactive: bool = False
    ) -> list[Procedure]:
        """Procedures whose code, name or field contain every word typed, diacritics ignored;
        codes starting with the text first, then names starting with it, then the rest."""
        return self._search_index().search(text, limit, include_inactive)
