"""Python's cycle collector runs on the GUI thread only.

Left to itself the collector runs in whichever thread allocates when a threshold is crossed:
the sync worker, the notices worker, a print job. A widget that ended in a reference cycle (a
window after a sign-out) is then destroyed in that thread, Qt stops its timers from the wrong
thread ("QObject::killTimer: Timers cannot be stopped from another thread") and the process can
crash. So automatic collection is off while the application runs, and a timer of the GUI thread
collects instead, with the collector's own generation thresholds.

Collecting a window's cycle clears the Python attributes of its widgets before Qt tears the
widgets down, and the teardown still sends events (focus leaving a field) to the filters they
installed: `unless_collected` lets those events pass instead of failing on a missing attribute.
"""

from __future__ import annotations

import functools
import gc
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject, QTimer

if TYPE_CHECKING:
    from PySide6.QtCore import QEvent  # its type and 179 names are made on first use: not here

COLLECTOR_NAME = "guiThreadCollector"
CHECK_EVERY_MS = 200

Filtering = TypeVar("Filtering", bound=QObject)


class GuiThreadCollector(QObject):
    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.setObjectName(COLLECTOR_NAME)
        self._was_enabled = gc.isenabled()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.collect_due)
        self._timer.start(CHECK_EVERY_MS)

    def collect_due(self) -> None:
        """Collect the generations whose count passed their threshold, as the collector would."""
        thresholds = gc.get_threshold()
        counts = gc.get_count()
        due = -1
        for generation in range(3):
            if counts[generation] <= thresholds[generation]:
                break
            due = generation
        if due >= 0:
            gc.collect(due)

    def remove(self) -> None:
        """Collection as before: what is left over is collected here, on the GUI thread."""
        self._timer.stop()
        gc.collect()
        if self._was_enabled:
            gc.enable()
        self.setParent(None)
        self.deleteLater()


def install_gui_thread_collector(app: QObject) -> GuiThreadCollector:
    """Once per application; the same collector when asked again."""
    found = app.findChild(GuiThreadCollector, COLLECTOR_NAME)
    return found if isinstance(found, GuiThreadCollector) else GuiThreadCollector(app)


def unless_collected(
    event_filter: Callable[[Filtering, QObject, QEvent], bool],
) -> Callable[[Filtering, QObject, QEvent], bool]:
    """For an `eventFilter` that reads its object's attributes: once the collector has cleared
    them, the events of the teardown pass untouched."""

    @functools.wraps(event_filter)
    def filtering(self: Filtering, watched: QObject, event: QEvent) -> bool:
        if not vars(self):
            return False
        return event_filter(self, watched, event)

    return filtering
