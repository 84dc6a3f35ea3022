from __future__ import annotations

import json
from pathlib import Path

import pytest

from counter_app.domain.catalog import DurationUnit
from counter_app.domain.errors import CounterError
from counter_app.paths import resources_dir
from tests.conftest import INACTIVE, SAME_DAY, SMALL_CATALOG, TEN_DAYS


def test_search_ignores_diacritics_and_case(ws):
    assert [p.code for p in ws.catalog.search("chung thuc")] == [SAME_DAY]
    assert [p.code for p in ws.catalog.search("LÝ LỊCH")] == [TEN_DAYS]
    assert [p.code for p in ws.catalog.search("ly lich tu phap")] == [TEN_DAYS]


def test_search_by_code_comes_first(ws):
    assert ws.catalog.search("1.001193")[0].code == TEN_DAYS


def test_inactive_procedures_are_hidden_unless_asked(ws):
    assert INACTIVE not in {p.code for p in ws.catalog.search("")}
    assert INACTIVE in {p.code for p in ws.catalog.search("", include_inactive=True)}


def test_procedure_round_trips_through_the_store(ws):
    procedure = ws.catalog.procedure(SAME_DAY)
    assert procedure.duration.unit is DurationUnit.SAME_DAY
    assert procedure.duration.cutoff.hour == 15
    assert procedure.fees[0].amount == 2000 and procedure.fees[0].per == "page"
    assert [c.form.value for c in procedure.components] == ["original", "copy"]


def test_reimport_updates_in_place(ws, tmp_path: Path):
    changed = json.loads(json.dumps(SMALL_CATALOG))
    changed["procedures"][0]["name"] = "Chứng thực bản sao (tên mới)"
    path = tmp_path / "catalog.json"
    path.write_text(json.dumps(changed, ensure_ascii=False), encoding="utf-8")
    ws.catalog.import_file(path)
    assert ws.catalog.procedure(SAME_DAY).name == "Chứng thực bản sao (tên mới)"
    assert len(ws.catalog.search("", include_inactive=True)) == 4


def test_bad_files_are_refused_with_a_reason(ws, tmp_path: Path):
    with pytest.raises(CounterError) as missing:
        ws.catalog.import_file(tmp_path / "none.json")
    assert missing.value.key == "file.missing"
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": ', encoding="utf-8")
    with pytest.raises(CounterError) as malformed:
        ws.catalog.import_file(broken)
    assert malformed.value.key == "json.malformed"


def test_demo_catalog_imports(ws):
    summary = ws.catalog.import_file(resources_dir() / "demo" / "catalog.json")
    assert summary.agencies >= 8 and summary.procedures >= 30
    assert ws.catalog.search("khai sinh")


def test_agencies_served_by_the_counter(ws):
    from tests.conftest import AGENCY

    assert AGENCY in ws.catalog.served_agencies()
    ws.catalog.set_served_agencies({AGENCY})
    assert ws.catalog.served_agencies() == {AGENCY}
    with pytest.raises(CounterError):
        ws.catalog.set_served_agencies({"000.99.99.H37"})
