"""Signing a dossier's copies with the SoftHSM2 token, read back with pyHanko's validator and
poppler's pdfsig; the bad input of the issue: wrong PIN, locked token, token pulled out,
expired or revoked certificate, unknown signer, a PDF changed after signing."""

from __future__ import annotations

import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest

from counter_app.domain.errors import CounterError
from counter_app.domain.signing import SIGNED_COMPONENT
from tests.signing.conftest import configure
from tests.signing.pki import EXPIRED, REVOKED, USER_PIN
from tests.signing.tsa import local_tsa


def pdfsig(path: Path) -> str:
    done = subprocess.run(["pdfsig", str(path)], capture_output=True, text=True, check=False)
    return done.stdout + done.stderr


def stored(ws, code: str) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    return len(ws.attachments.list(code)), len(ws.signing.signed_copies(code))


def test_sign_everything_with_one_pin_and_every_copy_validates(signing_ws, dossier, officer):  # type: ignore[no-untyped-def]
    ws = signing_ws
    before = ws.attachments.digitised(dossier.code)
    asked: list[tuple[int, int]] = []
    signed = ws.signing.sign(
        dossier.code,
        user=officer,
        pin=USER_PIN,
        what="all",
        progress=lambda done, total: asked.append((done, total)),
    )
    kinds = [(item.copy.what, item.copy.component) for item in signed]
    assert kinds == [
        ("digitised", ""),
        ("component", "Tờ khai yêu cầu cấp Phiếu"),
        ("component", "Bản chụp giấy tờ tùy thân"),
        ("receipt", ""),
    ]
    assert asked == [(1, 4), (2, 4), (3, 4), (4, 4)]
    for item in signed:
        verdict = ws.signing.verify(item.path)
        assert (verdict.signed, verdict.valid, verdict.intact) == (True, True, True), item
        assert verdict.signer == "Cán bộ signer"
        assert verdict.reason == "signing.verdict.valid"
        report = pdfsig(item.path)
        assert "Signature is Valid." in report, report
        assert "Cán bộ signer" in report
        assert "Total document signed" in report
    assert [copy.sha256 for copy in ws.signing.signed_copies(dossier.code)] == [
        item.copy.sha256 for item in signed
    ]
    on_file = [a for a in ws.attachments.list(dossier.code) if a.component == SIGNED_COMPONENT]
    assert len(on_file) == 4 and all(a.media_type == "application/pdf" for a in on_file)
    assert ws.attachments.digitised(dossier.code).pages == before.pages  # scans only


def test_the_visible_block_names_signer_unit_and_time(signing_ws, dossier, officer, tmp_path):  # type: ignore[no-untyped-def]
    signed = signing_ws.signing.sign(dossier.code, user=officer, pin=USER_PIN, what="receipt")
    text = subprocess.run(
        ["pdftotext", "-f", "1", "-l", "1", str(signed[0].path), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "Ký bởi: Cán bộ signer" in text
    assert "Đơn vị: UBND tỉnh Lạng Sơn" in text
    assert signed[0].copy.signed_at.strftime("%d/%m/%Y %H:%M") in text
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            "40",
            "-f",
            "1",
            "-l",
            "1",
            str(signed[0].path),
            str(tmp_path / "p"),
        ],
        check=True,
    )
    assert any(tmp_path.glob("p*.png"))


def test_a_timestamp_from_the_configured_tsa(signing_ws, dossier, officer, pki):  # type: ignore[no-untyped-def]
    with local_tsa(pki) as url:
        signing_ws.settings.set("signing.tsa_url", url)
        signed = signing_ws.signing.sign(dossier.code, user=officer, pin=USER_PIN, what="receipt")
    from pyhanko.pdf_utils.reader import PdfFileReader

    with open(signed[0].path, "rb") as stream:
        embedded = PdfFileReader(stream).embedded_signatures[0]
        unsigned = embedded.signer_info["unsigned_attrs"].native or []
        types = [attribute["type"] for attribute in unsigned]
        assert "signature_time_stamp_token" in types  # the TSA's token is in the CMS
    verdict = signing_ws.signing.verify(signed[0].path)
    assert verdict.valid


