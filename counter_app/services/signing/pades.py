"""PAdES signatures with pyHanko: a visible block (signer, unit, time) on the first page, a
timestamp from the configured TSA, and validation against the counter's trust roots offline.

pyHanko imports `cryptography`'s DSA module, which newer releases mark deprecated on import;
the warning says nothing about what is signed here (RSA and EC keys), so it is hushed once.
"""

from __future__ import annotations

import io
import logging
import string
import warnings
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any

from counter_app.domain.clock import VN_TZ
from counter_app.paths import resources_dir

QUIET_LOGGERS = ("pyhanko", "pyhanko_certvalidator", "fontTools")
STAMP_FONT = "LiberationSans-Regular.ttf"
FIELD_PREFIX = "ChuKySo"
STAMP_SIZE = (230, 64)  # points: wide enough for a Vietnamese name and unit on one line each
STAMP_MARGIN = 18


def hushed_imports() -> None:
    """Import pyHanko once with cryptography's DSA deprecation silenced. Its loggers (and
    fontTools') report a failed check with a traceback on stderr; the verdict says it instead."""
    for name in QUIET_LOGGERS:
        quiet = logging.getLogger(name)
        if not quiet.handlers:
            quiet.addHandler(logging.NullHandler())
            quiet.propagate = False
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=".*DSA.*", category=DeprecationWarning)
        warnings.filterwarnings("ignore", message=".*DSA.*")
        import pyhanko.sign.signers
        import pyhanko.sign.validation  # noqa: F401


@dataclass(frozen=True)
class StampText:
    """What the visible block says."""

    signer: str
    unit: str
    at: datetime


@dataclass(frozen=True)
class Verdict:
    """One PDF's signature read back: `valid` means intact, trusted and in force."""

    signed: bool
    valid: bool
    intact: bool
    signer: str | None
    signed_at: datetime | None
    reason: str  # a message key (signing.verdict.*)


def subject_parts(certificate: Any) -> tuple[str, str]:
    """(common name, organisation) of an asn1crypto certificate's subject."""
    native = certificate.subject.native
    return str(native.get("common_name", "")), str(native.get("organization_name", ""))


def _field_name(data: bytes) -> str:
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.fields import enumerate_sig_fields

    taken = {name for name, *_ in enumerate_sig_fields(PdfFileReader(io.BytesIO(data)))}
    number = 1
    while f"{FIELD_PREFIX}{number}" in taken:
        number += 1
    return f"{FIELD_PREFIX}{number}"


def _stamp_box(data: bytes, index: int) -> tuple[int, int, int, int]:
    """Bottom right of the page, inside its margins, whatever its size (A4, A5, a scan)."""
    from pyhanko.pdf_utils.reader import PdfFileReader

    reader = PdfFileReader(io.BytesIO(data), strict=False)
    node = reader.find_page_for_modification(index)[0].get_object()
    while "/MediaBox" not in node and "/Parent" in node:  # inherited from the page tree
        node = node["/Parent"]
    box = [float(v) for v in node.get("/MediaBox", (0, 0, 595, 842))]
    right, bottom = int(box[2] - STAMP_MARGIN), int(box[1] + STAMP_MARGIN)
    width = int(min(STAMP_SIZE[0], box[2] - box[0] - 2 * STAMP_MARGIN))
    return (right - width, bottom, right, bottom + STAMP_SIZE[1])


@cache
def _font_bytes() -> bytes:
    """The stamp's font, made once per process: cut down to the papers' alphabet (Vietnamese,
    digits, punctuation) without layout tables, so that pyHanko's subset of it for each
    signature takes milliseconds, not a second; and scaled to 1000 units per em, because pyHanko
    writes the glyph widths (/W) in the font's own units, which PDF reads as thousandths (a
    2048-unit face such as Liberation would be drawn with its letters twice as far apart)."""
    from fontTools import subset
    from fontTools.ttLib import TTFont
    from fontTools.ttLib.scaleUpem import scale_upem

    from counter_app.services.printing.fonts import SEED

    font = TTFont(io.BytesIO((resources_dir() / "fonts" / STAMP_FONT).read_bytes()))
    options = subset.Options()
    options.layout_features = []
    options.drop_tables += ["GSUB", "GPOS", "GDEF", "kern", "FFTM"]
    options.name_IDs = ["*"]
    cutter = subset.Subsetter(options)
    cutter.populate(text=SEED + string.printable)
    cutter.subset(font)
    scale_upem(font, 1000)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def _stamp_font() -> Any:
    """pyHanko's OpenType engine (Vietnamese glyphs, embedded as a subset) fed from memory:
    its own factory opens the font file and never closes it."""
    from pyhanko.pdf_utils.font.opentype import GlyphAccumulator, GlyphAccumulatorFactory

    class FromMemory(GlyphAccumulatorFactory):
        def create_font_engine(self, writer: Any, obj_stream: Any = None) -> GlyphAccumulator:
            if obj_stream is None and writer.stream_xrefs and self.create_objstream_if_needed:
                obj_stream = writer.prepare_object_stream()
            return GlyphAccumulator(
                writer=writer,
                font_handle=io.BytesIO(_font_bytes()),
                font_size=self.font_size,
                obj_stream=obj_stream,
            )

    return FromMemory(STAMP_FONT)


