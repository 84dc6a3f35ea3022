"""The supervisor's review: daily figures, the provincial period report, the day's sign-off
and its lock, and the exports. `ReportService` lives in `service`; this package imports
nothing itself, so the write paths can check the lock (`locking`) without a cycle."""
