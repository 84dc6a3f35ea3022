"""The province harness (bench/province.py) at N = 50 for a few minutes, as CI runs it: the
reconciliation finds every dossier on central exactly once, every code unique and every central
decision back on its counter; every counter role sees only its own; central's server
connections stay within PgBouncer's budget."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_fifty_counters_through_a_busy_day(pg_server):  # type: ignore[no-untyped-def]
    # pg_server: skips where PostgreSQL is missing, fails on CI; the harness starts its own
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "province.py"), "--counters", "50",
         "--seconds", "150", "--processes", "4"],
        capture_output=True, text=True, timeout=1800, cwd=ROOT,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    assert "reconciliation:" in done.stdout and "all accounted for" in done.stdout
    assert "each sees only its own" in done.stdout


def test_the_harness_communes_are_agencies_a_catalog_file_accepts():
    """`--communes`: each new commune is an agency of its own with the largest commune's
    procedures under codes of its own, all of which the catalog file's checks accept."""
    path = list(sys.path)
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from province import with_communes
    finally:
        sys.path[:] = path
    from counter_app.domain.catalog_file import catalog_from_json, catalog_to_json
    from counter_app.services.catalog import read_json_file

    demo = catalog_from_json(read_json_file(ROOT / "resources" / "demo" / "catalog.json"))
    grown = catalog_from_json(catalog_to_json(with_communes(demo, 936)))
    new = {a.code for a in grown.agencies} - {a.code for a in demo.agencies}
    assert len(new) == 936
    offered = {code: [p for p in grown.procedures if p.agency_code == code] for code in new}
    assert {len(procedures) for procedures in offered.values()} == {8}  # phường Tam Thanh's
    codes = [p.code for p in grown.procedures]
    assert len(codes) == len(set(codes))
