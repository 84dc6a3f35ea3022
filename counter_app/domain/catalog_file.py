"""The catalog file: a JSON document an administrator imports, exports and edits by hand.

Shape (keys not listed here are ignored, so a newer file still loads)::

    {"format": "counter-app-catalog", "version": 1,
     "agencies": [{"code", "name", "parent"?, "short_name"?}],
     "procedures": [{"code", "name", "field"?, "field_code"?, "agency", "level",
                     "duration": {"unit", "amount"?, "cutoff"?},
                     "fees"?: [{"name", "amount", "per"?, "collection"?, "note"?, "code"?}],
                     "components"?: [{"code"?, "name", "form"?, "count"?, "required"?}],
                     "result"?, "active"?}]}

Every refusal is `CounterError("catalog.invalid", where=..., reason=...)`: `where` is a JSON
path counted from 0 (``procedures[3].duration.unit``), `reason` a message key, so the
sentence comes out in the user's language; `value` carries the offending value when there
is one. Text is stored NFC, trimmed, inner blanks collapsed; agency codes in capitals.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from datetime import time
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Any, TypeVar

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
from counter_app.domain.codes import AGENCY_PATTERN
from counter_app.domain.errors import CounterError
from counter_app.domain.limits import (
    CATALOG_TEXT_LIMIT,
    MAX_COUNT,
    MAX_FEE,
    duration_too_long,
)
from counter_app.domain.text import REPLACEMENT, clean

FORMAT = "counter-app-catalog"
VERSION = 1

FEE_BASES = ("dossier", "page", "copy", "person")
AGENCY_CODE_LIMIT = 13

_AGENCY_CODE = re.compile(rf"^{AGENCY_PATTERN}$")
_PROCEDURE_CODE = re.compile(r"^[0-9A-Za-z][0-9A-Za-z._-]{0,63}$")
_CUTOFF = re.compile(r"^(\d{1,2}):(\d{2})$")
# Units whose amount means something; same_day and none may leave it out.
_MEASURED = {DurationUnit.WORKING_DAYS, DurationUnit.CALENDAR_DAYS, DurationUnit.WORKING_HOURS}
_MISSING = object()

E = TypeVar("E", bound=StrEnum)


def _refuse(where: str, reason: str, value: object = _MISSING) -> CounterError:
    params: dict[str, object] = {"where": where, "reason": f"catalog.reason.{reason}"}
    if value is not _MISSING:
        params["value"] = value
    return CounterError("catalog.invalid", **params)


def _object(data: object, where: str) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise _refuse(where, "not_object")
    return data


def _list(data: object, where: str) -> list[Any]:
    if not isinstance(data, list):
        raise _refuse(where, "not_list")
    return data


def _text(obj: dict[str, Any], key: str, where: str, *, required: bool = True) -> str:
    """A text field, cleaned. Optional fields may be absent or null and then read as ""."""
    here = f"{where}.{key}"
    value = obj.get(key)
    if value is None:
        if required:
            raise _refuse(here, "missing")
        return ""
    if not isinstance(value, str):
        raise _refuse(here, "not_text", value)
    text = clean(value)
    if required and not text:
        raise _refuse(here, "empty")
    if len(text) > CATALOG_TEXT_LIMIT:
        raise _refuse(here, "too_long")
    if REPLACEMENT in text:
        raise _refuse(here, "broken")
    return text


def _choice(
    obj: dict[str, Any], key: str, where: str, enum: type[E], reason: str, default: E | None = None
) -> E:
    here = f"{where}.{key}"
    value = obj.get(key)
    if value is None:
        if default is None:
            raise _refuse(here, "missing")
        return default
    try:
        return enum(value.strip() if isinstance(value, str) else value)
    except ValueError:
        raise _refuse(here, reason, value) from None


def _bool(obj: dict[str, Any], key: str, where: str, default: bool) -> bool:
    value = obj.get(key)
    if value is None:
        return default
    if not isinstance(value, bool):
        raise _refuse(f"{where}.{key}", "not_bool", value)
    return value


def _whole(value: object) -> int | None:
    """An int as JSON gives it; booleans and fractions are not counts."""
    if isinstance(value, bool) or not isinstance(value, int):
        return None
    return value


def _agency_code(value: object, where: str) -> str:
    if not isinstance(value, str):
        raise _refuse(where, "not_text", value)
    code = clean(value).upper()
    if not code:
        raise _refuse(where, "empty")
    if len(code) > AGENCY_CODE_LIMIT or not _AGENCY_CODE.match(code):
        raise _refuse(where, "agency_code", value)
    return code


def _amount(value: object, where: str) -> Decimal:
    if isinstance(value, bool):
        raise _refuse(where, "amount", value)
    try:
        if isinstance(value, int):
            amount = Decimal(value)
        elif isinstance(value, float) and math.isfinite(value):
            amount = Decimal(repr(value))
        elif isinstance(value, str):
            amount = Decimal(value.strip())
        else:
            raise _refuse(where, "amount", value)
    except InvalidOperation:
        raise _refuse(where, "amount", value) from None
    if not amount.is_finite() or amount < 0:
        raise _refuse(where, "amount", value)
    return amount


def _cutoff(value: object, where: str) -> time | None:
    if value is None:
        return None
    match = _CUTOFF.match(value.strip()) if isinstance(value, str) else None
    if match is None:
        raise _refuse(where, "cutoff", value)
    hour, minute = int(match[1]), int(match[2])
    if hour > 23 or minute > 59:
        raise _refuse(where, "cutoff", value)
    return time(hour, minute)


def _items(
    obj: dict[str, Any], key: str, where: str, read: Callable[[Any, str], Any]
) -> tuple[Any, ...]:
    value = obj.get(key)
    if value is None:
        return ()
    here = f"{where}.{key}"
    return tuple(read(item, f"{here}[{i}]") for i, item in enumerate(_list(value, here)))


def _read_agency(data: object, where: str) -> Agency:
    obj = _object(data, where)
    if obj.get("code") is None:
        raise _refuse(f"{where}.code", "missing")
    code = _agency_code(obj["code"], f"{where}.code")
    parent = obj.get("parent")
    parent_code = None
    if parent is not None and not (isinstance(parent, str) and not parent.strip()):
        parent_code = _agency_code(parent, f"{where}.parent")
    return Agency(
        code=code,
        name=_text(obj, "name", where),
        parent_code=parent_code,
        short_name=_text(obj, "short_name", where, required=False),
    )


def _read_duration(data: object, where: str) -> Duration:
    obj = _object(data, where)
    unit = _choice(obj, "unit", where, DurationUnit, "unit")
    raw = obj.get("amount")
    if raw is None:
        if unit in _MEASURED:
            raise _refuse(f"{where}.amount", "missing")
        amount = Decimal(0)
    else:
        amount = _amount(raw, f"{where}.amount")
    duration = Duration(unit, amount, _cutoff(obj.get("cutoff"), f"{where}.cutoff"))
    if duration_too_long(duration):
        raise _refuse(f"{where}.amount", "duration_long", raw)
    return duration


def _read_fee(data: object, where: str) -> Fee:
    obj = _object(data, where)
    if obj.get("amount") is None:
        raise _refuse(f"{where}.amount", "missing")
    amount = _whole(obj["amount"])
    if amount is None or not 0 <= amount <= MAX_FEE:
        raise _refuse(f"{where}.amount", "fee", obj["amount"])
    per = obj.get("per")
    if per is None:
        per = "dossier"
    elif not isinstance(per, str) or per.strip() not in FEE_BASES:
        raise _refuse(f"{where}.per", "per", per)
    collection = _choice(
        obj, "collection", where, FeeCollection, "collection", FeeCollection.BEFORE
    )
    return Fee(
        name=_text(obj, "name", where),
        amount=amount,
        per=per.strip(),
        collection=collection,
        note=_text(obj, "note", where, required=False),
        code=_text(obj, "code", where, required=False),
    )


def _read_component(data: object, where: str) -> Component:
    obj = _object(data, where)
    count: object = obj.get("count")
    if count is None:
        count = 1
    whole = _whole(count)
    if whole is None or not 1 <= whole <= MAX_COUNT:
        raise _refuse(f"{where}.count", "count", count)
    return Component(
        name=_text(obj, "name", where),
        form=_choice(obj, "form", where, DocumentForm, "form", DocumentForm.ORIGINAL),
        count=whole,
        required=_bool(obj, "required", where, True),
        code=_text(obj, "code", where, required=False),
    )


def _read_procedure(data: object, where: str, agencies: set[str]) -> Procedure:
    obj = _object(data, where)
    code = _text(obj, "code", where)
    if not _PROCEDURE_CODE.match(code):
        raise _refuse(f"{where}.code", "procedure_code", obj["code"])
    name = _text(obj, "name", where)
    if obj.get("agency") is None:
        raise _refuse(f"{where}.agency", "missing")
    agency = _agency_code(obj["agency"], f"{where}.agency")
    if agency not in agencies:
        raise _refuse(f"{where}.agency", "unknown_agency", agency)
    if obj.get("duration") is None:
        raise _refuse(f"{where}.duration", "missing")
    return Procedure(
        code=code,
        name=name,
        field=_text(obj, "field", where, required=False),
        agency_code=agency,
        level=_choice(obj, "level", where, ServiceLevel, "level"),
        duration=_read_duration(obj["duration"], f"{where}.duration"),
        fees=_items(obj, "fees", where, _read_fee),
        components=_items(obj, "components", where, _read_component),
        result=_text(obj, "result", where, required=False),
        active=_bool(obj, "active", where, True),
        field_code=_text(obj, "field_code", where, required=False),
    )


def _check_parents(agencies: list[Agency]) -> None:
    parents = {a.code: a.parent_code for a in agencies}
    for i, agency in enumerate(agencies):
        where = f"agencies[{i}].parent"
        if agency.parent_code is None:
            continue
        if agency.parent_code not in parents:
            raise _refuse(where, "unknown_agency", agency.parent_code)
        seen = {agency.code}
        step: str | None = agency.parent_code
        while step is not None:
            if step in seen:
                raise _refuse(where, "parent_cycle", agency.parent_code)
            seen.add(step)
            step = parents[step]


def catalog_from_json(data: object) -> Catalog:
    """Read a parsed catalog file; the first problem found is raised as "catalog.invalid"."""
    root = _object(data, "JSON")
    if root.get("format") != FORMAT:
        raise _refuse("format", "format", root.get("format"))
    version = root.get("version")
    if _whole(version) != VERSION:
        raise _refuse("version", "version", version)
    for key in ("agencies", "procedures"):
        if key not in root:
            raise _refuse(key, "missing")

    agencies: list[Agency] = []
    for i, item in enumerate(_list(root["agencies"], "agencies")):
        agency = _read_agency(item, f"agencies[{i}]")
        if any(a.code == agency.code for a in agencies):
            raise _refuse(f"agencies[{i}].code", "duplicate", agency.code)
        agencies.append(agency)
    _check_parents(agencies)

    known = {a.code for a in agencies}
    procedures: list[Procedure] = []
    seen: set[str] = set()
    for i, item in enumerate(_list(root["procedures"], "procedures")):
        procedure = _read_procedure(item, f"procedures[{i}]", known)
        if procedure.code in seen:
            raise _refuse(f"procedures[{i}].code", "duplicate", procedure.code)
        seen.add(procedure.code)
        procedures.append(procedure)
    return Catalog(agencies=agencies, procedures=procedures)


def _number(amount: Decimal) -> int | float:
    """Whole amounts as JSON integers, fractions as JSON numbers (never strings)."""
    return int(amount) if amount == amount.to_integral_value() else float(amount)


def procedure_to_json(p: Procedure) -> dict[str, Any]:
    """One procedure in the file's form (also what `catalog list` prints)."""
    return {
        "code": p.code,
        "name": p.name,
        "field": p.field,
        "field_code": p.field_code,
        "agency": p.agency_code,
        "level": p.level.value,
        "duration": {
            "unit": p.duration.unit.value,
            "amount": _number(p.duration.amount),
            "cutoff": p.duration.cutoff.strftime("%H:%M") if p.duration.cutoff else None,
        },
        "fees": [
            {
                "name": f.name,
                "amount": f.amount,
                "per": f.per,
                "collection": f.collection.value,
                "note": f.note,
                "code": f.code,
            }
            for f in p.fees
        ],
        "components": [
            {
                "code": c.code,
                "name": c.name,
                "form": c.form.value,
                "count": c.count,
                "required": c.required,
            }
            for c in p.components
        ],
        "result": p.result,
        "active": p.active,
    }


def catalog_to_json(catalog: Catalog) -> dict[str, Any]:
    """The file form of a catalog; `catalog_from_json` reads it back unchanged."""
    return {
        "format": FORMAT,
        "version": VERSION,
        "agencies": [
            {
                "code": a.code,
                "name": a.name,
                "parent": a.parent_code,
                "short_name": a.short_name,
            }
            for a in catalog.agencies
        ],
        "procedures": [procedure_to_json(p) for p in catalog.procedures],
    }
