"""Digitising: importing a 20-page 300 dpi scan (A4, colour JPEG, as a scanner saves it)
≤ 2 s; the digitised PDF of those 20 pages ≤ 1 s. The same 20 pages as one PDF original (as
a scanner's "scan to PDF" saves them): attaching it ≤ 2 s, its digitised PDF ≤ 1 s. Baseline:
reading and hashing the files.

.venv/bin/python bench/bench_digitising.py
"""

from __future__ import annotations

import hashlib
import io
import sys
import tempfile
from pathlib import Path

from common import median_ms, report, timed

PAGES = 20
RUNS = 3
SIZE = (2480, 3508)  # A4 at 300 dpi


def make_pages(folder: Path) -> list[Path]:
    from PIL import Image, ImageDraw

    paths = []
    for number in range(PAGES):
        image = Image.new("RGB", SIZE, (250, 250, 246))
        draw = ImageDraw.Draw(image)
        for line in range(60):
            y = 200 + line * 52
            draw.rectangle((200, y, 2280 - (line * 37 + number * 11) % 900, y + 18), fill=(20,) * 3)
        out = io.BytesIO()
        image.save(out, "JPEG", quality=85, dpi=(300, 300))
        path = folder / f"page-{number:02d}.jpg"
        path.write_bytes(out.getvalue())
        paths.append(path)
    return paths


def make_pdf(folder: Path, pages: list[Path]) -> Path:
    import img2pdf

    path = folder / "scan-20-pages.pdf"
    path.write_bytes(img2pdf.convert([str(page) for page in pages]))
    return path


def main() -> int:
    from counter_app.domain.catalog_file import catalog_from_json
    from counter_app.services.accounts import Role
    from counter_app.services.intake import request_from_json
    from counter_app.services.workspace import Workspace
    from tests.conftest import SMALL_CATALOG, TEN_DAYS, intake_json

    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        pages = make_pages(root)
        pdf_original = make_pdf(root, pages)
        ws = Workspace(root / "data", create=True)
        ws.catalog.import_catalog(catalog_from_json(SMALL_CATALOG))
        user = ws.accounts.add_user("canbo", Role.STAFF, "matkhau123", "Cán bộ")
        codes = []

        def attach() -> None:
            dossier = ws.intake.receive(request_from_json(intake_json(TEN_DAYS)), user=user)
            codes.append(dossier.code)
            ws.attachments.attach(dossier.code, pages, component="Tờ khai yêu cầu cấp Phiếu",
                                  user=user)  # fmt: skip

        pdf_codes = []

        def attach_pdf() -> None:
            dossier = ws.intake.receive(request_from_json(intake_json(TEN_DAYS)), user=user)
            pdf_codes.append(dossier.code)
            ws.attachments.attach(dossier.code, [pdf_original],
                                  component="Tờ khai yêu cầu cấp Phiếu", user=user)  # fmt: skip

        def baseline() -> None:
            for path in pages:
                hashlib.sha256(path.read_bytes()).hexdigest()

        base = median_ms(timed(baseline, RUNS)) / 1000
        imported = median_ms(timed(attach, RUNS)) / 1000
        pdf = median_ms(timed(lambda: ws.attachments.digitised(codes[0]), RUNS)) / 1000
        ok = report("attach 20 pages, 300 dpi (s)", imported, 2.0, base, "read+hash", "s")
        ok &= report("digitised PDF, 20 pages (s)", pdf, 1.0, base, "read+hash", "s")
        pdf_imported = median_ms(timed(attach_pdf, RUNS)) / 1000
        pdf_bound = median_ms(timed(lambda: ws.attachments.digitised(pdf_codes[0]), RUNS)) / 1000
        ok &= report("attach a 20-page PDF original (s)", pdf_imported, 2.0, base, "read+hash", "s")
        ok &= report("digitised PDF of it (s)", pdf_bound, 1.0, base, "read+hash", "s")
        ws.close()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
