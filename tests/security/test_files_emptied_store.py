"""A store emptied to zero bytes (a crash while copying, a tool that truncated it) once let
`init` make a new store in its place and start the dossier numbers again at 0001."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from counter_app.domain.errors import CounterError
from counter_app.domain.messages import translate
from counter_app.services.workspace import Workspace
from tests.cli.test_cli import run_cli

DATABASE = "counter.sqlite3"


def emptied(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    data.mkdir()
    (data / DATABASE).write_bytes(b"")
    return data


@pytest.mark.slow  # runs the real program as a process
@pytest.mark.parametrize("command", [["init"], ["init", "--demo"], ["list"], ["backup", "--auto"]])
def test_the_command_line_refuses_an_emptied_store(tmp_path, command):
    data = emptied(tmp_path)
    done = run_cli(data, "--lang", "en", *command)
    assert done.returncode != 0 and done.stdout == ""
    backups = data / "backups"
    assert done.stderr.strip() == translate(
        "db.emptied", "en", path=str(data / DATABASE), backups=str(backups)
    )
    assert (data / DATABASE).stat().st_size == 0


@pytest.mark.slow  # runs the real program as a process
def test_the_newest_backup_is_named(tmp_path):
    data = emptied(tmp_path)
    older = data / "backups" / "daily" / "counter-backup-20261201-180000.zip"
    newer = data / "backups" / "counter-before-upgrade-from-0004-20261204-080000.sqlite3"
    aside = data / "backups" / "before-restore-20261203-090000" / DATABASE
    for path, day in ((older, 1), (newer, 4), (aside, 3)):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"x")
        os.utime(path, (1_764_547_200 + day * 86_400,) * 2)
    with pytest.raises(CounterError) as refused:
        Workspace(data, create=True)
    assert refused.value.key == "db.emptied_backup"
    assert refused.value.params["backup"] == str(newer)
    assert str(newer) in run_cli(data, "init").stderr
    assert (data / DATABASE).stat().st_size == 0


@pytest.mark.slow  # runs the real program as a process
def test_backup_of_an_emptied_store_says_so(tmp_path):
    data = emptied(tmp_path)
    done = run_cli(data, "--lang", "en", "backup", "-o", str(tmp_path / "b.zip"))
    assert done.returncode != 0 and "is empty (0 bytes)" in done.stderr
    assert not (tmp_path / "b.zip").exists()
