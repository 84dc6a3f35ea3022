"""Attaching scans: stored once by SHA-256, listed in order, audited, bound into one PDF."""

from __future__ import annotations

import errno
import hashlib
import io
import os
from dataclasses import replace

import pytest
from pypdf import PdfReader

from counter_app.domain.errors import CounterError
from tests.digitising.conftest import COMPONENT, ID_COPY, page_bytes, write_page


def stored_files(ws) -> list:  # type: ignore[no-untyped-def]
    root = ws.attachments.blobs.root
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


def test_attach_keeps_originals_byte_for_byte(ws, officer, dossier, scans):
    first = write_page(scans, "p1.png", seed=1)
    second = write_page(scans, "p2.jpg", seed=2)
    added = ws.attachments.attach(dossier.code, [first, second], component=COMPONENT, user=officer)
    assert [a.position for a in added] == [1, 2]
    for item, path in zip(added, (first, second), strict=True):
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        assert item.sha256 == digest
        stored = ws.data_dir / "attachments" / digest[:2] / digest[2:]
        assert stored.read_bytes() == path.read_bytes()
    assert [a.media_type for a in added] == ["image/png", "image/jpeg"]
    assert not [p for p in stored_files(ws) if p.name.endswith(".part")]


def test_same_file_is_stored_once_across_dossiers(ws, officer, dossier, scans):
    from counter_app.services.intake import request_from_json
    from tests.conftest import TEN_DAYS, intake_json

    other = ws.intake.receive(request_from_json(intake_json(TEN_DAYS)), user=officer)
    page = write_page(scans, "p.png", seed=3)
    ws.attachments.attach(dossier.code, [page], component=COMPONENT, user=officer)
    ws.attachments.attach(other.code, [page], component=COMPONENT, user=officer)
    assert len(stored_files(ws)) == 1
    with pytest.raises(CounterError) as refused:
        ws.attachments.attach(dossier.code, [page], component=COMPONENT, user=officer)
    assert refused.value.key == "attachment.duplicate"


def test_order_follows_components_then_pages(ws, officer, dossier, scans):
    ws.attachments.attach(dossier.code, [write_page(scans, "id.png", seed=9)], component=ID_COPY,
                          user=officer)  # fmt: skip
    ws.attachments.attach(dossier.code, [write_page(scans, "a.png", seed=1)],
                          component=COMPONENT.upper(), user=officer)  # fmt: skip
    ws.attachments.attach(dossier.code, [write_page(scans, "b.png", seed=2)], component=COMPONENT,
                          user=officer)  # fmt: skip
    listed = ws.attachments.list(dossier.code)
    assert [(a.component, a.position) for a in listed] == [
        (COMPONENT, 1),
        (COMPONENT, 2),
        (ID_COPY, 1),
    ]
    assert all(a.by == officer.login for a in listed)


def test_attach_and_remove_are_audited(ws, officer, dossier, scans):
    page = write_page(scans, "p.png", seed=4)
    (added,) = ws.attachments.attach(dossier.code, [page], component=COMPONENT, user=officer)
    ws.attachments.remove(dossier.code, added.sha256, user=officer)
    assert ws.attachments.list(dossier.code) == []
    assert stored_files(ws) == []  # no row names it any more
    ws.audit.verify()
    from sqlalchemy import select

    from counter_app.store.models import AuditRow

    with ws.database.read() as session:
        actions = list(session.scalars(select(AuditRow.action).order_by(AuditRow.id)))
    assert actions[-2:] == ["attachment.add", "attachment.remove"]


def test_digitised_pdf_has_cover_and_every_page(ws, officer, dossier, scans):
    pages = [write_page(scans, f"p{i}.png", seed=i) for i in range(3)]
    tiff = write_page(scans, "multi.tif", seed=7, frames=2)
    ws.attachments.attach(dossier.code, pages, component=COMPONENT, user=officer)
    ws.attachments.attach(dossier.code, [tiff], component=ID_COPY, user=officer)
    digitised = ws.attachments.digitised(dossier.code)
    reader = PdfReader(io.BytesIO(digitised.pdf))
    assert len(reader.pages) == digitised.pages == 1 + 3 + 2
    cover = reader.pages[0].extract_text()
    assert dossier.code in cover
    assert "Nguyễn Văn An" in cover
    # the PNG pages are embedded losslessly: the decoded pixels are the original's
    from PIL import Image

    image = reader.pages[1].images[0].image
    original = Image.open(pages[0])
    assert image.size == original.size
    assert image.convert("L").tobytes() == original.convert("L").tobytes()


def test_digitised_pdf_of_a_dossier_without_scans_is_the_cover(ws, dossier):
    digitised = ws.attachments.digitised(dossier.code)
    assert len(PdfReader(io.BytesIO(digitised.pdf)).pages) == 1


def test_unknown_component_lists_the_choices(ws, officer, dossier, scans):
    with pytest.raises(CounterError) as refused:
        ws.attachments.attach(dossier.code, [write_page(scans, "p.png")], component="Sổ hộ khẩu",
                              user=officer)  # fmt: skip
    assert refused.value.key == "attachment.component"
    assert COMPONENT in refused.value.message("en")


# --- bad input: refused with a clear message, nothing stored ----------------------------------


def refused_key(ws, officer, dossier, *paths) -> str:  # type: ignore[no-untyped-def]
    with pytest.raises(CounterError) as refused:
        ws.attachments.attach(dossier.code, list(paths), component=COMPONENT, user=officer)
    assert refused.value.message("en")  # renders
    assert ws.attachments.list(dossier.code) == []
    assert stored_files(ws) == []
    return refused.value.key


