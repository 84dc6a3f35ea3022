"""The Windows setup, installed silently under Wine, used as a counter PC uses it: every command
with its stdout piped (the frozen program once crashed there on Vietnamese text), data in a
folder with Vietnamese letters and spaces, the window's sign-in on a virtual display, an
uninstall that keeps the data and an upgrade install that migrates it at the next start."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest

from counter_app.store.migrations import LOCAL_HEAD
from tests.packaging.test_frozen_bundle import INTAKE, decoded_codes, from_sources
from tests.windows.conftest import LOCAL_APP_DATA, SCRIPT, TEST_PREFIX, counter_app, windows

pytestmark = [pytest.mark.slow, pytest.mark.windows]
ROOT = Path(__file__).resolve().parents[2]

# A counter officer's own folder: Vietnamese letters and spaces all the way down.
DATA = r"C:\users\Nguyễn Văn An\Dữ liệu quầy"
DATA_ON_LINUX = TEST_PREFIX / "drive_c" / "users" / "Nguyễn Văn An" / "Dữ liệu quầy"


def test_every_command_answers_on_a_pipe(installed: Path, tmp_path: Path):
    from importlib.metadata import version

    shutil.rmtree(DATA_ON_LINUX, ignore_errors=True)
    assert counter_app("--version", cwd=tmp_path).strip() == version("counter-app")

    demo = json.loads(counter_app("--data-dir", DATA, "init", "--demo", cwd=tmp_path))
    assert demo["data_dir"] == DATA
    assert "Nguyễn Thị Hoa" in {account["full_name"] for account in demo["demo"]["accounts"]}
    assert (DATA_ON_LINUX / "counter.sqlite3").is_file()

    # Five working days from the eve of Tết 2027: the holidays data is inside the bundle.
    deadline = ("deadline", "--received", "2027-02-03T09:00:00+07:00", "--working-days", "5")
    due = json.loads(counter_app(*deadline, cwd=tmp_path))["due_at"]
    assert due == json.loads(from_sources(*deadline))["due_at"]

    (tmp_path / "hồ sơ.json").write_text(json.dumps(INTAKE, ensure_ascii=False), "utf-8")
    taken = counter_app("--data-dir", DATA, "intake", "hồ sơ.json", "--user", "canbo", cwd=tmp_path)
    code = json.loads(taken)["code"]
    shown = json.loads(counter_app("--data-dir", DATA, "show", code, cwd=tmp_path))
    assert shown["applicant"]["full_name"] == "Nguyễn Văn An"

    printed = counter_app(
        "--data-dir", DATA, "print", "receipt", code, "-o", "biên nhận.pdf", cwd=tmp_path
    )
    assert json.loads(printed)["pages"] == 1
    assert decoded_codes(tmp_path / "biên nhận.pdf") == [code]

    day = shown["received_at"][:10]
    daily = ("--data-dir", DATA, "report", "daily", "--date", day, "--xlsx", "ngày.xlsx")
    report = json.loads(counter_app(*daily, cwd=tmp_path))
    assert report["received"] == 1
    from openpyxl import load_workbook

    sheet = load_workbook(tmp_path / "ngày.xlsx").worksheets[0]
    cells = {str(cell.value) for row in sheet.iter_rows() for cell in row if cell.value}
    assert any("Nguyễn Văn An" in value or "hồ sơ" in value.lower() for value in cells)

    counter_app("--data-dir", DATA, "backup", "-o", "sao lưu.zip", cwd=tmp_path)
    assert (tmp_path / "sao lưu.zip").is_file()
    counter_app("--data-dir", DATA, "intake", "hồ sơ.json", "--user", "canbo", cwd=tmp_path)
    counter_app("--data-dir", DATA, "restore", "sao lưu.zip", cwd=tmp_path)
    listed = json.loads(counter_app("--data-dir", DATA, "list", cwd=tmp_path))
    assert [row["code"] for row in listed] == [code]  # the second intake went with the restore


@pytest.mark.parametrize("locale", ["C.UTF-8", "vi_VN.UTF-8"])
def test_vietnamese_survives_the_windows_code_page(installed: Path, tmp_path: Path, locale: str):
    """Wine takes its ANSI code page from the locale: cp1252, or cp1258 for Vietnamese (what
    a pipe gets on Windows; the program writes UTF-8 all the same)."""
    data = ("--data-dir", DATA)
    code_page = windows(
        "shell", "--", "wine", r"C:\python311\python.exe", "-c",
        "import locale; print(locale.getpreferredencoding())",
        WINEPREFIX_OF=str(TEST_PREFIX.parent / "build-prefix"), LANG=locale,
    )  # fmt: skip
    assert code_page.stdout.strip() == ("cp1258" if locale.startswith("vi") else "cp1252")
    listed = windows("run", "--", *data, "catalog", "list", cwd=tmp_path, LANG=locale)
    assert listed.returncode == 0, listed.stderr
    assert "Đăng ký" in listed.stdout or "đăng ký" in listed.stdout
    refused = windows("run", "--", *data, "show", "KHONG-CO", cwd=tmp_path, LANG=locale)
    assert refused.returncode == 1
    assert "Traceback" not in refused.stderr
    assert "hồ sơ" in refused.stderr.lower()


def test_the_window_signs_in_with_vietnamese_text(installed: Path, tmp_path: Path, x_display: str):
    """The sign-in window's labels are drawn (Wine with fonts: not blank boxes), the
    workstation opens after the officer's sign-in, and a second start on the same data folder
    brings that window forward instead of opening a second one."""
    counter_app("--data-dir", DATA, "init", "--demo", cwd=tmp_path)
    env = {**os.environ, "DISPLAY": x_display}
    log_path = tmp_path / "window.log"

    def xdotool(*args: str) -> str:
        done = subprocess.run(["xdotool", *args], env=env, capture_output=True, text=True)
        return done.stdout.strip()

    with log_path.open("w") as log:
        window = subprocess.Popen(
            [str(SCRIPT), "window", "--", "--data-dir", DATA], cwd=tmp_path, env=env,
            stdout=log, stderr=log, stdin=subprocess.DEVNULL,
        )  # fmt: skip

        def wait_for(title: str) -> str:
            deadline = time.monotonic() + 180
            while time.monotonic() < deadline:
                assert window.poll() is None, log_path.read_text()
                found = xdotool("search", "--onlyvisible", "--name", title)
                if found:
                    return found.splitlines()[0]
                time.sleep(0.5)
            raise AssertionError(f"no window {title!r}: {log_path.read_text()}")

        try:
            sign_in = wait_for("^Đăng nhập$")
            time.sleep(2)  # painted
            assert text_pixels(x_display, xdotool("getwindowgeometry", sign_in)) > 500
            xdotool("windowfocus", "--sync", sign_in)
            xdotool("type", "--delay", "120", "canbo")
            xdotool("key", "Tab")
            xdotool("type", "--delay", "120", "canbo123")
            xdotool("key", "Return")
            wait_for("Máy trạm tiếp nhận")
            # A second start on the same folder brings the open window forward (which says
            # why in its status bar) and ends: no second window, no message to dismiss.
            second = subprocess.Popen(
                [str(SCRIPT), "window", "--", "--data-dir", DATA], cwd=tmp_path, env=env,
                stdin=subprocess.DEVNULL, stdout=log, stderr=log,
            )  # fmt: skip
            try:
                assert second.wait(120) == 1
            except subprocess.TimeoutExpired:
                shown = xdotool("search", "--onlyvisible", "--name", ".")
                names = [xdotool("getwindowname", found) for found in shown.splitlines()]
                raise AssertionError(f"the second start is still up; windows: {names}") from None
            assert xdotool("search", "--onlyvisible", "--name", "Máy trạm tiếp nhận")
            assert not xdotool("search", "--onlyvisible", "--name", "^Bộ phận Một cửa$")
        finally:
            windows("shell", "--", "wineserver", "-k")
            window.wait(60)
    assert "Traceback" not in log_path.read_text()


def text_pixels(display: str, geometry: str) -> int:
    """Dark pixels (text) inside the window: a prefix without fonts draws its labels blank."""
    from PIL import ImageGrab

    lines = dict(line.strip().split(": ", 1) for line in geometry.splitlines()[1:])
    x, y = (int(value) for value in lines["Position"].split()[0].split(","))
    width, height = (int(value) for value in lines["Geometry"].split("x"))
    shot = ImageGrab.grab(bbox=(x, y, x + width, y + height), xdisplay=display).convert("L")
    shot.save(Path(os.environ.get("TMPDIR", "/tmp")) / "counter-app-wine-sign-in.png")
    return sum(shot.histogram()[:96])


def test_uninstall_keeps_the_data_and_an_upgrade_migrates_it(
    installed: Path, setup_exe: Path, tmp_path: Path
):
    """A counter's data in %LOCALAPPDATA%\\counter-app, written by an older schema: the
    uninstaller leaves it, and the new setup installed over the old install upgrades it at the
    next start with nothing lost."""
    data = LOCAL_APP_DATA / "counter-app"
    shutil.rmtree(data, ignore_errors=True)
    demo = json.loads(counter_app("init", "--demo", cwd=tmp_path))
    assert demo["data_dir"].endswith(r"\AppData\Local\counter-app")
    (tmp_path / "hồ sơ.json").write_text(json.dumps(INTAKE, ensure_ascii=False), "utf-8")
    code = json.loads(counter_app("intake", "hồ sơ.json", "--user", "canbo", cwd=tmp_path))["code"]
    older = take_back_one_revision(data / "counter.sqlite3")

    done = windows("uninstall")
    assert done.returncode == 0, done.stderr
    (TEST_PREFIX / "installed-setup").unlink(missing_ok=True)
    assert not installed.exists()
    assert schema(data / "counter.sqlite3") == older  # untouched

    windows("install", str(setup_exe))  # the "previous" install
    done = windows("install", str(setup_exe))  # and the upgrade over it
    assert done.returncode == 0, done.stderr
    shown = json.loads(counter_app("show", code, cwd=tmp_path))
    assert shown["applicant"]["full_name"] == "Nguyễn Văn An"
    assert schema(data / "counter.sqlite3") == LOCAL_HEAD


def take_back_one_revision(database: Path) -> str:
    """The store as the previous release left it: the real downgrade of the newest migration."""
    script = (
        "import sys\n"
        "from alembic import command\n"
        "from counter_app.store import migrations\n"
        "from counter_app.store.database import DEFAULT_BUSY_TIMEOUT_MS, _make_engine\n"
        "engine = _make_engine(sys.argv[1], DEFAULT_BUSY_TIMEOUT_MS, foreign_keys=False)\n"
        "with engine.begin() as connection:\n"
        "    command.downgrade(migrations._config(connection), '-1')\n"
        "engine.dispose()\n"
    )
    subprocess.run([sys.executable, "-c", script, str(database)], check=True, timeout=120)
    revision = schema(database)
    assert revision != LOCAL_HEAD
    return revision


def windows_path(path: Path) -> str:
    """The path as Wine sees it (its Z: drive is the root)."""
    return "Z:" + str(path).replace("/", "\\")


def schema(database: Path) -> str:
    with closing(sqlite3.connect(database)) as connection:
        return connection.execute("SELECT version_num FROM alembic_version").fetchone()[0]


def test_a_missing_drive_or_a_path_too_long_is_said_in_vietnamese(installed: Path, tmp_path: Path):
    gone = windows("run", "--", "--data-dir", r"Q:\Dữ liệu quầy", "list", cwd=tmp_path)
    assert gone.returncode == 1
    assert "ổ đĩa Q:" in gone.stderr and "Traceback" not in gone.stderr

    deep = "C:\\" + "\\".join(["Thư mục lưu trữ hồ sơ"] * 10)
    long = windows("run", "--", "--data-dir", deep, "init", cwd=tmp_path)
    assert long.returncode == 1
    assert "quá dài" in long.stderr and "Traceback" not in long.stderr


def test_the_wia_source_loads_under_wine_and_says_there_is_no_scanner(setup_exe: Path):
    """Wine has no WIA automation (wiaaut.dll): the source (this tree's) loads with comtypes in
    the build's Windows Python and refuses with the plain message, as a PC without WIA would."""
    probe = (
        "import sys; sys.stdout.reconfigure(encoding='utf-8'); sys.path.insert(0, sys.argv[1])\n"
        "from counter_app.domain.errors import CounterError\n"
        "from counter_app.services.digitising.wia import WiaSource, wia_client\n"
        "client = wia_client()\n"
        "assert client is not None, 'comtypes missing'\n"
        "try:\n"
        "    WiaSource(client).acquire()\n"
        "except CounterError as error:\n"
        "    print(error.message('vi'))\n"
    )
    done = windows(
        "shell", "--", "wine", r"C:\python311\python.exe", "-c", probe, windows_path(ROOT),
        WINEPREFIX_OF=str(TEST_PREFIX.parent / "build-prefix"),
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "WIA" in done.stdout and "thư mục quét" in done.stdout, done.stdout + done.stderr


def test_the_central_password_goes_to_windows_credential_manager(
    installed: Path, tmp_path: Path, pg_central: str
):
    """keyring's Windows backend under Wine: the first sync keeps the password given on stdin
    in Credential Manager (Wine's lives in the user's registry), the next one reads it there."""
    from tests.security.test_secrets_central_password import counter_address

    address, password = counter_address(pg_central, "W1")
    data = r"C:\users\Nguyễn Văn An\Quầy đồng bộ"
    shutil.rmtree(TEST_PREFIX / "drive_c" / "users" / "Nguyễn Văn An" / "Quầy đồng bộ",
                  ignore_errors=True)  # fmt: skip
    counter_app("--data-dir", data, "init", cwd=tmp_path)
    first = windows("run", "--", "--data-dir", data, "sync", "--central", address,
                    "--password-stdin", "--once", cwd=tmp_path, stdin=f"{password}\n")  # fmt: skip
    assert first.returncode == 0, first.stderr
    again = windows("run", "--", "--data-dir", data, "sync", "--once", cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    assert "Credential Manager" in (TEST_PREFIX / "user.reg").read_text("utf-8", "replace")
    assert password not in (TEST_PREFIX / "user.reg").read_text("utf-8", "replace")
