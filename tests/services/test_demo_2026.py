"""The demo data for 2026 (issue 14): Lạng Sơn under two-level local government since 1 July
2025 — provincial departments after the 2025 mergers and ward/commune People's Committees, no
district body, addresses without a district, no paper that has lost legal value, and every
procedure of the domain's demo table kept, re-homed to a post-reform agency. Sources:
docs/DEMO_2026.md."""

from __future__ import annotations

import re

import pytest

from counter_app.domain.catalog import Catalog
from counter_app.domain.catalog_file import catalog_from_json
from counter_app.domain.dossier import DossierFilter
from counter_app.services.demo import generate_dossiers, install_demo
from tests.domain.test_catalog_file import DEMO_TABLE, load

DISTRICT_WORDS = re.compile(r"\b(huyện|quận|thị xã|thị trấn|thành phố)\b", re.IGNORECASE)
LOST_VALUE = re.compile(r"hộ khẩu|chứng minh nhân dân|\bCMND\b", re.IGNORECASE)

DEPARTMENTS = (
    "Sở Nông nghiệp và Môi trường",
    "Sở Khoa học và Công nghệ",
    "Sở Dân tộc và Tôn giáo",
    "Sở Nội vụ",
    "Sở Xây dựng",
    "Sở Tài chính",
    "Sở Văn hóa, Thể thao và Du lịch",
    "Sở Y tế",
    "Sở Giáo dục và Đào tạo",
    "Sở Tư pháp",
    "Sở Công Thương",
)
WARDS = ("phường Tam Thanh", "phường Lương Văn Tri", "phường Đông Kinh", "phường Kỳ Lừa")


@pytest.fixture(scope="module")
def demo() -> Catalog:
    return catalog_from_json(load("catalog.json"))


def test_the_agencies_are_the_provinces_after_the_reform(demo):
    names = [agency.name for agency in demo.agencies]
    assert not [name for name in names if DISTRICT_WORDS.search(name)]
    for department in DEPARTMENTS:
        assert f"{department} tỉnh Lạng Sơn" in names, department
    for ward in WARDS:
        assert f"Ủy ban nhân dân {ward}" in names, ward
    codes = {agency.code for agency in demo.agencies}
    assert all(re.fullmatch(r"\d{3}\.\d{2}\.\d{2}\.H37", code) for code in codes)
    # no level between the province and its communes: every unit's parent is the province
    (province,) = [a.code for a in demo.agencies if a.parent_code is None and "Ủy ban" in a.name]
    communes = [a for a in demo.agencies if a.name.startswith("Ủy ban nhân dân phường")
                or a.name.startswith("Ủy ban nhân dân xã")]  # fmt: skip
    assert communes and all(a.parent_code == province for a in communes)
    assert {p.agency_code for p in demo.procedures} <= codes


@pytest.mark.parametrize("code", [row[0] for row in DEMO_TABLE])
def test_every_procedure_of_the_domain_table_is_kept_with_a_post_reform_agency(demo, code):
    (procedure,) = [p for p in demo.procedures if p.code == code]
    agencies = {a.code: a.name for a in demo.agencies}
    handler = agencies[procedure.agency_code]
    assert handler.startswith(("Sở ", "Ủy ban nhân dân phường ", "Ủy ban nhân dân xã ")), handler


def test_no_required_paper_has_lost_its_legal_value(demo):
    papers = [c.name for p in demo.procedures for c in p.components]
    assert papers and not [name for name in papers if LOST_VALUE.search(name)]


def test_demo_dossiers_have_addresses_without_districts(ws):
    install_demo(ws)
    generate_dossiers(ws, count=300, days=20, seed=7)
    dossiers = ws.dossiers.find(DossierFilter(limit=1000))
    addresses = {d.applicant.address for d in dossiers}
    assert len(addresses) > 100
    for address in addresses:
        assert address.endswith(", tỉnh Lạng Sơn"), address
        assert re.search(r", (phường|xã) [^,]+, tỉnh Lạng Sơn$", address), address
        assert not DISTRICT_WORDS.search(address), address
    notes = [
        entry.note for d in dossiers for entry in d.history if entry.action == "request-supplement"
    ]
    assert notes and not [note for note in notes if LOST_VALUE.search(note)]
