"""The application's one event filter written in Python, which the window's own filters join.

The wheel guard, the scanner's key filter and the idle lock each need every event of the
application. Qt hands an application filter every event of every object (paints, timers,
layouts), and a filter written in Python costs a wrapper for the event each time: three
filters made the window spend a third of its time there. They join this one filter instead;
it hands each event to them in Qt's own order (the newest first, until one takes the event),
so each is written as a Qt event filter still and behaves as one.
"""

from __future__ import annotations

import functools

from PySide6.QtCore import QCoreApplication, QEvent, QObject

FILTERS_NAME = "applicationFilters"


class ApplicationFilters(QObject):
    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)
        self.setObjectName(FILTERS_NAME)
        self._app = app
        self._filters: tuple[QObject, ...] = ()
        app.installEventFilter(self)

    def install(self, event_filter: QObject) -> None:
        """First in line from now on, as `installEventFilter` puts a filter, also ahead of
        filters installed on the application directly since; installing one already there
        moves it to the front."""
        if event_filter not in self._filters:
            event_filter.destroyed.connect(functools.partial(self._forget, id(event_filter)))
        self._filters = (event_filter, *(f for f in self._filters if f is not event_filter))
        self._app.removeEventFilter(self)
        self._app.installEventFilter(self)

    def remove(self, event_filter: QObject) -> None:
        self._filters = tuple(f for f in self._filters if f is not event_filter)

    def installed(self) -> tuple[QObject, ...]:
        """The filters in the order they see an event."""
        return self._filters

    def _forget(self, identity: int) -> None:
        """A filter deleted without being removed is dropped, as Qt drops its own."""
        self._filters = tuple(f for f in self._filters if id(f) != identity)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The tuple as it was: a filter may install or remove one while it looks at the event.
        # A loop, not any() over a generator: this runs for every event of the application.
        for event_filter in self._filters:  # noqa: SIM110
            if event_filter.eventFilter(watched, event):
                return True
        return False


def application_filters() -> ApplicationFilters:
    """The running application's filters, made on the first call."""
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("the application's event filters need a QCoreApplication")
    found = app.findChild(ApplicationFilters, FILTERS_NAME)
    return found if isinstance(found, ApplicationFilters) else ApplicationFilters(app)
