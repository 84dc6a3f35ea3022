"""Paying the fees: the VietQR a fee paper carries for what is still due, and the record of
how fees were paid (cash, a transfer, a card) with the transaction's reference."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from counter_app.domain.catalog import FeeCollection
from counter_app.domain.dossier import Dossier
from counter_app.domain.errors import CounterError
from counter_app.domain.text import clean
from counter_app.domain.vietqr import PaymentAccount, payload
from counter_app.services.settings import SettingsService
from counter_app.store.database import Database, Session
from counter_app.store.ratings import add_payment, paid_total


class Method(StrEnum):
    CASH = "cash"
    TRANSFER = "transfer"  # by the VietQR or any bank transfer
    CARD = "card"


@dataclass(frozen=True)
class Payment:
    method: Method
    reference: str = ""


def parse_payment(method: str, reference: str = "") -> Payment:
    """A payment as the officer records it: a transfer or a card needs its reference."""
    try:
        chosen = Method(method.strip().lower())
    except ValueError:
        raise CounterError(
            "payment.method", choices=", ".join(item.value for item in Method)
        ) from None
    reference = clean(reference)[:100]
    if chosen is not Method.CASH and not reference:
        raise CounterError("payment.reference_needed", what=f"payment.method.{chosen.value}")
    return Payment(chosen, reference)


def fees_owed(dossier: Dossier) -> int:
    return sum(line.total for line in dossier.fees if line.collection is not FeeCollection.EXEMPT)


def payment_account(settings: SettingsService) -> PaymentAccount | None:
    """The agency's account, or None while the administrator has not set one."""
    bank_bin = str(settings.get("payment.bank_bin") or "").strip()
    account = str(settings.get("payment.account") or "").strip()
    if not bank_bin or not account:
        return None
    return PaymentAccount(bank_bin, account, str(settings.get("payment.account_name") or ""))


def still_due(database: Database, dossier: Dossier) -> int:
    """What the dossier's fees still want once the payments recorded are taken off."""
    with database.read() as session:
        return max(fees_owed(dossier) - paid_total(session, dossier.uuid), 0)


def record_payment(
    session: Session, dossier: Dossier, payment: Payment, by: str, at: datetime
) -> None:
    """What the dossier still owes, paid by `payment`, in the move's transaction."""
    due = max(fees_owed(dossier) - paid_total(session, dossier.uuid), 0)
    add_payment(session, dossier.uuid, due, payment.method.value, payment.reference, by, at)


def vietqr_for(settings: SettingsService, dossier: Dossier, due: int) -> str:
    """The VietQR of `due`, what the dossier still owes, or "" when nothing is due or no
    account is set."""
    account = payment_account(settings)
    if account is None or not dossier.code or due <= 0:
        return ""
    return payload(account, due, dossier.code)
