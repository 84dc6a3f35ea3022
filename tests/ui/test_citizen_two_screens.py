"""With a second screen the citizen's screen goes there, full screen, and the officer's window
keeps the keyboard: run in a process whose offscreen platform has two screens (1280×720 for
the officer, 1920×1080 beside it for the citizen)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

PROGRAM = """
import json, sys
from pathlib import Path
from PySide6.QtWidgets import QApplication, QLineEdit
app = QApplication(sys.argv)
from counter_app.services.accounts import Role
from counter_app.services.workspace import Workspace
from counter_app.ui.citizen.desk import CitizenDesk
from counter_app.ui.session import Session
ws = Workspace(Path(sys.argv[1]), create=True)
user = ws.accounts.add_user("lan", Role.STAFF, "matkhau123", "Nguyễn Thị Lan")
window = QLineEdit()
window.resize(800, 600)
window.show()
app.processEvents()
desk = CitizenDesk(Session(ws, user), window)
desk.open()
for _ in range(20):
    app.processEvents()
screen = desk.screen
print(json.dumps({
    "screens": [s.name() for s in app.screens()],
    "officer": window.screen().name(),
    "citizen": screen.screen().name(),
    "full": screen.isFullScreen(),
    "geometry": [screen.geometry().x(), screen.geometry().width(), screen.geometry().height()],
}))
ws.close()
"""


@pytest.mark.slow  # runs the real program as a process
def test_the_citizens_screen_takes_the_second_screen(tmp_path: Path) -> None:
    config = tmp_path / "screens.json"
    screens = [
        {"name": "officer", "x": 0, "y": 0, "width": 1280, "height": 720, "logicalDpi": 96},
        {"name": "citizen", "x": 1280, "y": 0, "width": 1920, "height": 1080, "logicalDpi": 96},
    ]
    config.write_text(json.dumps({"screens": screens}), encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}"}
    run = subprocess.run(
        [sys.executable, "-c", PROGRAM, str(tmp_path / "data")],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr[-4000:]
    shown = json.loads(run.stdout.strip().splitlines()[-1])
    assert sorted(shown["screens"]) == ["citizen", "officer"]
    assert (shown["officer"], shown["citizen"], shown["full"]) == ("officer", "citizen", True)
    assert shown["geometry"] == [1280, 1920, 1080]
