"""What a scan panel works on (a `ScanStore`): the scans stored with a saved dossier, or the
scans staged on the intake page while the dossier is still being entered (kept in memory until
it is saved). Both show `ScanItem`s (an Attachment or a Staged scan). `add` takes scans already
checked and runs on a background task; everything else on the GUI thread."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import replace
from typing import Protocol

from counter_app.domain.errors import CounterError
from counter_app.services.digitising import DigitisingService, Staged
from counter_app.services.digitising.files import ScannedFile
from counter_app.ui.session import Session


class ScanItem(Protocol):
    """One scan as a panel shows it."""

    @property
    def sha256(self) -> str: ...
    @property
    def component(self) -> str: ...
    @property
    def pages(self) -> int: ...
    @property
    def rotation(self) -> int: ...
    @property
    def original_name(self) -> str: ...
    @property
    def media_type(self) -> str: ...


class ScanStore(Protocol):
    """The scans of one dossier, saved or being entered; `staging` tells which."""

    staging: bool
    code: str | None
    components: list[str]

    def items(self) -> Sequence[ScanItem]: ...
    def read(self, item: ScanItem) -> bytes: ...
    def add(self, component: str, scans: Sequence[ScannedFile]) -> Sequence[ScanItem]: ...
    def remove(self, sha256: str) -> None: ...
    def arrange(self, sha256: str, *, turn: int, step: int) -> None: ...


class DossierScans:
    """The originals attached to the dossier `code`; each change is written and audited."""

    staging = False

    def __init__(self, session: Session, code: str) -> None:
        self._session = session
        self.code: str | None = code
        self._code = code
        dossier = session.workspace.dossiers.get(code)
        self.components = [document.name for document in dossier.documents]

    @property
    def _service(self) -> DigitisingService:
        return self._session.workspace.attachments

    def items(self) -> Sequence[ScanItem]:
        return self._service.list(self._code)

    def read(self, item: ScanItem) -> bytes:
        return self._service.blobs.read(item.sha256)

    def add(self, component: str, scans: Sequence[ScannedFile]) -> Sequence[ScanItem]:
        """Attach checked scans, all or none (background task)."""
        session = self._session
        staged = [Staged(component, scan) for scan in scans]
        return self._service.attach_staged(
            self._code, staged, user=session.user, at=session.clock()
        )

    def remove(self, sha256: str) -> None:
        session = self._session
        self._service.remove(self._code, sha256, user=session.user, at=session.clock())

    def arrange(self, sha256: str, *, turn: int, step: int) -> None:
        user = self._session.user
        if turn:
            self._service.rotate(self._code, sha256, turn, user=user)
        if step:
            self._service.move(self._code, sha256, step, user=user)


class StagedScans:
    """Scans of a dossier not saved yet: checked when they arrive, kept in memory in the order
    they came (per paper), attached in one transaction once the dossier has its code."""

    staging = True

    def __init__(self, session: Session) -> None:
        self._session = session
        self.code: str | None = None
        self.components: list[str] = []
        self._items: list[Staged] = []
        self._lock = threading.Lock()  # `add` runs on a background task

    def items(self) -> list[Staged]:
        with self._lock:
            rank = {name: index for index, name in enumerate(self.components)}
            return sorted(self._items, key=lambda item: rank.get(item.component, len(rank)))

    def read(self, item: ScanItem) -> bytes:
        assert isinstance(item, Staged)  # one of its own, as `items` gave it
        return item.scan.data

    def add(self, component: str, checked: Sequence[ScannedFile]) -> list[Staged]:
        """Stage checked scans; one already staged refuses them all (background task)."""
        with self._lock:
            known = {item.sha256 for item in self._items}
            for index, scan in enumerate(checked):
                if scan.sha256 in known or scan.sha256 in {c.sha256 for c in checked[:index]}:
                    raise CounterError("scan.already_staged", path=scan.path.name)
            added = [Staged(component, scan) for scan in checked]
            self._items.extend(added)
        return added

    def remove(self, sha256: str) -> None:
        with self._lock:
            self._items = [item for item in self._items if item.sha256 != sha256]

    def arrange(self, sha256: str, *, turn: int, step: int) -> None:
        with self._lock:
            index = next(i for i, item in enumerate(self._items) if item.sha256 == sha256)
            item = self._items[index]
            if turn:
                item = replace(item, rotation=(item.rotation + turn) % 360)
                self._items[index] = item
            if step:
                component = item.component
                slots = [i for i, other in enumerate(self._items) if other.component == component]
                pages = [self._items[i] for i in slots]
                place = pages.index(item)
                pages.insert(max(0, min(len(pages) - 1, place + step)), pages.pop(place))
                for slot, page in zip(slots, pages, strict=True):
                    self._items[slot] = page

    def take(self) -> list[Staged]:
        """Everything staged, in paper order, and the staging list emptied."""
        staged = self.items()
        with self._lock:
            self._items = []
        return staged

    def components_with_scans(self) -> list[str]:
        with self._lock:
            return list(dict.fromkeys(item.component for item in self._items))

    def count(self) -> int:
        with self._lock:
            return len(self._items)
