"""The window tests fail on any Qt warning but the offscreen platform's own, also when a test
lets more messages through itself (tests/ui/conftest.py)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import qWarning


@pytest.mark.qt_log_ignore("expected by this test")
def test_a_tests_own_messages_and_the_offscreen_ones_both_pass() -> None:
    qWarning("This plugin does not support propagateSizeHints()")
    qWarning("a warning expected by this test")
