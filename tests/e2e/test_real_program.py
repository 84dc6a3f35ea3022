"""The real program, started as the officer starts it, on a virtual X display (Xvfb), driven
with real key events (xdotool): sign in and take a dossier at human speed, read the saved
dossier back through the command line, then scan its code at scanner speed and see it open."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _need(tool: str) -> None:
    if shutil.which(tool) is None:
        pytest.fail(f"{tool} is needed for the end-to-end test: scripts/dev test installs it")


def counter_app(data: Path, *args: str) -> str:
    return subprocess.run(
        [sys.executable, "-m", "counter_app.main", "--data-dir", str(data), *args],
        check=True, capture_output=True, text=True, cwd=ROOT, timeout=120,
    ).stdout  # fmt: skip


def test_an_intake_in_the_real_program(tmp_path: Path, x_display: str):
    data = tmp_path / "data"
    counter_app(data, "init", "--demo")
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "COUNTER_APP_LANG")}
    env["DISPLAY"] = x_display
    log = (tmp_path / "program.log").open("w")
    program = subprocess.Popen(
        [sys.executable, "-m", "counter_app.main", "--data-dir", str(data)],
        env=env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip

    def xdotool(*args: str) -> str:
        done = subprocess.run(["xdotool", *args], env=env, capture_output=True, text=True)
        return done.stdout.strip()

    def wait_for_window(title: str) -> str:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            assert program.poll() is None, (tmp_path / "program.log").read_text()
            found = xdotool("search", "--onlyvisible", "--name", title)
            if found:
                return found.splitlines()[0]
            time.sleep(0.1)
        raise AssertionError(f"no window {title!r}")

    try:
        login = wait_for_window("^Đăng nhập$")
        xdotool("windowfocus", "--sync", login)
        xdotool("type", "--delay", "90", "canbo")  # a person typing: never taken for a scan
        xdotool("key", "Tab")
        xdotool("type", "--delay", "90", "canbo123")
        xdotool("key", "Return")
        main = wait_for_window("Máy trạm tiếp nhận")
        xdotool("windowfocus", "--sync", main)
        time.sleep(0.5)
        xdotool("type", "--delay", "90", "ly lich tu phap")  # the intake page's search
        time.sleep(0.5)
        xdotool("key", "Return")  # picks it; the cursor goes to the applicant's name
        time.sleep(0.5)
        xdotool("type", "--delay", "120", "Nguyễn Văn An")
        xdotool("key", "Tab")
        xdotool("type", "--delay", "90", "020090001234")
        xdotool("key", "ctrl+s")
        deadline = time.monotonic() + 30
        saved: list[dict] = []
        while time.monotonic() < deadline and not saved:
            time.sleep(0.5)
            saved = json.loads(counter_app(data, "list", "--limit", "5"))
        assert len(saved) == 1, (tmp_path / "program.log").read_text()
        code = saved[0]["code"]
        xdotool("key", "ctrl+2")  # the dossiers page, focus in its search box
        time.sleep(0.5)
        xdotool("type", "--delay", "4", code)  # a handheld scanner: a few ms a key
        xdotool("key", "Return")
        wait_for_window(f"Hồ sơ {code}")
    finally:
        program.terminate()
        program.wait(20)
        log.close()
    [dossier] = saved
    assert dossier["applicant"]["full_name"] == "Nguyễn Văn An"
    assert dossier["applicant"]["id_number"] == "020090001234"
    assert "lý lịch tư pháp" in dossier["procedure"]["name"].lower()
    assert dossier["received_by"] == "canbo"
    assert dossier["code"] and dossier["due_at"].endswith("+07:00")
