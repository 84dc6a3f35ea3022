"""Vietnamese text survives a pipe whose encoding is a Windows code page.

On Windows a piped or redirected stdout gets the ANSI code page (cp1252 on an English system,
cp1258 on a Vietnamese one), and the frozen program ignores PYTHONUTF8: every command with
Vietnamese in its output crashed with UnicodeEncodeError, and JSON read from stdin was decoded
wrongly. PYTHONIOENCODING gives Linux the same streams; the program must speak UTF-8 anyway.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import intake_json

DEMO_PROCEDURE = "1.001193.000.00.00.H37"
CODE_PAGES = ("cp1252", "cp1258")


def counter_app(
    data: Path, code_page: str, *args: str, stdin: str = ""
) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONIOENCODING": code_page, "COUNTER_APP_LANG": "vi"}
    env.pop("PYTHONUTF8", None)
    return subprocess.run(
        [sys.executable, "-m", "counter_app.main", "--data-dir", str(data), *args],
        input=stdin.encode("utf-8"),
        capture_output=True,
        env=env,
        timeout=120,
        check=False,
    )


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = tmp_path_factory.mktemp("utf8") / "Nguyễn Văn An"
    result = counter_app(data, "cp1252", "init", "--demo")
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    return data


@pytest.mark.slow
@pytest.mark.parametrize("code_page", CODE_PAGES)
def test_json_with_vietnamese_reaches_a_code_page_pipe_intact(demo: Path, code_page: str):
    name = "Nguyễn Thị Ánh Tuyết"
    person = json.dumps(intake_json(DEMO_PROCEDURE, full_name=name), ensure_ascii=False)
    taken = counter_app(demo, code_page, "intake", "-", "--user", "canbo", stdin=person)
    assert taken.returncode == 0, taken.stderr.decode("utf-8", "replace")
    code = json.loads(taken.stdout.decode("utf-8"))["code"]

    shown = counter_app(demo, code_page, "show", code)

    assert shown.returncode == 0, shown.stderr.decode("utf-8", "replace")
    assert json.loads(shown.stdout.decode("utf-8"))["applicant"]["full_name"] == name


@pytest.mark.slow  # runs the real program as a process
@pytest.mark.parametrize("code_page", CODE_PAGES)
def test_a_vietnamese_refusal_reaches_a_code_page_stderr_intact(demo: Path, code_page: str):
    refused = counter_app(demo, code_page, "show", "KHONG-CO-HO-SO")

    assert refused.returncode == 1
    message = refused.stderr.decode("utf-8")
    assert "Traceback" not in message
    assert "hồ sơ" in message.lower()
