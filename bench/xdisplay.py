"""A private X display (Xvfb) for benchmarks that time real windows appearing on screen."""

from __future__ import annotations

import os
import queue
import select
import shutil
import subprocess
import threading
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
    """Seconds from starting `command` to the X server mapping its window named `title`; the
    program is then stopped. Nothing in the program is changed: an X client of the bench (xev)
    is told of every top-level window the server maps, as it happens. Polling with a program
    (xdotool search) instead took about 25 ms a look here, a sixth of the time measured."""
    with _MapEvents(env) as maps:
        started = time.perf_counter()
        program = subprocess.Popen(
            command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        try:
            while (left := started + timeout - time.perf_counter()) > 0:
                window, mapped = maps.next_window(left)
                if window and _window_name(window, env) == title:
                    return mapped - started
            raise SystemExit(f"no window named {title!r} within {timeout} s")
        finally:
            program.terminate()
            program.wait(10)


class _MapEvents:
    """xev on the root window, reporting its children (the top-level windows) being mapped."""

    def __init__(self, env: dict[str, str]) -> None:
        if shutil.which("xev") is None:
            raise SystemExit("xev is needed (Debian: apt-get install x11-utils)")
        self._env = env

    def __enter__(self) -> _MapEvents:
        self._xev = subprocess.Popen(
            ["stdbuf", "-oL", "xev", "-root", "-event", "substructure"],
            env=self._env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
        )  # fmt: skip
        self._heard: queue.Queue[tuple[str, float]] = queue.Queue()
        threading.Thread(target=self._listen, daemon=True).start()
        # xev listens once it has connected: until a window mapped now is reported, it is not.
        for _ in range(20):
            probe = subprocess.Popen(
                ["xmessage", "-timeout", "1", "probe"],
                env=self._env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            )  # fmt: skip
            try:
                heard = self.next_window(0.5)[0]
            finally:
                probe.kill()
                probe.wait()
            if heard:
                break
        else:
            raise SystemExit("xev reported no window being mapped")
        return self

    def __exit__(self, *exc: object) -> None:
        self._xev.kill()
        self._xev.wait()

    def _listen(self) -> None:
        """Each line of xev with the time it was read (xev writes an event's lines at once)."""
        assert self._xev.stdout is not None
        for line in self._xev.stdout:
            self._heard.put((line, time.perf_counter()))

    def next_window(self, timeout: float) -> tuple[str, float]:
        """The id of the next window mapped and when the bench heard of it; ("", now) when no
        window was mapped within `timeout` seconds."""
        deadline = time.perf_counter() + timeout
        mapping = False
        while (left := deadline - time.perf_counter()) > 0:
            try:
                line, heard = self._heard.get(timeout=left)
            except queue.Empty:
                break
            if line.startswith("MapNotify event"):
                mapping = True
            elif mapping:  # "    event 0x..., window 0x..., override NO"
                return line.split("window ")[1].split(",")[0], heard
        return "", time.perf_counter()


def _window_name(window: str, env: dict[str, str]) -> str:
    named = subprocess.run(["xdotool", "getwindowname", window], env=env, capture_output=True,
                           text=True)  # fmt: skip
    return named.stdout.strip()
