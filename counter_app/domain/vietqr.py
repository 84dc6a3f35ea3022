"""VietQR: NAPAS's bank-transfer QR in the EMVCo merchant-presented format (QRCPS-MPM). The
payload is ID-length-value fields, two-digit IDs and lengths, closed by a CRC-16/CCITT-FALSE
(polynomial 0x1021, start 0xFFFF) of everything before it, "6304" included."""

from __future__ import annotations

import re
from dataclasses import dataclass

from counter_app.domain.errors import CounterError
from counter_app.domain.text import fold

VIETQR_GUID = "A000000727"  # NAPAS's application identifier
TO_ACCOUNT = "QRIBFTTA"  # the NAPAS 247 service: transfer to an account
DONG = "704"  # ISO 4217
PURPOSE_LIMIT = 25  # NAPAS's length for the purpose of transaction (field 62-08)
NAME_LIMIT = 25  # EMVCo's merchant name (field 59)

_BIN = re.compile(r"^\d{6}$")
_ACCOUNT = re.compile(r"^[0-9A-Za-z]{1,19}$")


@dataclass(frozen=True)
class PaymentAccount:
    """The agency's account the administrator set (`payment.bank_bin`, `payment.account`,
    `payment.account_name`)."""

    bank_bin: str
    account: str
    account_name: str = ""

    def problems(self) -> list[tuple[str, str]]:
        wrong = []
        if not _BIN.match(self.bank_bin):
            wrong.append(("payment.bank_bin", self.bank_bin))
        if not _ACCOUNT.match(self.account):
            wrong.append(("payment.account", self.account))
        return wrong


def field(tag: str, value: str) -> str:
    if len(value) > 99:
        raise ValueError(f"EMVCo field {tag} longer than 99 characters")
    return f"{tag}{len(value):02d}{value}"


def crc16_ccitt_false(data: bytes) -> int:
    crc = 0xFFFF
    for byte in data:
        crc ^= byte << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x1021) if crc & 0x8000 else crc << 1
            crc &= 0xFFFF
    return crc


def plain(text: str, limit: int) -> str:
    """Upper-case ASCII without accents, as banking apps show names (EMVCo's alphanumeric
    special set); cut at `limit`."""
    folded = fold(text).upper()
    kept = "".join(ch for ch in folded if ch.isascii() and (ch.isalnum() or ch in " .-/"))
    return " ".join(kept.split())[:limit].strip()


def payload(account: PaymentAccount, amount: int, purpose: str) -> str:
    """The VietQR text for `amount` đồng to the account, `purpose` (the dossier code) in the
    additional data. A dynamic code (point of initiation 12): it is for this payment only."""
    wrong = account.problems()
    if wrong:
        key, value = wrong[0]
        raise CounterError("payment.setting", field=key, value=value)
    if amount <= 0:
        raise ValueError("a VietQR payment request needs an amount")
    beneficiary = field("00", account.bank_bin) + field("01", account.account)
    merchant = field("00", VIETQR_GUID) + field("01", beneficiary) + field("02", TO_ACCOUNT)
    parts = [
        field("00", "01"),
        field("01", "12"),
        field("38", merchant),
        field("53", DONG),
        field("54", str(amount)),
        field("58", "VN"),
    ]
    name = plain(account.account_name, NAME_LIMIT)
    if name:
        parts.append(field("59", name))
    parts.append(field("62", field("08", plain(purpose, PURPOSE_LIMIT))))
    body = "".join(parts) + "6304"
    return body + f"{crc16_ccitt_false(body.encode('ascii')):04X}"
