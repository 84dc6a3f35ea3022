"""Signing a dossier's electronic copies with the token, and checking a signed PDF.

Every copy is signed in memory in one token session (one PIN entry however many pages or
papers), then all are kept in one transaction: the files as attachments of the dossier (so they
go to central like any scan), a row per copy saying who signed it, the components filed in the
citizen's paper store, the audit lines. A token pulled out half-way, a wrong PIN or a lapsed
certificate leaves nothing behind.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from counter_app.domain.clock import local, now
from counter_app.domain.errors import CounterError
from counter_app.domain.settings_registry import REGISTRY
from counter_app.domain.signing import SignChoice, SignedWhat
from counter_app.services.accounts import User
from counter_app.services.digitising import DigitisingService
from counter_app.services.digitising.files import ScannedFile
from counter_app.services.dossiers import DossierService
from counter_app.services.paper_store import PaperStore
from counter_app.services.printing import PaperService
from counter_app.services.settings import SettingsService
from counter_app.services.signing.pades import (
    StampText,
    Verdict,
    sign_pdf,
    signing_time,
    subject_parts,
    trust_material,
    verify_pdf,
)
from counter_app.services.signing.token import (
    TokenConfig,
    token_problem,
    token_session,
    token_signer,
)
from counter_app.store.database import Database, Session
from counter_app.store.journal import AuditEntry, append_audit
from counter_app.store.signed_copies import SignedCopy, add_signed_copy, signed_copies_of

Progress = Callable[[int, int], None]  # (copies signed, copies in all)


@dataclass(frozen=True)
class Unsigned:
    what: SignedWhat
    component: str
    name: str  # the attachment's file name
    pdf: bytes
    pages: int


@dataclass(frozen=True)
class SignedFile:
    """One copy signed and kept: `path` is the file in the data folder."""

    path: Path
    copy: SignedCopy


class SigningService:
    def __init__(
        self,
        database: Database,
        dossiers: DossierService,
        attachments: DigitisingService,
        papers: PaperService,
        settings: SettingsService,
        paper_store: PaperStore,
    ) -> None:
        self._db = database
        self._dossiers = dossiers
        self._attachments = attachments
        self._papers = papers
        self._settings = settings
        self._paper_store = paper_store

    def _setting(self, key: str) -> Any:
        return self._settings.get(key, REGISTRY[key].default)

    def token_config(self) -> TokenConfig:
        return TokenConfig(
            module=str(self._setting("signing.pkcs11_module") or ""),
            token_label=str(self._setting("signing.token_label") or ""),
            key_label=str(self._setting("signing.key_label") or ""),
        )

    def trust(self) -> tuple[list[Any], list[Any]]:
        """The configured trust roots and the CRLs among them; an unreadable file is named."""
        paths = self._setting("signing.trust_roots") or []
        if isinstance(paths, str):
            paths = [paths]
        for path in paths:
            try:
                trust_material([str(path)])
            except (OSError, ValueError) as error:
                reason = getattr(error, "strerror", None) or str(error)
                raise CounterError(
                    "signing.trust_unreadable", path=str(path), reason=reason
                ) from None
        return trust_material([str(path) for path in paths])

    def _unsigned(self, code: str, choice: SignChoice) -> list[Unsigned]:
        dossier = self._dossiers.get(code)
        found: list[Unsigned] = []
        if choice.includes(SignedWhat.DIGITISED):
            components = self._attachments.components_scanned(code)
            if components:
                whole = self._attachments.digitised(code)
                name = f"{dossier.code}-ho-so-dien-tu.pdf"
                found.append(Unsigned(SignedWhat.DIGITISED, "", name, whole.pdf, whole.pages))
            for number, component in enumerate(components, start=1):
                single = self._attachments.digitised(code, component=component)
                name = f"{dossier.code}-thanh-phan-{number}.pdf"
                found.append(
                    Unsigned(SignedWhat.COMPONENT, component, name, single.pdf, single.pages)
                )
        if choice.includes(SignedWhat.RECEIPT):
            receipt = self._papers.receipt(code)
            name = f"{dossier.code}-phieu-tiep-nhan.pdf"
            found.append(Unsigned(SignedWhat.RECEIPT, "", name, receipt.pdf, receipt.pages))
        if not found:
            raise CounterError("signing.nothing", code=dossier.code, what=choice.value)
        return found

    def sign(
        self,
        code: str,
        *,
        user: User,
        pin: str,
        what: SignChoice | str = SignChoice.ALL,
        progress: Progress | None = None,
        at: datetime | None = None,
    ) -> list[SignedFile]:
        """Sign what `what` names; all of it is kept or none. The PIN is only passed to the
        token's log-in."""
        choice = SignChoice(what)
        dossier = self._dossiers.get(code)
        unsigned = self._unsigned(code, choice)
        _roots, revocations = self.trust()
        config = self.token_config()
        tsa_url = str(self._setting("signing.tsa_url") or "")
        at = at or now()
        signed: list[tuple[Unsigned, bytes]] = []
        with token_session(config, pin) as session:
            signer = token_signer(session, config)
            certificate = signer.signing_cert
            check_certificate(certificate, revocations, at)
            name, unit = subject_parts(certificate)
            stamp = StampText(name, unit, at)
            location = self._settings.identity().name
            for item in unsigned:
                signed.append((item, _signed(item.pdf, signer, stamp, location, tsa_url, config)))
                if progress is not None:
                    progress(len(signed), len(unsigned))
        # Made here from checked scans and papers: kept as they are (a 300 dpi dossier may be
        # larger than a single scan may be)
        scans = [
            ScannedFile(Path(item.name), data, hashlib.sha256(data).hexdigest(), "pdf", item.pages)
            for item, data in signed
        ]
        copies = [
            SignedCopy(
                dossier.uuid,
                scan.sha256,
                item.what.value,
                item.component,
                name,
                unit,
                local(signing_time(data) or at).replace(microsecond=0),
                user.login,
            )
            for (item, data), scan in zip(signed, scans, strict=True)
        ]

        def record(db_session: Session) -> None:
            for copy in copies:
                add_signed_copy(db_session, copy)
                self._paper_store.file_signed(db_session, dossier, copy)
            append_audit(
                db_session,
                [
                    AuditEntry(
                        at,
                        user.login,
                        "document.sign",
                        dossier.code or "",
                        {
                            "sha256": c.sha256,
                            "what": c.what,
                            "component": c.component,
                            "signer": name,
                        },
                    )
                    for c in copies
                ],
            )

        self._attachments.attach_signed(dossier, scans, user=user, at=at, record=record)
        blobs = self._attachments.blobs
        return [SignedFile(blobs.path(copy.sha256), copy) for copy in copies]

    def signed_copies(self, code: str) -> list[SignedCopy]:
        """What the dossier shows as signed."""
        dossier = self._dossiers.get(code)
        with self._db.read() as session:
            return signed_copies_of(session, dossier.uuid)

    def verify(self, path: Path) -> Verdict:
        try:
            data = Path(path).read_bytes()
        except OSError as error:
            raise CounterError(
                "file.unreadable", path=str(path), reason=error.strerror or str(error)
            ) from None
        roots, revocations = self.trust()
        return verify_pdf(data, roots, revocations)