def sign_pdf(
    data: bytes,
    signer: Any,  # pyhanko.sign.signers.Signer
    stamp: StampText,
    *,
    location: str,
    tsa_url: str = "",
    timestamper: Any = None,
) -> bytes:
    """`data` signed as PAdES (an incremental update: the original bytes stay as they are)."""
    hushed_imports()
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.pdf_utils.text import TextBoxStyle
    from pyhanko.sign import fields, signers
    from pyhanko.sign.timestamps import HTTPTimeStamper
    from pyhanko.stamp import TextStampStyle

    name = _field_name(data)
    when = stamp.at.astimezone(VN_TZ).strftime("%d/%m/%Y %H:%M:%S %z")
    text = f"Ký bởi: {stamp.signer}\nĐơn vị: {stamp.unit}\nThời gian: {when}"
    style = TextStampStyle(
        stamp_text=text,
        text_box_style=TextBoxStyle(
            font=_stamp_font(),
            font_size=8,
        ),
        border_width=1,
        background=None,
    )
    if timestamper is None and tsa_url:
        timestamper = HTTPTimeStamper(tsa_url, timeout=10)
    writer = IncrementalPdfFileWriter(io.BytesIO(data), strict=False)
    out = io.BytesIO()
    signers.PdfSigner(
        signers.PdfSignatureMetadata(
            field_name=name,
            location=location,
            reason="Ký số bản điện tử",
            name=stamp.signer,
            subfilter=fields.SigSeedSubFilter.PADES,
            use_pades_lta=False,
        ),
        signer=signer,
        timestamper=timestamper,
        stamp_style=style,
        new_field_spec=fields.SigFieldSpec(name, on_page=0, box=_stamp_box(data, 0)),
    ).sign_pdf(writer, output=out, in_place=False)
    return out.getvalue()


def signing_time(data: bytes) -> datetime | None:
    """The time the last signature of `data` says it was made (its CMS signing-time)."""
    hushed_imports()
    from pyhanko.pdf_utils.reader import PdfFileReader

    signatures = PdfFileReader(io.BytesIO(data), strict=False).embedded_signatures
    return signatures[-1].self_reported_timestamp if signatures else None


def trust_material(paths: list[str]) -> tuple[list[Any], list[Any]]:
    """Certificates and CRLs from PEM (or DER) files: certificates are the trust roots, CRLs
    the revocations the counter knows offline. Unreadable files are the caller's to report."""
    from asn1crypto import crl, pem, x509

    certificates: list[Any] = []
    revocations: list[Any] = []
    for path in paths:
        raw = Path(path).read_bytes()
        blocks = (
            [(kind, der) for kind, _headers, der in pem.unarmor(raw, multiple=True)]
            if pem.detect(raw)
            else [("CERTIFICATE", raw)]
        )
        for kind, der in blocks:
            if kind == "X509 CRL":
                revocations.append(crl.CertificateList.load(der))
            elif kind in ("CERTIFICATE", "TRUSTED CERTIFICATE"):
                certificates.append(x509.Certificate.load(der))
    return certificates, revocations


def validation_context(roots: list[Any], revocations: list[Any], at: datetime | None = None) -> Any:
    hushed_imports()
    from pyhanko_certvalidator import ValidationContext

    return ValidationContext(
        trust_roots=roots,
        crls=revocations,
        allow_fetching=False,
        revocation_mode="soft-fail",
        moment=at,
    )


def verify_pdf(data: bytes, roots: list[Any], revocations: list[Any]) -> Verdict:
    """The last signature of the PDF, checked offline; a PDF that cannot be read is `unsigned`."""
    hushed_imports()
    from pyhanko.pdf_utils.misc import PdfError
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.diff_analysis import ModificationLevel
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.errors import SignatureValidationError

    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        embedded = reader.embedded_signatures
    except (PdfError, ValueError, KeyError):
        return Verdict(False, False, False, None, None, "signing.verdict.unreadable")
    if not embedded:
        return Verdict(False, False, False, None, None, "signing.verdict.unsigned")
    signature = embedded[-1]
    signer, _unit = subject_parts(signature.signer_cert)
    try:
        status = validate_pdf_signature(
            signature,
            signer_validation_context=validation_context(roots, revocations),
            skip_diff=False,
        )
    except (SignatureValidationError, PdfError, ValueError):
        return Verdict(True, False, False, signer, None, "signing.verdict.broken")
    signed_at = status.timestamp_validity.timestamp if status.timestamp_validity else None
    signed_at = signed_at or status.signer_reported_dt
    later = status.modification_level not in (None, ModificationLevel.NONE)
    intact = status.intact and status.valid and not later
    if not status.intact or not status.valid:
        reason = "signing.verdict.changed"
    elif later:
        reason = "signing.verdict.changed_after"
    elif status.revoked:
        reason = "signing.verdict.revoked"
    elif not status.trusted:
        reason = _untrusted_reason(signature.signer_cert, roots)
    else:
        reason = "signing.verdict.valid"
    valid = intact and status.trusted and not status.revoked
    return Verdict(True, valid, intact, signer, signed_at, reason)


def _untrusted_reason(certificate: Any, roots: list[Any]) -> str:
    """Expired when the chain reaches a root but the certificate has lapsed; else unknown."""
    from datetime import UTC
    from datetime import datetime as clock

    issuers = {root.subject.hashable for root in roots}
    if certificate.issuer.hashable in issuers and certificate.not_valid_after < clock.now(UTC):
        return "signing.verdict.expired"
    return "signing.verdict.unknown_signer"
