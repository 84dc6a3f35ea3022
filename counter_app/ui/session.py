"""What every page needs after login: the workspace, who is working, the language, the clock."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from counter_app.domain.clock import now
from counter_app.services.accounts import User
from counter_app.services.workspace import Workspace
from counter_app.ui.notify import Messages
from counter_app.ui.printing.queue import PrintQueue


@dataclass(frozen=True)
class Session:
    workspace: Workspace
    user: User
    lang: str = "vi"
    # Overdue colours and the header's date read this, so tests can fix the time.
    clock: Callable[[], datetime] = field(default=now)
    # Information for the status bar; pages call session.messages.info(...).
    messages: Messages = field(default_factory=Messages)
    # Every print of the window, in the background (ui/printing); tests give a fake printer.
    printing: PrintQueue = field(default_factory=PrintQueue)
