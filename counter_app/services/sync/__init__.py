"""Sync with the province's central database: offline first, nothing lost, nothing doubled."""

from counter_app.services.sync.service import (
    ConflictInfo,
    SyncLogEntry,
    SyncResult,
    SyncService,
    SyncStatus,
)

__all__ = ["ConflictInfo", "SyncLogEntry", "SyncResult", "SyncService", "SyncStatus"]
