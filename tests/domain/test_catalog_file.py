"""The catalog file format, its refusals, and the bundled demo data."""

from __future__ import annotations

import copy
import json
import re
import unicodedata
from datetime import time
from decimal import Decimal
from pathlib import Path

import pytest

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
from counter_app.domain.catalog_file import (
    FEE_BASES,
    FORMAT,
    VERSION,
    catalog_from_json,
    catalog_to_json,
)
from counter_app.domain.errors import CounterError
from counter_app.domain.messages import MESSAGES, translate

RESOURCES = Path(__file__).parents[2] / "resources"
DEMO = RESOURCES / "demo"


def load(name: str) -> object:
    return json.loads((DEMO / name).read_text(encoding="utf-8"))


def strings(data: object):
    """Every string of a JSON value, keys included."""
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield key
            yield from strings(value)
    elif isinstance(data, list):
        for item in data:
            yield from strings(item)


def assert_nfc(data: object) -> None:
    for text in strings(data):
        assert unicodedata.normalize("NFC", text) == text, text
        assert text == text.strip(), text


@pytest.fixture(scope="module")
def demo() -> Catalog:
    return catalog_from_json(load("catalog.json"))


def minimal() -> dict:
    return {
        "format": FORMAT,
        "version": VERSION,
        "agencies": [
            {"code": "000.00.00.H37", "name": "Ủy ban nhân dân tỉnh Lạng Sơn"},
            {
                "code": "000.00.12.H37",
                "name": "Sở Tư pháp tỉnh Lạng Sơn",
                "parent": "000.00.00.H37",
            },
        ],
        "procedures": [
            {
                "code": "2.000908.000.00.00.H37",
                "name": "Chứng thực bản sao từ bản chính",
                "field": "Chứng thực",
                "agency": "000.00.12.H37",
                "level": "level_2",
                "duration": {"unit": "same_day", "cutoff": "15:00"},
                "fees": [{"name": "Phí chứng thực", "amount": 2000, "per": "page"}],
                "components": [{"name": "Bản chính giấy tờ"}],
            }
        ],
    }


def refusal(data: object) -> CounterError:
    with pytest.raises(CounterError) as caught:
        catalog_from_json(data)
    error = caught.value
    assert error.key == "catalog.invalid"
    # the sentence renders in both languages, with the reason spelled out
    for lang in ("vi", "en"):
        text = error.message(lang)
        assert str(error.params["where"]) in text
        assert "catalog.reason" not in text
    return error


# --- the demo catalog


def test_demo_catalog_counts(demo: Catalog) -> None:
    assert len(demo.agencies) >= 8
    assert len(demo.procedures) >= 30
    assert {p.duration.unit for p in demo.procedures} == set(DurationUnit)
    assert {p.level for p in demo.procedures} == set(ServiceLevel)
    assert {c.form for p in demo.procedures for c in p.components} == set(DocumentForm)
    assert {f.collection for p in demo.procedures for f in p.fees} >= {
        FeeCollection.BEFORE,
        FeeCollection.EXEMPT,
    }
    # every agency's procedures exist somewhere, and the province is the top
    tops = [a for a in demo.agencies if a.parent_code is None]
    assert any("tỉnh Lạng Sơn" in a.name and "Ủy ban" in a.name for a in tops)
    assert all(a.code.endswith(".H37") for a in demo.agencies)


def test_demo_catalog_is_nfc() -> None:
    assert_nfc(load("catalog.json"))


# code, name prefix, unit, amount, cutoff, first fee amount, fee per
DEMO_TABLE = [
    (
        "2.000908.000.00.00.H37",
        "Chứng thực bản sao từ bản chính",
        "same_day",
        0,
        "15:00",
        2000,
        "page",
    ),
    ("1.001193.000.00.00.H37", "Đăng ký khai sinh", "same_day", 0, "15:00", 0, "dossier"),
    ("1.000894.000.00.00.H37", "Đăng ký kết hôn", "same_day", 0, "15:00", 0, "dossier"),
    ("1.000894.000.00.00.H37-XM", "Đăng ký kết hôn", "working_days", 5, None, 0, "dossier"),
    (
        "2.000488.000.00.00.H37",
        "Cấp Phiếu lý lịch tư pháp",
        "working_days",
        10,
        None,
        200000,
        "dossier",
    ),
    (
        "1.001612.000.00.00.H37",
        "Đăng ký thành lập hộ kinh doanh",
        "working_days",
        3,
        None,
        None,
        None,
    ),
    (
        "1.009794.000.00.00.H37",
        "Cấp giấy phép xây dựng nhà ở riêng lẻ",
        "calendar_days",
        15,
        None,
        None,
        None,
    ),
]


