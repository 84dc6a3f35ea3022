"""PDF originals: checked (a real PDF, whole, unlocked), kept byte for byte, their pages bound
into the digitised dossier in component order, turned as metadata only."""

from __future__ import annotations

import hashlib
import io

import pikepdf
import pytest
from pypdf import PdfReader

from counter_app.domain.errors import CounterError
from counter_app.services.digitising.files import ScanLimits
from tests.digitising.conftest import (
    COMPONENT,
    ID_COPY,
    page_bytes,
    pdf_bytes,
    write_page,
    write_pdf,
)
from tests.digitising.test_attachments import refused_key


def test_pdf_is_kept_byte_for_byte_with_its_page_count(ws, officer, dossier, scans):
    path = write_pdf(scans, "scan.pdf", pages=3, seed=1)
    (added,) = ws.attachments.attach(dossier.code, [path], component=COMPONENT, user=officer)
    assert added.media_type == "application/pdf" and added.pages == 3
    assert added.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert ws.attachments.read(added) == path.read_bytes()


def test_digitised_pdf_has_pdf_pages_in_component_order(ws, officer, dossier, scans):
    ws.attachments.attach(dossier.code, [write_pdf(scans, "id.pdf", pages=2, seed=2)],
                          component=ID_COPY, user=officer)  # fmt: skip
    ws.attachments.attach(dossier.code, [write_page(scans, "form.png", seed=1),
                                         write_pdf(scans, "form.pdf", pages=3, seed=3)],
                          component=COMPONENT, user=officer)  # fmt: skip
    digitised = ws.attachments.digitised(dossier.code)
    reader = PdfReader(io.BytesIO(digitised.pdf))
    assert len(reader.pages) == digitised.pages == 1 + 1 + 3 + 2
    texts = [page.extract_text() for page in reader.pages]
    assert texts[1] == ""  # the picture
    assert [t.strip() for t in texts[2:]] == [
        "Trang 1, mau 3",
        "Trang 2, mau 3",
        "Trang 3, mau 3",
        "Trang 1, mau 2",
        "Trang 2, mau 2",
    ]
    assert "4 trang" in texts[0] and "2 trang" in texts[0]  # a picture and 3 PDF pages


def test_turning_a_pdf_turns_every_page_and_keeps_the_file(ws, officer, dossier, scans):
    path = write_pdf(scans, "scan.pdf", pages=2, seed=4)
    (added,) = ws.attachments.attach(dossier.code, [path], component=COMPONENT, user=officer)
    ws.attachments.rotate(dossier.code, added.sha256, 270, user=officer)
    assert ws.attachments.read(added) == path.read_bytes()
    pages = PdfReader(io.BytesIO(ws.attachments.digitised(dossier.code).pdf)).pages
    assert [p.rotation for p in pages[1:]] == [270, 270]


