"""The `sync` and `central` commands, the retry schedule, and the background worker."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from counter_app.domain.sync import backoff_delay
from counter_app.store.central.database import CENTRAL_HEAD
from tests.conftest import AGENCY, SMALL_CATALOG, TEN_DAYS, intake_json

pytestmark = pytest.mark.slow  # runs the real program and the sync worker


def cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(Path.cwd()))
    return subprocess.run(
        [sys.executable, "-m", "counter_app.main", "--lang", "en", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )


def test_backoff_grows_exponentially_with_jitter_up_to_a_cap():
    rng = random.Random(7)
    for attempt in range(1, 12):
        ceiling = min(120.0, 2 ** (attempt - 1))
        delays = [backoff_delay(attempt, base=1.0, cap=120.0, rng=rng) for _ in range(50)]
        assert all(ceiling / 2 <= d <= ceiling for d in delays)
        assert len(set(delays)) > 40  # spread: counters cut together do not return together


def test_sync_and_central_commands_end_to_end(tmp_path):
    central = f"sqlite:///{tmp_path / 'central.sqlite3'}"
    data = ["--data-dir", str(tmp_path / "counter")]
    catalog = tmp_path / "catalog.json"
    catalog.write_text(json.dumps(SMALL_CATALOG), encoding="utf-8")
    assert json.loads(cli("central", "init", central).stdout)["revision"] == CENTRAL_HEAD
    assert json.loads(cli("central", "catalog", central, str(catalog)).stdout)["procedures"] == 4
    assert cli(*data, "init").returncode == 0
    first = cli(*data, "sync", "--central", central, "--once")
    assert first.returncode == 0, first.stderr
    assert set(json.loads(first.stdout)) == {"pushed", "pulled", "pending", "conflicts"}
    officer = cli(
        *data, "user", "add", "canbo", "--role", "staff", stdin="matkhau123\nmatkhau123\n"
    )
    assert officer.returncode == 0, officer.stderr
    dossier_file = tmp_path / "d.json"
    dossier_file.write_text(json.dumps(intake_json(TEN_DAYS)), encoding="utf-8")
    code = json.loads(cli(*data, "intake", str(dossier_file), "--user", "canbo").stdout)["code"]
    pushed = json.loads(cli(*data, "sync", "--once").stdout)  # --central was remembered
    assert pushed == {"pushed": 1, "pulled": 0, "pending": 0, "conflicts": 0}

    decided = cli("central", "status", central, code, "processing")
    assert decided.returncode == 0 and json.loads(decided.stdout)["status"] == "processing"
    illegal = cli("central", "status", central, code, "done")
    assert illegal.returncode == 1 and illegal.stderr.count("\n") == 1
    cli(*data, "sync", "--once")
    assert json.loads(cli(*data, "show", code).stdout)["status"] == "processing"

    submission = tmp_path / "online.json"
    submission.write_text(json.dumps(intake_json() | {"agency": AGENCY}), encoding="utf-8")
    submitted = json.loads(cli("central", "submit", central, str(submission)).stdout)
    assert submitted["status"] == "receiving"

    lines = cli("central", "export", central).stdout.splitlines()
    assert [json.loads(line)["MaHoSo"] for line in lines] == [code]  # submissions have none yet
    assert len(json.loads(lines[0])["NgayTiepNhan"]) == 14


def test_sync_without_a_central_says_how_to_set_one(tmp_path):
    data = ["--data-dir", str(tmp_path / "counter")]
    cli(*data, "init")
    refused = cli(*data, "sync", "--once")
    assert refused.returncode == 1
    assert refused.stderr.strip() == "No central server is set. Use: counter-app sync --central URL"
    bad = cli(*data, "sync", "--central", "mysql://x/y", "--once")
    assert bad.returncode == 1 and "Not a central address" in bad.stderr


def test_sync_without_once_runs_like_the_worker_until_stopped(tmp_path):
    central = f"sqlite:///{tmp_path / 'central.sqlite3'}"
    cli("central", "init", central)
    data = ["--data-dir", str(tmp_path / "counter")]
    cli(*data, "init")
    env = dict(os.environ, PYTHONPATH=str(Path.cwd()))
    process = subprocess.Popen(
        [sys.executable, "-m", "counter_app.main", *data, "sync", "--central", central],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    first_line = process.stdout.readline()  # type: ignore[union-attr]
    assert set(json.loads(first_line)) == {"pushed", "pulled", "pending", "conflicts"}
    time.sleep(0.3)
    process.send_signal(signal.SIGTERM)
    _out, err = process.communicate(timeout=30)
    assert process.returncode == 0, err
