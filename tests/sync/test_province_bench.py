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
