"""The board's voice: espeak-ng's Vietnamese voice says the call (a WAV that is not silence),
and calls made together are said one after the other, never over each other."""

from __future__ import annotations

import itertools
import threading
import time
import wave
from array import array
from pathlib import Path

import pytest

from counter_app.domain.queue import announcement
from counter_app.services.queue.voice import Announcer, espeak, synthesize


def test_the_call_is_said_in_vietnamese(tmp_path: Path) -> None:
    if not Announcer.available():
        pytest.skip("espeak-ng is not installed (scripts/dev installs it)")
    text = announcement("125", 3)
    assert text == "Mời số 125 đến quầy số 3"
    with wave.open(str(synthesize(text, tmp_path / "call.wav")), "rb") as sound:
        rate, frames = sound.getframerate(), sound.readframes(sound.getnframes())
        assert sound.getsampwidth() == 2
    samples = array("h", frames)
    assert len(samples) / rate > 1.5  # a sentence, not a beep
    loud = sum(1 for s in samples if abs(s) > 1000)
    assert loud / len(samples) > 0.2  # mostly speech, not silence


def test_priority_numbers_are_called_as_such() -> None:
    assert announcement("Ư7", 2) == "Mời số ưu tiên 7 đến quầy số 2"
    assert announcement("Ư7", 2, "en") == "Ticket priority number 7, please go to desk 2"


def test_calls_made_together_are_never_said_over_each_other() -> None:
    spans: list[tuple[str, float, float]] = []
    lock = threading.Lock()

    def say(text: str) -> None:
        start = time.monotonic()
        time.sleep(0.05)
        with lock:
            spans.append((text, start, time.monotonic()))

    announcer = Announcer(say)
    callers = [
        threading.Thread(target=announcer.announce, args=(announcement(str(n), n % 4 + 1),))
        for n in range(1, 9)
    ]
    for caller in callers:
        caller.start()
    for caller in callers:
        caller.join()
    announcer.close(wait_s=5)
    assert len(spans) == 8
    ordered = sorted(spans, key=lambda span: span[1])
    for before, after in itertools.pairwise(ordered):
        assert after[1] >= before[2]  # each starts once the one before has finished


def _program(folder: Path) -> Path:
    folder.mkdir(parents=True)
    program = folder / "espeak-ng.exe"
    program.write_bytes(b"MZ")
    program.chmod(0o755)
    return program


def test_windows_finds_espeak_ng_where_its_installer_puts_it(tmp_path: Path) -> None:
    """The Windows bundle has no espeak-ng and its installer does not add itself to PATH."""
    installed = _program(tmp_path / "Program Files" / "eSpeak NG")
    empty_path = str(tmp_path / "bin")
    environ = {"PATH": empty_path, "ProgramFiles": str(tmp_path / "Program Files")}
    assert espeak(environ=environ, windows=True) == str(installed)
    assert espeak(environ=environ, windows=False) is None  # elsewhere only PATH counts
    # A 32-bit install on 64-bit Windows sits under Program Files (x86).
    x86 = {"PATH": empty_path, "ProgramFiles(x86)": str(installed.parents[1])}
    assert espeak(environ=x86, windows=True) == str(installed)
    assert espeak(environ={"PATH": empty_path}, windows=True) is None  # the voice is missing


def test_the_voice_command_setting_and_path_come_first(tmp_path: Path) -> None:
    installed = _program(tmp_path / "Program Files" / "eSpeak NG")
    on_path = _program(tmp_path / "bin")
    on_path.rename(on_path.with_name("espeak-ng"))
    environ = {"PATH": str(tmp_path / "bin"), "ProgramFiles": str(tmp_path / "Program Files")}
    assert espeak(environ=environ, windows=True) == str(tmp_path / "bin" / "espeak-ng")
    assert espeak(str(installed), environ=environ, windows=True) == str(installed)
    assert espeak(str(tmp_path / "nowhere.exe"), environ=environ, windows=True) is None
