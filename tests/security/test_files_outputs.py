"""An output file named on the command line once could be the store itself (or its WAL, its
shared memory, its journal) or sit among the scanned originals: the PDF or the zip wrote over
the counter's data. Every command that writes a file refuses such a path however it is spelt."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from counter_app.services.intake import request_from_json
from tests.cli.test_cli import ok_json, run_cli
from tests.conftest import TEN_DAYS, intake_json
from tests.digitising.conftest import COMPONENT, write_page

DATABASE = "counter.sqlite3"


@pytest.fixture
def counter(ws, officer, tmp_path: Path):  # type: ignore[no-untyped-def]
    """A closed data folder with one dossier and one scanned page; its code."""
    code = ws.intake.receive(request_from_json(intake_json(TEN_DAYS)), user=officer).code
    ws.attachments.attach(code, [write_page(tmp_path, "p.png")], component=COMPONENT, user=officer)
    data = ws.data_dir
    ws.close()
    return data, code


def spellings(data: Path, tmp_path: Path) -> dict[str, Path]:
    """The store and its companions, named straight, through `..`, a symbolic and a hard link,
    and a file among the originals."""
    store = data / DATABASE
    (data / f"{DATABASE}-journal").write_bytes(b"")  # as SQLite leaves it in rollback mode
    (tmp_path / "link").symlink_to(data)
    os.link(store, tmp_path / "hard.sqlite3")
    original = next(path for path in (data / "attachments").rglob("*") if path.is_file())
    return {
        "store": store,
        "wal": data / f"{DATABASE}-wal",
        "shm": tmp_path / "link" / f"{DATABASE}-shm",
        "journal": data / "attachments" / ".." / f"{DATABASE}-journal",
        "symlink": tmp_path / "link" / DATABASE,
        "hard link": tmp_path / "hard.sqlite3",
        "original": original,
        "new file among the originals": original.parent / "new.pdf",
    }


DAY, NEXT = "2026-12-01", "2026-12-02"
# The command writing OUT (CODE the dossier).
COMMANDS = {
    "print receipt": "print receipt CODE -o OUT",
    "print book": f"print book --date {DAY} -o OUT",
    "print digitised": "print digitised CODE -o OUT",
    "report daily --xlsx": f"report daily --date {DAY} --xlsx OUT",
    "report period --pdf": f"report period --from {DAY} --to {NEXT} --pdf OUT",
    "report book": f"report book --from {DAY} --to {NEXT} --xlsx OUT",
    "backup": "backup -o OUT",
}


def command_line(command: str, code: str, out: Path) -> list[str]:
    words = COMMANDS[command].split()
    return [{"CODE": code, "OUT": str(out)}.get(word, word) for word in words]


def fingerprint(data: Path) -> dict[str, str]:
    return {
        str(path.relative_to(data)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(data.rglob("*"))
        if path.is_file() and "logs" not in path.parts
    }


def refused_everywhere(data: Path, code: str, command: str, targets: dict[str, Path]) -> None:
    before = fingerprint(data)
    for spelling, target in targets.items():
        done = run_cli(data, "--lang", "en", *command_line(command, code, target))
        assert done.returncode != 0, f"{command} wrote over the {spelling}"
        assert "the counter's own data" in done.stderr, done.stderr
        assert done.stdout == ""
    assert fingerprint(data) == before
    assert ok_json(run_cli(data, "audit", "verify"))
    assert ok_json(run_cli(data, "show", code))["code"] == code


@pytest.mark.slow  # runs the real program as a process
def test_every_spelling_of_the_store_is_refused(counter, tmp_path):
    data, code = counter
    refused_everywhere(data, code, "print receipt", spellings(data, tmp_path))


@pytest.mark.slow  # runs the real program as a process
@pytest.mark.parametrize("command", [name for name in COMMANDS if name != "print receipt"])
def test_no_command_writes_over_the_counters_data(counter, tmp_path, command):
    data, code = counter
    targets = spellings(data, tmp_path)
    chosen = {name: targets[name] for name in ("symlink", "new file among the originals")}
    refused_everywhere(data, code, command, chosen)


@pytest.mark.slow  # runs the real program as a process
def test_a_file_beside_the_store_is_written(counter, tmp_path):
    data, code = counter
    done = ok_json(run_cli(data, "print", "receipt", code, "-o", str(data / "receipt.pdf")))
    assert Path(done["output"]).read_bytes().startswith(b"%PDF")
