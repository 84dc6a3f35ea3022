"""The command line refusing bad input: one clear line on stderr (Vietnamese by default), a
non-zero exit, nothing on stdout, no traceback, and nothing written to the data folder."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from counter_app.domain.messages import translate
from tests.cli.test_cli import (
    DB_NAME,
    OFFICER,
    Prepared,
    build_template,
    copy_template,
    fingerprint,
    has_vietnamese,
    run_cli,
    write_json,
)
from tests.conftest import INACTIVE, intake_json

pytestmark = pytest.mark.slow  # each test runs the real program as a process

BUG_MARK = "Lỗi ngoài dự kiến"  # the "unexpected error" message: a refusal must never be a crash


@pytest.fixture(scope="module")
def prepared(tmp_path_factory: pytest.TempPathFactory) -> Prepared:
    return build_template(tmp_path_factory.mktemp("cli-template"))


@pytest.fixture
def data_dir(prepared: Prepared, tmp_path: Path) -> Path:
    """A private copy of the prepared data folder."""
    return copy_template(prepared, tmp_path)


def assert_refused(result: subprocess.CompletedProcess[str], *expected: str) -> str:
    """A clean refusal in Vietnamese, naming what is wrong; returns the message."""
    assert result.returncode != 0, f"exit 0\nstdout: {result.stdout}"
    assert result.stdout == "", result.stdout
    assert "Traceback" not in result.stderr, result.stderr
    message = result.stderr.strip()
    assert message, "empty stderr"
    lines = message.splitlines()
    assert 1 <= len(lines) <= 2, result.stderr
    assert BUG_MARK not in message, message
    assert has_vietnamese(message), message
    for part in expected:
        assert part in message, f"{part!r} not in {message!r}"
    return message


@contextmanager
def unchanged(folder: Path) -> Iterator[None]:
    """Nothing in the data folder may change across the block."""
    before = fingerprint(folder)
    yield
    assert fingerprint(folder) == before


def _intake(data_dir: Path, request: object, user: str = OFFICER) -> subprocess.CompletedProcess:
    path = data_dir.parent / "request.json"
    write_json(path, request)
    return run_cli(data_dir, "intake", str(path), "--user", user)


# --- the bad inputs of the contract -----------------------------------------------------------


def test_malformed_json(data_dir: Path):
    path = data_dir.parent / "broken.json"
    path.write_text('{"procedure": "1.001193.000.00.00.H37", "applicant": {', encoding="utf-8")
    with unchanged(data_dir):
        result = run_cli(data_dir, "intake", str(path), "--user", OFFICER)
    assert_refused(result, "JSON", "dòng 1")


def test_malformed_json_on_stdin(data_dir: Path):
    with unchanged(data_dir):
        result = run_cli(data_dir, "intake", "-", "--user", OFFICER, stdin="{not json")
    assert_refused(result, "JSON")


def test_unknown_procedure(data_dir: Path):
    code = "1.999999.000.00.00.H37"
    with unchanged(data_dir):
        result = _intake(data_dir, intake_json(code))
    assert_refused(result, translate("procedure.unknown", "vi", code=code))


def test_inactive_procedure(data_dir: Path):
    with unchanged(data_dir):
        result = _intake(data_dir, intake_json(INACTIVE))
    assert_refused(result, translate("procedure.inactive", "vi", code=INACTIVE))


def test_invalid_id_number(data_dir: Path):
    with unchanged(data_dir):
        result = _intake(data_dir, intake_json(id_number="12345"))
    assert_refused(result, "định danh", "12345")


def test_empty_name(data_dir: Path):
    with unchanged(data_dir):
        result = _intake(data_dir, intake_json(full_name="   "))
    assert_refused(result, translate("field.required", "vi", field="field.full_name"))


def test_missing_file(data_dir: Path):
    missing = data_dir.parent / "no-such-request.json"
    with unchanged(data_dir):
        result = run_cli(data_dir, "intake", str(missing), "--user", OFFICER)
    assert_refused(result, translate("file.missing", "vi", path=str(missing)))
    assert not missing.exists()


def test_missing_catalog_file(data_dir: Path):
    missing = data_dir.parent / "no-such-catalog.json"
    with unchanged(data_dir):
        result = run_cli(data_dir, "catalog", "import", str(missing))
    assert_refused(result, translate("file.missing", "vi", path=str(missing)))


def test_unknown_user(prepared: Prepared, data_dir: Path):
    with unchanged(data_dir):
        result = run_cli(
            data_dir, "intake", str(prepared.files / "intake.json"), "--user", "nobody"
        )
    assert_refused(result, translate("user.unknown", "vi", login="nobody"))


def test_unknown_user_on_transition(prepared: Prepared, data_dir: Path):
    with unchanged(data_dir):
        result = run_cli(data_dir, "transition", prepared.code, "transfer", "--user", "nobody")
    assert_refused(result, translate("user.unknown", "vi", login="nobody"))


def test_illegal_transition(prepared: Prepared, data_dir: Path):
    with unchanged(data_dir):
        result = run_cli(data_dir, "transition", prepared.code, "return", "--user", OFFICER)
    assert_refused(
        result,
        translate("lifecycle.illegal", "vi", action="action.return", status="status.new"),
    )


def test_transition_that_needs_a_reason(prepared: Prepared, data_dir: Path):
    with unchanged(data_dir):
        result = run_cli(data_dir, "transition", prepared.code, "refuse", "--user", OFFICER)
    assert_refused(result, "lý do")


def test_locked_database(prepared: Prepared, data_dir: Path):
    """Another program holds the write lock: after the 5 s busy timeout, a clear refusal."""
    before = fingerprint(data_dir)
    holder = sqlite3.connect(data_dir / DB_NAME, isolation_level=None)
    try:
        holder.execute("BEGIN EXCLUSIVE")
        started = time.perf_counter()
        result = run_cli(data_dir, "intake", str(prepared.files / "intake.json"), "--user", OFFICER)
        waited = time.perf_counter() - started
        holder.execute("ROLLBACK")
    finally:
        holder.close()
    assert_refused(result, translate("db.locked", "vi"))
    assert waited >= 4, f"gave up after {waited:.1f} s, before the busy timeout"
    assert fingerprint(data_dir) == before


def _chattr(flag: str, *paths: Path) -> bool:
    try:
        done = subprocess.run(
            ["chattr", flag, *map(str, paths)], capture_output=True, check=False, timeout=30
        )
    except (OSError, subprocess.SubprocessError):
        return False
    return done.returncode == 0


@contextmanager
def read_only(folder: Path) -> Iterator[None]:
    """Make the folder and its database read-only, even for root (who ignores mode bits):
    the immutable attribute where the file system has it, else plain permissions."""
    db = folder / DB_NAME
    if _chattr("+i", db, folder):
        try:
            yield
        finally:
            _chattr("-i", db, folder)
        return
    if os.geteuid() == 0:
        pytest.skip("root, and no immutable attribute on this file system: covered below")
    db.chmod(0o444)
    folder.chmod(0o555)
    try:
        yield
    finally:
        folder.chmod(0o755)
        db.chmod(0o644)


def test_read_only_database(prepared: Prepared, data_dir: Path):
    before = fingerprint(data_dir)
    with read_only(data_dir):
        result = run_cli(data_dir, "intake", str(prepared.files / "intake.json"), "--user", OFFICER)
        added = run_cli(
            data_dir, "user", "add", "canbo2", "--role", "staff", stdin="password\npassword\n"
        )
    expected = translate("db.readonly", "vi", path=str(data_dir / DB_NAME))
    assert_refused(result, expected)
    assert_refused(added, expected)
    assert fingerprint(data_dir) == before


def test_read_only_database_file_in_a_writable_folder(prepared: Prepared, data_dir: Path):
    db = data_dir / DB_NAME
    before = fingerprint(data_dir)
    if _chattr("+i", db):
        try:
            result = run_cli(
                data_dir, "intake", str(prepared.files / "intake.json"), "--user", OFFICER
            )
        finally:
            _chattr("-i", db)
    elif os.geteuid() != 0:
        db.chmod(0o444)
        try:
            result = run_cli(
                data_dir, "intake", str(prepared.files / "intake.json"), "--user", OFFICER
            )
        finally:
            db.chmod(0o644)
    else:
        pytest.skip("root, and no immutable attribute on this file system: covered below")
    assert_refused(result, translate("db.readonly", "vi", path=str(db)))
    assert fingerprint(data_dir) == before


def test_read_only_message_at_the_service_level(tmp_path: Path):
    """SQLite's own words for a read-only file become the read-only message."""
    from counter_app.store.database import sqlite_problem

    path = tmp_path / DB_NAME
    for reason in ("attempt to write a readonly database", "unable to open database file"):
        problem = sqlite_problem(sqlite3.OperationalError(reason), path)
        assert problem.key == "db.readonly"
        assert str(path) in problem.message("vi")
        assert has_vietnamese(problem.message("vi"))


