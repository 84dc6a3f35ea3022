"""The counter's local workspace: the store in a data folder and the services over it."""

from __future__ import annotations

from pathlib import Path

from counter_app.paths import DATABASE_FILE
from counter_app.services.accounts import AccountService
from counter_app.services.audit import AuditService
from counter_app.services.calendars import CalendarService
from counter_app.services.catalog import CatalogService
from counter_app.services.digitising import DigitisingService
from counter_app.services.dossiers import DossierService
from counter_app.services.intake import IntakeService
from counter_app.services.operations.backups import BackupService
from counter_app.services.operations.data_folder import check_data_folder
from counter_app.services.outputs import check_output
from counter_app.services.printing import PaperService
from counter_app.services.reports.service import ReportService
from counter_app.services.settings import SettingsService
from counter_app.services.sync import SyncService
from counter_app.store.database import DEFAULT_BUSY_TIMEOUT_MS, open_database


class Workspace:
    """Everything a window or a command needs, built once per data folder."""

    def __init__(
        self,
        data_dir: Path,
        *,
        create: bool = False,
        busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS,
    ) -> None:
        check_data_folder(data_dir)
        self.data_dir = data_dir
        self.database = open_database(
            data_dir / DATABASE_FILE, create=create, busy_timeout_ms=busy_timeout_ms
        )
        self.settings = SettingsService(self.database)
        self.calendars = CalendarService(self.database, self.settings)
        self.catalog = CatalogService(self.database)
        self.accounts = AccountService(self.database)
        self.audit = AuditService(self.database, central_anchor=lambda: self.sync.central_anchor())
        self.intake = IntakeService(self.database, self.catalog, self.calendars, self.settings)
        self.dossiers = DossierService(self.database, self.calendars, self.settings)
        self.papers = PaperService(
            self.dossiers, self.catalog, self.accounts, self.settings, database=self.database
        )
        self.attachments = DigitisingService(self.database, self.dossiers, data_dir)
        self.reports = ReportService(
            self.database, self.calendars, self.settings, self.catalog, self.accounts
        )
        self.sync = SyncService(
            self.database, self.settings, self.catalog, self.calendars, self.intake
        )
        self.backups = BackupService(self.database, self.settings, data_dir)

    def output_path(self, path: Path) -> Path:
        """A file the user chose to write, refused if it is this counter's own data."""
        return check_output(path, self.data_dir)

    def close(self) -> None:
        self.sync.close()
        self.database.close()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()
