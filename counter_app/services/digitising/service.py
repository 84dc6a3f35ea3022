"""Scanned originals attached to a dossier: checked, stored once by SHA-256, listed, removed,
and bound into the digitised dossier PDF. Attaching and removing are audited in the same
transaction that writes the rows; the files are complete before the rows name them."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from counter_app.domain.clock import now
from counter_app.domain.dossier import Dossier
from counter_app.domain.errors import CounterError
from counter_app.domain.limits import NOTE_LIMIT
from counter_app.domain.signing import SIGNED_COMPONENT
from counter_app.domain.text import checked_text
from counter_app.services.digitising.files import (
    DEFAULT_LIMITS,
    ScanLimits,
    ScannedFile,
    check_scan,
    read_scan,
)
from counter_app.services.originals import in_component_order, originals_of
from counter_app.services.outputs import write_atomically
from counter_app.store.attachments import (
    ATTACHMENTS_FOLDER,
    Attachment,
    BlobStore,
    add_attachment,
    attached_hashes,
    attachments_of,
    is_referenced,
    next_position,
    rearrange,
    remove_attachment,
)
from counter_app.store.database import Database, Session
from counter_app.store.journal import AuditEntry, append_audit

if TYPE_CHECKING:
    from counter_app.services.accounts import User
    from counter_app.services.digitising.sources import AcquiredPage
    from counter_app.services.dossiers import DossierService


@dataclass(frozen=True)
class Staged:
    """A checked scan waiting to be attached to `component`, turned by `rotation` degrees."""

    component: str
    scan: ScannedFile
    rotation: int = 0

    # Read like an Attachment, so a panel shows staged and stored scans alike.
    @property
    def sha256(self) -> str:
        return self.scan.sha256

    @property
    def pages(self) -> int:
        return self.scan.pages

    @property
    def media_type(self) -> str:
        return self.scan.media_type

    @property
    def original_name(self) -> str:
        return self.scan.path.name


@dataclass(frozen=True)
class CheckedPages:
    """Pages checked one by one: the scans to keep and the pages they came from, and the
    refused pages with why, so that one bad file stops none of the others."""

    scans: list[ScannedFile]
    kept: list[AcquiredPage]
    bad: list[AcquiredPage]
    refused: list[CounterError]


@dataclass(frozen=True)
class DigitisedDossier:
    code: str
    pdf: bytes
    pages: int


class DigitisingService:
    def __init__(
        self,
        database: Database,
        dossiers: DossierService,
        data_dir: Path,
        *,
        limits: ScanLimits = DEFAULT_LIMITS,
    ) -> None:
        self._db = database
        self._dossiers = dossiers
        self.blobs = BlobStore(Path(data_dir) / ATTACHMENTS_FOLDER)
        self.limits = limits

    def check_file(self, path: Path) -> ScannedFile:
        """Read and check one file with this counter's limits (nothing is stored)."""
        return read_scan(Path(path), self.limits)

    def check_bytes(self, name: str, data: bytes) -> ScannedFile:
        """The same for pages a scanner handed over in memory; `name` says their kind."""
        return check_scan(Path(name), data, self.limits)

    def check_pages(self, pages: Sequence[AcquiredPage]) -> CheckedPages:
        checked = CheckedPages([], [], [], [])
        for page in pages:
            try:
                checked.scans.append(self.check_bytes(page.name, page.data))
            except CounterError as error:
                checked.bad.append(page)
                checked.refused.append(error)
            else:
                checked.kept.append(page)
        return checked

    def _component(self, dossier: Dossier, name: str) -> str:
        names = [document.name for document in dossier.documents]
        wanted = " ".join(name.split()).casefold()
        for candidate in names:
            if " ".join(candidate.split()).casefold() == wanted:
                return candidate
        raise CounterError(
            "attachment.component",
            code=dossier.code,
            component=name,
            choices="; ".join(names) or "—",
        )

    def attach(
        self,
        code: str,
        files: Sequence[Path],
        *,
        component: str,
        user: User,
        at: datetime | None = None,
    ) -> list[Attachment]:
        """Attach the files, in the order given, after the component's last page. Every file
        is checked first: one bad file refuses them all and nothing is stored."""
        if not files:
            raise CounterError("attachment.none_given")
        dossier = self._dossiers.get(code)
        component = self._component(dossier, component)
        scans = [self.check_file(Path(path)) for path in files]
        return self._store(dossier, [Staged(component, scan) for scan in scans], user, at)

    def attach_staged(
        self,
        code: str,
        staged: Sequence[Staged],
        *,
        user: User,
        at: datetime | None = None,
        record: Callable[[Session], None] | None = None,
    ) -> list[Attachment]:
        """Attach scans already checked (staged on the intake page, taken from a folder or a
        scanner), each to its component with its turn, all in one transaction or none;
        `record` writes more in that transaction (a reused paper's row)."""
        if not staged:
            raise CounterError("attachment.none_given")
        turned = next((item.rotation for item in staged if item.rotation % 90), None)
        if turned is not None:
            raise CounterError("attachment.rotation", degrees=turned)
        dossier = self._dossiers.get(code)
        resolved = [
            Staged(self._component(dossier, item.component), item.scan, item.rotation)
            for item in staged
        ]
        return self._store(dossier, resolved, user, at, record)

    def attach_signed(
        self,
        dossier: Dossier,
        scans: Sequence[ScannedFile],
        *,
        user: User,
        at: datetime,
        record: Callable[[Session], None],
    ) -> list[Attachment]:
        """Signed copies made at the counter, under their own component; `record` writes what
        says they are signed in the same transaction, so a copy is kept whole with it or not."""
        staged = [Staged(SIGNED_COMPONENT, scan) for scan in scans]
        return self._store(dossier, staged, user, at, record)

    def _store(
        self,
        dossier: Dossier,
        staged: list[Staged],
        user: User,
        at: datetime | None,
        record: Callable[[Session], None] | None = None,
    ) -> list[Attachment]:
        scans = [item.scan for item in staged]
        for index, scan in enumerate(scans):
            if any(scan.sha256 == earlier.sha256 for earlier in scans[:index]):
                raise CounterError("attachment.duplicate", path=str(scan.path), code=dossier.code)
        with self._db.read() as session:
            already = attached_hashes(session, dossier.uuid)
        for scan in scans:
            if scan.sha256 in already:
                raise CounterError("attachment.duplicate", path=str(scan.path), code=dossier.code)
        created: list[str] = []
        at = at or now()
        try:
            for scan in scans:
                if self.blobs.put(scan.sha256, scan.data):
                    created.append(scan.sha256)
            added: list[Attachment] = []
            with self._db.write() as session:
                positions: dict[str, int] = {}
                for item in staged:
                    if item.component not in positions:
                        positions[item.component] = next_position(
                            session, dossier.uuid, item.component
                        )
                    scan = item.scan
                    added.append(
                        add_attachment(
                            session,
                            dossier_uuid=dossier.uuid,
                            component=item.component,
                            position=positions[item.component],
                            sha256=scan.sha256,
                            media_type=scan.media_type,
                            size=scan.size,
                            pages=scan.pages,
                            rotation=item.rotation % 360,
                            original_name=scan.path.name[:255],
                            by=user.login,
                            at=at,
                        )
                    )
                    positions[item.component] += 1
                append_audit(
                    session,
                    [
                        AuditEntry(
                            at,
                            user.login,
                            "attachment.add",
                            dossier.code or dossier.uuid,
                            _detail(item),
                        )
                        for item in added
                    ],
                )
                if record is not None:
                    record(session)
        except BaseException:
            self._discard_unreferenced(created)
            raise
        return added

    def _discard_unreferenced(self, hashes: Sequence[str]) -> None:
        if not hashes:
            return
        try:
            with self._db.read() as session:
                orphans = [sha for sha in hashes if not is_referenced(session, sha)]
        except CounterError:
            return
        for sha in orphans:
            self.blobs.discard(sha)

    def components_scanned(self, code: str) -> list[str]:
        """The dossier's papers that have scans, in the dossier's order (signed copies aside)."""
        return list(
            dict.fromkeys(
                item.component for item in self.list(code) if item.component != SIGNED_COMPONENT
            )
        )

    def list(self, code: str) -> list[Attachment]:
        """In the dossier's component order, then page order."""
        return originals_of(self._db, self._dossiers.get(code))

    def remove(
        self, code: str, sha256: str, *, user: User, at: datetime | None = None, reason: str = ""
    ) -> Attachment:
        """Take an original off the dossier (audited, with the officer's reason if given); the
        file stays while any row names it. `sha256` may also be the attachment's id."""
        dossier = self._dossiers.get(code)
        at = at or now()
        wanted = sha256.strip().lower()
        with self._db.write() as session:
            if wanted.isdigit():
                found = attachments_of(session, dossier.uuid)
                wanted = next((a.sha256 for a in found if a.id == int(wanted)), wanted)
            removed = remove_attachment(session, dossier.uuid, wanted)
            if removed is None:
                raise CounterError("attachment.unknown", code=dossier.code, sha256=sha256)
            detail = _detail(removed)
            reason = checked_text("note", reason, NOTE_LIMIT)
            if reason:
                detail["reason"] = reason
            append_audit(
                session,
                [
                    AuditEntry(
                        at, user.login, "attachment.remove", dossier.code or dossier.uuid, detail
                    )
                ],
            )
        self._discard_unreferenced([removed.sha256])
        return removed

    def rotate(
        self, code: str, sha256: str, degrees: int, *, user: User, at: datetime | None = None
    ) -> Attachment:
        """Turn an original by a quarter turn or more, as metadata: the file is never rewritten."""
        return self._rearrange(code, sha256, user=user, at=at, turn=degrees, step=0)

    def move(
        self, code: str, sha256: str, step: int, *, user: User, at: datetime | None = None
    ) -> Attachment:
        """Move an original earlier (step < 0) or later within its component's pages."""
        return self._rearrange(code, sha256, user=user, at=at, turn=0, step=step)

    def _rearrange(
        self, code: str, sha256: str, *, user: User, at: datetime | None, turn: int, step: int
    ) -> Attachment:
        if turn % 90:
            raise CounterError("attachment.rotation", degrees=turn)
        dossier = self._dossiers.get(code)
        at = at or now()
        key = sha256.strip().lower()
        with self._db.write() as session:
            current = next(
                (a for a in attachments_of(session, dossier.uuid) if a.sha256 == key), None
            )
            if current is None:
                raise CounterError("attachment.unknown", code=dossier.code, sha256=sha256)
            changed = rearrange(
                session,
                dossier.uuid,
                key,
                rotation=(current.rotation + turn) if turn else None,
                step=step,
            )
            assert changed is not None
            action = "attachment.rotate" if turn else "attachment.move"
            detail = {**_detail(changed), "turn": turn, "step": step}
            append_audit(
                session, [AuditEntry(at, user.login, action, dossier.code or dossier.uuid, detail)]
            )
        return changed

    def read(self, attachment: Attachment) -> bytes:
        return self.blobs.read(attachment.sha256)

    def digitised(
        self, code: str, *, lang: str = "vi", component: str | None = None
    ) -> DigitisedDossier:
        """The dossier's scans as one PDF after a cover; with `component`, that paper alone
        (its electronic copy, as the paper store files it). Signed copies are never included."""
        from counter_app.services.digitising.pdf import (
            CoverData,
            CoverLine,
            Original,
            digitised_pdf,
        )

        dossier = self._dossiers.get(code)
        with self._db.read() as session:
            scans = [
                a
                for a in attachments_of(session, dossier.uuid)
                if a.component != SIGNED_COMPONENT and component in (None, a.component)
            ]
            found = in_component_order(dossier, scans)
        counts: dict[str, int] = {}
        for item in found:
            counts[item.component] = counts.get(item.component, 0) + item.pages
        names = [document.name for document in dossier.documents] if component is None else []
        names += [name for name in counts if name not in names]
        cover = CoverData(
            code=dossier.code or "",
            applicant=dossier.applicant.full_name,
            procedure=dossier.procedure_name,
            components=[CoverLine(name, counts.get(name, 0)) for name in names],
        )
        originals = [
            Original(self.blobs.read(item.sha256), item.media_type, item.rotation) for item in found
        ]
        pdf, pages = digitised_pdf(cover, originals, lang=lang)
        return DigitisedDossier(dossier.code or "", pdf, pages)

    def save(self, digitised: DigitisedDossier, path: Path) -> Path:
        return write_atomically(Path(path), digitised.pdf)


def _detail(item: Attachment) -> dict[str, Any]:
    return {
        "sha256": item.sha256,
        "component": item.component,
        "order": item.position,
        "media_type": item.media_type,
        "size": item.size,
        "pages": item.pages,
    }
