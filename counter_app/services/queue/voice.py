"""The board's voice: "Mời số 125 đến quầy số 3" in espeak-ng's Vietnamese voice, offline.

One announcer thread says the calls one after the other, so two calls made at the same
moment are never spoken over each other; a call said again (recall) is queued like any other."""

from __future__ import annotations

import logging
import queue
import shutil
import subprocess
import threading
from collections.abc import Callable
from pathlib import Path

log = logging.getLogger(__name__)

VOICE = "vi"
WORDS_PER_MINUTE = 140
SPEAK_TIMEOUT_S = 30


def espeak() -> str | None:
    return shutil.which("espeak-ng")


def speak_command(text: str, wav: Path | None = None) -> list[str]:
    program = espeak() or "espeak-ng"
    command = [program, "-v", VOICE, "-s", str(WORDS_PER_MINUTE)]
    if wav is not None:
        command += ["-w", str(wav)]
    return [*command, "--", text]


def synthesize(text: str, wav: Path) -> Path:
    """The announcement as a WAV file (the tests listen to it; a board may play it itself)."""
    subprocess.run(speak_command(text, wav), check=True, timeout=SPEAK_TIMEOUT_S)
    return wav


class Announcer:
    """Says queued texts in order, one at a time, on a thread of its own."""

    def __init__(self, say: Callable[[str], None] | None = None) -> None:
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
        subprocess.run(
            speak_command(text), timeout=SPEAK_TIMEOUT_S, check=False, capture_output=True
        )

    def _run(self) -> None:
        while (text := self._texts.get()) is not None:
            try:
                self._say(text)
            except (OSError, subprocess.SubprocessError) as error:
                log.warning("announcement not spoken: %s", error)

    def close(self, wait_s: float = 5.0) -> None:
        self._texts.put(None)
        self._thread.join(wait_s)
