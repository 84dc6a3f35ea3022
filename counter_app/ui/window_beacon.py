"""The window that has a data folder open listens on a local socket named after the folder; a
second start on the same folder knocks on it, so the open window comes to the front and says
why, and the second quits with nothing to dismiss (services/operations/instance.py holds the
folder itself)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QApplication

KNOCK_TIMEOUT_MS = 3000  # a missing window fails at once; a busy one may take a moment


def beacon_name(folder: Path) -> str:
    digest = hashlib.sha256(str(Path(folder).resolve()).encode("utf-8")).hexdigest()
    return f"counter-app-{digest[:20]}"


class WindowBeacon(QObject):
    sig_knocked = Signal()
    """A second start knocked; the windows are already in front."""

    def __init__(self, folder: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = beacon_name(folder)
        self.server = QLocalServer(self)
        self.server.newConnection.connect(self._knocked)

    def listen(self) -> bool:
        """Listen (the caller holds the folder's lock, so a socket left by a crash is stale)."""
        QLocalServer.removeServer(self.name)
        return self.server.listen(self.name)

    def close(self) -> None:
        self.server.close()

    def _knocked(self) -> None:
        while self.server.hasPendingConnections():
            connection = self.server.nextPendingConnection()
            connection.disconnectFromServer()
            connection.deleteLater()
        bring_windows_forward()
        self.sig_knocked.emit()


def knock(folder: Path) -> bool:
    """Ask the window open on `folder` to come forward; False when none answered."""
    socket = QLocalSocket()
    socket.connectToServer(beacon_name(folder))
    reached = socket.waitForConnected(KNOCK_TIMEOUT_MS)
    if reached:
        socket.disconnectFromServer()
    socket.abort()
    return reached


def bring_windows_forward() -> None:
    for window in QApplication.topLevelWidgets():
        if window.isVisible():
            window.setWindowState(
                (window.windowState() & ~Qt.WindowState.WindowMinimized)
                | Qt.WindowState.WindowActive
            )
            window.raise_()
            window.activateWindow()