def test_empty_file(ws, officer, dossier, scans):
    empty = scans / "empty.png"
    empty.write_bytes(b"")
    assert refused_key(ws, officer, dossier, empty) == "attachment.empty"


def test_content_not_what_the_extension_says(ws, officer, dossier, scans):
    liar = scans / "scan.jpg"
    liar.write_bytes(page_bytes("png"))
    assert refused_key(ws, officer, dossier, liar) == "attachment.type_mismatch"
    pdf = scans / "scan.png"
    pdf.write_bytes(b"%PDF-1.4\n%%EOF\n")
    assert refused_key(ws, officer, dossier, pdf) == "attachment.type_mismatch"


def test_unsupported_extension(ws, officer, dossier, scans):
    doc = scans / "letter.docx"
    doc.write_bytes(b"PK\x03\x04rest")
    assert refused_key(ws, officer, dossier, doc) == "attachment.unsupported"


@pytest.mark.parametrize("kind", ["png", "jpeg"])
def test_corrupted_image(ws, officer, dossier, scans, kind):
    data = page_bytes(kind)
    broken = scans / f"broken.{'jpg' if kind == 'jpeg' else 'png'}"
    broken.write_bytes(data[: len(data) // 2])
    assert refused_key(ws, officer, dossier, broken) == "attachment.corrupt"
    garbage = scans / f"garbage.{'jpg' if kind == 'jpeg' else 'png'}"
    garbage.write_bytes(data[:16] + bytes(range(256)) * 8)
    assert refused_key(ws, officer, dossier, garbage) == "attachment.corrupt"


def test_one_bad_file_refuses_the_whole_batch(ws, officer, dossier, scans):
    good = write_page(scans, "good.png", seed=1)
    empty = scans / "empty.png"
    empty.write_bytes(b"")
    assert refused_key(ws, officer, dossier, good, empty) == "attachment.empty"


def test_decompression_bomb(ws, officer, dossier, scans):
    from PIL import Image

    bomb = scans / "bomb.png"
    Image.new("1", (20_000, 20_000)).save(bomb)  # 400 Mpx in a few kilobytes
    assert bomb.stat().st_size < 200_000
    assert refused_key(ws, officer, dossier, bomb) == "attachment.bomb"
    # the limit is ours to set, below Pillow's
    ws.attachments.limits = replace(ws.attachments.limits, max_pixels=1_000_000)
    big = write_page(scans, "big.png", size=(1200, 1000))
    assert refused_key(ws, officer, dossier, big) == "attachment.bomb"


def test_file_over_the_size_limit(ws, officer, dossier, scans):
    page = write_page(scans, "p.png", seed=1)
    ws.attachments.limits = replace(ws.attachments.limits, max_bytes=page.stat().st_size - 1)
    assert refused_key(ws, officer, dossier, page) == "attachment.too_large"


def test_missing_file(ws, officer, dossier, scans):
    assert refused_key(ws, officer, dossier, scans / "nope.png") == "file.missing"


def test_full_disk_stores_nothing(ws, officer, dossier, scans, monkeypatch):
    pages = [write_page(scans, f"p{i}.png", seed=i) for i in range(2)]
    real_fsync = os.fsync
    calls = []

    def full(fd: int) -> None:
        calls.append(fd)
        if len(calls) == 2:  # the second file hits a full disk
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", full)
    key = refused_key(ws, officer, dossier, *pages)
    assert key == "db.disk_full"
    assert stored_files(ws) == []  # the first file, already complete, was taken back


def test_database_failure_takes_the_files_back(ws, officer, dossier, scans, monkeypatch):
    from counter_app.services.digitising import service

    def broken(*_args, **_kwargs):  # type: ignore[no-untyped-def]
        raise CounterError("db.disk_full")

    monkeypatch.setattr(service, "append_audit", broken)
    page = write_page(scans, "p.png", seed=5)
    assert refused_key(ws, officer, dossier, page) == "db.disk_full"


def test_pages_are_turned_and_reordered_as_metadata_only(ws, officer, dossier, scans):
    from sqlalchemy import select

    from counter_app.store.models import AuditRow

    paths = [
        write_page(scans, f"{name}.png", seed=seed) for name, seed in (("a", 1), ("b", 2), ("c", 3))
    ]
    for path in paths:
        ws.attachments.attach(dossier.code, [path], component=COMPONENT, user=officer)
    a, b, c = ws.attachments.list(dossier.code)
    ws.attachments.move(dossier.code, c.sha256, -2, user=officer)
    ws.attachments.rotate(dossier.code, a.sha256, 90, user=officer)
    ws.attachments.rotate(dossier.code, a.sha256, 270, user=officer)
    ws.attachments.rotate(dossier.code, a.sha256, 90, user=officer)
    listed = ws.attachments.list(dossier.code)
    assert [x.sha256 for x in listed] == [c.sha256, a.sha256, b.sha256]
    assert [x.position for x in listed] == [1, 2, 3]
    assert [x.rotation for x in listed] == [0, 90, 0]
    assert ws.attachments.read(listed[1]) == paths[0].read_bytes()  # the original untouched
    pages = PdfReader(io.BytesIO(ws.attachments.digitised(dossier.code).pdf)).pages
    assert [p.rotation for p in pages[1:]] == [0, 90, 0]
    with pytest.raises(CounterError) as refused:
        ws.attachments.rotate(dossier.code, a.sha256, 45, user=officer)
    assert refused.value.key == "attachment.rotation"
    with ws.database.read() as session:
        actions = list(session.scalars(select(AuditRow.action)))
    assert actions.count("attachment.rotate") == 3 and actions.count("attachment.move") == 1
    assert ws.audit.verify() > 0
