"""Whole commands against 200,000 dossiers, each beside a bare Python process doing the same work
with the same libraries: `show` (SQLAlchemy reading the dossier and its rows from the same
file), `print receipt` (the same, then reportlab drawing a page with the same fonts) and
`report daily` (SQLAlchemy counting the day's dossiers). Target (issue 16): each ≤ 1.5× its
bare process, so that a command imports what it needs and nothing more. Measured in processor
time of the whole process, the two taken in turn.

    .venv/bin/python bench/bench_commands.py [--dossiers 200000] [--data-dir DIR] [--runs 7]
"""

from __future__ import annotations

import argparse
import os
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from bench_store import build
from common import ROOT, report

DATABASE = "counter.sqlite3"
FONT = ROOT / "resources" / "fonts" / "LiberationSerif-Regular.ttf"
ENVIRONMENT = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}

READ = """
import json, sys
from sqlalchemy import create_engine, text
from sqlalchemy.orm import Session
engine = create_engine("sqlite:///" + sys.argv[1])
with Session(engine) as session:
    row = session.execute(text("SELECT * FROM dossiers WHERE code = :c"), {"c": sys.argv[2]}).one()
    found = {"dossier": dict(row._mapping)}
    for table in ("dossier_documents", "dossier_fees", "dossier_history", "attachments"):
        rows = session.execute(
            text(f"SELECT * FROM {table} WHERE dossier_uuid = :u"), {"u": row.uuid}
        )
        found[table] = [dict(r._mapping) for r in rows]
"""
SHOW = READ + "print(json.dumps(found, default=str, ensure_ascii=False))\n"
RECEIPT = (
    READ
    + f"""
from reportlab.lib.pagesizes import A5
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
pdfmetrics.registerFont(TTFont("Serif", {str(FONT)!r}))
canvas = Canvas(sys.argv[3], pagesize=A5)
canvas.setFont("Serif", 11)
lines = [f"{{key}}: {{value}}" for key, value in found["dossier"].items()]
for table in ("dossier_documents", "dossier_fees", "dossier_history"):
    lines += [", ".join(str(v) for v in r.values()) for r in found[table]]
for number, line in enumerate(lines[:45]):
    canvas.drawString(30, 570 - number * 12, line[:90])
canvas.showPage()
canvas.save()
"""
)
DAILY = """
import json, sys
from sqlalchemy import create_engine, text
from sqlalchemy.orm import Session
engine = create_engine("sqlite:///" + sys.argv[1])
day = sys.argv[2]
figures = {}
with Session(engine) as session:
    where = "received_at >= :a AND received_at < :b"
    bounds = {"a": day + " 00:00:00", "b": day + " 23:59:59"}
    for column in ("channel", "procedure_code", "received_by", "status", "timeliness"):
        rows = session.execute(
            text(f"SELECT {column}, count(*), sum(fee_total) FROM dossiers WHERE {where} "
                 f"GROUP BY {column}"), bounds)
        figures[column] = [list(r) for r in rows]
    figures["due"] = session.execute(
        text("SELECT count(*) FROM dossiers WHERE due_at >= :a AND due_at < :b"), bounds
    ).scalar()
print(json.dumps(figures, default=str))
"""


def cpu_seconds(command: list[str]) -> float:
    """The processor time (user and system) the process took: on a shared machine under load
    what a quiet one would take, where wall time measures the other processes too."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(command, check=True, capture_output=True, cwd=ROOT, env=ENVIRONMENT)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def medians(command: list[str], baseline: list[str], runs: int) -> tuple[float, float]:
    """Both, one after the other in turn (so that a change of load falls on both), after one
    run each that writes the byte code, as an installed program has it."""
    cpu_seconds(command)
    cpu_seconds(baseline)
    pairs = [(cpu_seconds(command), cpu_seconds(baseline)) for _ in range(runs)]
    return statistics.median(c for c, _ in pairs), statistics.median(b for _, b in pairs)


def busiest_day_and_code(database: Path) -> tuple[str, str]:
    raw = sqlite3.connect(database)
    day, code = raw.execute(
        "SELECT substr(received_at, 1, 10) AS d, max(code) FROM dossiers "
        "WHERE code IS NOT NULL GROUP BY d ORDER BY count(*) DESC LIMIT 1"
    ).fetchone()
    raw.close()
    return day, code


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--dossiers", type=int, default=200_000)
    parser.add_argument("--data-dir", type=Path, help="reuse a folder already filled")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    data_dir = args.data_dir or Path(tempfile.mkdtemp(prefix="counter-bench-"))
    if args.data_dir is None:
        build(data_dir, args.dossiers)
    database = data_dir / DATABASE
    day, code = busiest_day_and_code(database)
    pdf = data_dir.parent / "bench-receipt.pdf"
    app = [sys.executable, "-m", "counter_app.main", "--data-dir", str(data_dir)]
    bare = [sys.executable, "-c"]
    cases = [
        ("show", [*app, "show", code], [*bare, SHOW, str(database), code]),
        (
            "print receipt",
            [*app, "print", "receipt", code, "-o", str(pdf)],
            [*bare, RECEIPT, str(database), code, str(pdf)],
        ),
        (
            "report daily",
            [*app, "report", "daily", "--date", day],
            [*bare, DAILY, str(database), day],
        ),
    ]
    ok = True
    for name, command, baseline in cases:
        command_s, baseline_s = medians(command, baseline, args.runs)
        ok &= report(
            f"{name} (process CPU time, median of {args.runs})",
            command_s,
            1.5 * baseline_s,
            baseline_s,
            "bare process, same work and libraries",
            unit="s",
        )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
