"""The GUI's last resort: an exception nobody caught is logged to the data folder's logs/
(scrubbed, owner-only) and the officer sees one short sentence, never a traceback."""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from counter_app.domain.errors import CounterError
from counter_app.domain.messages import translate


class CrashHandler:
    """Installed as `sys.excepthook` while the window runs (Qt routes slot exceptions here)."""

    def __init__(self, data_dir: Path, lang: str, show: Callable[[str], None]) -> None:
        self._data_dir = data_dir
        self._lang = lang
        self._show = show
        self._previous: Callable[..., object] | None = None
        self._showing = False

    def install(self) -> None:
        self._previous = sys.excepthook
        sys.excepthook = self

    def uninstall(self) -> None:
        if self._previous is not None and sys.excepthook is self:
            sys.excepthook = self._previous
        self._previous = None

    def __call__(
        self,
        kind: type[BaseException],
        error: BaseException,
        trace: TracebackType | None,
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            (self._previous or sys.__excepthook__)(kind, error, trace)
            return
        if isinstance(error, CounterError):
            # A refusal that escaped a handler still speaks the user's language.
            self._tell(error.message(self._lang))
            return
        from counter_app.services.operations.logs import write_crash_log  # rare: not at start

        text = "".join(traceback.format_exception(kind, error, trace))
        path = write_crash_log(self._data_dir, text)
        self._tell(translate("app.bug", self._lang, log=str(path) if path else "-"))

    def _tell(self, message: str) -> None:
        if self._showing:  # an error while the box is up: logged, not stacked
            return
        self._showing = True
        try:
            self._show(message)
        finally:
            self._showing = False
