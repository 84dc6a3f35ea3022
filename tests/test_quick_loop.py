"""The quick loop (issue 16) stays quick by rule, not by care: a test that starts Python as a
process must say it is slow, or it fails (tests/conftest.py)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest


def test_a_quick_test_that_starts_python_fails_with_the_advice() -> None:
    with pytest.raises(RuntimeError, match=r"starts a Python process: mark it @pytest\.mark\.slow"):
        subprocess.run([sys.executable, "-c", "pass"], check=False)


def test_a_script_of_this_python_counts_as_starting_python(tmp_path: Path) -> None:
    """The commands pip installs (`counter-app`, `pyside6-lupdate`) are such scripts."""
    script = tmp_path / "a-command"
    script.write_text(f"#!{sys.executable}\nprint(6 * 7)\n")
    script.chmod(0o755)
    with pytest.raises(RuntimeError, match="starts a Python process"):
        subprocess.run([str(script)], check=False)
    shell = tmp_path / "a-shell-script"
    shell.write_text("#!/bin/sh\necho 42\n")
    shell.chmod(0o755)
    assert subprocess.run([str(shell)], capture_output=True, text=True).stdout == "42\n"


def test_a_quick_test_may_start_other_programs() -> None:
    assert subprocess.run(["true"], check=False).returncode == 0


@pytest.mark.slow
def test_a_slow_test_may_start_python() -> None:
    done = subprocess.run([sys.executable, "-c", "print(6 * 7)"], capture_output=True, text=True)
    assert done.stdout == "42\n"
