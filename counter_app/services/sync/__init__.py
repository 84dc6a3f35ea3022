"""Sync with the province's central database: offline first, nothing lost, nothing doubled."""

from counter_app.services.sync.attachments import AttachmentProblem
from counter_app.services.sync.results import (
    ConflictInfo,
    Resolution,
    SetAside,
    SyncLogEntry,
    SyncResult,
    SyncStatus,
)
from counter_app.services.sync.service import SyncService

__all__ = [
    "AttachmentProblem",
    "ConflictInfo",
    "Resolution",
    "SetAside",
    "SyncLogEntry",
    "SyncResult",
    "SyncService",
    "SyncStatus",
]
