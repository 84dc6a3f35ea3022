"""An upgrade from a real earlier build (issue 15): the setup of the first commit with a
working Windows build (no release is tagged yet), built once from git by `scripts/windows
release` and kept in the cache, installed as a counter PC had it; its program makes the data;
the current setup installed over it keeps the data and the program migrates it at its next
start."""

from __future__ import annotations

import fcntl
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from counter_app.store.migrations import LOCAL_HEAD
from tests.packaging.test_frozen_bundle import INTAKE
from tests.windows.conftest import CACHE, ROOT, TEST_PREFIX, counter_app, windows
from tests.windows.test_installed_program import schema

pytestmark = [pytest.mark.slow, pytest.mark.windows]

# scripts/windows, a WIA source, the data folder checks: local schema 0012, version 0.1.0.
PREVIOUS = "66ad3b9daf958fe90b20af9a4274096a7685b972"
PREVIOUS_SCHEMA = "0012"
DATA = r"C:\users\Nguyễn Văn An\Nâng cấp"
DATA_ON_LINUX = TEST_PREFIX / "drive_c" / "users" / "Nguyễn Văn An" / "Nâng cấp"


@pytest.fixture(scope="session")
def previous_setup(setup_exe: Path) -> Path:
    """The earlier commit's setup (built after the current one: they share the build prefix).
    A shallow clone does not hold that commit: the upgrade cannot be shown from it."""
    held = subprocess.run(
        ["git", "cat-file", "-e", f"{PREVIOUS}^{{commit}}"], cwd=ROOT, capture_output=True
    )
    if held.returncode != 0:
        pytest.skip(f"this clone does not hold {PREVIOUS} (shallow): git fetch --unshallow")
    with (CACHE / "build.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        built = windows("release", PREVIOUS, timeout=5400)
    assert built.returncode == 0, built.stderr[-5000:]
    return Path(built.stdout.strip().splitlines()[-1])


def test_the_current_setup_over_the_first_windows_build_migrates_its_data(
    installed: Path, setup_exe: Path, previous_setup: Path, tmp_path: Path
):
    done = windows("uninstall")
    assert done.returncode == 0, done.stderr
    (TEST_PREFIX / "installed-setup").unlink(missing_ok=True)  # the next test reinstalls
    done = windows("install", str(previous_setup))
    assert done.returncode == 0, done.stderr

    shutil.rmtree(DATA_ON_LINUX, ignore_errors=True)
    counter_app("--data-dir", DATA, "init", "--demo", cwd=tmp_path)
    (tmp_path / "hồ sơ.json").write_text(json.dumps(INTAKE, ensure_ascii=False), "utf-8")
    taken = counter_app("--data-dir", DATA, "intake", "hồ sơ.json", "--user", "canbo", cwd=tmp_path)
    code = json.loads(taken)["code"]
    database = DATA_ON_LINUX / "counter.sqlite3"
    assert schema(database) == PREVIOUS_SCHEMA  # made by the earlier program

    done = windows("install", str(setup_exe))
    assert done.returncode == 0, done.stderr
    shown = json.loads(counter_app("--data-dir", DATA, "show", code, cwd=tmp_path))
    assert shown["applicant"]["full_name"] == "Nguyễn Văn An"
    assert schema(database) == LOCAL_HEAD
    kept = list((DATA_ON_LINUX / "backups").glob(f"*-before-upgrade-from-{PREVIOUS_SCHEMA}-*"))
    assert len(kept) == 1, "no copy of the database as the earlier program left it"
