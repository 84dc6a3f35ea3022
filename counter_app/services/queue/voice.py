"""The board's voice: "Mời số 125 đến quầy số 3" in espeak-ng's Vietnamese voice, offline.

One announcer thread says the calls one after the other, so two calls made at the same
moment are never spoken over each other; a call said again (recall) is queued like any other.

The Windows bundle carries no espeak-ng: a centre installs it with espeak-ng's own installer,
which puts it in the "eSpeak NG" folder of Program Files and not on PATH, so that folder is
looked in too (or the `queue.voice_command` setting names the program)."""

from __future__ import annotations

import logging
import os
import queue
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable, Mapping
from pathlib import Path

log = logging.getLogger(__name__)

VOICE = "vi"
WORDS_PER_MINUTE = 140
SPEAK_TIMEOUT_S = 30
WINDOWS_FOLDERS = ("ProgramFiles", "ProgramW6432", "ProgramFiles(x86)")  # 64- and 32-bit installs


def espeak(
    configured: str = "",
    *,
    environ: Mapping[str, str] = os.environ,
    windows: bool = sys.platform == "win32",
) -> str | None:
    """espeak-ng's program: the one `queue.voice_command` names, else the one on PATH, else
    (Windows) the one its installer put under Program Files; None: the board stays silent."""
    if configured:
        return shutil.which(configured, path=environ.get("PATH"))
    if found := shutil.which("espeak-ng", path=environ.get("PATH")):
        return found
    if windows:
        for variable in WINDOWS_FOLDERS:
            folder = environ.get(variable)
            program = Path(folder, "eSpeak NG", "espeak-ng.exe") if folder else None
            if program is not None and program.is_file():
                return str(program)
    return None


def speak_command(text: str, wav: Path | None = None, program: str | None = None) -> list[str]:
    command = [program or espeak() or "espeak-ng", "-v", VOICE, "-s", str(WORDS_PER_MINUTE)]
    if wav is not None:
        command += ["-w", str(wav)]
    return [*command, "--", text]


def synthesize(text: str, wav: Path) -> Path:
    """The announcement as a WAV file (the tests listen to it; a board may play it itself)."""
    subprocess.run(speak_command(text, wav), check=True, timeout=SPEAK_TIMEOUT_S)
    return wav


class Announcer:
    """Says queued texts in order, one at a time, on a thread of its own."""

    def __init__(self, say: Callable[[str], None] | None = None, program: str = "") -> None:
        self._program = program
        self._texts: queue.Queue[str | None] = queue.Queue()
        self._say = say or self._speak
        self._thread = threading.Thread(target=self._run, name="announcer", daemon=True)
        self._thread.start()

    @staticmethod
    def available() -> bool:
        return espeak() is not None

    def announce(self, text: str) -> None:
        self._texts.put(text)

    def _speak(self, text: str) -> None:
        command = speak_command(text, program=self._program)
        subprocess.run(command, timeout=SPEAK_TIMEOUT_S, check=False, capture_output=True)

    def _run(self) -> None:
        while (text := self._texts.get()) is not None:
            try:
                self._say(text)
            except (OSError, subprocess.SubprocessError) as error:
                log.warning("announcement not spoken: %s", error)

    def close(self, wait_s: float = 5.0) -> None:
        self._texts.put(None)
        self._thread.join(wait_s)
