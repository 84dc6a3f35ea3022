"""The window's pages, their fixed shortcuts (Ctrl+1..Ctrl+6), who may open each, and what the
main window may call on them (the Protocols below: a page says what it offers by its methods)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from PySide6.QtCore import QCoreApplication

from counter_app.domain.permissions import Permission, Role, allowed

if TYPE_CHECKING:
    from counter_app.domain.citizen_id import CitizenIdCard


@runtime_checkable
class Page(Protocol):
    """Every page: brought to the front, it refreshes what may have changed meanwhile."""

    def activate(self) -> None: ...


@runtime_checkable
class OpensDossier(Protocol):
    """A page that opens a dossier by its code (a receipt read by the handheld reader)."""

    def open_code(self, code: str) -> None: ...


@runtime_checkable
class HandsBackResult(Protocol):
    """A page that loads a dossier by its code to hand its result back."""

    def load_code(self, code: str) -> None: ...


@runtime_checkable
class TakesApplicant(Protocol):
    """A page whose form an ID card read by the handheld reader fills."""

    def fill_applicant(self, card: CitizenIdCard) -> None: ...


class PageKey(StrEnum):
    INTAKE = "intake"
    DOSSIERS = "dossiers"
    RETURNS = "returns"
    REPORTS = "reports"
    CATALOG = "catalog"
    SETTINGS = "settings"
    ONLINE = "online"


@dataclass(frozen=True)
class PageSpec:
    key: PageKey
    number: int  # Ctrl+number; fixed per page so muscle memory holds whatever the role
    needs: Permission | None = None  # None: every role

    @property
    def shortcut(self) -> str:
        return f"Ctrl+{self.number}"


PAGES: tuple[PageSpec, ...] = (
    PageSpec(PageKey.INTAKE, 1),
    PageSpec(PageKey.DOSSIERS, 2),
    PageSpec(PageKey.RETURNS, 3),
    PageSpec(PageKey.REPORTS, 4),  # staff: their own day only
    PageSpec(PageKey.CATALOG, 5),
    PageSpec(PageKey.SETTINGS, 6, Permission.OPEN_SETTINGS),
    PageSpec(PageKey.ONLINE, 7),
)


def pages_for(role: Role) -> list[PageSpec]:
    return [page for page in PAGES if page.needs is None or allowed(role, page.needs)]


def page_title(key: PageKey) -> str:
    return {
        PageKey.INTAKE: QCoreApplication.translate("Navigation", "Intake"),
        PageKey.DOSSIERS: QCoreApplication.translate("Navigation", "Dossiers"),
        PageKey.RETURNS: QCoreApplication.translate("Navigation", "Return of results"),
        PageKey.REPORTS: QCoreApplication.translate("Navigation", "Reports"),
        PageKey.CATALOG: QCoreApplication.translate("Navigation", "Catalog"),
        PageKey.SETTINGS: QCoreApplication.translate("Navigation", "Settings"),
        PageKey.ONLINE: QCoreApplication.translate("Navigation", "Online submissions"),
    }[key]
