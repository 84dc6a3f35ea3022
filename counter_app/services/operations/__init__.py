"""Keeping a counter running: backups and restore (`backups`, `archive`, `restore`), logs,
diagnostics, one window per data folder (`instance`), the first set-up (`setup`).

Nothing is imported here: the window takes its lock and starts its log before SQLAlchemy is
loaded, so each caller imports the module it needs.
"""
