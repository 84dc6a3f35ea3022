"""The window's application-wide filters (wheel guard, scanner, idle lock) share one filter
installed on the application, which hands them each event in Qt's own order."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject

from counter_app.ui.app_filters import application_filters
from counter_app.ui.main_window import MainWindow
from counter_app.ui.scanning.filter import ScannerFilter
from counter_app.ui.settings.idle_lock import IdleLock
from counter_app.ui.wheel import WheelGuard
from tests.ui.conftest import make_session


class Recording(QObject):
    def __init__(self, name: str, seen: list[str], take: bool = False) -> None:
        super().__init__()
        self.name, self.seen, self.take = name, seen, take

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.User:
            self.seen.append(self.name)
            return self.take
        return False


def send_user_event() -> None:
    QCoreApplication.sendEvent(QObject(), QEvent(QEvent.Type.User))


def test_the_newest_sees_an_event_first_and_one_that_takes_it_stops_it(qapp) -> None:
    seen: list[str] = []
    older, newer = Recording("older", seen), Recording("newer", seen, take=True)
    filters = application_filters()
    filters.install(older)
    filters.install(newer)
    try:
        send_user_event()
        assert seen == ["newer"]
        newer.take = False
        filters.install(older)  # first again
        send_user_event()
        assert seen == ["newer", "older", "newer"]
        filters.remove(older)
        send_user_event()
        assert seen[3:] == ["newer"]
    finally:
        filters.remove(older)
        filters.remove(newer)


def test_a_filter_deleted_without_being_removed_is_forgotten(qapp) -> None:
    seen: list[str] = []
    parent = QObject()
    child = Recording("child", seen)
    child.setParent(parent)
    application_filters().install(child)
    parent.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert child not in application_filters().installed()
    send_user_event()  # no call into the deleted object
    assert seen == []


def test_the_windows_filters_share_the_one_filter(qtbot, workspace, staff) -> None:
    window = MainWindow(make_session(workspace, staff))
    qtbot.addWidget(window)
    kinds = [type(f) for f in application_filters().installed()]
    assert kinds[:2] == [IdleLock, ScannerFilter]  # the newest first
    assert WheelGuard in kinds
