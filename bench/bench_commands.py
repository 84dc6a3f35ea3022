"""Whole commands against 200,000 dossiers, each beside a bare Python process doing the same
work with the same libraries. The bare process sends SQLite, through SQLAlchemy on the same
file, the very SELECT statements the command sent (recorded from one run of it), then does
the same output work: `show` and `report daily` print the rows as JSON; `print receipt` has
reportlab draw a page in the three faces the receipt embeds, with python-barcode's Code 128
of the code. What is left between the two is the program itself: what it imports, its ORM,
its own Python. Target (issue 16): each ≤ 1.5× its bare process, so that a command imports
what it needs and nothing more. Measured in processor time of the whole process, the two
taken in turn.

    .venv/bin/python bench/bench_commands.py [--dossiers 200000] [--data-dir DIR] [--runs 7]
"""

from __future__ import annotations

import argparse
import json
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
FONTS = ROOT / "resources" / "fonts"
# The faces the receipt embeds.
FACES = ("LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf", "LiberationSerif-Italic.ttf")
ENVIRONMENT = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}

# Runs the command as `counter-app` would, writing the SELECT statements it sent to argv[1].
RECORD = """
import json, sys
from sqlalchemy import event
from sqlalchemy.engine import Engine
sent = []

@event.listens_for(Engine, "before_cursor_execute")
def record(connection, cursor, statement, parameters, context, executemany):
    if statement.lstrip().upper().startswith("SELECT"):
        sent.append([statement, list(parameters)])

from counter_app.main import main
try:
    code = main(sys.argv[2:])
finally:
    with open(sys.argv[1], "w", encoding="utf-8") as out:
        json.dump(sent, out)
sys.exit(code)
"""
READ = """
import json, sys
from sqlalchemy import create_engine
from sqlalchemy.orm import Session
engine = create_engine("sqlite:///" + sys.argv[1])
with open(sys.argv[2], encoding="utf-8") as recorded:
    statements = json.load(recorded)
found = []
with Session(engine) as session:
    connection = session.connection()
    for statement, parameters in statements:
        rows = connection.exec_driver_sql(statement, tuple(parameters))
        found.append([dict(row._mapping) for row in rows])
"""
PRINT_JSON = READ + "print(json.dumps(found, default=str, ensure_ascii=False, indent=2))\n"
RECEIPT = (
    READ
    + f"""
from barcode.codex import Code128
from reportlab.lib.pagesizes import A5
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
faces = ["Serif", "Serif-Bold", "Serif-Italic"]
for face, file in zip(faces, {[str(FONTS / name) for name in FACES]!r}):
    pdfmetrics.registerFont(TTFont(face, file))
canvas = Canvas(sys.argv[3], pagesize=A5)
lines = [", ".join(str(value) for value in row.values()) for rows in found for row in rows]
for number, line in enumerate(lines[:45]):
    canvas.setFont(faces[number % 3], 11)
    canvas.drawString(30, 570 - number * 12, line[:90])
x = 30.0
for bar in Code128(sys.argv[4]).build()[0]:
    if bar == "1":
        canvas.rect(x, 20, 0.8, 30, stroke=0, fill=1)
    x += 0.8
canvas.showPage()
canvas.save()
"""
)


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


def recorded(command_args: list[str], data_dir: Path, name: str) -> Path:
    """The SELECT statements the command sends, from one run of it, for its bare process."""
    path = data_dir.parent / f"bench-{name}-statements.json"
    command = [sys.executable, "-c", RECORD, str(path), "--data-dir", str(data_dir)]
    subprocess.run([*command, *command_args], check=True, capture_output=True, cwd=ROOT)
    count = len(json.loads(path.read_text(encoding="utf-8")))
    print(f"{name}: {count} SELECT statements replayed by the bare process", flush=True)
    return path


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
    pdf = str(data_dir.parent / "bench-receipt.pdf")
    app = [sys.executable, "-m", "counter_app.main", "--data-dir", str(data_dir)]
    bare = [sys.executable, "-c"]
    cases = [
        ("show", ["show", code], [PRINT_JSON], []),
        ("print receipt", ["print", "receipt", code, "-o", pdf], [RECEIPT], [pdf, code]),
        ("report daily", ["report", "daily", "--date", day], [PRINT_JSON], []),
    ]
    ok = True
    for name, command_args, script, outputs in cases:
        statements = str(recorded(command_args, data_dir, name.replace(" ", "-")))
        baseline = [*bare, *script, str(database), statements, *outputs]
        command_s, baseline_s = medians([*app, *command_args], baseline, args.runs)
        ok &= report(
            f"{name} (process CPU time, median of {args.runs})",
            command_s,
            1.5 * baseline_s,
            baseline_s,
            "bare process, same statements and libraries",
            unit="s",
        )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