def _corrupt(db: Path, how: str) -> None:
    import random

    data = db.read_bytes()
    noise = random.Random(20250424).randbytes(len(data))
    if how == "header":
        db.write_bytes(b"This is no SQLite file at all.\n" + noise[: len(data) - 31])
    elif how == "after-header":  # a valid header, garbage pages after it
        db.write_bytes(data[:100] + noise[100:])
    elif how == "after-first-page":
        db.write_bytes(data[:4096] + noise[4096:])
    else:
        raise AssertionError(how)


@pytest.mark.parametrize("how", ["header", "after-header", "after-first-page"])
def test_corrupted_database(prepared: Prepared, data_dir: Path, how: str):
    db = data_dir / DB_NAME
    _corrupt(db, how)
    expected = translate("db.corrupt", "vi", path=str(db))
    with unchanged(data_dir):
        intake = run_cli(data_dir, "intake", str(prepared.files / "intake.json"), "--user", OFFICER)
        init = run_cli(data_dir, "init")  # never "repairs" by starting afresh
    assert_refused(intake, expected)
    assert_refused(init, expected)
    assert not (data_dir / "backups").exists()


def test_empty_database_file_is_not_silently_initialised(tmp_path: Path):
    """A database file truncated to nothing is not a fresh start: only `init` may create one.
    (Otherwise codes restart at 0001 beside the ones already given out that day.)"""
    data = tmp_path / "data"
    data.mkdir()
    db = data / DB_NAME
    db.write_bytes(b"")
    result = run_cli(data, "list")
    assert_refused(result)
    assert db.stat().st_size == 0


