"""The real program on a private X display, driven the way a person drives it: key events
through xdotool, windows found by their titles, the store read back through the command line.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
UNMAPPED_DELAY_MS = 600  # a letter missing from the keymap: see RealProgram.type


def run_command(data: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    """`counter-app --data-dir DATA ARGS...`, as an administrator runs it."""
    return subprocess.run(
        [sys.executable, "-m", "counter_app.main", "--data-dir", str(data), *args],
        input=stdin, capture_output=True, text=True, cwd=ROOT, timeout=120,
    )  # fmt: skip


def counter_json(data: Path, *args: str, stdin: str = "") -> Any:
    """The JSON a command printed (it must succeed)."""
    done = run_command(data, *args, stdin=stdin)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


class RealProgram:
    """`counter-app --data-dir DATA` on `display`, as the officer starts it (no --lang: the
    counter's language, Vietnamese by default), or with `args` (`kiosk`, `board`). Its output
    goes to `<name>.log` beside the data folder; `screenshot()` keeps a picture of the screen
    for a failing test."""

    def __init__(self, data: Path, display: str, *args: str) -> None:
        self.data = data
        self.output = data.parent / f"{args[0] if args else 'program'}.log"
        self.env = {
            k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "COUNTER_APP_LANG")
        }
        self.env["DISPLAY"] = display
        self.display = display
        self._log = self.output.open("w")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "counter_app.main", "--data-dir", str(data), *args],
            env=self.env, cwd=ROOT, stdout=self._log, stderr=subprocess.STDOUT,
        )  # fmt: skip

    def xdotool(self, *args: str) -> str:
        done = subprocess.run(["xdotool", *args], env=self.env, capture_output=True, text=True)
        return done.stdout.strip()

    def type(self, text: str, delay_ms: int = 90) -> None:
        """Typed at a person's speed: never taken for a scanner's burst. A letter the keymap
        lacks (ở, ư, đ…) xdotool binds to a spare key for its keystroke only and undoes the
        binding within the keystroke's delay: such letters go slowly, so that the program has
        read the key before (under load, a quick "ở" was lost)."""
        for run in re.findall(r"[\x00-\x7f]+|[^\x00-\x7f]", text):
            slow = not run.isascii()
            self.xdotool("type", "--delay", str(UNMAPPED_DELAY_MS if slow else delay_ms), run)

    def keys(self, *keys: str) -> None:
        for key in keys:
            self.xdotool("key", key)
            time.sleep(0.15)

    def wait_for_window(self, title: str, timeout: float = 60) -> str:
        """The id of a visible window whose title matches the regular expression `title`."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert self.process.poll() is None, self.output.read_text(encoding="utf-8")
            found = self.xdotool("search", "--onlyvisible", "--name", title)
            if found:
                window = found.splitlines()[0]
                self.xdotool("windowfocus", "--sync", window)
                return window
            time.sleep(0.1)
        self.screenshot("no-window")
        raise AssertionError(f"no window {title!r}; the screen is in {self.data.parent}")

    def wait_for(self, condition, what: str, timeout: float = 30) -> None:  # type: ignore[no-untyped-def]
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if condition():
                return
            assert self.process.poll() is None, self.output.read_text(encoding="utf-8")
            time.sleep(0.2)
        self.screenshot("timeout")
        raise AssertionError(f"{what}: not within {timeout} s; the screen is in {self.data.parent}")

    def ink(self, window: str, top: float, bottom: float) -> int:
        """How many dark (text) pixels a band of the window shows, from `top` to `bottom` as
        fractions of its height: what a person glances at to see that a list has filled."""
        from PIL import ImageGrab

        shape = dict(
            line.split("=", 1)
            for line in self.xdotool("getwindowgeometry", "--shell", window).splitlines()
        )
        x, y, width, height = (int(shape[key]) for key in ("X", "Y", "WIDTH", "HEIGHT"))
        band = (x, y + int(height * top), x + width, y + int(height * bottom))
        picture = ImageGrab.grab(bbox=band, xdisplay=self.display).convert("L")
        return sum(picture.histogram()[:96])

    def screenshot(self, name: str) -> Path:
        from PIL import ImageGrab

        path = self.data.parent / f"{name}.png"
        ImageGrab.grab(xdisplay=self.display).save(path)
        return path

    def close(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(20)
        finally:
            self._log.close()

    def __enter__(self) -> RealProgram:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()
