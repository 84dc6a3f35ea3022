"""Catalog search as the officer types, over 10,000 procedures: ≤ 5 ms per keystroke.

Baseline in the same run: a bare substring test over the same 10,000 folded names.

    .venv/bin/python bench/bench_catalog_search.py
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

from common import big_catalog, report

PROCEDURES = 10_000
TYPED = ["chung thuc ban sao", "ly lich tu phap", "dang ky kinh doanh", "2.0009", "giay phep xd"]


def main() -> int:
    from counter_app.domain.catalog_file import catalog_from_json
    from counter_app.domain.text import fold
    from counter_app.services.workspace import Workspace

    with tempfile.TemporaryDirectory() as folder:
        ws = Workspace(Path(folder), create=True)
        ws.catalog.import_catalog(catalog_from_json(big_catalog(PROCEDURES)))
        ws.catalog.search("")  # the index is built once, when the page opens
        keystrokes: list[float] = []
        results = 0
        for phrase in TYPED:
            for end in range(1, len(phrase) + 1):
                started = time.perf_counter()
                results += len(ws.catalog.search(phrase[:end], limit=50))
                keystrokes.append(time.perf_counter() - started)
        names = [fold(p.name) for p in ws.catalog.search("")]
        baseline: list[float] = []
        for phrase in TYPED:
            for end in range(1, len(phrase) + 1):
                started = time.perf_counter()
                hits = [n for n in names if phrase[:end] in n]
                baseline.append(time.perf_counter() - started)
        ws.close()
    median = statistics.median(keystrokes) * 1000
    worst = max(keystrokes) * 1000
    base = statistics.median(baseline) * 1000
    ok = report(
        f"catalog search, {PROCEDURES:,} procedures (median)",
        median,
        5.0,
        base,
        "bare substring scan",
    )
    ok &= report("catalog search, slowest keystroke", worst, 5.0, base, "bare substring scan")
    print(
        f"({len(keystrokes)} keystrokes, {results:,} results shown, last baseline hits {len(hits)})"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
