"""`--user LOGIN` was all the command line asked: anyone at the machine could sign a day off
as the supervisor, reopen it, add an administrator, replace the catalog or remove a scan in
another officer's name. These now need the account's password (stdin's first line, or typed
at the terminal); a staff member's intake and moves still run without one, for kiosks and
scripts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from counter_app.domain.messages import translate
from counter_app.services.accounts import Role
from counter_app.services.intake import request_from_json
from counter_app.services.workspace import Workspace
from tests.cli.test_cli import ok_json, run_cli
from tests.conftest import SMALL_CATALOG, TEN_DAYS, intake_json
from tests.digitising.conftest import COMPONENT, write_page

PASSWORD = "matkhau123"
WRONG = "doan-bua-1"
TODAY = "2026-12-01"


@pytest.fixture
def counter(ws, officer, tmp_path: Path):  # type: ignore[no-untyped-def]
    """A counter with an administrator, a supervisor, a staff member and a dossier with one
    scan; closed, for the command line."""
    ws.accounts.add_user("quantri", Role.ADMIN, PASSWORD, "Quản trị")
    ws.accounts.add_user("truong", Role.SUPERVISOR, PASSWORD, "Trần Văn Bình")
    code = ws.intake.receive(request_from_json(intake_json(TEN_DAYS)), user=officer).code
    ws.attachments.attach(code, [write_page(tmp_path, "p.png")], component=COMPONENT, user=officer)
    data = ws.data_dir
    ws.close()
    catalog = tmp_path / "catalog.json"
    catalog.write_text(json.dumps(SMALL_CATALOG), encoding="utf-8")
    return data, code, catalog


def en(data: Path, *args: str, stdin: str = ""):  # type: ignore[no-untyped-def]
    return run_cli(data, "--lang", "en", *args, stdin=stdin)


def refused(done, key: str, **params: object) -> None:  # type: ignore[no-untyped-def]
    assert done.returncode == 1 and done.stdout == "", done.stdout
    assert done.stderr.strip() == translate(key, "en", **params)


def audit_actions(data: Path, action: str) -> list[str]:
    from counter_app.store.models import AuditRow

    with Workspace(data) as ws, ws.database.read() as session:
        rows = session.query(AuditRow).filter(AuditRow.action == action).all()
        return [row.actor for row in rows]


SIGNED = {
    "report sign-off": ["report", "sign-off", "--date", TODAY, "--cash", "0"],
    "report reopen": ["report", "reopen", "--date", TODAY, "--reason", "Nhập sót"],
}
for words in SIGNED.values():
    words += ["--user", "truong"]


@pytest.mark.slow
@pytest.mark.parametrize("command", SIGNED)
def test_a_supervisors_command_needs_the_password(counter, command):
    data, _, _ = counter
    if command == "report reopen":  # a day signed off first, properly
        ok_json(en(data, *SIGNED["report sign-off"], stdin=f"{PASSWORD}\n"))
    refused(en(data, *SIGNED[command]), "secret.missing")
    refused(en(data, *SIGNED[command], stdin=f"{WRONG}\n"), "login.failed")
    assert audit_actions(data, "login.failed") == ["truong"]
    done = ok_json(en(data, *SIGNED[command], stdin=f"{PASSWORD}\n"))
    assert done["locked"] is (command == "report sign-off")


@pytest.mark.slow
def test_detach_needs_the_officers_password(counter):
    data, code, _ = counter
    (scan,) = ok_json(en(data, "show", code))["attachments"]
    detach = ["detach", code, scan["sha256"], "--user", "canbo"]
    refused(en(data, *detach), "secret.missing")
    refused(en(data, *detach, stdin=f"{WRONG}\n"), "login.failed")
    assert len(ok_json(en(data, "show", code))["attachments"]) == 1
    ok_json(en(data, *detach, stdin=f"{PASSWORD}\n"))
    assert ok_json(en(data, "show", code))["attachments"] == []


@pytest.mark.slow  # several processes
def test_adding_an_account_needs_an_administrator_once_there_is_one(counter):
    data, _, _ = counter
    twice = "Nhap-moi-123\nNhap-moi-123\n"
    add = ["user", "add", "ke-gian", "--role", "admin"]
    refused(en(data, *add, stdin=twice), "secret.admin_login")
    refused(en(data, *add, "--user", "quantri", stdin=f"{WRONG}\n{twice}"), "login.failed")
    refused(
        en(data, *add, "--user", "truong", stdin=f"{PASSWORD}\n{twice}"),
        "permission.denied",
        login="truong",
        what=translate("secret.admin_what", "en"),
    )
    assert "ke-gian" not in [user["login"] for user in users(data)]
    added = ok_json(en(data, *add, "--user", "quantri", stdin=f"{PASSWORD}\n{twice}"))
    assert added == {"login": "ke-gian", "role": "admin", "full_name": "", "title": ""}


def users(data: Path) -> list[dict]:
    with Workspace(data) as ws:
        return [{"login": user.login} for user in ws.accounts.users()]


@pytest.mark.slow  # several processes
def test_importing_the_catalog_needs_an_administrator(counter):
    data, _, catalog = counter
    refused(en(data, "catalog", "import", str(catalog)), "secret.admin_login")
    refused(
        en(data, "catalog", "import", str(catalog), "--user", "canbo", stdin=f"{PASSWORD}\n"),
        "permission.denied",
        login="canbo",
        what=translate("secret.admin_what", "en"),
    )
    imported = ok_json(
        en(data, "catalog", "import", str(catalog), "--user", "quantri", stdin=f"{PASSWORD}\n")
    )
    assert imported["procedures"] == 4


@pytest.mark.slow  # several processes
def test_a_new_folder_is_set_up_without_an_administrator(tmp_path):
    data = tmp_path / "data"
    ok_json(run_cli(data, "init"))
    twice = f"{PASSWORD}\n{PASSWORD}\n"
    ok_json(run_cli(data, "user", "add", "quantri", "--role", "admin", stdin=twice))
    refused(en(data, "user", "add", "canbo", "--role", "staff", stdin=twice), "secret.admin_login")


@pytest.mark.slow  # several processes
def test_staff_work_runs_without_a_password(counter, tmp_path):
    data, code, _ = counter
    intake = tmp_path / "intake.json"
    intake.write_text(json.dumps(intake_json(TEN_DAYS)), encoding="utf-8")
    taken = ok_json(en(data, "intake", str(intake), "--user", "canbo"))
    moved = ok_json(en(data, "transition", taken["code"], "transfer", "--user", "canbo"))
    assert moved["status"] != taken["status"]
    attached = ok_json(en(data, "attach", code, str(write_page(tmp_path, "q.png", seed=2)),
                          "--component", COMPONENT, "--user", "canbo"))  # fmt: skip
    assert len(attached["attached"]) == 1


@pytest.mark.slow  # six processes (4 s)
def test_repeated_wrong_passwords_lock_the_account_as_in_the_window(counter):
    data, _, _ = counter
    for _ in range(5):
        en(data, *SIGNED["report sign-off"], stdin=f"{WRONG}\n")
    locked = en(data, *SIGNED["report sign-off"], stdin=f"{PASSWORD}\n")
    assert locked.returncode == 1 and "locked" in locked.stderr
