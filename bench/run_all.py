"""Run every benchmark and print their figures; exit non-zero if a target is missed.

.venv/bin/python bench/run_all.py [--dossiers N]
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    failures = 0
    for script, extra in (
        ("bench_cli_startup.py", []),
        ("bench_catalog_search.py", []),
        ("bench_store.py", sys.argv[1:]),
        ("bench_ui_start.py", []),
        ("bench_ui.py", []),
        ("bench_printing.py", []),
        ("bench_sync.py", []),
        ("bench_digitising.py", []),
        ("bench_attachment_sync.py", []),
        ("bench_reports.py", sys.argv[1:]),
        ("bench_reports_ui.py", sys.argv[1:]),
        ("bench_commands.py", sys.argv[1:]),
        ("bench_search.py", []),
        ("bench_sync_stall.py", []),
        ("bench_queue_board.py", []),
        ("bench_signing.py", []),
        ("bench_citizen_screen.py", []),
        ("bench_notices.py", []),
    ):
        print(f"== {script}", flush=True)
        failures += subprocess.run([sys.executable, str(HERE / script), *extra]).returncode != 0
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
