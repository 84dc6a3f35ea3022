"""Every window and dialog fits a 1280×720 screen with all its buttons, and grows when an error
line appears: tests/ui/fit_1280x720.py, run in a process whose offscreen screen is exactly
1280×720 (this session's QApplication has another screen, and there is one per process)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

CHECKS = Path(__file__).with_name("fit_1280x720.py")
ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_every_window_fits_a_1280x720_screen(tmp_path: Path) -> None:
    config = tmp_path / "screen.json"
    screen = {"name": "counter", "x": 0, "y": 0, "width": 1280, "height": 720, "logicalDpi": 96}
    config.write_text(json.dumps({"screens": [screen]}), encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}"}
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:xdist", "-p", "no:cacheprovider",
         "--basetemp", str(tmp_path / "inner"), str(CHECKS)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert run.returncode == 0, run.stdout[-20000:] + run.stderr[-4000:]
