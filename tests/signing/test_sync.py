"""Signed copies go to central like any scanned original and still validate when read back
from central (on SQLite and on PostgreSQL)."""

from __future__ import annotations

from tests.conftest import AGENCY
from tests.digitising.conftest import COMPONENT, write_page
from tests.signing.conftest import configure
from tests.signing.pki import USER_PIN
from tests.sync.conftest import (  # noqa: F401  (fixtures)
    pg_central,
    pg_server,
    sqlite_central,
    test_keyring,
)
from tests.sync.test_attachments_sync import (  # noqa: F401  (`central`: each backend in turn)
    central,
    central_content,
    counter_url,
    counter_with_dossier,
    scans,
)


def test_a_signed_copy_validates_after_the_trip_through_central(central, tmp_path, pki):  # type: ignore[no-untyped-def]  # noqa: F811
    ws, user, dossier = counter_with_dossier(tmp_path, counter_url(central, "A", [AGENCY]))
    configure(ws, pki)
    page = write_page(scans(tmp_path), "to-khai.png", seed=3)
    ws.attachments.attach(dossier.code, [page], component=COMPONENT, user=user)
    signed = ws.signing.sign(dossier.code, user=user, pin=USER_PIN, what="all")
    ws.sync.run_once()
    for item in signed:
        content = central_content(central, item.copy.sha256)
        assert content is not None, item.copy.what
        pulled = tmp_path / f"from-central-{item.copy.sha256[:8]}.pdf"
        pulled.write_bytes(content)
        verdict = ws.signing.verify(pulled)
        assert (verdict.valid, verdict.intact, verdict.signer) == (True, True, "Cán bộ signer")
    ws.close()
