"""The receipt of a dossier with fees due carries a VietQR for the agency's account: read back
from the printed page with zxing-cpp and parsed by an independent implementation (the
vietnam-qr-pay package), every field compared; paying records the method and the reference,
and the daily review adds the amounts up by method."""

from __future__ import annotations

from datetime import date

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st
from vietnam_qr_pay import QRPay

from counter_app.domain.errors import CounterError
from counter_app.domain.lifecycle import Action
from counter_app.domain.vietqr import (
    PURPOSE_LIMIT,
    PaymentAccount,
    crc16_ccitt_false,
    payload,
    plain,
)
from counter_app.services.accounts import Role
from counter_app.services.payments import Method, parse_payment
from counter_app.services.printing import PaperKind, PaperService
from counter_app.store.ratings import add_payment
from tests.conftest import TEN_DAYS, vn
from tests.printing.conftest import PRINTED, decoded, flat, pdf_text, render_png

ACCOUNT = {
    "payment.bank_bin": "970436",
    "payment.account": "0011004123456",
    "payment.account_name": "Văn phòng UBND tỉnh Lạng Sơn",
}


@pytest.fixture
def papers(ws):  # type: ignore[no-untyped-def]
    return PaperService(
        ws.dossiers,
        ws.catalog,
        ws.accounts,
        ws.settings,
        database=ws.database,
        clock=lambda: PRINTED,
        invariant=True,
    )


def with_account(ws) -> None:  # type: ignore[no-untyped-def]
    for key, value in ACCOUNT.items():
        ws.settings.set(key, value)


def test_crc_is_ccitt_false():
    assert crc16_ccitt_false(b"123456789") == 0x29B1  # the catalogue's check value


@pytest.mark.parametrize("size", ["A4", "A5"])
def test_the_printed_vietqr_reads_back_field_by_field(ws, papers, make, tmp_path, size):
    with_account(ws)
    dossier = make(TEN_DAYS)
    pdf = papers.receipt(dossier.code, size=size).pdf
    found = decoded(render_png(pdf, tmp_path, 200)).get("QRCode", [])
    [text] = [t for t in found if t.startswith("000201")]
    assert_pays(text, 200000, dossier.code)


def assert_pays(text: str, amount: int, code: str) -> None:
    """The VietQR read back pays `amount` to the agency's account for dossier `code`, every
    field compared through the independent parser."""
    qr = QRPay(text)
    assert qr.is_valid  # its own CRC check
    assert (qr.version, qr.init_method) == ("01", "12")
    assert qr.provider.guid == "A000000727" and qr.provider.service == "QRIBFTTA"
    assert (qr.consumer.bank_bin, qr.consumer.bank_number) == ("970436", "0011004123456")
    assert (qr.currency, qr.nation, qr.amount) == ("704", "VN", str(amount))
    assert qr.merchant.name == "VAN PHONG UBND TINH LANG"  # EMVCo keeps 25 characters
    assert qr.additional_data.purpose == code
    assert text == payload(PaymentAccount(*ACCOUNT.values()), amount, code)


def test_no_qr_without_an_account_or_once_paid(ws, papers, make, officer, tmp_path):
    dossier = make(TEN_DAYS)
    assert not _vietqrs(papers, dossier.code, tmp_path)
    with_account(ws)
    assert _vietqrs(papers, dossier.code, tmp_path)
    for action in (Action.TRANSFER, Action.REQUEST_PAYMENT):
        ws.dossiers.transition(dossier.code, action, user=officer, note="Lệ phí")
    ws.dossiers.transition(
        dossier.code, Action.PAY, user=officer, payment=parse_payment("transfer", "FT2634012")
    )
    assert not _vietqrs(papers, dossier.code, tmp_path)


def _vietqrs(papers, code, tmp_path, kind=PaperKind.RECEIPT):  # type: ignore[no-untyped-def]
    pdf = papers.render(kind, code).pdf
    found = decoded(render_png(pdf, tmp_path, 150)).get("QRCode", [])
    return [text for text in found if text.startswith("000201")]


def asked_to_pay(ws, officer, dossier, note="Lệ phí cấp phiếu lý lịch tư pháp"):  # type: ignore[no-untyped-def]
    for action in (Action.TRANSFER, Action.REQUEST_PAYMENT):
        ws.dossiers.transition(dossier.code, action, user=officer, note=note)


def test_the_payment_request_carries_the_vietqr_of_what_is_due(ws, papers, make, officer, tmp_path):  # type: ignore[no-untyped-def]
    with_account(ws)
    dossier = make(TEN_DAYS)
    assert PaperKind.PAYMENT_REQUEST not in papers.available(dossier.code)  # nothing asked yet
    asked_to_pay(ws, officer, dossier)
    assert PaperKind.PAYMENT_REQUEST in papers.available(dossier.code)
    paper = papers.render(PaperKind.PAYMENT_REQUEST, dossier.code)
    assert (paper.kind, paper.code, paper.pages) == (PaperKind.PAYMENT_REQUEST, dossier.code, 1)
    [text] = _vietqrs(papers, dossier.code, tmp_path, PaperKind.PAYMENT_REQUEST)
    assert_pays(text, 200000, dossier.code)
    words = flat(pdf_text(paper.pdf))
    assert "PHIẾU ĐỀ NGHỊ NỘP PHÍ, LỆ PHÍ" in words
    assert "Số tiền phải nộp: 200.000 đồng (Bằng chữ: Hai trăm nghìn đồng)" in words
    assert "Nội dung đề nghị: Lệ phí cấp phiếu lý lịch tư pháp" in words
    assert "Mẫu số" not in words  # no form of the circulars: no form line


