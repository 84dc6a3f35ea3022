"""A private X display (Xvfb) for benchmarks that time real windows appearing on screen."""

from __future__ import annotations

import os
import select
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
    # -displayfd: Xvfb picks a free number and writes it once it accepts connections.
    ready, announce = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(announce), "-screen", "0", f"{width}x{height}x24",
         "-nolisten", "tcp", "-noreset"],
        pass_fds=(announce,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    os.close(announce)
    try:
        with os.fdopen(ready) as pipe:
            answered, _, _ = select.select([pipe], [], [], 10)
            number = pipe.readline().strip() if answered else ""
        if not number:
            raise SystemExit("Xvfb did not start")
        yield f":{number}"
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
