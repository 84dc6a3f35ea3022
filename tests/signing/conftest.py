"""A SoftHSM2 token with the test PKI (tests/signing/pki.py), built once per test session, and
a workspace set up to sign with it: a dossier with two scanned papers."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.digitising.conftest import COMPONENT, ID_COPY, dossier, page_bytes, scans  # noqa: F401
from tests.signing.pki import SIGNER, TestPki, build


def _pki(folder: Path) -> Iterator[TestPki]:
    try:
        made = build(folder)
    except FileNotFoundError as missing:
        pytest.skip(str(missing))
    before = os.environ.get("SOFTHSM2_CONF")
    os.environ["SOFTHSM2_CONF"] = made.conf
    yield made
    if before is None:
        os.environ.pop("SOFTHSM2_CONF", None)
    else:
        os.environ["SOFTHSM2_CONF"] = before


@pytest.fixture(scope="session")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestPki]:
    yield from _pki(tmp_path_factory.mktemp("pki"))


def configure(ws, pki: TestPki, key: str = SIGNER, *, crl: bool = True) -> None:  # type: ignore[no-untyped-def]
    ws.settings.set("signing.pkcs11_module", pki.module)
    ws.settings.set("signing.token_label", pki.token_label)
    ws.settings.set("signing.key_label", key)
    ws.settings.set("signing.trust_roots", [pki.ca_pem] + ([pki.crl_pem] if crl else []))


@pytest.fixture
def signing_ws(ws, pki, dossier, officer, scans):  # type: ignore[no-untyped-def]  # noqa: F811
    """The workspace, signing with the token, and a dossier with two scanned papers."""
    configure(ws, pki)
    first = scans / "to-khai.png"
    first.write_bytes(page_bytes("png", seed=1))
    second = scans / "cccd.jpg"
    second.write_bytes(page_bytes("jpeg", seed=2))
    ws.attachments.attach(dossier.code, [first], component=COMPONENT, user=officer)
    ws.attachments.attach(dossier.code, [second], component=ID_COPY, user=officer)
    return ws
