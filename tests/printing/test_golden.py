"""Golden images: page 1 of each paper, made from a fixed dossier with a fixed clock and fixed
PDF dates, rendered at 50 dpi and compared with the picture stored in golden/.

A layout change that moves a block or loses a line fails here. After a change made on purpose,
look at the new pictures and store them:
    UPDATE_GOLDEN=1 .venv/bin/pytest tests/printing/test_golden.py
"""

from __future__ import annotations

import os
import shutil
from datetime import date
from pathlib import Path

import pytest
from PIL import Image, ImageChops

from counter_app.domain.lifecycle import Action
from tests.conftest import SAME_DAY, vn
from tests.printing.conftest import render_png

GOLDEN = Path(__file__).parent / "golden"
DPI = 50
# A pixel "differs" when its grey level moved by more than this; a few may (font hinting and
# anti-aliasing vary a little between poppler builds), a moved line or block makes thousands.
PIXEL_THRESHOLD = 64
MAX_DIFFERING = 0.001


def _papers(papers, make, name):  # type: ignore[no-untyped-def]
    """The paper called `name`, from a dossier in the state it needs."""
    transfer = (Action.TRANSFER, "", vn(2025, 4, 24, 14, 0))
    if name in ("receipt-a4", "receipt-a5", "label-100x50", "label-50x30"):
        dossier = make()
        if name.startswith("receipt"):
            return papers.receipt(dossier.code, size=name[-2:])
        return papers.label(dossier.code, size=name.split("-")[1])
    if name == "supplement":
        note = "Bổ sung bản chụp giấy khai sinh; tờ khai ghi sai ngày sinh, đề nghị khai lại."
        dossier = make(moves=[(Action.REQUEST_SUPPLEMENT, note, vn(2025, 4, 25, 8, 15))])
        return papers.supplement_request(dossier.code)
    if name == "refusal":
        reason = "Tờ khai chưa có chữ ký của người yêu cầu; thiếu bản chụp căn cước."
        dossier = make(moves=[(Action.REFUSE, reason, vn(2025, 4, 24, 9, 45))])
        return papers.refusal(dossier.code)
    if name == "control-sheet":
        dossier = make(moves=[transfer, (Action.RESOLVE, "Đã ký", vn(2025, 5, 5, 10, 0))])
        return papers.control_sheet(dossier.code)
    if name == "apology":
        dossier = make(moves=[transfer])
        return papers.apology(
            dossier.code, new_due=vn(2025, 5, 20, 16, 0), reason="cần xác minh tại nơi cư trú"
        )
    if name == "stop-notice":
        reason = "Người yêu cầu đề nghị dừng để bổ sung giấy tờ từ nước ngoài."
        dossier = make(moves=[transfer, (Action.STOP, reason, vn(2025, 4, 28, 9, 0))])
        return papers.stop_notice(dossier.code)
    if name == "payment-request":
        asked = (Action.REQUEST_PAYMENT, "Lệ phí cấp phiếu", vn(2025, 4, 25, 9, 0))
        dossier = make(moves=[transfer, asked])
        return papers.payment_request(dossier.code)
    if name == "book":
        make()
        make(SAME_DAY, at=vn(2025, 4, 24, 14, 5), full_name="Hoàng Thị Lan")
        return papers.tracking_book(date(2025, 4, 24))
    raise AssertionError(name)


NAMES = [
    "receipt-a4",
    "receipt-a5",
    "label-100x50",
    "label-50x30",
    "supplement",
    "refusal",
    "control-sheet",
    "apology",
    "stop-notice",
    "payment-request",
    "book",
]


@pytest.mark.parametrize("name", NAMES)
def test_page_one_looks_as_stored(papers, make, tmp_path, name):
    paper = _papers(papers, make, name)
    rendered = render_png(paper.pdf, tmp_path, DPI)
    stored = GOLDEN / f"{name}.png"
    if os.environ.get("UPDATE_GOLDEN") == "1":
        GOLDEN.mkdir(exist_ok=True)
        shutil.copyfile(rendered, stored)
        pytest.skip(f"stored {stored.name}")
    assert stored.is_file(), f"no golden image {stored}: run with UPDATE_GOLDEN=1 and look at it"
    with Image.open(rendered) as actual_image, Image.open(stored) as expected_image:
        actual = actual_image.convert("L")
        expected = expected_image.convert("L")
        assert actual.size == expected.size, f"page size changed: {actual.size} != {expected.size}"
        difference = ImageChops.difference(actual, expected)
        differing = sum(
            difference.point(lambda v: 255 if v > PIXEL_THRESHOLD else 0).histogram()[255:]
        )
        share = differing / (actual.width * actual.height)
        if share > MAX_DIFFERING:
            keep = Path(os.environ.get("GOLDEN_FAILURES", tmp_path))
            keep.mkdir(parents=True, exist_ok=True)
            actual.save(keep / f"{name}-actual.png")
            difference.point(lambda v: 255 - v).save(keep / f"{name}-difference.png")
            pytest.fail(
                f"{name}: {share:.2%} of the pixels differ from {stored.name} "
                f"(at most {MAX_DIFFERING:.2%}); see {keep}"
            )
