"""Setting a counter up the first time (the window's first-run wizard): the same service calls
as `counter-app init` plus an imported catalog, the agencies served, the counter's identity,
the administrator, printers and paper sizes; without demo dossiers.

Light to import (the first-run wizard loads it before SQLAlchemy). All or nothing:
the store is created only once everything is known, and a failure while it is being filled
removes it again, so the next start offers the wizard afresh.
"""

from __future__ import annotations

import shutil
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from counter_app.domain.errors import CounterError
from counter_app.domain.settings_registry import REGISTRY
from counter_app.paths import DATABASE_FILE, resources_dir
from counter_app.services.preferences import needs_setup

if TYPE_CHECKING:
    from counter_app.domain.catalog import Agency


def demo_catalog() -> Path:
    return resources_dir() / "demo" / "catalog.json"


def catalog_agencies(file: Path | None = None) -> list[Agency]:
    """The agencies of a catalog file (the demo catalog by default), to choose from."""
    from counter_app.domain.catalog_file import catalog_from_json
    from counter_app.services.catalog import read_json_file

    catalog = catalog_from_json(read_json_file(file or demo_catalog()))
    return sorted(catalog.agencies, key=lambda agency: agency.code)


def check_admin_login(login: str) -> str:
    """The login as the account will keep it, or `user.login_format` now: the wizard says so
    beside the field instead of at Finish. The accounts' own rule, not a copy of it."""
    from counter_app.services.accounts import LOGIN_PATTERN

    normalised = login.strip().lower()
    if not LOGIN_PATTERN.match(normalised):
        raise CounterError("user.login_format", login=login.strip())
    return normalised


def check_central(url: str) -> str:
    """Reach the central database at `url` once; its kind ("postgresql", "sqlite")."""
    from counter_app.store.central.database import (
        CentralAddress,
        CentralDatabase,
        check_url,
        split_password,
    )

    bare, password = split_password(check_url(url.strip()))
    database = CentralDatabase(CentralAddress(bare, password=password), pool_size=1)
    try:
        database.check_reachable()
        return database.dialect
    finally:
        database.close()


@dataclass(frozen=True)
class CounterSetup:
    language: str
    agencies: frozenset[str]  # the agencies this counter serves
    counter_name: str
    admin_login: str
    admin_full_name: str
    admin_password: str
    catalog_file: Path | None = None  # None: the demo catalog
    desk_number: int | None = None
    central_url: str = ""
    printers: Mapping[str, str] = field(default_factory=dict)  # paper kind -> printer
    receipt_size: str = str(REGISTRY["papers.receipt_size"].default)
    label_size: str = str(REGISTRY["papers.label_size"].default)


def set_up_counter(data_dir: Path, setup: CounterSetup) -> dict[str, object]:
    """Create and fill the store; refuses a folder that already has one."""
    from counter_app.domain.permissions import Role
    from counter_app.services.accounts import MIN_PASSWORD_LENGTH
    from counter_app.services.workspace import Workspace

    if not needs_setup(data_dir):
        raise CounterError("setup.exists", path=str(data_dir))
    if len(setup.admin_password) < MIN_PASSWORD_LENGTH:  # before anything is created
        raise CounterError("user.password_short", length=MIN_PASSWORD_LENGTH)
    made_folder = not data_dir.exists()
    try:
        with Workspace(data_dir, create=True) as ws:
            summary = ws.catalog.import_file(setup.catalog_file or demo_catalog())
            ws.catalog.set_served_agencies(set(setup.agencies))
            admin = ws.accounts.add_user(
                setup.admin_login, Role.ADMIN, setup.admin_password, setup.admin_full_name
            )
            for key, value in {
                "ui.language": setup.language,
                "counter.name": setup.counter_name,
                "counter.desk": setup.desk_number,
                "printing.printers": {k: v for k, v in setup.printers.items() if v},
                "papers.receipt_size": setup.receipt_size,
                "papers.label_size": setup.label_size,
            }.items():
                ws.settings.change(key, value, admin)
            if setup.central_url.strip():
                ws.sync.configure(setup.central_url.strip())
    except BaseException:
        _remove_store(data_dir, made_folder)
        raise
    return {
        "data_dir": str(data_dir),
        "agencies": summary.agencies,
        "procedures": summary.procedures,
        "admin": setup.admin_login,
    }


def _remove_store(data_dir: Path, made_folder: bool) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        (data_dir / f"{DATABASE_FILE}{suffix}").unlink(missing_ok=True)
    if made_folder:
        shutil.rmtree(data_dir, ignore_errors=True)
