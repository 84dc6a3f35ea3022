"""The kinds of paper the counter prints, and a rendered paper (no reportlab needed here)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class PaperKind(StrEnum):
    RECEIPT = "receipt"
    LABEL = "label"
    SUPPLEMENT = "supplement"
    REFUSAL = "refusal"
    CONTROL_SHEET = "control-sheet"
    APOLOGY = "apology"
    STOP_NOTICE = "stop-notice"
    PAYMENT_REQUEST = "payment-request"  # the fees asked by a request-payment move, with VietQR
    BOOK = "book"


@dataclass(frozen=True)
class Paper:
    """A rendered paper: what to save or send to the printer."""

    kind: PaperKind
    title: str
    pdf: bytes = b""
    pages: int = 0
    code: str | None = None
    reprint: bool = False  # printed before: the paper says so ("BẢN IN LẠI")

    def __repr__(self) -> str:
        again = ", reprint" if self.reprint else ""
        return (
            f"Paper({self.kind.value}, {self.code!r}, {self.pages} pages, "
            f"{len(self.pdf)} bytes{again})"
        )