def test_damaged_pdfs_are_refused(ws, officer, dossier, scans):
    data = pdf_bytes(3)
    for name, content in (
        ("half.pdf", data[: len(data) // 2]),  # the page tree is gone
        ("tail.pdf", data[:-40]),  # qpdf would have to repair it
        ("garbage.pdf", b"%PDF-1.7\n" + bytes(range(256)) * 16),
    ):
        (scans / name).write_bytes(content)
        assert refused_key(ws, officer, dossier, scans / name) == "attachment.corrupt"


def test_a_picture_stream_of_the_wrong_length_is_refused(ws, officer, dossier, scans):
    import re

    import img2pdf

    data = img2pdf.convert(page_bytes("jpeg"))
    declared = re.search(rb"/Length (\d+)", data)
    assert declared is not None
    longer = str(int(declared.group(1)) + 5).encode()
    damaged = data[: declared.start(1)] + longer + data[declared.end(1) :]
    (scans / "length.pdf").write_bytes(damaged)
    assert refused_key(ws, officer, dossier, scans / "length.pdf") == "attachment.corrupt"


def test_a_damaged_page_stream_is_refused(ws, officer, dossier, scans):
    with pikepdf.open(io.BytesIO(pdf_bytes(2))) as pdf:
        page = pdf.pages[1]
        page.obj.Contents = pikepdf.Stream(pdf, b"x\x9c garbage that is no zlib")
        page.obj.Contents.Filter = pikepdf.Name.FlateDecode
        out = io.BytesIO()
        pdf.save(out)
    (scans / "stream.pdf").write_bytes(out.getvalue())
    assert refused_key(ws, officer, dossier, scans / "stream.pdf") == "attachment.corrupt"


@pytest.mark.parametrize("user_password", ["secret", ""])
def test_locked_pdfs_are_refused(ws, officer, dossier, scans, user_password):
    with pikepdf.open(io.BytesIO(pdf_bytes(1))) as pdf:
        out = io.BytesIO()
        pdf.save(out, encryption=pikepdf.Encryption(owner="owner", user=user_password))
    (scans / "locked.pdf").write_bytes(out.getvalue())
    assert refused_key(ws, officer, dossier, scans / "locked.pdf") == "attachment.pdf_encrypted"


def test_pdf_limits(ws, officer, dossier, scans):
    path = write_pdf(scans, "long.pdf", pages=4)
    ws.attachments.limits = ScanLimits(max_pdf_pages=3)
    assert refused_key(ws, officer, dossier, path) == "attachment.pdf_pages"
    ws.attachments.limits = ScanLimits(max_bytes=path.stat().st_size - 1)
    assert refused_key(ws, officer, dossier, path) == "attachment.too_large"


def test_a_pdf_named_as_a_picture_and_the_reverse(ws, officer, dossier, scans):
    (scans / "scan.jpg").write_bytes(pdf_bytes(1))
    assert refused_key(ws, officer, dossier, scans / "scan.jpg") == "attachment.type_mismatch"
    liar = scans / "scan.pdf"
    liar.write_bytes(write_page(scans, "p.png").read_bytes())
    assert refused_key(ws, officer, dossier, liar) == "attachment.type_mismatch"


def test_removal_by_id_with_a_reason_is_audited(ws, officer, dossier, scans):
    from sqlalchemy import select

    from counter_app.store.models import AuditRow

    (added,) = ws.attachments.attach(dossier.code, [write_pdf(scans, "a.pdf")],
                                     component=COMPONENT, user=officer)  # fmt: skip
    with pytest.raises(CounterError) as refused:
        ws.attachments.remove(dossier.code, str(added.id + 1000), user=officer)
    assert refused.value.key == "attachment.unknown"
    ws.attachments.remove(dossier.code, str(added.id), user=officer, reason="  quét nhầm ")
    assert ws.attachments.list(dossier.code) == []
    with ws.database.read() as session:
        row = session.scalars(select(AuditRow).order_by(AuditRow.id.desc()).limit(1)).one()
    assert row.action == "attachment.remove"
    assert "quét nhầm" in str(row.detail) and added.sha256 in str(row.detail)
    assert ws.audit.verify() > 0


def test_staged_scans_attach_in_one_go_with_their_turns(ws, officer, dossier, scans):
    from counter_app.services.digitising import Staged

    ws.attachments.attach(dossier.code, [write_page(scans, "first.png", seed=9)],
                          component=COMPONENT, user=officer)  # fmt: skip
    checked = [
        ws.attachments.check_file(write_pdf(scans, "id.pdf", seed=1)),
        ws.attachments.check_file(write_page(scans, "form.jpg", seed=2)),
        ws.attachments.check_file(write_page(scans, "form2.png", seed=3)),
    ]
    staged = [
        Staged(ID_COPY, checked[0], 90),
        Staged(COMPONENT.lower(), checked[1]),
        Staged(COMPONENT, checked[2], 180),
    ]
    ws.attachments.attach_staged(dossier.code, staged, user=officer)
    listed = ws.attachments.list(dossier.code)
    assert [(a.original_name, a.component, a.position, a.rotation) for a in listed] == [
        ("first.png", COMPONENT, 1, 0),
        ("form.jpg", COMPONENT, 2, 0),
        ("form2.png", COMPONENT, 3, 180),
        ("id.pdf", ID_COPY, 1, 90),
    ]


def test_staged_scans_are_all_or_nothing(ws, officer, dossier, scans):
    from counter_app.services.digitising import Staged

    good = ws.attachments.check_file(write_page(scans, "good.png", seed=1))
    staged = [Staged(COMPONENT, good), Staged("Giấy không có", good)]
    with pytest.raises(CounterError) as refused:
        ws.attachments.attach_staged(dossier.code, staged, user=officer)
    assert refused.value.key == "attachment.component"
    with pytest.raises(CounterError) as turned:
        ws.attachments.attach_staged(dossier.code, [Staged(COMPONENT, good, 45)], user=officer)
    assert turned.value.key == "attachment.rotation"
    assert ws.attachments.list(dossier.code) == []
