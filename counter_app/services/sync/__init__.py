"""Sync with the province's central database: offline first, nothing lost, nothing doubled."""

from counter_app.services.sync.service import (
    ConflictInfo,
    Resolution,
    SyncLogEntry,
    SyncResult,
    SyncService,
    SyncStatus,
)

__all__ = ["ConflictInfo", "Resolution", "SyncLogEntry", "SyncResult", "SyncService", "SyncStatus"]
