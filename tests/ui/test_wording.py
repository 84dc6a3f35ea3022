"""What the officer reads: days as Vietnamese writes them, people by their name (not their
login) in messages and exports, a cash difference said as thừa or thiếu (never a minus sign),
and no internal record identity in the dossier detail."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtWidgets import QLabel, QTableWidget

from counter_app.domain.dossier import Dossier
from counter_app.domain.errors import CounterError
from counter_app.services.accounts import User
from counter_app.services.workspace import Workspace
from counter_app.ui import formatting
from counter_app.ui.dossiers.detail import DossierDetailDialog
from counter_app.ui.i18n import install_translations, remove_translations
from counter_app.ui.reports.sign_off import difference_text
from tests.ui.conftest import NOW, make_session, receive

SUNDAY = date(2026, 11, 29)
DAY = NOW.date() - timedelta(days=1)  # a Tuesday with no dossier: its cash fees are 0


def test_sunday_is_chu_nhat(vietnamese) -> None:
    assert formatting.long_day(SUNDAY) == "Chủ nhật, 29/11/2026"
    assert formatting.long_day(SUNDAY - timedelta(days=1)) == "Thứ Bảy, 28/11/2026"


@pytest.mark.parametrize(
    ("difference", "vi", "en"),
    [
        (5000, "thừa 5.000 đ so với số đã ghi nhận", "5,000 VND more than recorded"),
        (-5000, "thiếu 5.000 đ so với số đã ghi nhận", "5,000 VND less than recorded"),
        (0, "tiền mặt khớp với số đã ghi nhận", "the cash matches the fees recorded"),
    ],
    ids=["over", "short", "even"],
)
def test_a_cash_difference_is_over_or_short(qapp, difference: int, vi: str, en: str) -> None:
    assert difference_text(difference, "en") == en
    translators = install_translations(qapp, "vi")
    try:
        assert difference_text(difference, "vi") == vi
    finally:
        remove_translations(qapp, translators)


def all_texts(dialog: DossierDetailDialog) -> list[str]:
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    for table in dialog.findChildren(QTableWidget):
        texts += [
            table.item(r, c).text()
            for r in range(table.rowCount())
            for c in range(table.columnCount())
            if table.item(r, c) is not None
        ]
    return texts


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_dossier_detail_names_people_and_hides_the_record_id(
    qtbot, workspace: Workspace, staff: User, dossiers: dict[str, Dossier], lang: str
) -> None:
    dossier = dossiers["processing"]
    people = {u.login: u.full_name for u in workspace.accounts.users()}
    dialog = DossierDetailDialog(
        dossier, lang, people=people, session=make_session(workspace, staff, lang)
    )
    qtbot.addWidget(dialog)
    texts = all_texts(dialog)
    assert not [t for t in texts if dossier.uuid in t]
    assert not [t for t in texts if "(lan)" in t or t == "lan"]
    assert dialog.fields["received_by"].text() == "Nguyễn Thị Lan"


@pytest.fixture
def signed(workspace: Workspace, staff: User, supervisor: User) -> Workspace:
    """DAY signed off by the supervisor with 3.000 đ more cash than recorded; the clock at NOW."""
    workspace.reports.clock = lambda: NOW
    workspace.reports.sign_off(DAY, user=supervisor, cash_counted=3000, note="Tiền lẻ của quầy")
    return workspace


def test_a_locked_day_names_who_signed_it(signed: Workspace, staff: User) -> None:
    at = NOW.replace(day=DAY.day, hour=9)
    with pytest.raises(CounterError) as refused:
        receive(signed, staff, "Vi Văn Sáu", "1.001", at)
    assert "đã được Trần Văn Minh ký xác nhận" in refused.value.message("vi")
    assert "signed off by Trần Văn Minh" in refused.value.message("en")


def test_signing_again_names_who_signed(signed: Workspace, supervisor: User) -> None:
    with pytest.raises(CounterError) as refused:
        signed.reports.sign_off(DAY, user=supervisor, cash_counted=0)
    assert "đã được Trần Văn Minh ký xác nhận" in refused.value.message("vi")


@pytest.mark.parametrize(
    ("extra", "vi", "en"),
    [(2500, "thừa 2.500 đ", "2.500 đ over"), (-1000, "thiếu 1.000 đ", "1.000 đ short")],
    ids=["over", "short"],
)
def test_a_difference_without_a_note_is_refused_as_over_or_short(
    workspace: Workspace, staff: User, supervisor: User, extra: int, vi: str, en: str
) -> None:
    workspace.reports.clock = lambda: NOW
    receive(workspace, staff, "Vi Văn Sáu", "1.001", NOW.replace(hour=8))
    recorded = workspace.reports.daily(NOW.date(), user=supervisor).cash_fees
    assert recorded >= 1000
    with pytest.raises(CounterError) as refused:
        workspace.reports.sign_off(
            NOW.date(),
            user=supervisor,
            cash_counted=recorded + extra,
            early_reason="Họp giao ban chiều",  # NOW is before closing time
        )
    assert vi in refused.value.message("vi")
    assert en in refused.value.message("en")
    assert "-" not in refused.value.message("vi")


def test_the_exports_name_people_and_say_over(
    signed: Workspace, supervisor: User, tmp_path: Path
) -> None:
    signed.reports.reopen(DAY, user=supervisor, reason="Sửa số tiền")
    xlsx = signed.reports.export_daily_xlsx(DAY, tmp_path / "day.xlsx", user=supervisor)
    values = [
        str(cell)
        for sheet in load_workbook(xlsx).worksheets
        for row in sheet.iter_rows(values_only=True)
        for cell in row
        if cell is not None
    ]
    assert "Trần Văn Minh" in values
    assert "Trần Văn Minh: Sửa số tiền" in values
    assert "minh" not in values and not [v for v in values if v.startswith("minh:")]
    assert "thừa 3.000 đồng" in values

    pdf = signed.reports.export_daily_pdf(DAY, tmp_path / "day.pdf", user=supervisor)
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(pdf).pages).split())
    assert "Ký xác nhận bởi Trần Văn Minh" in text
    assert "chênh lệch: thừa 3.000 đồng" in text
    assert "Đã mở lại bởi Trần Văn Minh" in text