@pytest.mark.parametrize(("code", "name", "unit", "amount", "cutoff", "fee", "per"), DEMO_TABLE)
def test_demo_table_procedures(demo, code, name, unit, amount, cutoff, fee, per) -> None:
    by_code = {p.code: p for p in demo.procedures}
    procedure = by_code[code]
    assert procedure.name.startswith(name)
    assert procedure.duration.unit == unit
    assert procedure.duration.amount == amount
    assert procedure.duration.cutoff == (time.fromisoformat(cutoff) if cutoff else None)
    assert procedure.fees
    if fee is not None:
        assert procedure.fees[0].amount == fee
        assert procedure.fees[0].per == per
    if fee == 0:
        assert procedure.fees[0].collection is FeeCollection.EXEMPT


def test_copy_certification_fee_note(demo: Catalog) -> None:
    (procedure,) = [p for p in demo.procedures if p.code == "2.000908.000.00.00.H37"]
    note = procedure.fees[0].note
    assert "1.000" in note
    assert "200.000" in note


def test_demo_catalog_round_trips(demo: Catalog) -> None:
    again = catalog_from_json(json.loads(json.dumps(catalog_to_json(demo), ensure_ascii=False)))
    assert again == demo


# --- round trip and reading


def test_round_trip_of_every_field() -> None:
    catalog = Catalog(
        agencies=[
            Agency("000.00.00.H37", "UBND tỉnh", None, "UBND"),
            Agency("000.00.12.H37", "Sở Tư pháp", "000.00.00.H37"),
        ],
        procedures=[
            Procedure(
                code="X.1",
                name="Thủ tục thử",
                field="Lĩnh vực",
                agency_code="000.00.12.H37",
                level=ServiceLevel.PARTIAL_ONLINE,
                duration=Duration(DurationUnit.WORKING_DAYS, Decimal("0.5")),
                fees=(
                    Fee("Lệ phí", 1500, "copy", FeeCollection.AFTER, "ghi chú"),
                    Fee("Miễn", 0, collection=FeeCollection.EXEMPT),
                ),
                components=(
                    Component("Tờ khai", DocumentForm.ORIGINAL, 1, True, "TK01"),
                    Component("Bản sao", DocumentForm.CERTIFIED_COPY, 999, False),
                ),
                result="Kết quả",
                active=False,
            ),
            Procedure(
                "X.2",
                "Trong ngày",
                "",
                "000.00.00.H37",
                ServiceLevel.LEVEL_1,
                Duration(DurationUnit.SAME_DAY, Decimal(0), time(15, 0)),
            ),
        ],
    )
    data = catalog_to_json(catalog)
    assert data["format"] == FORMAT and data["version"] == VERSION
    assert data["procedures"][0]["duration"] == {
        "unit": "working_days",
        "amount": 0.5,
        "cutoff": None,
    }
    assert data["procedures"][1]["duration"]["cutoff"] == "15:00"
    assert catalog_from_json(json.loads(json.dumps(data))) == catalog


def test_defaults_cleaning_and_unknown_keys() -> None:
    data = minimal()
    data["future"] = {"anything": 1}
    data["agencies"][1]["parent"] = " 000.00.00.h37 "
    data["agencies"][1]["extra"] = True
    decomposed = unicodedata.normalize("NFD", "  Sở   Tư pháp ")
    data["agencies"][1]["name"] = decomposed
    catalog = catalog_from_json(data)
    justice = catalog.agencies[1]
    assert justice.parent_code == "000.00.00.H37"
    assert justice.name == "Sở Tư pháp"
    assert unicodedata.is_normalized("NFC", justice.name)
    (procedure,) = catalog.procedures
    assert procedure.duration == Duration(DurationUnit.SAME_DAY, Decimal(0), time(15, 0))
    assert procedure.fees == (Fee("Phí chứng thực", 2000, "page", FeeCollection.BEFORE, ""),)
    assert procedure.components == (Component("Bản chính giấy tờ"),)
    assert procedure.active is True and procedure.result == ""


def test_parent_null_or_absent_is_top_level() -> None:
    data = minimal()
    data["agencies"][1]["parent"] = None
    assert catalog_from_json(data).agencies[1].parent_code is None


