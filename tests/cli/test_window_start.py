"""`counter-app` without a subcommand opens the window, or says plainly why it cannot."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest


@pytest.mark.slow  # runs the real program as a process
def test_no_display_is_said_plainly_not_a_core_dump(tmp_path: Path):
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    env.pop("COUNTER_APP_LANG", None)
    for lang, expected in (("vi", "Không tìm thấy màn hình"), ("en", "No display")):
        result = subprocess.run(
            [sys.executable, "-m", "counter_app.main", "--data-dir", str(tmp_path), "--lang", lang],
            capture_output=True, text=True, env=env, timeout=60,
        )  # fmt: skip
        assert result.returncode == 1
        assert expected in result.stderr
        assert "Traceback" not in result.stderr
    assert not any(tmp_path.iterdir())  # nothing written


# What the sign-in window does without, loaded once it is shown (bench/bench_ui_start.py):
# every command's parser; logging.handlers with its sockets and pickle; the queue's rules,
# which the settings registry once loaded for its demo areas; the first-run service; the
# message boxes; the wheel guard and its value widgets' classes.
DEFERRED = (
    "counter_app.cli.parser",
    "logging.handlers",
    "counter_app.domain.queue",
    "counter_app.services.operations.setup",
    "counter_app.ui.notify",
    "counter_app.ui.wheel",
)
WINDOW_START = """
import sys
from counter_app.ui import login

def shown(dialog):
    print(sorted(m for m in sys.modules if m in DEFERRED))
    raise SystemExit(0)

login.LoginDialog.exec = shown
from counter_app.main import main
main(sys.argv[1:])
"""


@pytest.mark.slow
def test_the_window_starts_without_what_the_sign_in_does_not_need(tmp_path: Path):
    init = [sys.executable, "-m", "counter_app.main", "--data-dir", str(tmp_path), "init"]
    subprocess.run([*init, "--demo"], check=True, capture_output=True, timeout=120)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    for options in (["--data-dir", str(tmp_path)], [f"--data-dir={tmp_path}", "--lang", "en"]):
        result = subprocess.run(
            [sys.executable, "-c", f"DEFERRED = {DEFERRED!r}\n{WINDOW_START}", *options],
            capture_output=True, text=True, env=env, timeout=120,
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
        assert result.stdout.strip() == "[]"


def test_only_the_window_options_skip_the_full_parser(monkeypatch) -> None:
    from counter_app.main import _window_options

    monkeypatch.delenv("COUNTER_APP_LANG", raising=False)
    window = _window_options(["--data-dir", "/d", "--lang=en"])
    assert window is not None and (window.data_dir, window.lang) == (Path("/d"), "en")
    assert _window_options([]) is not None and _window_options([]).lang == "vi"
    for full in (["show", "X"], ["--help"], ["--lang", "fr"], ["--data-dir"], ["--version"],
                 ["--lang", "vi", "--lang", "en"], ["--data-dir", "/d", "init"]):  # fmt: skip
        assert _window_options(full) is None, full
    monkeypatch.setenv("COUNTER_APP_LANG", "en")
    assert _window_options([]).lang == "en"
