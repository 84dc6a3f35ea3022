"""Paying the fees: the VietQR a fee paper carries for what is still due, and the record of
how fees were paid (cash, a transfer, a card) with the transaction's reference."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from counter_app.domain.catalog import FeeCollection
from counter_app.domain.dossier import Channel, Dossier
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


CASH = Payment(Method.CASH)
UNPAID = "unpaid"  # at intake: the fees are left due, for the payment request to ask


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


def parse_intake_payment(method: str, reference: str = "") -> Payment | None:
    """How the fees taken at intake were paid; None: not yet (`UNPAID`)."""
    chosen = method.strip().lower()
    if chosen == UNPAID:
        return None
    if chosen not in {item.value for item in Method}:
        choices = ", ".join([*(item.value for item in Method), UNPAID])
        raise CounterError("payment.method", choices=choices)
    return parse_payment(chosen, reference)


def default_payment(channel: Channel) -> Payment | None:
    """How fees taken at intake are paid unless the officer says: in cash at the desk; a
    submission online paid (or not) through the portal, which the counter does not see."""
    return None if channel is Channel.ONLINE else CASH


def fees_owed(dossier: Dossier) -> int:
    return sum(line.total for line in dossier.fees if line.collection is not FeeCollection.EXEMPT)


def fees_at_intake(dossier: Dossier) -> int:
    """What the fees collected when the dossier is received (the "before" lines) add up to."""
    return sum(line.total for line in dossier.fees if line.collection is FeeCollection.BEFORE)


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
    session: Session,
    dossier: Dossier,
    payment: Payment,
    by: str,
    at: datetime,
    *,
    owed: int | None = None,
) -> None:
    """What the dossier still owes, paid by `payment`, in the move's transaction. `owed`: what
    is to be paid by now when not every fee is (at intake, the "before" lines)."""
    owed = fees_owed(dossier) if owed is None else owed
    due = owed - paid_total(session, dossier.uuid)
    if due > 0:  # nothing left to pay: nothing to record
        add_payment(session, dossier.uuid, due, payment.method.value, payment.reference, by, at)


def vietqr_for(settings: SettingsService, dossier: Dossier, due: int) -> str:
    """The VietQR of `due`, what the dossier still owes, or "" when nothing is due or no
    account is set."""
    account = payment_account(settings)
    if account is None or not dossier.code or due <= 0:
        return ""
    return payload(account, due, dossier.code)
