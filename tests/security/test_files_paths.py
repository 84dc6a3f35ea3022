"""Any folder a user can have holds the data: spaces, `%`, `?`, `#`, Vietnamese letters. Its
path once went into the SQLite address as text, so `a%41` opened `aA` and `a?mode=ro` made `a`."""

from __future__ import annotations

import os
import string
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from counter_app.services.workspace import Workspace
from tests.cli.test_cli import ok_json, run_cli

DATABASE = "counter.sqlite3"
NAMED = ["a%41", "a?mode=ro", "a#b", "a b", "Lạng Sơn", "x%2Fy", "a?mode=memory&cache=shared"]
LETTERS = string.ascii_letters + string.digits + " %?#&=+;@'[]~-_." + "ạăâđêôơưỹỳửữấầ"
folder_names = st.text(LETTERS, min_size=1, max_size=24).filter(
    lambda name: name.strip(" .") == name and name not in (".", "..")
)


def only_entry(parent: Path) -> list[str]:
    return sorted(os.listdir(parent))


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(name=folder_names)
def test_any_folder_name_holds_the_store(tmp_path_factory, name):
    parent = tmp_path_factory.mktemp("home")
    data = parent / name
    with Workspace(data, create=True) as ws:
        ws.settings.set("counter.name", name)
    assert only_entry(parent) == [name]
    assert (data / DATABASE).is_file()
    with Workspace(data) as ws:
        assert ws.settings.get("counter.name") == name


@pytest.mark.slow  # runs the real program as a process
@pytest.mark.parametrize("name", NAMED)
def test_the_named_folders_from_the_command_line(tmp_path, name):
    data = tmp_path / name
    made = ok_json(run_cli(data, "init"))
    assert made["database"] == str(data / DATABASE)
    assert only_entry(tmp_path) == [name]
    assert (data / DATABASE).stat().st_size > 0


@pytest.mark.slow  # runs the real program as a process
def test_backup_and_restore_in_such_a_folder(tmp_path):
    data = tmp_path / "a%41 ?mode=ro#Lạng Sơn"
    ok_json(run_cli(data, "init", "--demo"))
    backup = tmp_path / "sao lưu %41?#.zip"
    ok_json(run_cli(data, "backup", "-o", str(backup)))
    ok_json(run_cli(data, "restore", str(backup)))
    assert sorted(os.listdir(tmp_path)) == sorted([data.name, backup.name])
    assert ok_json(run_cli(data, "catalog", "list"))
