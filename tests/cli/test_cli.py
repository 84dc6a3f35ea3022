"""The command line, run for real as a subprocess: the happy paths of the contract.

Every test works on its own copy of a data folder prepared once per module (init, the small
catalog, one staff account, one dossier), so each test costs only its own commands.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import time
import unicodedata
from contextlib import closing
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from counter_app.domain.clock import VN_TZ
from counter_app.paths import resources_dir
from tests.conftest import (
    AGENCY,
    CALENDAR,
    INACTIVE,
    SAME_DAY,
    SMALL_CATALOG,
    TEN_DAYS,
    intake_json,
)

pytestmark = pytest.mark.slow  # each test runs the real program as a process

DB_NAME = "counter.sqlite3"
OFFICER = "canbo"
PASSWORD_INPUT = "password\npassword\n"
CODE_PATTERN = re.compile(r"^000\.00\.12\.H37-\d{6}-\d{4}$")
QR_PAYLOAD = (
    "020090001234|123456789|Nguyễn Văn An|15031990|Nam|"
    "Số 5, đường Trần Đăng Ninh, Lạng Sơn|20042021"
)
COMMANDS = (
    "init",
    "catalog",
    "user",
    "intake",
    "show",
    "list",
    "transition",
    "scan",
    "deadline",
    "demo-data",
    "audit",
)
# Variables that could choose the language or the encoding behind the test's back.
_LANGUAGE_VARIABLES = ("LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LC_CTYPE", "COUNTER_APP_LANG")


# --- helpers shared with test_bad_input.py -------------------------------------------------


def cli_env(lang: str | None = None) -> dict[str, str]:
    """The environment without any language choice, or with COUNTER_APP_LANG set."""
    env = {k: v for k, v in os.environ.items() if k not in _LANGUAGE_VARIABLES}
    if lang is not None:
        env["COUNTER_APP_LANG"] = lang
    return env


def run_cli(
    data_dir: Path | None,
    *args: str,
    stdin: str | None = None,
    env: dict[str, str] | None = None,
    timeout: float = 60,
) -> subprocess.CompletedProcess[str]:
    """`counter-app [--data-dir DIR] ARGS...` as the officer would run it."""
    command = [sys.executable, "-m", "counter_app.main"]
    if data_dir is not None:
        command += ["--data-dir", str(data_dir)]
    command += list(args)
    cwd = data_dir.parent if data_dir is not None and data_dir.parent.is_dir() else None
    return subprocess.run(
        command,
        input=stdin if stdin is not None else "",
        capture_output=True,
        encoding="utf-8",
        env=cli_env() if env is None else env,
        cwd=cwd,
        timeout=timeout,
        check=False,
    )


def ok_json(result: subprocess.CompletedProcess[str]) -> object:
    """The JSON a successful command printed, after checking it succeeded cleanly."""
    assert result.returncode == 0, f"exit {result.returncode}\nstderr: {result.stderr}"
    assert result.stderr == "", result.stderr
    return json.loads(result.stdout)


def has_vietnamese(text: str) -> bool:
    """A Vietnamese letter with a diacritic (đ, ư, ơ, ế, ...)."""
    for ch in text:
        if ch in "đĐ":
            return True
        decomposed = unicodedata.normalize("NFD", ch)
        if ch.isalpha() and len(decomposed) > 1 and decomposed[0].isascii():
            return True
    return False


def write_json(path: Path, data: object) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def row_counts(db: Path) -> dict[str, int] | str:
    """Rows per table, read from a copy so the folder under test is never touched."""
    import tempfile

    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch) / DB_NAME
        shutil.copyfile(db, copy)
        wal = db.with_name(DB_NAME + "-wal")
        if wal.exists():
            shutil.copyfile(wal, Path(scratch) / (DB_NAME + "-wal"))
        try:
            with closing(sqlite3.connect(copy)) as connection:
                tables = [
                    name
                    for (name,) in connection.execute(
                        "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
                    )
                ]
                return {
                    table: connection.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
                    for table in tables
                }
        except sqlite3.DatabaseError as error:
            return f"unreadable: {error}"


def fingerprint(data_dir: Path) -> dict[str, object]:
    """What a refused command must leave exactly as it was: the files of the data folder
    (a crash log or a backup would show here), the database bytes, and the rows per table."""
    import hashlib

    if not data_dir.exists():
        return {"exists": False}
    db = data_dir / DB_NAME
    files = sorted(
        str(p.relative_to(data_dir))
        for p in data_dir.rglob("*")
        if not p.name.endswith(("-wal", "-shm"))
    )
    result: dict[str, object] = {"exists": True, "files": files}
    if db.is_file():
        result["sha256"] = hashlib.sha256(db.read_bytes()).hexdigest()
        result["rows"] = row_counts(db)
    return result


@dataclass(frozen=True)
class Prepared:
    data: Path  # the template data folder: never run a command on it, copy it
    files: Path  # catalog.json and intake.json live here
    code: str  # the one dossier in it, status "new", procedure TEN_DAYS
    intake: dict
    catalog_import: dict
    user_add: dict


def build_template(root: Path) -> Prepared:
    """init, the small catalog, one staff account and one dossier, in `root`/data."""
    data = root / "data"
    catalog_file = write_json(root / "catalog.json", SMALL_CATALOG)
    intake_file = write_json(root / "intake.json", intake_json())
    ok_json(run_cli(data, "init"))
    imported = ok_json(run_cli(data, "catalog", "import", str(catalog_file)))
    added = ok_json(run_cli(data, "user", "add", OFFICER, "--role", "staff", stdin=PASSWORD_INPUT))
    taken = ok_json(run_cli(data, "intake", str(intake_file), "--user", OFFICER))
    assert isinstance(taken, dict)
    assert not (data / "logs").exists()
    return Prepared(data, root, taken["code"], taken, imported, added)  # type: ignore[arg-type]


def copy_template(prepared: Prepared, tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(prepared.data, target)
    return target


@pytest.fixture(scope="module")
def prepared(tmp_path_factory: pytest.TempPathFactory) -> Prepared:
    return build_template(tmp_path_factory.mktemp("cli-template"))


@pytest.fixture
def data_dir(prepared: Prepared, tmp_path: Path) -> Path:
    """A private copy of the prepared data folder."""
    return copy_template(prepared, tmp_path)


# --- help and version -----------------------------------------------------------------------


def test_help_is_quick_and_lists_every_command():
    started = time.perf_counter()
    result = run_cli(None, "--help")
    elapsed = time.perf_counter() - started
    assert result.returncode == 0, result.stderr
    assert elapsed < 3, f"--help took {elapsed:.2f} s"
    for command in COMMANDS:
        assert re.search(rf"^\s+{re.escape(command)}\s", result.stdout, re.MULTILINE), command
    assert "Một cửa" in result.stdout  # Vietnamese by default
    assert "--data-dir" in result.stdout and "--lang" in result.stdout

    english = run_cli(None, "--lang", "en", "--help")
    assert english.returncode == 0
    assert "One-stop counter" in english.stdout
    assert not has_vietnamese(english.stdout.replace("Một cửa", ""))


def test_help_imports_no_heavy_module():
    probe = (
        "import sys\n"
        "from counter_app.main import main\n"
        "try:\n"
        "    main(['--help'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "heavy = [m for m in ('sqlalchemy', 'PySide6', 'holidays', 'argon2', 'alembic')"
        " if m in sys.modules]\n"
        "print('HEAVY=' + ','.join(heavy), file=sys.stderr)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        encoding="utf-8",
        env=cli_env(),
        timeout=60,
        check=False,
    )
    assert "HEAVY=\n" in result.stderr, result.stderr


def test_version():
    from importlib.metadata import version

    result = run_cli(None, "--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == version("counter-app")
    assert result.stderr == ""


# --- init -----------------------------------------------------------------------------------


def test_init_creates_the_database_and_twice_is_fine(tmp_path: Path):
    data = tmp_path / "fresh"
    first = ok_json(run_cli(data, "init"))
    assert first == {"data_dir": str(data), "database": str(data / DB_NAME)}
    db = data / DB_NAME
    assert db.read_bytes()[:16] == b"SQLite format 3\x00"
    tables = row_counts(db)
    assert isinstance(tables, dict)
    assert {"dossiers", "outbox", "audit_log", "users", "procedures"} <= set(tables)

    before = fingerprint(data)
    second = ok_json(run_cli(data, "init"))  # an upgrade with nothing to do
    assert second == first
    assert fingerprint(data) == before  # no backup, no new rows
    assert not (data / "backups").exists()


def test_init_demo_prints_the_logins(tmp_path: Path):
    demo = resources_dir() / "demo"
    expected_accounts = json.loads((demo / "accounts.json").read_text(encoding="utf-8"))
    demo_catalog = json.loads((demo / "catalog.json").read_text(encoding="utf-8"))
    data = tmp_path / "demo"

    result = ok_json(run_cli(data, "init", "--demo"))
    assert isinstance(result, dict)
    assert result["database"] == str(data / DB_NAME)
    accounts = result["demo"]["accounts"]
    assert [(a["login"], a["password"], a["role"]) for a in accounts] == [
        (a["login"], a["password"], a["role"]) for a in expected_accounts
    ]
    assert {a["role"] for a in accounts} >= {"staff", "supervisor", "admin"}
    assert result["demo"]["procedures"] == len(demo_catalog["procedures"])
    assert result["demo"]["agencies"] == len(demo_catalog["agencies"])

    again = ok_json(run_cli(data, "init", "--demo"))  # already there: no "account exists"
    assert again["demo"]["accounts"] == accounts  # type: ignore[index]

    listed = ok_json(run_cli(data, "catalog", "list"))
    assert isinstance(listed, list) and listed


# --- catalog and users ------------------------------------------------------------------------


def test_catalog_import_and_list(prepared: Prepared, data_dir: Path):
    assert prepared.catalog_import == {"agencies": 3, "procedures": 4}

    everything = ok_json(run_cli(data_dir, "catalog", "list"))
    assert isinstance(everything, list)
    codes = {p["code"] for p in everything}
    assert codes == {SAME_DAY, TEN_DAYS, CALENDAR}  # the inactive one is not offered
    assert INACTIVE not in codes
    for item in everything:
        assert {"code", "name", "agency", "duration"} <= set(item)
    by_code = {p["code"]: p for p in everything}
    assert by_code[TEN_DAYS]["agency"] == AGENCY
    assert by_code[TEN_DAYS]["name"] == "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam"
    assert by_code[TEN_DAYS]["duration"]["unit"] == "working_days"
    assert by_code[SAME_DAY]["duration"]["cutoff"] == "15:00"

    found = ok_json(run_cli(data_dir, "catalog", "list", "--search", "chung thuc"))
    assert isinstance(found, list)
    assert [p["code"] for p in found] == [SAME_DAY]
    assert found[0]["name"].startswith("Chứng thực")

    by_code_prefix = ok_json(run_cli(data_dir, "catalog", "list", "--search", "1.001193"))
    assert [p["code"] for p in by_code_prefix] == [TEN_DAYS]  # type: ignore[union-attr]


def test_user_add(prepared: Prepared, data_dir: Path):
    assert prepared.user_add == {"login": OFFICER, "role": "staff", "full_name": "", "title": ""}
    added = ok_json(
        run_cli(
            data_dir,
            "user",
            "add",
            "lanhdao",
            "--role",
            "supervisor",
            "--full-name",
            "Lương Văn Thắng",
            "--title",
            "Phó Chủ tịch UBND xã",
            stdin="matkhau-dai\nmatkhau-dai\n",
        )
    )
    assert added == {
        "login": "lanhdao",
        "role": "supervisor",
        "full_name": "Lương Văn Thắng",
        "title": "Phó Chủ tịch UBND xã",
    }
    rows = row_counts(data_dir / DB_NAME)
    assert isinstance(rows, dict) and rows["users"] == 2
    # The new account can act: it moves the prepared dossier, named with its title.
    moved = ok_json(run_cli(data_dir, "transition", prepared.code, "transfer", "--user", "lanhdao"))
    assert isinstance(moved, dict)
    received, transferred = moved["history"]
    assert (received["actor"], received["actor_name"], received["actor_title"]) == (OFFICER, "", "")
    assert (transferred["actor"], transferred["actor_name"], transferred["actor_title"]) == (
        "lanhdao",
        "Lương Văn Thắng",
        "Phó Chủ tịch UBND xã",
    )


# --- intake, show, list -------------------------------------------------------------------


def _check_intake_answer(answer: object) -> dict:
    assert isinstance(answer, dict)
    assert set(answer) == {"code", "uuid", "status", "received_at", "due_at"}
    assert CODE_PATTERN.match(answer["code"]), answer["code"]
    assert re.fullmatch(
        r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", answer["uuid"]
    )
    assert answer["status"] == "new"
    for key in ("received_at", "due_at"):
        assert answer[key].endswith("+07:00"), answer[key]
        datetime.fromisoformat(answer[key])
    assert answer["due_at"] > answer["received_at"]
    return answer


def test_intake_from_a_file(prepared: Prepared, data_dir: Path):
    first = _check_intake_answer(prepared.intake)
    answer = _check_intake_answer(
        ok_json(run_cli(data_dir, "intake", str(prepared.files / "intake.json"), "--user", OFFICER))
    )
    assert answer["uuid"] != first["uuid"]
    assert answer["code"] != first["code"]
    day = answer["code"].split("-")[1]
    received = datetime.fromisoformat(answer["received_at"])
    assert day == received.strftime("%y%m%d")
    rows = row_counts(data_dir / DB_NAME)
    assert isinstance(rows, dict) and rows["dossiers"] == 2


def test_intake_from_stdin_keeps_everything_given(data_dir: Path):
    request = intake_json(SAME_DAY, full_name="Hoàng Thị Lan", id_number="020195004321")
    request["applicant"]["birth_date"] = "1995-07-02"
    request["documents"] = [
        {"name": "Bản chính giấy tờ", "form": "original", "count": 1},
        {"name": "Bản sao cần chứng thực", "form": "certified_copy", "count": 3},
    ]
    request.update(sets=2, channel="postal", return_method="postal", note="Trả qua bưu điện")
    answer = _check_intake_answer(
        ok_json(
            run_cli(
                data_dir,
                "intake",
                "-",
                "--user",
                OFFICER,
                stdin=json.dumps(request, ensure_ascii=False),
            )
        )
    )

    shown = ok_json(run_cli(data_dir, "show", answer["code"]))
    assert isinstance(shown, dict)
    assert shown["uuid"] == answer["uuid"]
    assert shown["procedure"]["code"] == SAME_DAY
    assert shown["applicant"]["full_name"] == "Hoàng Thị Lan"
    assert shown["applicant"]["id_number"] == "020195004321"
    assert shown["applicant"]["birth_date"] == "1995-07-02"
    assert [(d["name"], d["form"], d["count"]) for d in shown["documents"]] == [
        ("Bản chính giấy tờ", "original", 1),
        ("Bản sao cần chứng thực", "certified_copy", 3),
    ]
    assert shown["sets"] == 2
    assert shown["channel"] == "postal"
    assert shown["return_method"] == "postal"
    assert shown["note"] == "Trả qua bưu điện"
    assert shown["received_at"] == answer["received_at"]
    assert shown["due_at"] == answer["due_at"]


def test_show_returns_the_whole_dossier(prepared: Prepared, data_dir: Path):
    shown = ok_json(run_cli(data_dir, "show", prepared.code))
    assert isinstance(shown, dict)
    for key in (
        "uuid",
        "code",
        "status",
        "procedure",
        "agency",
        "applicant",
        "documents",
        "sets",
        "channel",
        "return_method",
        "fees",
        "fee_total",
        "note",
        "received_at",
        "due_at",
        "received_by",
        "history",
        "supplement_rounds",
    ):
        assert key in shown, key
    assert shown["code"] == prepared.code
    assert shown["uuid"] == prepared.intake["uuid"]
    assert shown["status"] == "new"
    assert shown["procedure"]["code"] == TEN_DAYS
    assert shown["agency"] == AGENCY
    expected_person = intake_json()["applicant"]
    for key in ("full_name", "id_number", "birth_date", "phone", "email", "address", "type"):
        assert shown["applicant"][key] == expected_person[key], key
    # No documents in the file: the catalog's required components are recorded.
    assert [d["name"] for d in shown["documents"]] == [
        "Tờ khai yêu cầu cấp Phiếu",
        "Bản chụp giấy tờ tùy thân",
    ]
    assert shown["fee_total"] == 200000
    assert shown["received_by"] == OFFICER
    assert shown["received_at"] == prepared.intake["received_at"]
    assert shown["due_at"] == prepared.intake["due_at"]
    assert [(h["action"], h["from"], h["to"], h["actor"]) for h in shown["history"]] == [
        ("receive", None, "new", OFFICER)
    ]
    assert shown["history"][0]["at"].endswith("+07:00")

    # A code typed in lower case is the same dossier.
    lower = ok_json(run_cli(data_dir, "show", prepared.code.lower()))
    assert lower == shown


def test_list_with_date_status_and_limit(prepared: Prepared, data_dir: Path):
    ok_json(run_cli(data_dir, "intake", str(prepared.files / "intake.json"), "--user", OFFICER))
    day = datetime.fromisoformat(prepared.intake["received_at"]).date()

    everything = ok_json(run_cli(data_dir, "list"))
    assert isinstance(everything, list) and len(everything) == 2
    assert all(CODE_PATTERN.match(d["code"]) for d in everything)
    assert all(d["received_at"].endswith("+07:00") for d in everything)
    assert {"applicant", "documents", "history", "status"} <= set(everything[0])

    on_day = ok_json(run_cli(data_dir, "list", "--date", day.isoformat()))
    assert isinstance(on_day, list)
    assert {d["code"] for d in on_day} == {d["code"] for d in everything}
    other_day = ok_json(run_cli(data_dir, "list", "--date", (day - timedelta(days=3)).isoformat()))
    assert other_day == []

    assert len(ok_json(run_cli(data_dir, "list", "--status", "new"))) == 2  # type: ignore[arg-type]
    assert ok_json(run_cli(data_dir, "list", "--status", "processing")) == []
    limited = ok_json(run_cli(data_dir, "list", "--limit", "1"))
    assert isinstance(limited, list) and len(limited) == 1

    combined = ok_json(
        run_cli(
            data_dir,
            "list",
            "--date",
            day.isoformat(),
            "--status",
            "new",
            "--limit",
            "5",
            "--search",
            "nguyen van an",
        )
    )
    assert isinstance(combined, list) and len(combined) == 2


# --- transitions ------------------------------------------------------------------------------


def test_transition_transfer_then_resolve_then_an_illegal_move(prepared: Prepared, data_dir: Path):
    transferred = ok_json(
        run_cli(data_dir, "transition", prepared.code, "transfer", "--user", OFFICER)
    )
    assert isinstance(transferred, dict)
    assert transferred["code"] == prepared.code
    assert transferred["status"] == "processing"

    resolved = ok_json(
        run_cli(
            data_dir,
            "transition",
            prepared.code,
            "resolve",
            "--user",
            OFFICER,
            "--note",
            "Đã có kết quả",
        )
    )
    assert isinstance(resolved, dict)
    assert resolved["status"] == "releasing"
    assert resolved["completed_at"].endswith("+07:00")
    assert [(h["action"], h["from"], h["to"]) for h in resolved["history"]] == [
        ("receive", None, "new"),
        ("transfer", "new", "processing"),
        ("resolve", "processing", "releasing"),
    ]
    assert resolved["history"][-1]["note"] == "Đã có kết quả"

    before = fingerprint(data_dir)
    illegal = run_cli(data_dir, "transition", prepared.code, "transfer", "--user", OFFICER)
    assert illegal.returncode != 0
    assert illegal.stdout == ""
    assert "Traceback" not in illegal.stderr
    assert "Không thể" in illegal.stderr and "Đã xử lý xong" in illegal.stderr
    assert fingerprint(data_dir) == before

    shown = ok_json(run_cli(data_dir, "show", prepared.code))
    # `show` adds the dossier's scanned attachments (none here) to what `transition` printed
    expected = resolved | {"overdue": shown["overdue"], "attachments": []}  # type: ignore[operator]
    assert shown == expected


def test_audit_verify(prepared: Prepared, data_dir: Path):
    first = ok_json(run_cli(data_dir, "audit", "verify"))
    assert isinstance(first, dict)
    assert first["intact"] is True
    assert first["entries"] >= 2  # the account and the intake at least
    ok_json(run_cli(data_dir, "transition", prepared.code, "transfer", "--user", OFFICER))
    second = ok_json(run_cli(data_dir, "audit", "verify"))
    assert second == {
        "intact": True,
        "entries": first["entries"] + 1,
        "anchored": None,  # never synced: no chain head anchored at central
        "central": "none",
    }


# --- scan -----------------------------------------------------------------------------------


def test_scan_a_dossier_code(prepared: Prepared, tmp_path: Path):
    result = ok_json(run_cli(tmp_path / "unused", "scan", prepared.code))
    assert result == {"kind": "dossier", "code": prepared.code}
    assert not (tmp_path / "unused").exists()  # scanning needs no data folder


def test_scan_a_citizen_id_qr(tmp_path: Path):
    result = ok_json(run_cli(tmp_path / "unused", "scan", QR_PAYLOAD))
    assert result == {
        "kind": "citizen_id",
        "id_number": "020090001234",
        "old_id_number": "123456789",
        "full_name": "Nguyễn Văn An",
        "birth_date": "1990-03-15",
        "gender": "male",
        "address": "Số 5, đường Trần Đăng Ninh, Lạng Sơn",
        "issue_date": "2021-04-20",
        "extra": [],
        "warnings": [],
    }


def test_scan_garbage_is_unknown_with_a_reason(tmp_path: Path):
    result = ok_json(run_cli(tmp_path / "unused", "scan", "xin chào 123"))
    assert isinstance(result, dict)
    assert result["kind"] == "unknown"
    assert result["text"] == "xin chào 123"
    assert result["reason"] and has_vietnamese(result["reason"])


# --- deadline -------------------------------------------------------------------------------

DEADLINES = [
    # Sat 26/04/2025 is a make-up working day; 30/04, 01/05 and 02/05 are off.
    (
        ["--received", "2025-04-24T09:30:00+07:00", "--working-days", "10"],
        "2025-05-12T09:30:00+07:00",
    ),
    (
        ["--received", "2025-04-25T09:30:00+07:00", "--working-days", "1"],
        "2025-04-26T09:30:00+07:00",
    ),
    # The same instant given in UTC.
    (["--received", "2025-04-24T02:30:00Z", "--working-days", "10"], "2025-05-12T09:30:00+07:00"),
    # Half a day is four working hours, across the lunch break.
    (
        ["--received", "2025-04-24T09:30:00+07:00", "--working-days", "0.5"],
        "2025-04-24T15:30:00+07:00",
    ),
    # Tết 2025: 25/01 to 02/02 off.
    (
        ["--received", "2025-01-24T09:30:00+07:00", "--working-days", "3"],
        "2025-02-05T09:30:00+07:00",
    ),
    (
        ["--received", "2025-04-24T16:00:00+07:00", "--same-day", "--cutoff", "15:00"],
        "2025-04-25T17:00:00+07:00",
    ),
    (
        ["--received", "2025-04-24T10:00:00+07:00", "--same-day", "--cutoff", "15:00"],
        "2025-04-24T17:00:00+07:00",
    ),
    (["--received", "2025-04-24T10:00:00+07:00", "--same-day"], "2025-04-24T17:00:00+07:00"),
    # After the cut-off on the eve of the holidays: the next working day is Monday 05/05.
    (
        ["--received", "2025-04-29T16:30:00+07:00", "--same-day", "--cutoff", "15:00"],
        "2025-05-05T17:00:00+07:00",
    ),
    # Received at lunch: the clock starts at 13:30.
    (
        ["--received", "2025-04-24T12:00:00+07:00", "--working-hours", "2"],
        "2025-04-24T15:30:00+07:00",
    ),
    (
        ["--received", "2025-04-24T10:00:00+07:00", "--working-hours", "2"],
        "2025-04-24T14:00:00+07:00",
    ),
    # Calendar days landing on a weekend move to Monday, same clock time.
    (
        ["--received", "2025-03-06T10:15:00+07:00", "--calendar-days", "2"],
        "2025-03-10T10:15:00+07:00",
    ),
    (
        ["--received", "2025-04-24T09:30:00+07:00", "--calendar-days", "3"],
        "2025-04-28T09:30:00+07:00",
    ),
    # ... but not off a make-up working Saturday, and over the holidays.
    (
        ["--received", "2025-04-24T09:30:00+07:00", "--calendar-days", "2"],
        "2025-04-26T09:30:00+07:00",
    ),
    (
        ["--received", "2025-04-28T09:00:00+07:00", "--calendar-days", "2"],
        "2025-05-05T09:00:00+07:00",
    ),
]


@pytest.mark.parametrize(
    ("args", "due"), DEADLINES, ids=lambda v: " ".join(v[1:]) if isinstance(v, list) else v
)
def test_deadline(args: list[str], due: str, tmp_path: Path):
    unused = tmp_path / "unused"
    result = ok_json(run_cli(unused, "deadline", *args))
    assert result == {"due_at": due}
    assert not unused.exists()  # the default schedule needs no data folder


def test_deadline_with_an_agency_uses_its_schedule(data_dir: Path):
    result = ok_json(
        run_cli(
            data_dir,
            "deadline",
            "--received",
            "2025-04-24T09:30:00+07:00",
            "--working-days",
            "10",
            "--agency",
            AGENCY,
        )
    )
    assert result == {"due_at": "2025-05-12T09:30:00+07:00"}  # no local changes: the default


# --- demo data ------------------------------------------------------------------------------


def test_demo_data_then_list_shows_them(data_dir: Path):
    made = ok_json(run_cli(data_dir, "demo-data", "--dossiers", "50", "--days", "5"))
    assert isinstance(made, dict)
    assert made["dossiers"] == 50
    listed = ok_json(run_cli(data_dir, "list", "--limit", "100"))
    assert isinstance(listed, list)
    assert len(listed) == 51  # with the prepared one
    today = datetime.now(VN_TZ).date()
    for dossier in listed:
        assert dossier["code"].startswith(dossier["agency"] + "-")
        assert re.fullmatch(r"\d{3}\.\d{2}\.\d{2}\.H37-\d{6}-\d{4}", dossier["code"])
        received = datetime.fromisoformat(dossier["received_at"])
        assert dossier["received_at"].endswith("+07:00")
        assert today - timedelta(days=5) <= received.date() <= today
    verified = ok_json(run_cli(data_dir, "audit", "verify"))
    assert verified["intact"] is True  # type: ignore[index]


# --- language -------------------------------------------------------------------------------


def test_errors_are_vietnamese_by_default_and_english_on_request(data_dir: Path):
    missing = "000.00.12.H37-250424-9999"

    default = run_cli(data_dir, "show", missing)
    assert default.returncode != 0 and default.stdout == ""
    assert default.stderr.strip() == f"Không tìm thấy hồ sơ «{missing}»."

    for env, flags in (
        (None, ["--lang", "en"]),
        (None, ["--lang=en"]),
        (cli_env("en"), []),
    ):
        english = run_cli(None, "--data-dir", str(data_dir), *flags, "show", missing, env=env)
        assert english.returncode != 0
        assert english.stderr.strip() == f"There is no dossier “{missing}”.", flags
        assert not has_vietnamese(english.stderr)

    # --lang wins over the environment.
    forced = run_cli(data_dir, "--lang", "vi", "show", missing, env=cli_env("en"))
    assert has_vietnamese(forced.stderr)

    usage = run_cli(data_dir, "--lang", "en", "list", "--status", "bogus")
    assert usage.returncode == 2
    assert usage.stderr.startswith("Invalid command:")
    assert len(usage.stderr.strip().splitlines()) == 1
    usage_vi = run_cli(data_dir, "list", "--status", "bogus")
    assert usage_vi.returncode == 2
    assert usage_vi.stderr.startswith("Lệnh không hợp lệ:")


def test_output_is_valid_utf8_json_without_escapes(prepared: Prepared, data_dir: Path):
    result = run_cli(data_dir, "show", prepared.code)
    assert result.returncode == 0
    assert "Nguyễn Văn An" in result.stdout  # not \\u-escaped
    json.loads(result.stdout)


def test_list_dates_are_local_days(prepared: Prepared, data_dir: Path):
    """The day of --date is the day in Vietnam (+07:00), as the code's YYMMDD says."""
    day = date(
        2000 + int(prepared.code.split("-")[1][:2]),
        int(prepared.code.split("-")[1][2:4]),
        int(prepared.code.split("-")[1][4:6]),
    )
    found = ok_json(run_cli(data_dir, "list", "--date", day.isoformat()))
    assert [d["code"] for d in found] == [prepared.code]  # type: ignore[union-attr]
