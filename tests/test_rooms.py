"""Smaller rooms (issue 16): no module of the package is over 700 lines, so each can be read
whole; a table that grows is split by subject, as the messages are."""

from __future__ import annotations

from pathlib import Path

import counter_app

PACKAGE = Path(counter_app.__file__).parent
MOST_LINES = 700


def test_no_module_of_the_package_is_over_700_lines() -> None:
    long = {
        str(path.relative_to(PACKAGE)): lines
        for path in PACKAGE.rglob("*.py")
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MOST_LINES
    }
    assert long == {}


def test_the_messages_are_one_table_with_each_key_once() -> None:
    from counter_app.domain import messages
    from counter_app.domain.messages import citizen_and_queue, intake_and_sync, operations_and_law

    parts = (intake_and_sync, operations_and_law, citizen_and_queue)
    assert sum(len(part.MESSAGES) for part in parts) == len(messages.MESSAGES)
    assert messages.translate("db.newer", "en", path="x").startswith("The database x")
