"""The counter's local workspace: the store in a data folder and the services over it.

Each service is made, and its modules imported, the first time it is used: `show` opens the
store and reads a dossier without importing what printing, reports or sync need."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar, overload

from counter_app.paths import DATABASE_FILE
from counter_app.services.operations.data_folder import check_data_folder
from counter_app.services.outputs import check_output
from counter_app.store.database import DEFAULT_BUSY_TIMEOUT_MS, open_database

if TYPE_CHECKING:
    from datetime import date

    from counter_app.services.accounts import AccountService
    from counter_app.services.audit import AuditService
    from counter_app.services.calendars import CalendarService
    from counter_app.services.catalog import CatalogService
    from counter_app.services.digitising import DigitisingService
    from counter_app.services.digitising.spool import ScanSpool
    from counter_app.services.dossiers import DossierService
    from counter_app.services.intake import IntakeService
    from counter_app.services.notices import NoticeService
    from counter_app.services.operations.backups import BackupService
    from counter_app.services.paper_store import PaperStore
    from counter_app.services.printing import PaperService
    from counter_app.services.ratings import RatingService
    from counter_app.services.reports.service import ReportService
    from counter_app.services.settings import SettingsService
    from counter_app.services.signing import SigningService
    from counter_app.services.sync import SyncService

Service = TypeVar("Service")


class _OnFirstUse(Generic[Service]):
    """A workspace's service, made the first time it is asked for, once even when two threads
    ask at the same moment; then an ordinary attribute (a test may replace it)."""

    def __init__(self, make: Callable[[Workspace], Service]) -> None:
        self._make = make
        self._name = make.__name__

    @overload
    def __get__(self, workspace: None, owner: type[Any]) -> _OnFirstUse[Service]: ...
    @overload
    def __get__(self, workspace: Workspace, owner: type[Any]) -> Service: ...
    def __get__(
        self, workspace: Workspace | None, owner: type[Any]
    ) -> Service | _OnFirstUse[Service]:
        if workspace is None:
            return self
        with workspace._making:
            made: Service
            if self._name in workspace.__dict__:
                made = workspace.__dict__[self._name]
            else:
                made = workspace.__dict__[self._name] = self._make(workspace)
            return made


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
        self._making = threading.RLock()
        self.database = open_database(
            data_dir / DATABASE_FILE, create=create, busy_timeout_ms=busy_timeout_ms
        )

    @_OnFirstUse
    def settings(self) -> SettingsService:
        from counter_app.services.settings import SettingsService

        return SettingsService(self.database)

    @_OnFirstUse
    def calendars(self) -> CalendarService:
        from counter_app.services.calendars import CalendarService

        return CalendarService(self.database, self.settings)

    @_OnFirstUse
    def catalog(self) -> CatalogService:
        from counter_app.services.catalog import CatalogService

        return CatalogService(self.database)

    @_OnFirstUse
    def accounts(self) -> AccountService:
        from counter_app.services.accounts import AccountService

        return AccountService(self.database)

    @_OnFirstUse
    def audit(self) -> AuditService:
        from counter_app.services.audit import AuditService

        return AuditService(self.database, central_anchor=lambda: self.sync.central_anchor())

    @_OnFirstUse
    def intake(self) -> IntakeService:
        from counter_app.services.intake import IntakeService

        service = IntakeService(self.database, self.catalog, self.calendars, self.settings)
        service.fetch_numbers = self._fetch_numbers
        return service

    def _fetch_numbers(self, wanted: dict[tuple[str, date], int]) -> None:
        """An intake short of numbers leases them at central through the sync service, made
        then if nothing has asked for it yet (the command line's `intake` had not: its first
        dossier of an agency not served was refused as if central were away)."""
        self.sync.fetch_numbers(wanted)

    @_OnFirstUse
    def dossiers(self) -> DossierService:
        from counter_app.services.dossiers import DossierService

        return DossierService(self.database, self.calendars, self.settings)

    @_OnFirstUse
    def papers(self) -> PaperService:
        from counter_app.services.printing import PaperService

        return PaperService(
            self.dossiers, self.catalog, self.accounts, self.settings, database=self.database
        )

    @_OnFirstUse
    def attachments(self) -> DigitisingService:
        from counter_app.services.digitising import DigitisingService

        return DigitisingService(self.database, self.dossiers, self.data_dir)

    @_OnFirstUse
    def scan_spool(self) -> ScanSpool:
        from counter_app.services.digitising.spool import SPOOL_FOLDER, ScanSpool

        return ScanSpool(Path(self.data_dir) / SPOOL_FOLDER, self.attachments)

    @_OnFirstUse
    def paper_store(self) -> PaperStore:
        from counter_app.services.paper_store import PaperStore

        return PaperStore(
            self.database, self.dossiers, self.catalog, self.attachments, central=lambda: self.sync
        )

    @_OnFirstUse
    def signing(self) -> SigningService:
        from counter_app.services.signing import SigningService

        return SigningService(
            self.database,
            self.dossiers,
            self.attachments,
            self.papers,
            self.settings,
            self.paper_store,
        )

    @_OnFirstUse
    def notices(self) -> NoticeService:
        from counter_app.services.notices import NoticeService

        return NoticeService(self.database, self.settings, self.dossiers)

    @_OnFirstUse
    def ratings(self) -> RatingService:
        from counter_app.services.ratings import RatingService

        return RatingService(self.database, self.dossiers, self.accounts)

    @_OnFirstUse
    def reports(self) -> ReportService:
        from counter_app.services.reports.service import ReportService

        return ReportService(
            self.database, self.calendars, self.settings, self.catalog, self.accounts
        )

    @_OnFirstUse
    def sync(self) -> SyncService:
        from counter_app.services.sync import SyncService

        return SyncService(self.database, self.settings, self.catalog, self.calendars, self.intake)

    @_OnFirstUse
    def backups(self) -> BackupService:
        from counter_app.services.operations.backups import BackupService

        return BackupService(self.database, self.settings, self.data_dir)

    def output_path(self, path: Path) -> Path:
        """A file the user chose to write, refused if it is this counter's own data."""
        return check_output(path, self.data_dir)

    def close(self) -> None:
        sync = self.__dict__.get("sync")  # never made: nothing of sync to close
        if sync is not None:
            sync.close()
        self.database.close()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()
