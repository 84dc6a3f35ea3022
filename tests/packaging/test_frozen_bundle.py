"""The frozen program as a counter PC runs it: the PyInstaller bundle built from this source tree,
started with no Python environment around it (no virtual environment on PATH, no PYTHONPATH,
only HOME and LANG). It sets up the demo, computes a deadline across Tết, takes a dossier in,
prints its receipt (whose barcode must decode to the dossier's code), prints a queue ticket on
an ESC/POS printer, and opens its window on a virtual display, where an officer signs in.

The bundle is built once per state of the sources: a hash of them, of the installed packages
and of Python sits in build/ beside it, and a bundle with the same hash is used again."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import closing, contextmanager
from importlib.metadata import distributions, version
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
BUNDLE = ROOT / "dist" / "counter-app"
PROGRAM = BUNDLE / ("counter-app.exe" if sys.platform == "win32" else "counter-app")
STAMP = ROOT / "build" / "counter-app-bundle.sha256"
BUILT_FROM = ("counter_app", "db", "resources", "packaging")
INTAKE = {
    "procedure": "1.001193.000.00.00.H37",
    "applicant": {
        "full_name": "Nguyễn Văn An",
        "id_number": "020090001234",
        "birth_date": "1990-03-15",
        "phone": "0912345678",
        "email": "",
        "address": "12 Lê Lợi, phường Chi Lăng, Lạng Sơn",
        "type": "citizen",
    },
    "sets": 1,
    "channel": "direct",
    "return_method": "counter",
    "note": "",
}


def source_hash() -> str:
    """What the bundle is made of: the package, migrations, resources, the spec, the installed
    distributions and the interpreter."""
    digest = hashlib.sha256()
    for folder in BUILT_FROM:
        for path in sorted((ROOT / folder).rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(path.relative_to(ROOT).as_posix().encode() + b"\0")
                digest.update(path.read_bytes())
    digest.update((ROOT / "pyproject.toml").read_bytes())
    installed = sorted(f"{d.metadata['Name']}=={d.version}" for d in distributions())
    digest.update("\n".join([sys.version, *installed]).encode())
    return digest.hexdigest()


@contextmanager
def building_alone() -> Iterator[None]:
    """Two test workers never build into the same dist/ at once; the second finds it built."""
    STAMP.parent.mkdir(exist_ok=True)
    with STAMP.with_suffix(".lock").open("w") as lock:
        if sys.platform != "win32":
            import fcntl

            fcntl.flock(lock, fcntl.LOCK_EX)
        yield


@pytest.fixture(scope="module")
def program() -> Path:
    with building_alone():
        return build_bundle()


def build_bundle() -> Path:
    wanted = source_hash()
    if PROGRAM.is_file() and STAMP.is_file() and STAMP.read_text().strip() == wanted:
        return PROGRAM
    STAMP.unlink(missing_ok=True)  # a half-built bundle is never taken for a good one
    spec = ROOT / "packaging" / "counter_app.spec"
    built = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--workpath", str(ROOT / "build" / "pyinstaller"), "--distpath", str(ROOT / "dist"),
         str(spec)],
        cwd=ROOT, capture_output=True, text=True, timeout=1800,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
    )  # fmt: skip
    report = f"PyInstaller (the `test` extra installs it):\n{built.stderr[-5000:]}"
    assert built.returncode == 0, report
    assert PROGRAM.is_file(), report
    STAMP.write_text(wanted + "\n")
    return PROGRAM


def bare_environment(home: Path, **extra: str) -> dict[str, str]:
    """A desktop session's minimum: no virtual environment, no Python variables."""
    venv_bin = Path(sys.executable).parent
    path = os.pathsep.join(
        entry for entry in os.environ.get("PATH", "").split(os.pathsep)
        if entry and Path(entry) != venv_bin and "PYTHON" not in entry.upper()
    )  # fmt: skip
    windows = {name: os.environ[name] for name in ("SYSTEMROOT",) if name in os.environ}
    return {"HOME": str(home), "LANG": "C.UTF-8", "PATH": path, **windows, **extra}


