"""Sync with the province's central database: offline first, nothing lost, nothing doubled."""

from counter_app.services.sync.service import (
    AttachmentProblem,
    ConflictInfo,
    Resolution,
    SetAside,
    SyncLogEntry,
    SyncResult,
    SyncService,
    SyncStatus,
)

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
