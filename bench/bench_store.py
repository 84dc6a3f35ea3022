"""Intake and look-up with 200,000 dossiers in the local store; demo-data's own speed.

Targets (issue 2): 200,000 synthetic dossiers in under two minutes; allocating a code and
committing an intake ≤ 5 ms median; look-up by code ≤ 1 ms. Baselines measured in the same
run on the same file: a bare one-row INSERT + COMMIT, and a bare primary-key SELECT, through
sqlite3 directly.

    .venv/bin/python bench/bench_store.py [--dossiers 200000] [--data-dir DIR]
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

from common import counter_app, median_ms, report, timed


def build(data_dir: Path, dossiers: int) -> float:
    counter_app(data_dir, "init", "--demo")
    started = time.perf_counter()
    out = json.loads(
        counter_app(data_dir, "demo-data", "--dossiers", str(dossiers), "--days", "365")
    )
    assert out["dossiers"] == dossiers
    return time.perf_counter() - started


def raw_insert_seconds(data_dir: Path, rows: int) -> float:
    """Baseline: as many one-table rows inserted by executemany in one transaction."""
    path = data_dir / "baseline.sqlite3"
    data_dir.mkdir(parents=True, exist_ok=True)
    raw = sqlite3.connect(path)
    raw.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, code TEXT UNIQUE, name TEXT)")
    started = time.perf_counter()
    with raw:
        raw.executemany(
            "INSERT INTO t (code, name) VALUES (?, ?)",
            ((f"000.00.12.H37-250101-{i:06d}", "Nguyễn Văn An") for i in range(rows)),
        )
    seconds = time.perf_counter() - started
    raw.close()
    path.unlink()
    return seconds


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--dossiers", type=int, default=200_000)
    parser.add_argument("--data-dir", type=Path, help="reuse a folder already filled")
    args = parser.parse_args()

    from counter_app.services.intake import request_from_json
    from counter_app.services.workspace import Workspace

    data_dir = args.data_dir or Path(tempfile.mkdtemp(prefix="counter-bench-"))
    ok = True
    if args.data_dir is None:
        baseline = raw_insert_seconds(data_dir, args.dossiers)
        seconds = build(data_dir, args.dossiers)
        ok &= report(
            f"demo-data {args.dossiers:,} dossiers", seconds, 120.0 * args.dossiers / 200_000,
            baseline, "bare INSERT of as many rows", unit="s",
        )  # fmt: skip

    ws = Workspace(data_dir)
    user = ws.accounts.user("canbo")
    procedures = [p.code for p in ws.catalog.search("")]
    rng = random.Random(7)
    sample = {
        "full_name": "Hoàng Văn Bình", "id_number": "020090001234", "birth_date": "1990-03-15",
        "phone": "0912345678", "address": "Số 5, đường Trần Đăng Ninh, thành phố Lạng Sơn",
    }  # fmt: skip

    def intake() -> None:
        data = {"procedure": rng.choice(procedures), "applicant": sample}
        ws.intake.receive(request_from_json(data), user=user)

    intake_ms = median_ms(timed(intake, 300))

    raw = sqlite3.connect(ws.database.path, isolation_level=None)
    raw.execute("PRAGMA synchronous = NORMAL")
    raw.execute("CREATE TABLE IF NOT EXISTS bench_baseline (id INTEGER PRIMARY KEY, v TEXT)")

    def bare_insert() -> None:
        raw.execute("BEGIN IMMEDIATE")
        raw.execute("INSERT INTO bench_baseline (v) VALUES ('x')")
        raw.execute("COMMIT")

    insert_ms = median_ms(timed(bare_insert, 300))
    ok &= report(
        "intake: allocate code + commit (median)", intake_ms, 5.0, insert_ms, "bare INSERT+COMMIT"
    )

    codes = [
        row[0] for row in raw.execute("SELECT code FROM dossiers ORDER BY random() LIMIT 1000")
    ]
    uuids = [
        row[0] for row in raw.execute("SELECT uuid FROM dossiers ORDER BY random() LIMIT 1000")
    ]
    total = raw.execute("SELECT count(*) FROM dossiers").fetchone()[0]
    lookups = iter(codes * 2)
    lookup_ms = median_ms(timed(lambda: ws.dossiers.get(next(lookups)), 1000))
    keys = iter(uuids * 2)
    select_ms = median_ms(
        timed(
            lambda: raw.execute("SELECT * FROM dossiers WHERE uuid = ?", (next(keys),)).fetchone(),
            1000,
        )
    )
    ok &= report(
        "look-up by code, whole dossier (median)", lookup_ms, 1.0, select_ms, "bare PK SELECT"
    )
    raw.execute("DROP TABLE bench_baseline")
    raw.close()
    ws.close()
    print(f"(store: {total:,} dossiers in {data_dir})")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
