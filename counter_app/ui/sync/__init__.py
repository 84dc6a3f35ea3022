"""The window's side of the sync with the central system: the header's indicator, the
background worker, the log, the online submissions queue and the supervisor's conflicts."""

from counter_app.ui.sync.conflicts import ConflictsDialog
from counter_app.ui.sync.controller import RoundReport, SyncController
from counter_app.ui.sync.indicator import SyncIndicator
from counter_app.ui.sync.log_dialog import SyncLogDialog
from counter_app.ui.sync.submissions import OnlineSubmissionsPage

__all__ = [
    "ConflictsDialog",
    "OnlineSubmissionsPage",
    "RoundReport",
    "SyncController",
    "SyncIndicator",
    "SyncLogDialog",
]