def test_missing_data_folder(prepared: Prepared, tmp_path: Path):
    data = tmp_path / "never-initialised"
    result = run_cli(data, "intake", str(prepared.files / "intake.json"), "--user", OFFICER)
    assert_refused(
        result, "counter-app init", translate("db.not_initialised", "vi", path=str(data))
    )
    listing = run_cli(data, "list")
    assert_refused(listing, "counter-app init")
    assert not data.exists()


# --- bad arguments ----------------------------------------------------------------------------


def test_limit_zero(data_dir: Path):
    with unchanged(data_dir):
        result = run_cli(data_dir, "list", "--limit", "0")
    assert_refused(result, "--limit", "0")


def test_bad_date(data_dir: Path):
    with unchanged(data_dir):
        result = run_cli(data_dir, "list", "--date", "2025-13-01")
    assert_refused(result, translate("input.date", "vi", value="2025-13-01"))


def test_bad_received(tmp_path: Path):
    unused = tmp_path / "unused"
    result = run_cli(unused, "deadline", "--received", "hôm qua", "--working-days", "1")
    assert_refused(result, translate("input.datetime", "vi", value="hôm qua"))
    assert not unused.exists()


@pytest.mark.parametrize(
    "args",
    [
        ["--working-days", "mười"],
        ["--working-days", "-1"],
        ["--calendar-days", "nan"],
        ["--same-day", "--cutoff", "25:00"],
    ],
    ids=["words", "negative", "nan", "cutoff"],
)
def test_bad_duration(tmp_path: Path, args: list[str]):
    unused = tmp_path / "unused"
    result = run_cli(unused, "deadline", "--received", "2025-04-24T09:30:00+07:00", *args)
    assert_refused(result, args[-1])
    assert not unused.exists()


