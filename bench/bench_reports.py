"""The supervisor's review with 200,000 dossiers in the local store.

Targets (issue 7): the daily review's figures (the service part of "page ready ≤ 300 ms"),
a year's period report ≤ 1 s, the XLSX of a 2,000-row tracking book ≤ 2 s. Baseline measured
in the same run on the same file: a plain `SELECT count(*)` over the dossier table.

    .venv/bin/python bench/bench_reports.py [--dossiers 200000] [--data-dir DIR]
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

from bench_store import build
from common import median_ms, report, timed

from counter_app.paths import DATABASE_FILE


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--dossiers", type=int, default=200_000)
    parser.add_argument("--data-dir", type=Path, help="reuse a folder already filled")
    args = parser.parse_args()

    from counter_app.domain.clock import local
    from counter_app.services.accounts import Role, User
    from counter_app.services.workspace import Workspace

    data_dir = args.data_dir or Path(tempfile.mkdtemp(prefix="counter-bench-"))
    if args.data_dir is None:
        build(data_dir, args.dossiers)

    raw = sqlite3.connect(data_dir / DATABASE_FILE)
    total, newest = raw.execute("SELECT count(*), max(received_at) FROM dossiers").fetchone()
    print(f"{total:,} dossiers in the store", flush=True)
    day = local(datetime.fromisoformat(newest + "+00:00")).date()
    # Baseline: a plain count over the same year of rows, reading each row (not an index only).
    since = f"{day - timedelta(days=365)} 17:00:00"
    plain = "SELECT count(*), sum(fee_total) FROM dossiers WHERE received_at >= ?"
    baseline = median_ms(timed(lambda: raw.execute(plain, (since,)).fetchone(), 7))
    name = "plain count of the year's rows"

    ws = Workspace(data_dir)
    boss = User("bench", "", Role.SUPERVISOR)
    ok = True
    daily = ws.reports.daily(day, user=boss)
    figures = timed(lambda: ws.reports.daily(day, user=boss), 7)
    ok &= report(
        f"daily review {day} ({daily.received} received, {len(daily.overdue)} overdue)",
        median_ms(figures), 300, baseline, name,
    )  # fmt: skip

    year = (day - timedelta(days=364), day)
    period = ws.reports.period(*year, user=boss)
    figures = timed(lambda: ws.reports.period(*year, user=boss), 5)
    ok &= report(
        f"period report, a year ({period.total.received_total:,} dossiers)",
        median_ms(figures), 1000, baseline, name,
    )  # fmt: skip

    first = day
    while True:  # the days, back from the newest, that hold 2,000 dossiers
        rows = raw.execute(
            "SELECT count(*) FROM dossiers WHERE received_at >= ? AND code IS NOT NULL",
            (f"{first - timedelta(days=1)} 17:00:00",),
        ).fetchone()[0]
        if rows >= 2000 or first < day - timedelta(days=400):
            break
        first -= timedelta(days=1)
    with tempfile.TemporaryDirectory() as scratch:
        target = Path(scratch) / "book.xlsx"
        figures = timed(lambda: ws.reports.export_book_xlsx(first, day, target, user=boss), 3)
        size = target.stat().st_size
    ok &= report(
        f"tracking book XLSX, {rows:,} rows ({size // 1024} KiB)",
        median_ms(figures), 2000, baseline, name,
    )  # fmt: skip
    ws.close()
    raw.close()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
