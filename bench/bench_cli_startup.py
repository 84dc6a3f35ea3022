"""`counter-app --help` from cold: ≤ 0.3 s. Baseline: the same Python starting and exiting.

.venv/bin/python bench/bench_cli_startup.py
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time

from common import ROOT, report

RUNS = 15


def wall(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, cwd=ROOT)
    return time.perf_counter() - started


def main() -> int:
    script = [sys.executable, "-c", "from counter_app.main import main; raise SystemExit(main())"]
    help_runs = [wall([*script, "--help"]) for _ in range(RUNS)]
    bare_runs = [wall([sys.executable, "-c", "pass"]) for _ in range(RUNS)]
    help_s = statistics.median(help_runs)
    bare_s = statistics.median(bare_runs)
    ok = report(
        "counter-app --help (median of cold runs)",
        help_s,
        0.3,
        bare_s,
        "bare python start",
        unit="s",
    )
    imported = subprocess.run(
        [sys.executable, "-X", "importtime", *script[1:], "--help"],
        capture_output=True, text=True, cwd=ROOT,
    ).stderr  # fmt: skip
    heavy = [m for m in ("sqlalchemy", "PySide6", "holidays", "alembic") if f" {m}" in imported]
    print(f"(heavy modules imported by --help: {', '.join(heavy) or 'none'})")
    return 0 if ok and not heavy else 1


if __name__ == "__main__":
    sys.exit(main())
