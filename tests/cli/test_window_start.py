"""`counter-app` without a subcommand opens the window, or says plainly why it cannot."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def test_no_display_is_said_plainly_not_a_core_dump(tmp_path: Path):
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    env.pop("COUNTER_APP_LANG", None)
    for lang, expected in (("vi", "Không tìm thấy màn hình"), ("en", "No display")):
        result = subprocess.run(
            [sys.executable, "-m", "counter_app.main", "--data-dir", str(tmp_path), "--lang", lang],
            capture_output=True, text=True, env=env, timeout=60,
        )  # fmt: skip
        assert result.returncode == 1
        assert expected in result.stderr
        assert "Traceback" not in result.stderr
    assert not any(tmp_path.iterdir())  # nothing written