def run(program: Path, home: Path, *args: str) -> str:
    done = subprocess.run(
        [str(program), *args],
        cwd=home, capture_output=True, text=True, encoding="utf-8", timeout=300,
        env=bare_environment(home, QT_QPA_PLATFORM="offscreen"),
    )  # fmt: skip
    assert done.returncode == 0, f"{args}: exit {done.returncode}\n{done.stderr}"
    return done.stdout


def from_sources(*args: str) -> str:
    """The same command run by the source tree in the test's Python, to compare with."""
    return subprocess.run(
        [sys.executable, "-m", "counter_app.main", *args],
        cwd=ROOT, capture_output=True, text=True, check=True, timeout=120,
    ).stdout  # fmt: skip


def test_the_frozen_program_answers_without_python(program: Path, tmp_path: Path):
    data = str(tmp_path / "data")

    assert run(program, tmp_path, "--version").strip() == version("counter-app")

    demo = json.loads(run(program, tmp_path, "--data-dir", data, "init", "--demo"))
    assert {account["login"] for account in demo["demo"]["accounts"]} >= {"canbo", "quantri"}

    # Five working days from the eve of Tết 2027: the holidays data is inside the bundle.
    deadline = ("deadline", "--received", "2027-02-03T09:00:00+07:00", "--working-days", "5")
    frozen_due = json.loads(run(program, tmp_path, *deadline))["due_at"]
    assert frozen_due == json.loads(from_sources(*deadline))["due_at"]
    assert frozen_due > "2027-02-11"  # past the plain count of weekdays

    (tmp_path / "intake.json").write_text(json.dumps(INTAKE, ensure_ascii=False), "utf-8")
    intake = ("--data-dir", data, "intake", "intake.json", "--user", "canbo")
    code = json.loads(run(program, tmp_path, *intake))["code"]

    printed = json.loads(run(program, tmp_path, "--data-dir", data, "print", "receipt", code,
                             "-o", "receipt.pdf"))  # fmt: skip
    assert printed["pages"] == 1
    assert decoded_codes(tmp_path / "receipt.pdf") == [code]

    # The kiosk's ticket on an ESC/POS printer: python-escpos reads its printer profiles
    # (capabilities.json) when imported, so they must be inside the bundle.
    set_setting(tmp_path / "data", "queue.printer", f"file:{tmp_path / 'ticket-printer'}")
    taken = json.loads(run(program, tmp_path, "--data-dir", data, "queue", "take", "A", "--print"))
    assert (taken["number"], taken["area"]) == (1, "A")
    assert (tmp_path / "ticket-printer").read_bytes().startswith(b"\x1dv0")  # GS v 0: raster


def set_setting(data: Path, key: str, value: object) -> None:
    """A setting written by the source tree (the command line's `settings set` asks for an
    administrator's password)."""
    from counter_app.services.workspace import Workspace

    workspace = Workspace(data)
    try:
        workspace.settings.set(key, value)
    finally:
        workspace.close()


def decoded_codes(pdf: Path, resolution: int = 200) -> list[str]:
    """The Code 128 barcodes of the PDF's first page, read as a scanner would from paper
    (`resolution`: the scan's dots per inch)."""
    import zxingcpp
    from PIL import Image

    if shutil.which("pdftoppm") is None:
        pytest.fail("pdftoppm (poppler-utils) is needed: scripts/dev test installs it")
    prefix = pdf.with_suffix("")
    subprocess.run(["pdftoppm", "-r", str(resolution), "-png", "-f", "1", "-l", "1", str(pdf),
                    str(prefix)], check=True, timeout=60)  # fmt: skip
    [page] = pdf.parent.glob(f"{prefix.name}-*1.png")
    with Image.open(page) as image:
        found = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.Code128)
    return [barcode.text for barcode in found]