def test_fractional_amounts_read_exactly() -> None:
    for raw in (1.5, "1.5"):
        data = minimal()
        data["procedures"][0]["duration"] = {"unit": "working_days", "amount": raw}
        assert catalog_from_json(data).procedures[0].duration.amount == Decimal("1.5")


# --- refusals


def test_not_a_dict() -> None:
    for data in ([], "catalog", None, 3):
        error = refusal(data)
        assert error.params["reason"] == "catalog.reason.not_object"


def test_wrong_format_marker() -> None:
    data = minimal()
    data["format"] = "something-else"
    assert refusal(data).params["where"] == "format"
    del data["format"]
    assert refusal(data).params["where"] == "format"


def test_unsupported_version() -> None:
    for version in (2, "1", None, True):
        data = minimal()
        data["version"] = version
        assert refusal(data).params["where"] == "version"


def mutate(path: str, value: object, *, delete: bool = False) -> CounterError:
    """Set one value of the minimal catalog by a dotted path, then expect a refusal there."""
    data = copy.deepcopy(minimal())
    node = data
    parts = re.findall(r"[^.\[\]]+", path)
    for part in parts[:-1]:
        node = node[int(part)] if part.isdigit() else node[part]
    last = parts[-1]
    if delete:
        del node[last]
    else:
        node[int(last) if last.isdigit() else last] = value
    return refusal(data)


@pytest.mark.parametrize(
    ("path", "value", "where", "reason"),
    [
        ("procedures[0].duration.unit", "weeks", "procedures[0].duration.unit", "unit"),
        ("procedures[0].duration.unit", None, "procedures[0].duration.unit", "missing"),
        ("procedures[0].duration", "3 days", "procedures[0].duration", "not_object"),
        ("procedures[0].duration.amount", -1, "procedures[0].duration.amount", "amount"),
        ("procedures[0].duration.amount", "abc", "procedures[0].duration.amount", "amount"),
        ("procedures[0].duration.amount", True, "procedures[0].duration.amount", "amount"),
        ("procedures[0].duration.amount", float("nan"), "procedures[0].duration.amount", "amount"),
        ("procedures[0].duration.cutoff", "25:00", "procedures[0].duration.cutoff", "cutoff"),
        ("procedures[0].duration.cutoff", "3pm", "procedures[0].duration.cutoff", "cutoff"),
        ("procedures[0].duration.cutoff", 1500, "procedures[0].duration.cutoff", "cutoff"),
        ("procedures[0].duration.cutoff", "15:60", "procedures[0].duration.cutoff", "cutoff"),
        ("procedures[0].agency", "000.00.99.H37", "procedures[0].agency", "unknown_agency"),
        ("procedures[0].agency", "not a code", "procedures[0].agency", "agency_code"),
        ("procedures[0].level", "level_5", "procedures[0].level", "level"),
        ("procedures[0].code", "mã có dấu", "procedures[0].code", "procedure_code"),
        ("procedures[0].name", "   ", "procedures[0].name", "empty"),
        ("procedures[0].name", 42, "procedures[0].name", "not_text"),
        ("procedures[0].active", "yes", "procedures[0].active", "not_bool"),
        ("procedures[0].fees", {}, "procedures[0].fees", "not_list"),
        ("procedures[0].fees[0].amount", -2000, "procedures[0].fees[0].amount", "fee"),
        ("procedures[0].fees[0].amount", 2000.5, "procedures[0].fees[0].amount", "fee"),
        ("procedures[0].fees[0].per", "kg", "procedures[0].fees[0].per", "per"),
        (
            "procedures[0].fees[0].collection",
            "later",
            "procedures[0].fees[0].collection",
            "collection",
        ),
        ("procedures[0].components[0].count", 0, "procedures[0].components[0].count", "count"),
        ("procedures[0].components[0].count", 1000, "procedures[0].components[0].count", "count"),
        ("procedures[0].components[0].form", "scan", "procedures[0].components[0].form", "form"),
        (
            "procedures[0].components[0].required",
            1,
            "procedures[0].components[0].required",
            "not_bool",
        ),
        ("agencies[1].code", "000.00.12.H37.X", "agencies[1].code", "agency_code"),
        ("agencies[1].code", "0000.0000.1234", "agencies[1].code", "agency_code"),
        ("agencies[1].parent", "000.00.77.H37", "agencies[1].parent", "unknown_agency"),
        ("agencies[1].name", "x" * 1001, "agencies[1].name", "too_long"),
        ("agencies", {}, "agencies", "not_list"),
        ("agencies[0]", "UBND", "agencies[0]", "not_object"),
    ],
)
def test_refusals_name_where(path, value, where, reason) -> None:
    error = mutate(path, value)
    assert error.params["where"] == where
    assert error.params["reason"] == f"catalog.reason.{reason}"


