"""`counter-app online`, run for real against a trial (SQLite) central: the waiting online
submissions listed, accepted with a code and a due time, sent back for a supplement or
refused, each decision going up with the next sync; and the refusals."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from counter_app.services.sync.admin import CentralAdmin
from tests.cli.test_cli import CODE_PATTERN, OFFICER, PASSWORD_INPUT, fingerprint, ok_json, run_cli
from tests.conftest import AGENCY, SMALL_CATALOG, intake_json
from tests.sync.conftest import sqlite_central, test_keyring
from tests.sync.helpers import central_rows
from tests.sync.test_sync import counter_url

pytestmark = pytest.mark.slow  # each test runs the real program as a process

__all__ = ["sqlite_central", "test_keyring"]


@pytest.fixture
def counter(sqlite_central: str, tmp_path: Path) -> tuple[Path, list[str]]:
    """A counter's data folder synced with central, three submissions waiting at it."""
    data = tmp_path / "data"
    catalog = tmp_path / "catalog.json"
    catalog.write_text(json.dumps(SMALL_CATALOG, ensure_ascii=False), encoding="utf-8")
    ok_json(run_cli(data, "init"))
    ok_json(run_cli(data, "catalog", "import", str(catalog)))
    ok_json(run_cli(data, "user", "add", OFFICER, "--role", "staff", stdin=PASSWORD_INPUT))
    with CentralAdmin(sqlite_central) as admin:
        uuids = [
            admin.submit(intake_json(full_name=name) | {"agency": AGENCY}).uuid
            for name in ("Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường")
        ]
    ok_json(
        run_cli(data, "sync", "--once", "--central", counter_url(sqlite_central, "Q1", [AGENCY]))
    )
    return data, uuids


def test_online_list_accept_supplement_refuse(sqlite_central: str, counter) -> None:  # type: ignore[no-untyped-def]
    data, uuids = counter
    listed = ok_json(run_cli(data, "online", "list"))
    assert isinstance(listed, list) and sorted(item["id"] for item in listed) == sorted(uuids)
    assert [item["submitted_at"] for item in listed] == sorted(i["submitted_at"] for i in listed)
    (first,) = [item for item in listed if item["id"] == uuids[0]]
    assert first["procedure"]["code"] == "1.001193.000.00.00.H37"
    assert first["applicant"]["full_name"] == "Nguyễn Văn An"
    assert first["submitted_at"].endswith("+07:00")

    accepted = ok_json(run_cli(data, "online", "accept", uuids[0], "--user", OFFICER))
    assert isinstance(accepted, dict)
    assert set(accepted) == {"code", "uuid", "status", "received_at", "due_at"}
    assert CODE_PATTERN.match(accepted["code"]) and accepted["status"] == "new"
    assert accepted["uuid"] == uuids[0] and accepted["due_at"] > accepted["received_at"]

    sent_back = ok_json(
        run_cli(
            data, "online", "supplement", uuids[1], "--note", "Thiếu tờ khai", "--user", OFFICER
        )
    )
    assert isinstance(sent_back, dict) and sent_back["status"] == "waiting"
    assert sent_back["history"][-1]["note"] == "Thiếu tờ khai"
    refused = ok_json(
        run_cli(data, "online", "refuse", uuids[2], "--note", "Sai thủ tục", "--user", OFFICER)
    )
    assert isinstance(refused, dict) and refused["status"] == "denied"
    assert ok_json(run_cli(data, "online", "list")) == []
    assert ok_json(run_cli(data, "show", accepted["code"]))["received_by"] == OFFICER  # type: ignore[index]

    ok_json(run_cli(data, "sync", "--once"))
    rows = central_rows(sqlite_central)
    assert [rows[uuid]["status"] for uuid in uuids] == ["new", "waiting", "denied"]
    assert rows[uuids[0]]["code"] == accepted["code"]


def test_online_refusals_leave_everything_as_it_was(counter) -> None:  # type: ignore[no-untyped-def]
    data, uuids = counter
    untouched = fingerprint(data)
    for args, words in (
        (["accept", "no-such-id", "--user", OFFICER], "no-such-id"),
        (["accept", uuids[0], "--user", "nobody"], "nobody"),
        (["refuse", uuids[0], "--note", "  ", "--user", OFFICER], "reason"),
    ):
        result = run_cli(data, "--lang", "en", "online", *args)
        assert result.returncode == 1 and result.stdout == "", args
        assert words in result.stderr and "Traceback" not in result.stderr, args
    missing_note = run_cli(data, "online", "supplement", uuids[0], "--user", OFFICER)
    assert missing_note.returncode == 2 and "--note" in missing_note.stderr
    assert fingerprint(data) == untouched
