"""One way to ask and one table-model base: a question or a list model written another way
is found here, before it behaves differently from the others (the default answer, the headers)."""

from __future__ import annotations

import ast
from pathlib import Path

import counter_app.ui as ui_package

UI = Path(ui_package.__file__).parent
ASK_MODULE = UI / "notify.py"
MODEL_BASE = UI / "models" / "table.py"
MESSAGE_BOX_CALLS = {"question", "warning", "information", "critical", "about"}


def _modules() -> list[tuple[Path, ast.Module]]:
    return [(path, ast.parse(path.read_text(encoding="utf-8"))) for path in UI.rglob("*.py")]


def test_every_question_goes_through_notify_ask() -> None:
    """A QMessageBox is built, or its static questions called, only in ui/notify.py."""
    found = []
    for path, tree in _modules():
        if path == ASK_MODULE:
            continue
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            function = node.func
            built = isinstance(function, ast.Name) and function.id in (
                "QMessageBox",
                "QInputDialog",
            )
            static = (
                isinstance(function, ast.Attribute)
                and isinstance(function.value, ast.Name)
                and function.value.id in ("QMessageBox", "QInputDialog")
                and (function.attr in MESSAGE_BOX_CALLS or function.attr.startswith("get"))
            )
            if built or static:
                found.append(f"{path.relative_to(UI)}:{node.lineno}")
    assert found == []


def test_every_table_model_is_built_on_the_one_base() -> None:
    """(The intake page's one-column procedure list stays a QAbstractListModel.)"""
    found = []
    for path, tree in _modules():
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef) and path != MODEL_BASE:
                bases = {base.id for base in node.bases if isinstance(base, ast.Name)}
                if "QAbstractTableModel" in bases:
                    found.append(f"{path.relative_to(UI)}: {node.name}")
    assert found == []
