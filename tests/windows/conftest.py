"""The installed Windows program under Wine: scripts/windows builds the setup (cached outside
the clone, keyed on the sources), installs it silently into its test prefix and runs it.

One Wine prefix serves every test: each test takes its turn on it (a lock file beside it), so
two test workers never install, uninstall or start programs in it at once."""

from __future__ import annotations

import fcntl
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.sync.conftest import pg_central, pg_server  # noqa: F401  (fixtures)
from tests.ui.queue.conftest import cups_server  # noqa: F401  (fixture)

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "windows"
CACHE = Path(
    os.environ.get("COUNTER_APP_WINDOWS_CACHE")
    or Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "counter-app-windows"
)
TEST_PREFIX = CACHE / "test-prefix"
# Wine's own names in the prefix: the user is the Unix user (root, as CI runs).
LOCAL_APP_DATA = TEST_PREFIX / "drive_c" / "users" / "root" / "AppData" / "Local"

pytestmark = pytest.mark.windows


def windows(
    *args: str, cwd: Path = ROOT, stdin: str | None = None, timeout: float = 600, **env: str
) -> subprocess.CompletedProcess[str]:
    """scripts/windows ARGS, its stdout piped back as the contract says."""
    return subprocess.run(
        [str(SCRIPT), *args],
        cwd=cwd, input=stdin if stdin is not None else "", capture_output=True, text=True,
        encoding="utf-8", timeout=timeout, env={**os.environ, **env}, check=False,
    )  # fmt: skip


def counter_app(*args: str, cwd: Path, stdin: str | None = None) -> str:
    """The installed counter-app.exe; a failure shows its stderr."""
    done = windows("run", "--", *args, cwd=cwd, stdin=stdin)
    assert done.returncode == 0, f"{args}: exit {done.returncode}\n{done.stderr[-3000:]}"
    return done.stdout


@pytest.fixture
def prefix_turn() -> Iterator[None]:
    """The test prefix to this test alone."""
    CACHE.mkdir(parents=True, exist_ok=True)
    with (CACHE / "test-prefix.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


@pytest.fixture(scope="session")
def setup_exe() -> Path:
    """dist/windows/counter-app-<version>-setup.exe, built (or taken from the cache)."""
    if not sys.platform.startswith("linux") or os.geteuid() != 0:
        pytest.skip("scripts/windows needs Linux and root (debootstrap, chroot)")
    CACHE.mkdir(parents=True, exist_ok=True)
    with (CACHE / "build.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        built = windows("build", timeout=3600)
    assert built.returncode == 0, built.stderr[-5000:]
    setup = Path(built.stdout.strip().splitlines()[-1])
    assert setup.is_file(), built.stdout
    return setup


@pytest.fixture
def installed(setup_exe: Path, prefix_turn: None) -> Path:
    """The setup installed silently into the test prefix (again only when it changed)."""
    stamp = TEST_PREFIX / "installed-setup"
    mark = f"{setup_exe}:{setup_exe.stat().st_mtime_ns}"
    program = TEST_PREFIX / "drive_c" / "Program Files" / "counter-app" / "counter-app.exe"
    if not (program.is_file() and stamp.is_file() and stamp.read_text() == mark):
        done = windows("install", str(setup_exe))
        assert done.returncode == 0, done.stderr[-5000:]
        stamp.write_text(mark)
    return program
