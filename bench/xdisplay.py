"""A private X display (Xvfb) for benchmarks that time real windows appearing on screen."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def virtual_display(width: int = 1366, height: int = 768) -> Iterator[str]:
    """Start Xvfb on a free display number; yields the DISPLAY value."""
    if shutil.which("Xvfb") is None:
        raise SystemExit("Xvfb is needed (Debian: apt-get install xvfb xdotool)")
    for number in range(90, 140):
        if not os.path.exists(f"/tmp/.X11-unix/X{number}"):
            break
    display = f":{number}"
    server = subprocess.Popen(
        ["Xvfb", display, "-screen", "0", f"{width}x{height}x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 10
        while not os.path.exists(f"/tmp/.X11-unix/X{number}"):
            if time.monotonic() > deadline:
                raise SystemExit("Xvfb did not start")
            time.sleep(0.02)
        yield display
    finally:
        server.terminate()
        server.wait(5)


def time_to_window(
    command: list[str], title: str, env: dict[str, str], timeout: float = 30
) -> float:
    """Seconds from starting `command` to a visible window named `title`; the program is then
    stopped. Polls with xdotool every few milliseconds: nothing in the program is changed."""
    started = time.perf_counter()
    program = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        while time.perf_counter() - started < timeout:
            found = subprocess.run(
                ["xdotool", "search", "--onlyvisible", "--name", f"^{title}$"],
                env=env, capture_output=True,
            )  # fmt: skip
            if found.returncode == 0 and found.stdout.strip():
                return time.perf_counter() - started
            time.sleep(0.005)
        raise SystemExit(f"no window named {title!r} within {timeout} s")
    finally:
        program.terminate()
        program.wait(10)