@contextmanager
def signed_in_window(
    program: Path, tmp_path: Path, x_display: str, data: str
) -> Iterator[subprocess.Popen[bytes]]:
    """The frozen window on `data`, signed in as the demo's officer; its log checked after."""
    env = bare_environment(tmp_path, DISPLAY=x_display)
    log_path = tmp_path / "window.log"
    with log_path.open("w") as log:
        window = subprocess.Popen(
            [str(program), "--data-dir", data], cwd=tmp_path, env=env, stdout=log, stderr=log
        )

        def xdotool(*args: str) -> str:
            done = subprocess.run(["xdotool", *args], env=env, capture_output=True, text=True)
            return done.stdout.strip()

        def wait_for(title: str) -> str:
            deadline = time.monotonic() + 90
            while time.monotonic() < deadline:
                assert window.poll() is None, log_path.read_text()
                for crash in (tmp_path / "data" / "logs").glob("counter-app-crash-*"):
                    raise AssertionError(crash.read_text())  # the window shows it and waits
                found = xdotool("search", "--onlyvisible", "--name", title)
                if found:
                    return found.splitlines()[0]
                time.sleep(0.2)
            raise AssertionError(f"no window {title!r}: {log_path.read_text()}")

        try:
            xdotool("windowfocus", "--sync", wait_for("^Đăng nhập$"))
            xdotool("type", "--delay", "90", "canbo")
            xdotool("key", "Tab")
            xdotool("type", "--delay", "90", "canbo123")
            xdotool("key", "Return")
            wait_for("Máy trạm tiếp nhận")
            yield window
        finally:
            window.terminate()
            window.wait(30)
    assert "Traceback" not in log_path.read_text()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Xvfb: the Linux bundle")
def test_the_frozen_window_opens_and_signs_in(program: Path, tmp_path: Path, x_display: str):
    """Qt's X11 plugin, the translations and the window's lazily loaded pages are all inside:
    the sign-in window comes up in Vietnamese and the workstation opens after it."""
    data = str(tmp_path / "data")
    run(program, tmp_path, "--data-dir", data, "init", "--demo")
    with signed_in_window(program, tmp_path, x_display, data):
        pass


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Xvfb: the Linux bundle")
def test_the_frozen_windows_sync_worker_is_a_process_of_its_own(
    program: Path, tmp_path: Path, x_display: str
):
    """Issue 13: the window's sync worker is the frozen program started again by
    multiprocessing ("spawn", `--multiprocessing-fork`); a dossier received meanwhile goes up."""
    data = str(tmp_path / "data")
    central = f"sqlite:///{tmp_path / 'central.sqlite3'}"
    run(program, tmp_path, "--data-dir", data, "init", "--demo")
    run(program, tmp_path, "central", "init", central)
    run(program, tmp_path, "central", "catalog", central, str(ROOT / "resources/demo/catalog.json"))
    run(program, tmp_path, "--data-dir", data, "sync", "--central", central, "--once")
    (tmp_path / "intake.json").write_text(json.dumps(INTAKE, ensure_ascii=False), "utf-8")
    with signed_in_window(program, tmp_path, x_display, data) as window:
        intake = ("--data-dir", data, "intake", "intake.json", "--user", "canbo")
        code = json.loads(run(program, tmp_path, *intake))["code"]
        deadline = time.monotonic() + 90
        while code not in central_codes(tmp_path / "central.sqlite3"):
            assert time.monotonic() < deadline, "the worker never sent the dossier up"
            time.sleep(0.5)
        workers = [
            (Path("/proc") / child / "cmdline").read_bytes().split(b"\0")
            for child in (Path("/proc") / str(window.pid) / "task" / str(window.pid) / "children")
            .read_text()
            .split()
        ]
        assert [c[1] for c in workers if b"--multiprocessing-fork" in c] == [
            b"--multiprocessing-fork"
        ]


def central_codes(path: Path) -> set[str]:
    import sqlite3

    with closing(sqlite3.connect(path)) as connection:
        return {code for (code,) in connection.execute("SELECT code FROM dossiers")}