def test_the_payment_request_goes_once_the_fees_are_paid(ws, papers, make, officer, tmp_path):  # type: ignore[no-untyped-def]
    dossier = make(TEN_DAYS)
    asked_to_pay(ws, officer, dossier)
    without_account = papers.render(PaperKind.PAYMENT_REQUEST, dossier.code)
    assert "Số tiền phải nộp: 200.000 đồng" in flat(pdf_text(without_account.pdf))
    assert not _vietqrs(papers, dossier.code, tmp_path, PaperKind.PAYMENT_REQUEST)
    ws.dossiers.transition(dossier.code, Action.PAY, user=officer, payment=parse_payment("cash"))
    assert PaperKind.PAYMENT_REQUEST not in papers.available(dossier.code)
    with pytest.raises(CounterError) as refused:
        papers.render(PaperKind.PAYMENT_REQUEST, dossier.code)
    assert refused.value.key == "paper.wrong_state"  # paid: the dossier is processed again


def test_a_part_paid_before_is_taken_off(ws, papers, make, officer, tmp_path):  # type: ignore[no-untyped-def]
    with_account(ws)
    dossier = make(TEN_DAYS)
    asked_to_pay(ws, officer, dossier)
    with ws.database.write() as session:  # a part recorded before, e.g. at another desk
        add_payment(session, dossier.uuid, 50000, "cash", "", officer.login, PRINTED)
    paper = papers.payment_request(dossier.code)
    words = flat(pdf_text(paper.pdf))
    assert "Tổng cộng: 200.000 đồng; đã nộp: 50.000 đồng." in words
    assert "Số tiền phải nộp: 150.000 đồng" in words
    [text] = _vietqrs(papers, dossier.code, tmp_path, PaperKind.PAYMENT_REQUEST)
    assert_pays(text, 150000, dossier.code)


def test_a_payment_request_with_nothing_owed_says_why(ws, papers, make, officer):  # type: ignore[no-untyped-def]
    dossier = make(TEN_DAYS)
    ws.dossiers.transition(dossier.code, Action.TRANSFER, user=officer)
    ws.dossiers.transition(
        dossier.code,
        Action.REQUEST_PAYMENT,
        user=officer,
        note="Lệ phí",
    )
    ws.dossiers.transition(
        dossier.code, Action.PAY, user=officer, payment=parse_payment("card", "C-1")
    )
    ws.dossiers.transition(dossier.code, Action.REQUEST_PAYMENT, user=officer, note="Phí khác")
    assert PaperKind.PAYMENT_REQUEST not in papers.available(dossier.code)
    with pytest.raises(CounterError) as refused:
        papers.payment_request(dossier.code)
    assert refused.value.key == "paper.nothing_owed"
    assert "đã nộp đủ" in refused.value.message("vi")


def test_a_transfer_or_card_needs_its_reference():
    assert parse_payment("CASH").method is Method.CASH
    with pytest.raises(CounterError) as refused:
        parse_payment("card", " ")
    assert "thẻ" in refused.value.message("vi")
    with pytest.raises(CounterError):
        parse_payment("cheque")


def test_the_daily_review_reconciles_by_method(ws, make, officer, tmp_path):
    boss = ws.accounts.add_user("truong", Role.SUPERVISOR, "matkhau123", "Trần Văn Bình")
    at = vn(2026, 12, 1, 9)
    for method, reference in (("transfer", "FT1"), ("card", "C-9")):
        dossier = make(TEN_DAYS, at=at)
        for action in (Action.TRANSFER, Action.REQUEST_PAYMENT, Action.PAY):
            ws.dossiers.transition(
                dossier.code,
                action,
                user=officer,
                note="Lệ phí",
                at=vn(2026, 12, 1, 10),
                payment=parse_payment(method, reference),
            )
    review = ws.reports.daily(date(2026, 12, 1), user=boss).to_json()
    assert review["payments_by_method"] == {"transfer": 200000, "card": 200000}
    path = ws.reports.export_daily_xlsx(date(2026, 12, 1), tmp_path / "day.xlsx", user=boss)
    rows = list(openpyxl.load_workbook(path)["Thanh toán"].iter_rows(values_only=True))
    assert ("tiền mặt", 0, 0) in rows and ("chuyển khoản (QR)", 1, 200000) in rows
    assert ("thẻ", 1, 200000) in rows and ("Tổng cộng", 2, 400000) in rows


@given(st.integers(1, 10**12), st.text(min_size=1, max_size=40))
def test_any_amount_and_purpose_parse_back(amount, purpose):
    text = payload(PaymentAccount("970415", "113366668888", "Nguyễn Văn Á"), amount, purpose)
    qr = QRPay(text)
    assert qr.is_valid and qr.amount == str(amount)
    assert (qr.additional_data.purpose or "") == plain(purpose, PURPOSE_LIMIT)