def test_deadline_received_at_the_end_of_time(tmp_path: Path):
    """A receipt on 31/12/9999 has no due time a calendar can hold: refuse it, do not crash."""
    unused = tmp_path / "unused"
    result = run_cli(
        unused, "deadline", "--received", "9999-12-31T09:30:00+07:00", "--working-days", "10"
    )
    assert_refused(result)
    assert not unused.exists()  # no crash log written into a folder that did not exist


def test_user_add_with_mismatching_passwords(data_dir: Path):
    with unchanged(data_dir):
        result = run_cli(
            data_dir, "user", "add", "canbo2", "--role", "staff", stdin="password1\npassword2\n"
        )
    assert_refused(result, translate("user.password_mismatch", "vi"))


def test_user_add_without_passwords(data_dir: Path):
    with unchanged(data_dir):
        result = run_cli(data_dir, "user", "add", "canbo2", "--role", "staff", stdin="")
    assert_refused(result, translate("user.password_missing", "vi"))


def test_user_add_existing_login(data_dir: Path):
    with unchanged(data_dir):
        result = run_cli(
            data_dir, "user", "add", OFFICER, "--role", "admin", stdin="password\npassword\n"
        )
    assert_refused(result, translate("user.exists", "vi", login=OFFICER))


def test_intake_json_that_is_a_list(data_dir: Path):
    with unchanged(data_dir):
        result = _intake(data_dir, [intake_json()])
    assert_refused(result, "JSON")


def test_intake_shape_errors_are_in_english_with_lang_en(data_dir: Path):
    path = write_json(data_dir.parent / "list.json", [intake_json()])
    with unchanged(data_dir):
        result = run_cli(data_dir, "--lang", "en", "intake", str(path), "--user", OFFICER)
    assert result.returncode != 0 and result.stdout == ""
    assert result.stderr.strip()
    assert not has_vietnamese(result.stderr), result.stderr
    assert "  " not in result.stderr.strip(), result.stderr  # no hole where a field name goes


def test_intake_with_a_fee_too_large_for_the_database(data_dir: Path):
    request = intake_json()
    request["fees"] = [{"name": "Lệ phí", "amount": 10**23, "collection": "before"}]
    with unchanged(data_dir):
        result = _intake(data_dir, request)
    assert_refused(result)


def test_show_unknown_code(data_dir: Path):
    code = "000.00.12.H37-250424-9999"
    with unchanged(data_dir):
        result = run_cli(data_dir, "show", code)
    assert_refused(result, translate("dossier.unknown", "vi", code=code))


def test_show_something_that_is_no_code(data_dir: Path):
    with unchanged(data_dir):
        result = run_cli(data_dir, "show", "hello")
    assert_refused(result, translate("code.format", "vi", value="hello"))


def test_usage_error_is_one_line(data_dir: Path):
    with unchanged(data_dir):
        result = run_cli(data_dir, "list", "--limit", "many")
    message = assert_refused(result, "--limit")
    assert result.returncode == 2
    assert "usage:" not in message


def test_malformed_catalog(data_dir: Path):
    path = data_dir.parent / "catalog.json"
    path.write_text(json.dumps({"format": "something-else", "version": 1}), encoding="utf-8")
    with unchanged(data_dir):
        result = run_cli(data_dir, "catalog", "import", str(path))
    assert_refused(result, "format")