def test_a_tsa_out_of_reach_signs_nothing(signing_ws, dossier, officer):  # type: ignore[no-untyped-def]
    signing_ws.settings.set("signing.tsa_url", "http://127.0.0.1:9/tsa")
    before = stored(signing_ws, dossier.code)
    with pytest.raises(CounterError) as refused:
        signing_ws.signing.sign(dossier.code, user=officer, pin=USER_PIN, what="receipt")
    assert refused.value.key == "signing.timestamp_failed"
    assert stored(signing_ws, dossier.code) == before


def test_wrong_pin_signs_nothing(signing_ws, dossier, officer):  # type: ignore[no-untyped-def]
    before = stored(signing_ws, dossier.code)
    with pytest.raises(CounterError) as refused:
        signing_ws.signing.sign(dossier.code, user=officer, pin="000000")
    assert refused.value.key == "signing.pin_wrong"
    assert "PIN" in refused.value.message("vi")
    assert stored(signing_ws, dossier.code) == before


def test_a_locked_token_says_so():
    """SoftHSM2 never locks a token after wrong PINs (it has no retry counter), so the lock a
    real token reports (CKR_PIN_LOCKED) is checked through the library's own exception."""
    from pkcs11.exceptions import PinLocked

    from counter_app.services.signing.token import TokenConfig, token_problem

    problem = token_problem(PinLocked(), TokenConfig("lib.so", "Token VNPT", "key"))
    assert problem.key == "signing.pin_locked"
    assert "Token VNPT" in problem.message("vi") and "khóa" in problem.message("vi")


def test_token_pulled_out_mid_signing_keeps_nothing(signing_ws, dossier, officer, pki):  # type: ignore[no-untyped-def]
    """The token's storage goes away after the first copy is signed: its key handle dies as on
    a real token pulled from the USB port."""
    tokens = Path(pki.folder) / "tokens"
    away = Path(pki.folder) / "tokens-unplugged"
    before = stored(signing_ws, dossier.code)

    def unplug(done: int, _total: int) -> None:
        if done == 1:
            tokens.rename(away)

    try:
        with pytest.raises(CounterError) as refused:
            signing_ws.signing.sign(dossier.code, user=officer, pin=USER_PIN, progress=unplug)
    finally:
        if away.exists():
            away.rename(tokens)
    assert refused.value.key == "signing.token_gone"
    assert "rút ra" in refused.value.message("vi")
    assert stored(signing_ws, dossier.code) == before
    again = signing_ws.signing.sign(dossier.code, user=officer, pin=USER_PIN, what="receipt")
    assert signing_ws.signing.verify(again[0].path).valid  # plugged back: signs


@pytest.mark.parametrize(("key", "refusal"), [(EXPIRED, "cert_expired"), (REVOKED, "cert_revoked")])
def test_expired_or_revoked_certificates_cannot_sign(
    signing_ws, dossier, officer, pki, key, refusal
):  # type: ignore[no-untyped-def]
    configure(signing_ws, pki, key)
    before = stored(signing_ws, dossier.code)
    with pytest.raises(CounterError) as refused:
        signing_ws.signing.sign(dossier.code, user=officer, pin=USER_PIN)
    assert refused.value.key == f"signing.{refusal}"
    assert stored(signing_ws, dossier.code) == before


