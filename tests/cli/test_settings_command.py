"""`settings list|get|set`: the contract of issue 16, and refusals that store nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from counter_app.services.operations.setup import demo_catalog
from tests.cli.test_cli import fingerprint, ok_json, run_cli

pytestmark = pytest.mark.slow  # each test runs the real program as a process

ADMIN, ADMIN_PASSWORD = "quantri", "matkhau-quantri"
STAFF, STAFF_PASSWORD = "canbo", "matkhau-canbo"


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = tmp_path_factory.mktemp("settings") / "data"
    ok_json(run_cli(data, "init"))
    ok_json(run_cli(data, "catalog", "import", str(demo_catalog())))
    twice = f"{ADMIN_PASSWORD}\n{ADMIN_PASSWORD}\n"
    ok_json(run_cli(data, "user", "add", ADMIN, "--role", "admin", stdin=twice))
    staff = f"{ADMIN_PASSWORD}\n{STAFF_PASSWORD}\n{STAFF_PASSWORD}\n"
    ok_json(run_cli(data, "user", "add", STAFF, "--role", "staff", "--user", ADMIN, stdin=staff))
    return data


@pytest.fixture
def data(template: Path, tmp_path: Path) -> Path:
    import shutil

    return Path(shutil.copytree(template, tmp_path / "data"))


def set_as(data: Path, login: str, password: str, *args: str, lang: str = "en"):  # type: ignore[no-untyped-def]
    return run_cli(
        data, "--lang", lang, "settings", "set", *args, "--user", login, stdin=password + "\n"
    )


def test_list_shows_every_declared_setting_with_its_default(data: Path) -> None:
    from counter_app.domain.settings_registry import REGISTRY

    listed = ok_json(run_cli(data, "settings", "list"))
    assert isinstance(listed, dict)
    assert set(listed) == {spec.key for spec in REGISTRY.values() if not spec.is_pattern}
    assert listed["counter.name"] == "Bộ phận Một cửa"
    assert listed["ui.font_size"] == 11 and listed["printing.auto_receipt"] is True


def test_set_then_get_and_list_with_json_or_plain_text(data: Path) -> None:
    name = "Bộ phận Một cửa xã Hoàng Văn Thụ"
    assert ok_json(set_as(data, ADMIN, ADMIN_PASSWORD, "counter.name", name)) == name
    assert ok_json(set_as(data, ADMIN, ADMIN_PASSWORD, "ui.font_size", "14")) == 14
    assert ok_json(set_as(data, ADMIN, ADMIN_PASSWORD, "papers.regime", '"2018"')) == "2018"
    schedule = {"weekdays": [0, 1, 2, 3, 4, 5], "periods": [["07:30", "11:30"]]}
    stored = set_as(data, ADMIN, ADMIN_PASSWORD, "schedule.000.00.05.H37", json.dumps(schedule))
    assert ok_json(stored) == schedule
    assert ok_json(run_cli(data, "settings", "get", "counter.name")) == name
    assert ok_json(run_cli(data, "settings", "get", "schedule.000.00.05.H37")) == schedule
    listed = ok_json(run_cli(data, "settings", "list"))
    assert isinstance(listed, dict)
    assert listed["ui.font_size"] == 14 and listed["schedule.000.00.05.H37"] == schedule


def test_a_secret_is_listed_and_got_as_stars(data: Path) -> None:
    from counter_app.services.workspace import Workspace

    with Workspace(data) as ws:
        ws.settings.set("central.install_id", "5b1c0c5e-secret")
    listed = ok_json(run_cli(data, "settings", "list"))
    assert isinstance(listed, dict) and listed["central.install_id"] == "***"
    assert ok_json(run_cli(data, "settings", "get", "central.install_id")) == "***"
    assert "5b1c0c5e" not in run_cli(data, "settings", "list").stdout


@pytest.mark.parametrize(
    ("login", "password", "args", "message"),
    [
        (ADMIN, ADMIN_PASSWORD, ("no.such", "1"), "There is no setting “no.such”."),
        (ADMIN, ADMIN_PASSWORD, ("ui.font_size", "abc"), "must be a whole number"),
        (ADMIN, ADMIN_PASSWORD, ("ui.font_size", "40"), "must be from 9 to 20"),
        (ADMIN, ADMIN_PASSWORD, ("ui.font_size", "true"), "must be a whole number"),
        (ADMIN, ADMIN_PASSWORD, ("papers.regime", "2019"), "one of: 2018, 2025"),
        (ADMIN, ADMIN_PASSWORD, ("printing.auto_receipt", "yes"), "true or false"),
        (ADMIN, ADMIN_PASSWORD, ("counter.name", "x" * 121), "longer than 120"),
        (ADMIN, ADMIN_PASSWORD, ("central.url", "sqlite:///c.db"), "written by the program"),
        (ADMIN, ADMIN_PASSWORD, ("schedule.default", '{"weekdays": [9]}'), "not valid"),
        (
            ADMIN,
            ADMIN_PASSWORD,
            ("schedule.X99", '{"weekdays": [0], "periods": [["07:30", "11:30"]]}'),
            "no agency with code X99",
        ),
        (STAFF, STAFF_PASSWORD, ("counter.name", "Quầy 2"), "“canbo” may not change"),
        (ADMIN, "wrong-password", ("counter.name", "Quầy 2"), "Wrong login or password"),
    ],
)
def test_refusals_say_why_exit_non_zero_and_store_nothing(  # type: ignore[no-untyped-def]
    data: Path, login, password, args, message
) -> None:
    before, listed = fingerprint(data), run_cli(data, "settings", "list").stdout
    refused = set_as(data, login, password, *args)
    assert refused.returncode != 0 and refused.stdout == ""
    assert message in refused.stderr and "Traceback" not in refused.stderr
    assert run_cli(data, "settings", "list").stdout == listed
    if password == ADMIN_PASSWORD:  # a value refused before the password: nothing written
        assert fingerprint(data) == before  # (a sign-in, right or wrong, is audited)


def test_refusals_in_vietnamese_by_default(data: Path) -> None:
    refused = set_as(data, ADMIN, ADMIN_PASSWORD, "ui.font_size", "40", lang="vi")
    assert refused.returncode != 0
    assert "phải từ 9 đến 20" in refused.stderr
    unknown = run_cli(data, "settings", "get", "no.such")
    assert unknown.returncode != 0 and "Không có thiết lập «no.such»" in unknown.stderr


def test_a_change_the_registry_audits_names_the_user(data: Path) -> None:
    from counter_app.services.workspace import Workspace
    from counter_app.store.models import AuditRow

    ok_json(set_as(data, ADMIN, ADMIN_PASSWORD, "counter.name", "Quầy xã Tân Thành"))
    ok_json(set_as(data, ADMIN, ADMIN_PASSWORD, "ui.font_size", "12"))  # not audited
    with Workspace(data) as ws, ws.database.read() as session:
        rows = [r for r in session.query(AuditRow) if r.action == "setting.change"]
    assert [(r.actor, r.subject, r.detail) for r in rows] == [
        (ADMIN, "counter.name", {"before": None, "after": "Quầy xã Tân Thành"})
    ]
    assert ok_json(run_cli(data, "audit", "verify"))["intact"] is True  # type: ignore[index]


def test_password_is_not_asked_for_an_unknown_key(data: Path) -> None:
    refused = run_cli(data, "--lang", "en", "settings", "set", "no.such", "1", "--user", ADMIN)
    assert refused.returncode != 0 and "There is no setting" in refused.stderr
    assert "password" not in refused.stderr.lower()
