"""A command imports what it needs: `show` reads a dossier without the modules of printing,
reports, moves, sync, passwords or pictures, and `report daily` counts without printing or,
once the year is in the cache folder, the `holidays` package (issue 16: each command as a
whole process within 1.5× a bare process doing the same work; bench/bench_commands.py)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.conftest import TEN_DAYS, intake_json

NOT_FOR_SHOW = (
    "argon2",
    "holidays",
    "openpyxl",
    "PIL",
    "reportlab",
    "counter_app.domain.queue",
    "counter_app.services.digitising",
    "counter_app.services.intake",
    "counter_app.services.moves",
    "counter_app.services.payments",
    "counter_app.services.printing.service",
    "counter_app.services.queue.service",
    "counter_app.services.reports.service",
    "counter_app.services.sync.service",
    "counter_app.store.central.models",
    "counter_app.store.queue.models",
)
NOT_FOR_DAILY = (
    "argon2",
    "openpyxl",
    "PIL",
    "reportlab",
    "counter_app.services.dossiers",
    "counter_app.services.printing",
    "counter_app.services.sync.service",
)


def command_modules(cache: Path, *argv: str) -> tuple[dict, set[str]]:
    """The command's JSON and the modules it loaded, run as its own process."""
    script = textwrap.dedent(
        f"""
        import contextlib, io, json, sys
        from counter_app.main import main
        with contextlib.redirect_stdout(io.StringIO()) as shown:
            status = main({list(argv)!r})
        print(json.dumps({{"status": status, "shown": json.loads(shown.getvalue()),
                           "modules": sorted(sys.modules)}}))
        """
    )
    env = {**os.environ, "COUNTER_APP_CACHE_DIR": str(cache)}
    ran = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env)
    assert ran.returncode == 0, ran.stderr
    answer = json.loads(ran.stdout)
    assert answer["status"] == 0
    return answer["shown"], set(answer["modules"])


@pytest.mark.slow  # runs the real program as a process
def test_show_imports_none_of_what_other_commands_need(ws, officer, tmp_path):
    from counter_app.services.intake import request_from_json

    code = ws.intake.receive(request_from_json(intake_json(TEN_DAYS)), user=officer).code
    data_dir = ws.data_dir
    ws.close()
    shown, loaded = command_modules(tmp_path, "--data-dir", str(data_dir), "show", code)
    assert shown["code"] == code
    assert [name for name in NOT_FOR_SHOW if name in loaded] == []


@pytest.mark.slow  # runs the real program as a process
def test_the_daily_report_needs_the_holidays_package_once_per_year(ws, officer, tmp_path):
    from counter_app.services.intake import request_from_json

    received = ws.intake.receive(request_from_json(intake_json(TEN_DAYS)), user=officer)
    data_dir = ws.data_dir
    ws.close()
    day = received.received_at.date().isoformat()
    daily = ("--data-dir", str(data_dir), "report", "daily", "--date", day)
    cache = tmp_path / "cache"
    first, loaded = command_modules(cache, *daily)
    assert first["received"] == 1
    assert "holidays" in loaded  # the next working day, worked out by the package ...
    assert [name for name in NOT_FOR_DAILY if name in loaded] == []
    again, loaded = command_modules(cache, *daily)
    assert again == first
    assert [name for name in ("holidays", *NOT_FOR_DAILY) if name in loaded] == []  # ... once


@pytest.mark.slow  # runs the real program as a process
def test_a_receipt_reads_only_the_faces_it_draws(ws, officer, tmp_path):
    """Reading a TrueType face takes about as long as drawing the receipt: `print receipt`
    reads the three serif faces its PDF embeds, not the label's sans ones."""
    from counter_app.services.intake import request_from_json

    code = ws.intake.receive(request_from_json(intake_json(TEN_DAYS)), user=officer).code
    data_dir = ws.data_dir
    ws.close()
    pdf = tmp_path / "receipt.pdf"
    argv = ["--data-dir", str(data_dir), "print", "receipt", code, "-o", str(pdf)]
    script = textwrap.dedent(
        f"""
        import contextlib, io, sys
        from counter_app.main import main
        with contextlib.redirect_stdout(io.StringIO()):
            status = main({argv!r})
        from counter_app.services.printing import fonts
        print(status, *sorted(fonts._fonts))
        """
    )
    ran = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert ran.returncode == 0, ran.stderr
    assert ran.stdout.split() == ["0", "CounterSerif", "CounterSerif-Bold", "CounterSerif-Italic"]
    assert pdf.read_bytes().startswith(b"%PDF")