def test_missing_module_or_token_is_a_clear_refusal(signing_ws, dossier, officer):  # type: ignore[no-untyped-def]
    signing_ws.settings.set("signing.key_label", "khong-co-khoa")
    with pytest.raises(CounterError) as refused:
        signing_ws.signing.sign(dossier.code, user=officer, pin=USER_PIN)
    assert refused.value.key == "signing.key_missing"
    assert "khong-co-khoa" in refused.value.message("vi")
    signing_ws.settings.set("signing.key_label", "signer")
    signing_ws.settings.set("signing.token_label", "khong-co")
    with pytest.raises(CounterError) as refused:
        signing_ws.signing.sign(dossier.code, user=officer, pin=USER_PIN)
    assert refused.value.key == "signing.token_missing"
    signing_ws.settings.set("signing.pkcs11_module", "/khong/co/libtoken.so")
    with pytest.raises(CounterError) as refused:
        signing_ws.signing.sign(dossier.code, user=officer, pin=USER_PIN)
    assert refused.value.key == "signing.module_missing"


def _sign_outside(pki, source: bytes, *, key: str | None = None) -> bytes:  # type: ignore[no-untyped-def]
    """A PDF signed without the app's checks: by an unknown signer's software key, or by a
    token key the app would refuse."""
    from counter_app.services.signing.pades import StampText, sign_pdf
    from counter_app.services.signing.token import TokenConfig, token_session, token_signer

    stamp = StampText("Người ký", "Đơn vị", datetime.now(UTC))
    if key is None:
        from pyhanko.sign.signers import SimpleSigner

        signer = SimpleSigner.load(pki.other_key_pem, pki.other_cert_pem)
        return sign_pdf(source, signer, stamp, location="x")
    config = TokenConfig(pki.module, pki.token_label, key)
    with token_session(config, USER_PIN) as session:
        return sign_pdf(source, token_signer(session, config), stamp, location="x")


def test_verify_unknown_signer_expired_and_changed(signing_ws, dossier, officer, pki, tmp_path):  # type: ignore[no-untyped-def]
    receipt = signing_ws.papers.receipt(dossier.code).pdf
    cases = {
        "unknown": _sign_outside(pki, receipt),
        "expired": _sign_outside(pki, receipt, key=EXPIRED),
    }
    good = signing_ws.signing.sign(dossier.code, user=officer, pin=USER_PIN, what="receipt")[0]
    data = good.path.read_bytes()
    signed_end = data.rindex(b"%%EOF")  # a byte inside the signed range, in the page's drawing
    changed = bytearray(data)
    position = data.index(b"BT", 0, signed_end)
    changed[position : position + 2] = b"bt"
    cases["changed"] = bytes(changed)
    expected = {
        "unknown": (True, False, True, "signing.verdict.unknown_signer"),
        "expired": (True, False, True, "signing.verdict.expired"),
        "changed": (True, False, False, "signing.verdict.changed"),
    }
    for name, content in cases.items():
        path = tmp_path / f"{name}.pdf"
        path.write_bytes(content)
        verdict = signing_ws.signing.verify(path)
        assert (verdict.signed, verdict.valid, verdict.intact, verdict.reason) == expected[name]
    assert "Signature is Invalid" in pdfsig(
        tmp_path / "changed.pdf"
    ) or "Digest Mismatch" in pdfsig(tmp_path / "changed.pdf")
    assert "Signature is Valid." in pdfsig(tmp_path / "unknown.pdf")  # intact, but not trusted
    unsigned = tmp_path / "unsigned.pdf"
    unsigned.write_bytes(receipt)
    assert signing_ws.signing.verify(unsigned).reason == "signing.verdict.unsigned"


def test_nothing_scanned_is_nothing_to_sign(ws, pki, officer):  # type: ignore[no-untyped-def]
    from counter_app.services.intake import request_from_json
    from tests.conftest import TEN_DAYS, intake_json

    configure(ws, pki)
    bare = ws.intake.receive(request_from_json(intake_json(TEN_DAYS)), user=officer)
    with pytest.raises(CounterError) as refused:
        ws.signing.sign(bare.code, user=officer, pin=USER_PIN, what="digitised")
    assert refused.value.key == "signing.nothing"
    assert "quét" in refused.value.message("vi")
    signed = ws.signing.sign(bare.code, user=officer, pin=USER_PIN, what="receipt")
    assert [item.copy.what for item in signed] == ["receipt"]