def _signed(
    pdf: bytes, signer: Any, stamp: StampText, location: str, tsa_url: str, config: TokenConfig
) -> bytes:
    """One copy signed; a failure of the token or the TSA says which."""
    from pkcs11.exceptions import PKCS11Error
    from pyhanko.sign.general import SigningError
    from pyhanko.sign.timestamps.common_utils import TimestampRequestError

    try:
        return sign_pdf(pdf, signer, stamp, location=location, tsa_url=tsa_url)
    except PKCS11Error as error:
        raise token_problem(error, config) from None
    except TimestampRequestError as error:
        reason = str(error.__cause__ or error)
        raise CounterError("signing.timestamp_failed", url=tsa_url, reason=reason) from None
    except SigningError as error:
        cause = error.__cause__ or error.__context__
        if isinstance(cause, PKCS11Error):
            raise token_problem(cause, config) from None
        if tsa_url:
            raise CounterError("signing.timestamp_failed", url=tsa_url, reason=str(error)) from None
        raise


def check_certificate(certificate: Any, revocations: list[Any], at: datetime) -> None:
    """Refuse to sign with a certificate that has lapsed, is not yet valid or was revoked."""
    name, _unit = subject_parts(certificate)
    if certificate.not_valid_after < at:
        day = certificate.not_valid_after.strftime("%d/%m/%Y")
        raise CounterError("signing.cert_expired", signer=name, date=day)
    if certificate.not_valid_before > at:
        day = certificate.not_valid_before.strftime("%d/%m/%Y")
        raise CounterError("signing.cert_not_yet", signer=name, date=day)
    serial = certificate.serial_number
    for revocation in revocations:
        if revocation.issuer.hashable != certificate.issuer.hashable:
            continue
        for entry in revocation["tbs_cert_list"]["revoked_certificates"] or []:
            if entry["user_certificate"].native == serial:
                when = entry["revocation_date"].native
                raise CounterError(
                    "signing.cert_revoked", signer=name, date=when.strftime("%d/%m/%Y")
                )
