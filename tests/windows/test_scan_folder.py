"""The scan folder on a Windows path (issue 15): `C:\\Users\\Nguyễn Văn An\\Quét\\`, set with the
installed program's `settings set`, takes a scanned PDF and JPEG that a scanner's software
saved there. The taking is the scan panel's own code without its widgets
(take_from_scan_folder.py), run by the build's Windows Python in the test prefix; the installed
program then shows the dossier with both files attached."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.digitising.conftest import page_bytes, pdf_bytes
from tests.packaging.test_frozen_bundle import INTAKE
from tests.windows.conftest import CACHE, TEST_PREFIX, counter_app, windows
from tests.windows.test_installed_program import windows_path

pytestmark = [pytest.mark.slow, pytest.mark.windows]

DATA = r"C:\users\Nguyễn Văn An\Quầy quét"
SCAN_FOLDER = "C:\\Users\\Nguyễn Văn An\\Quét\\"
USER_ON_LINUX = TEST_PREFIX / "drive_c" / "users" / "Nguyễn Văn An"
PAPER = "Giấy chứng sinh"
SCANNED_PDF = "Giấy chứng sinh bản quét.pdf"
SCANNED_JPEG = "Trang 3 chụp lại.jpg"
PROBE = Path(__file__).with_name("take_from_scan_folder.py")
ROOT = Path(__file__).resolve().parents[2]
WINDOWS_PYTHON = CACHE / "build-prefix" / "drive_c" / "python311" / "python.exe"


def test_a_scan_saved_in_a_windows_scan_folder_is_attached(
    installed: Path, setup_exe: Path, tmp_path: Path
):
    shutil.rmtree(USER_ON_LINUX / "Quầy quét", ignore_errors=True)
    shutil.rmtree(USER_ON_LINUX / "Quét", ignore_errors=True)
    counter_app("--data-dir", DATA, "init", "--demo", cwd=tmp_path)
    (tmp_path / "hồ sơ.json").write_text(json.dumps(INTAKE, ensure_ascii=False), "utf-8")
    taken = counter_app("--data-dir", DATA, "intake", "hồ sơ.json", "--user", "canbo", cwd=tmp_path)
    code = json.loads(taken)["code"]

    counter_app("--data-dir", DATA, "settings", "set", "digitising.watch_folder", SCAN_FOLDER,
                "--user", "canbo", cwd=tmp_path, stdin="canbo123\n")  # fmt: skip
    shown = counter_app("--data-dir", DATA, "settings", "get", "digitising.watch_folder",
                        cwd=tmp_path)  # fmt: skip
    assert json.loads(shown) == SCAN_FOLDER
    folder = USER_ON_LINUX / "Quét"  # Wine's C:\Users is its users folder
    folder.mkdir(parents=True)
    (folder / SCANNED_PDF).write_bytes(pdf_bytes(2))
    (folder / SCANNED_JPEG).write_bytes(page_bytes("jpeg"))

    done = windows(
        "shell", "--", "wine", windows_path(WINDOWS_PYTHON), windows_path(PROBE),
        windows_path(ROOT), DATA, code, PAPER, "canbo", cwd=tmp_path,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads(done.stdout)
    assert result["folder"] == SCAN_FOLDER.rstrip("\\")
    assert sorted(result["taken"]) == [SCANNED_PDF, SCANNED_JPEG], result
    assert result["attached"] == 2
    assert sorted(path.name for path in (folder / "taken").iterdir()) == sorted(result["taken"])
    assert not any(path.is_file() for path in folder.iterdir())

    dossier = json.loads(counter_app("--data-dir", DATA, "show", code, cwd=tmp_path))
    attached = [item for item in dossier["attachments"] if item["component"] == PAPER]
    assert [item["original_name"] for item in attached] == result["taken"], dossier  # in order
