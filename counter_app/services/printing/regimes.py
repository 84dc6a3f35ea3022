"""The two sets of forms a counter may be under: titles, form numbers and legal basis.

Decree 61/2018/NĐ-CP with Circular 01/2018/TT-VPCP, replaced by Decree 118/2025/NĐ-CP with
Circular 03/2025/TT-VPCP (in force from 15/9/2025), which renumbered the forms and added the
stop notice. Data, not code: the settings `papers.legal_basis`, `papers.form_numbers` and
`papers.titles` override any line of it (check it against the gazette before production).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from counter_app.services.printing.kinds import PaperKind

_TITLES = {
    PaperKind.RECEIPT: "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
    PaperKind.LABEL: "NHÃN HỒ SƠ",
    PaperKind.SUPPLEMENT: "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ",
    PaperKind.REFUSAL: "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ",
    PaperKind.CONTROL_SHEET: "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ",
    PaperKind.APOLOGY: "VĂN BẢN XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ",
    PaperKind.STOP_NOTICE: "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ",
    PaperKind.PAYMENT_REQUEST: "PHIẾU ĐỀ NGHỊ NỘP PHÍ, LỆ PHÍ",  # no form of the circulars
    PaperKind.BOOK: "SỔ THEO DÕI HỒ SƠ",
}


@dataclass(frozen=True)
class Regime:
    key: str
    legal_basis: str
    form_numbers: dict[str, str]
    titles: dict[str, str] = field(default_factory=dict)

    def title(self, kind: PaperKind) -> str:
        return self.titles.get(kind.value) or _TITLES[kind]

    def form_number(self, kind: PaperKind) -> str:
        return self.form_numbers.get(kind.value, "")


REGIMES: dict[str, Regime] = {
    "2018": Regime(
        key="2018",
        legal_basis=(
            "Ban hành kèm theo Thông tư số 01/2018/TT-VPCP ngày 23/11/2018 của Văn phòng Chính phủ"
        ),
        form_numbers={
            "receipt": "Mẫu số 01",
            "supplement": "Mẫu số 02",
            "refusal": "Mẫu số 03",
            "apology": "Mẫu số 04",
            "control-sheet": "Mẫu số 05",
            "book": "Mẫu số 06",
        },
        titles={"apology": "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ"},
    ),
    "2025": Regime(
        key="2025",
        legal_basis=(
            "Ban hành kèm theo Thông tư số 03/2025/TT-VPCP ngày 15/9/2025 của Văn phòng Chính phủ"
        ),
        form_numbers={
            "receipt": "Mẫu số 01",
            "supplement": "Mẫu số 02",
            "refusal": "Mẫu số 03",
            "apology": "Mẫu số 04",
            "stop-notice": "Mẫu số 05",
            "control-sheet": "Mẫu số 06",
            "book": "Mẫu số 07",
        },
    ),
}
