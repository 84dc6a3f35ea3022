"""The counter's sync as its callers know it: one class, each capability in its own module
(a round and the worker in `rounds`, the indicator and log in `status`, conflicts in
`conflicts`, online submissions in `online`, configuration and numbers in `base`)."""

from counter_app.services.sync.conflicts import SyncConflicts
from counter_app.services.sync.online import SyncOnline
from counter_app.services.sync.rounds import SyncRounds
from counter_app.services.sync.status import SyncStatusView


class SyncService(SyncRounds, SyncStatusView, SyncConflicts, SyncOnline):
    """The counter's sync: offline first, nothing lost, nothing doubled."""
