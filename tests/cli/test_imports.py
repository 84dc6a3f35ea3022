"""A command imports what it needs: `show` reads a dossier without the modules of printing,
reports, sync, passwords or pictures (issue 16: each command as a whole process within 1.5×
a bare process doing the same work; bench/bench_commands.py measures it)."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

from tests.conftest import TEN_DAYS, intake_json

NOT_FOR_SHOW = (
    "argon2",
    "holidays",
    "openpyxl",
    "PIL",
    "reportlab",
    "counter_app.services.printing.service",
    "counter_app.services.reports.service",
    "counter_app.services.sync.service",
    "counter_app.store.central.models",
)


def test_show_imports_none_of_what_other_commands_need(ws, officer):
    from counter_app.services.intake import request_from_json

    code = ws.intake.receive(request_from_json(intake_json(TEN_DAYS)), user=officer).code
    data_dir = ws.data_dir
    ws.close()
    script = textwrap.dedent(
        f"""
        import contextlib, io, json, sys
        from counter_app.main import main
        with contextlib.redirect_stdout(io.StringIO()) as shown:
            status = main(["--data-dir", {str(data_dir)!r}, "show", {code!r}])
        print(json.dumps({{"status": status, "code": json.loads(shown.getvalue())["code"],
                           "modules": sorted(sys.modules)}}))
        """
    )
    ran = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert ran.returncode == 0, ran.stderr
    answer = json.loads(ran.stdout)
    assert (answer["status"], answer["code"]) == (0, code)
    loaded = set(answer["modules"])
    assert [name for name in NOT_FOR_SHOW if name in loaded] == []
