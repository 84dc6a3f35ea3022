"""The Windows program under Wine beside the Linux program, in the same run (issue 15):
windowed start to the sign-in window, and `print receipt` as a whole process.

Windows: the setup installed by `scripts/windows install` (after `scripts/windows build`), run
through `scripts/windows run|window` as CI runs it (its chroot and Wine start included).
Linux: the PyInstaller bundle dist/counter-app/ when it is there (`scripts/bundle`), else the
source tree. Medians of a few runs; the figure is the ratio Wine / Linux.

    .venv/bin/python bench/bench_windows.py
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import ROOT
from xdisplay import virtual_display

RUNS = 3
SCRIPT = ROOT / "scripts" / "windows"
LINUX_BUNDLE = ROOT / "dist" / "counter-app" / "counter-app"
WINE_DATA = rf"C:\users\Public\bench-counter-{os.getpid()}"  # a fresh store each run
INTAKE = {
    "procedure": "1.001193.000.00.00.H37",
    "applicant": {"full_name": "Nguyễn Văn An", "id_number": "020090001234",
                  "birth_date": "1990-03-15", "phone": "0912345678", "type": "citizen",
                  "address": "12 Lê Lợi, Lạng Sơn", "email": ""},
    "sets": 1, "channel": "direct", "return_method": "counter", "note": "",
}  # fmt: skip


def linux_program() -> list[str]:
    if LINUX_BUNDLE.is_file():
        return [str(LINUX_BUNDLE)]
    return [sys.executable, "-m", "counter_app.main"]


def wine_program(kind: str = "run") -> list[str]:
    return [str(SCRIPT), kind, "--"]


def run(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, encoding="utf-8",
                          stdin=subprocess.DEVNULL, env=env, timeout=600)  # fmt: skip
    if done.returncode != 0:
        raise SystemExit(f"{command}: {done.stderr[-2000:]}")
    return done.stdout


def prepared(program: list[str], data: str, work: Path) -> str:
    """A demo store with one dossier; its code."""
    run([*program, "--data-dir", data, "init", "--demo"], work)
    (work / "intake.json").write_text(json.dumps(INTAKE, ensure_ascii=False), "utf-8")
    taken = run([*program, "--data-dir", data, "intake", "intake.json", "--user", "canbo"], work)
    return str(json.loads(taken)["code"])


def receipt_seconds(program: list[str], data: str, code: str, work: Path) -> float:
    started = time.perf_counter()
    run([*program, "--data-dir", data, "print", "receipt", code, "-o", "receipt.pdf"], work)
    return time.perf_counter() - started


def window_seconds(command: list[str], env: dict[str, str], stop: list[str] | None) -> float:
    """From starting the windowed program to its visible sign-in window."""
    started = time.perf_counter()
    program = subprocess.Popen(command, env=env, stdin=subprocess.DEVNULL,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    try:
        while time.perf_counter() - started < 300:
            found = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", "^Đăng nhập$"],
                                   env=env, capture_output=True)  # fmt: skip
            if found.returncode == 0 and found.stdout.strip():
                return time.perf_counter() - started
            time.sleep(0.05)
        raise SystemExit("no sign-in window within 300 s")
    finally:
        if stop:  # Wine's processes outlive the script that started them
            subprocess.run(stop, capture_output=True, timeout=120)
        program.terminate()
        program.wait(60)


def main() -> int:
    if not (SCRIPT.parent.parent / "dist" / "windows").is_dir():
        raise SystemExit("run scripts/windows build and scripts/windows install first")
    work = Path(tempfile.mkdtemp(prefix="counter-bench-windows-"))
    linux_data = str(work / "linux-data")
    linux_code = prepared(linux_program(), linux_data, work)
    wine_code = prepared(wine_program(), WINE_DATA, work)
    figures: dict[str, tuple[float, float]] = {}
    figures["print receipt, whole process"] = (
        statistics.median(receipt_seconds(wine_program(), WINE_DATA, wine_code, work)
                          for _ in range(RUNS)),
        statistics.median(receipt_seconds(linux_program(), linux_data, linux_code, work)
                          for _ in range(RUNS)),
    )  # fmt: skip
    with virtual_display() as display:
        env = {**os.environ, "DISPLAY": display}
        env.pop("QT_QPA_PLATFORM", None)
        stop = [str(SCRIPT), "shell", "--", "wineserver", "-k"]
        wine_window = [*wine_program("window"), "--data-dir", WINE_DATA]
        linux_window = [*linux_program(), "--data-dir", linux_data]
        figures["windowed start to the sign-in window"] = (
            statistics.median(window_seconds(wine_window, env, stop) for _ in range(RUNS)),
            statistics.median(window_seconds(linux_window, env, None) for _ in range(RUNS)),
        )
    linux_kind = "Linux bundle" if LINUX_BUNDLE.is_file() else "Linux, source tree"
    for name, (wine, linux) in figures.items():
        print(f"{name:<40} Wine {wine:7.2f} s   {linux_kind} {linux:6.2f} s   "
              f"ratio {wine / linux:5.1f}×", flush=True)  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