@pytest.mark.parametrize(
    "path",
    [
        "procedures[0].code",
        "procedures[0].name",
        "procedures[0].agency",
        "procedures[0].level",
        "procedures[0].duration",
        "procedures[0].duration.unit",
        "procedures[0].fees[0].amount",
        "procedures[0].fees[0].name",
        "procedures[0].components[0].name",
        "agencies[0].code",
        "agencies[0].name",
        "agencies",
        "procedures",
    ],
)
def test_missing_required_keys(path) -> None:
    error = mutate(path, None, delete=True)
    assert error.params["where"] == path
    assert error.params["reason"] == "catalog.reason.missing"


def test_measured_units_need_an_amount() -> None:
    data = minimal()
    data["procedures"][0]["duration"] = {"unit": "working_days"}
    error = refusal(data)
    assert error.params["where"] == "procedures[0].duration.amount"


def test_duplicate_agency_code() -> None:
    data = minimal()
    data["agencies"].append({"code": "000.00.12.h37", "name": "Trùng"})
    error = refusal(data)
    assert error.params["where"] == "agencies[2].code"
    assert error.params["reason"] == "catalog.reason.duplicate"


def test_duplicate_procedure_code() -> None:
    data = minimal()
    data["procedures"].append(copy.deepcopy(data["procedures"][0]))
    error = refusal(data)
    assert error.params["where"] == "procedures[1].code"
    assert error.params["reason"] == "catalog.reason.duplicate"


def test_parent_cycle() -> None:
    data = minimal()
    data["agencies"][0]["parent"] = "000.00.12.H37"
    error = refusal(data)
    assert error.params["reason"] == "catalog.reason.parent_cycle"
    data["agencies"][0]["parent"] = "000.00.00.H37"
    assert refusal(data).params["where"] == "agencies[0].parent"


def test_reason_messages_list_every_choice() -> None:
    """The reasons spell the allowed values out, so they must follow the enums."""
    choices = {
        "unit": DurationUnit,
        "level": ServiceLevel,
        "form": DocumentForm,
        "collection": FeeCollection,
        "per": FEE_BASES,
    }
    for reason, values in choices.items():
        for lang in ("vi", "en"):
            text = translate(f"catalog.reason.{reason}", lang)
            assert all(str(v) in text for v in values), (reason, lang)


def test_every_reason_has_a_message() -> None:
    for key in [k for k in MESSAGES if k.startswith("catalog.reason.")]:
        for lang in ("vi", "en"):
            assert translate("catalog.invalid", lang, where="x", reason=key).endswith(
                translate(key, lang)
            )


# --- people and accounts


def test_people_data() -> None:
    people = load("people.json")
    assert_nfc(people)
    families = {f["name"]: f["weight"] for f in people["family_names"]}
    assert {"Hoàng", "Nông", "Lương", "Vi", "Lục", "Lăng", "Chu", "Nguyễn", "Trần", "Lê"} <= set(
        families
    )
    assert all(isinstance(w, int) and w > 0 for w in families.values())
    for key in (
        "middle_names_male",
        "middle_names_female",
        "given_names_male",
        "given_names_female",
    ):
        names = people[key]
        assert len(names) >= 10 and len(set(names)) == len(names)
        assert all(isinstance(n, str) and n for n in names)
    communes = [place["commune"] for place in people["places"]]
    assert len(set(communes)) == len(communes) >= 5
    for place in people["places"]:
        assert "district" not in place  # two-level local government since 1 July 2025
        assert place["streets"] or place["villages"]


def test_accounts_data() -> None:
    accounts = load("accounts.json")
    assert_nfc(accounts)
    assert len({a["login"] for a in accounts}) == len(accounts)
    roles = [a["role"] for a in accounts]
    assert roles.count("staff") >= 2 and "supervisor" in roles and "admin" in roles
    for account in accounts:
        assert re.fullmatch(r"[A-Za-z0-9._-]{2,32}", account["login"])
        assert len(account["password"]) >= 8
        assert account["full_name"]
    assert {
        "login": "canbo",
        "full_name": "Nguyễn Thị Hoa",
        "role": "staff",
        "password": "canbo123",
    } in (accounts)
