"""The Qt binding the window stands on. PySide6 6.12.0 dropped a reference to True/False on
every bool signal delivered to Python: the window crashed after a few thousand checkbox
toggles or sync-state changes. pyproject pins the binding below it; this keeps it honest."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox


def test_bool_signals_can_be_delivered_many_times(qtbot):
    box = QCheckBox()
    qtbot.addWidget(box)
    seen: list[bool] = []
    box.toggled.connect(seen.append)
    for i in range(20_000):
        box.setChecked(i % 2 == 0)
    assert len(seen) == 20_000
