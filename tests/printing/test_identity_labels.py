"""Each identity paper is printed with its own label before the number, on every paper that
names the applicant (receipt, supplement request, refusal): read back as text with pypdf."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from pypdf import PdfReader

from counter_app.domain.lifecycle import Action
from tests.printing.conftest import RECEIVED, flat

LABELS = {
    "citizen_id": ("020090001234", "Số CCCD/Số định danh"),
    "old_id": ("012345678", "Số CMND"),
    "passport": ("C1234567", "Số hộ chiếu"),
    "foreign_id": ("AB1234567", "Số giấy tờ của người nước ngoài"),
    "enterprise_code": ("0101234567001", "Mã số doanh nghiệp/Mã số thuế"),
    "other": ("12/GP-UBND", "Số giấy tờ"),
}


def pypdf_text(pdf: bytes) -> str:
    return flat(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages))


@pytest.mark.parametrize("id_type", sorted(LABELS))
def test_the_receipt_names_the_paper(papers, make, id_type: str) -> None:  # type: ignore[no-untyped-def]
    number, label = LABELS[id_type]
    dossier = make(id_number=number, id_type=id_type)
    text = pypdf_text(papers.receipt(dossier.code).pdf)
    assert f"{label}: {number}" in text
    for other_id_type, (_number, other_label) in LABELS.items():
        if other_label != label and other_label not in label:
            assert f"{other_label}:" not in text, other_id_type


def test_the_supplement_request_and_refusal_name_the_paper(papers, make) -> None:  # type: ignore[no-untyped-def]
    asked = make(
        id_number="C1234567",
        id_type="passport",
        moves=[
            (Action.REQUEST_SUPPLEMENT, "Thiếu bản sao hộ chiếu", RECEIVED + timedelta(hours=1))
        ],
    )
    assert "Số hộ chiếu: C1234567" in pypdf_text(papers.supplement_request(asked.code).pdf)
    refused = make(
        id_number="0101234567",
        moves=[(Action.REFUSE, "Không thuộc thẩm quyền", RECEIVED + timedelta(minutes=15))],
    )
    text = pypdf_text(papers.refusal(refused.code).pdf)
    assert "Mã số doanh nghiệp/Mã số thuế: 0101234567" in text
