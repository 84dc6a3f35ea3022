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


def test_the_portal_export_marks_reused_and_digitised_papers(central, tmp_path, pki):  # type: ignore[no-untyped-def]  # noqa: F811
    from counter_app.services.intake import request_from_json
    from counter_app.services.sync.admin import CentralAdmin
    from tests.conftest import TEN_DAYS, intake_json
    from tests.digitising.conftest import ID_COPY

    ws, user, first = counter_with_dossier(tmp_path, counter_url(central, "A", [AGENCY]))
    configure(ws, pki)
    for name, component in (("to-khai.png", COMPONENT), ("cccd.png", ID_COPY)):
        page = write_page(scans(tmp_path), name, seed=len(name))
        ws.attachments.attach(first.code, [page], component=component, user=user)
    ws.signing.sign(first.code, user=user, pin=USER_PIN, what="digitised")
    second = ws.intake.receive(request_from_json(intake_json(TEN_DAYS)), user=user)
    (paper,) = [p.paper for p in ws.paper_store.on_file("020090001234") if p.paper.kind == ID_COPY]
    ws.paper_store.record_consent(second.code, given=True, user=user)
    ws.paper_store.reuse(second.code, paper.uuid, component=ID_COPY, user=user)
    ws.sync.run_once()
    ws.close()
    with CentralAdmin(central) as admin:
        records = {entry.record["MaHoSo"]: entry.record for entry in admin.export()}
    marks = {
        code: {p["TenTepDinhKem"]: (p["DuocSoHoa"], p["DuocTaiSuDung"]) for p in r["TaiLieuNop"]}
        for code, r in records.items()
    }
    assert marks[first.code] == {COMPONENT: ("1", "0"), ID_COPY: ("1", "0")}
    assert marks[second.code] == {COMPONENT: ("0", "0"), ID_COPY: ("1", "1")}
