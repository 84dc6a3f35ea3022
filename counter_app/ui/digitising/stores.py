"""What a scan panel works on: the scans stored with a saved dossier, or the scans staged on the
intake page while the dossier is still being entered (kept in memory until it is saved). Both
show items that read like an Attachment: sha256, component, pages, rotation, original_name,
media_type. `add` takes scans already checked and runs on a background task; everything else
on the GUI thread."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import replace

from counter_app.domain.errors import CounterError
from counter_app.services.digitising import Staged
from counter_app.services.digitising.files import ScannedFile
from counter_app.ui.session import Session


class DossierScans:
    """The originals attached to the dossier `code`; each change is written and audited."""

    staging = False

    def __init__(self, session: Session, code: str) -> None:
        self._session = session
        self.code = code
        dossier = session.workspace.dossiers.get(code)
        self.components = [document.name for document in dossier.documents]

    @property
    def _service(self):  # type: ignore[no-untyped-def]
        return self._session.workspace.attachments

    def items(self) -> list:
        return self._service.list(self.code)

    def read(self, item) -> bytes:  # type: ignore[no-untyped-def]
        return self._service.read(item)

    def add(self, component: str, scans: Sequence[ScannedFile]) -> list:
        """Attach checked scans, all or none (background task)."""
        session = self._session
        staged = [Staged(component, scan) for scan in scans]
        return self._service.attach_staged(self.code, staged, user=session.user, at=session.clock())

    def remove(self, sha256: str) -> None:
        session = self._session
        self._service.remove(self.code, sha256, user=session.user, at=session.clock())

    def arrange(self, sha256: str, *, turn: int, step: int) -> None:
        user = self._session.user
        if turn:
            self._service.rotate(self.code, sha256, turn, user=user)
        if step:
            self._service.move(self.code, sha256, step, user=user)


class StagedScans:
    """Scans of a dossier not saved yet: checked when they arrive, kept in memory in the order
    they came (per paper), attached in one transaction once the dossier has its code."""

    staging = True

    def __init__(self, session: Session) -> None:
        self._session = session
        self.code = None
        self.components: list[str] = []
        self._items: list[Staged] = []
        self._lock = threading.Lock()  # `add` runs on a background task

    def items(self) -> list[Staged]:
        with self._lock:
            rank = {name: index for index, name in enumerate(self.components)}
            return sorted(self._items, key=lambda item: rank.get(item.component, len(rank)))

    def read(self, item: Staged) -> bytes:
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
