"""The setup as an administrator meets it (issue 15): run a second time over the installed
program it upgrades in place and keeps the counter's data; pointed at a folder it cannot write
to it stops with a message in Vietnamese and leaves nothing half-installed."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.packaging.test_frozen_bundle import INTAKE
from tests.windows.conftest import TEST_PREFIX, counter_app, windows

pytestmark = [pytest.mark.slow, pytest.mark.windows]

DATA = r"C:\users\Nguyễn Văn An\Cài lại"
DATA_ON_LINUX = TEST_PREFIX / "drive_c" / "users" / "Nguyễn Văn An" / "Cài lại"
# The setup's language as the admin guide's silent roll-out chooses it (without it the setup
# follows Windows' display language, which Wine reports as English here).
IN_VIETNAMESE = "/LANG=vi"


def program_files(installed: Path) -> dict[str, int]:
    """The installed program's files and their sizes, by path inside its folder."""
    folder = installed.parent
    return {str(path.relative_to(folder)): path.stat().st_size
            for path in folder.rglob("*") if path.is_file()}  # fmt: skip


def test_a_second_setup_run_upgrades_in_place_and_keeps_the_data(
    installed: Path, setup_exe: Path, tmp_path: Path
):
    shutil.rmtree(DATA_ON_LINUX, ignore_errors=True)
    counter_app("--data-dir", DATA, "init", "--demo", cwd=tmp_path)
    (tmp_path / "hồ sơ.json").write_text(json.dumps(INTAKE, ensure_ascii=False), "utf-8")
    taken = counter_app("--data-dir", DATA, "intake", "hồ sơ.json", "--user", "canbo", cwd=tmp_path)
    code = json.loads(taken)["code"]
    before = program_files(installed)

    again = windows("install", str(setup_exe))
    assert again.returncode == 0, again.stderr

    # The same files in the same folder, and one uninstaller (its log grows): no second copy.
    assert program_files(installed).keys() == before.keys()
    assert not (installed.parent / "unins001.exe").exists()
    shown = json.loads(counter_app("--data-dir", DATA, "show", code, cwd=tmp_path))
    assert shown["applicant"]["full_name"] == "Nguyễn Văn An"


@pytest.fixture
def read_only_folder() -> Iterator[Path]:
    """C:\\Chỉ đọc in the test prefix, which nobody may write into: immutable (chattr +i),
    as the setup runs as root, whom the folder's permissions do not stop."""
    folder = TEST_PREFIX / "drive_c" / "Chỉ đọc"
    folder.mkdir(exist_ok=True)
    made = subprocess.run(["chattr", "+i", str(folder)], capture_output=True, text=True)
    if made.returncode != 0:
        pytest.skip(f"this file system has no immutable folders: {made.stderr.strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["chattr", "-i", str(folder)], check=True)


def test_a_setup_into_a_folder_without_write_access_stops_in_vietnamese(
    installed: Path, setup_exe: Path, read_only_folder: Path, tmp_path: Path
):
    before = program_files(installed)
    refused = windows("install", str(setup_exe), IN_VIETNAMESE, r"/DIR=C:\Chỉ đọc\counter-app")
    assert refused.returncode != 0
    assert r'Không tạo được thư mục "C:\Chỉ đọc\counter-app"' in refused.stderr, refused.stderr
    assert "quyền ghi" in refused.stderr and "chưa hoàn tất" in refused.stderr
    # Nothing half-installed: not in the folder, and the program already there untouched.
    assert not any(read_only_folder.iterdir())
    assert program_files(installed) == before
    assert counter_app("--version", cwd=tmp_path).strip()


def test_a_setup_onto_a_drive_that_is_not_there_stops_in_vietnamese(
    installed: Path, setup_exe: Path, tmp_path: Path
):
    before = program_files(installed)
    refused = windows("install", str(setup_exe), IN_VIETNAMESE, r"/DIR=Q:\counter-app")
    assert refused.returncode != 0
    assert "Ổ đĩa hoặc thư mục mạng đã chọn không có" in refused.stderr, refused.stderr
    assert program_files(installed) == before


def test_a_cached_build_leaves_the_setup_another_worker_installs_alone(setup_exe: Path) -> None:
    """Two test workers ask for the setup; the second's build (from the cache) used to delete
    and copy dist again while the first was installing it: the install then ran "Z:"."""
    with setup_exe.open("rb") as installing:  # held open: its inode cannot be reused meanwhile
        again = windows("build")
        assert again.returncode == 0, again.stderr[-3000:]
        assert Path(again.stdout.strip().splitlines()[-1]) == setup_exe
        assert setup_exe.stat().st_ino == os.fstat(installing.fileno()).st_ino
