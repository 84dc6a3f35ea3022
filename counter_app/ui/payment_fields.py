"""How fees were paid, asked the same way when they are marked paid and at intake: the method
and the transaction's reference (a transfer or a card needs it)."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import QComboBox, QLineEdit

from counter_app.domain.messages import translate

REFERENCE_LIMIT = 100


class PaymentFields:
    """The method's list (`methods`: the values offered, first the default) and the reference."""

    def __init__(self, lang: str, methods: Iterable[str]) -> None:
        self.method_combo = QComboBox()
        self.method_combo.setObjectName("paymentMethod")
        for method in methods:
            self.method_combo.addItem(translate(f"payment.method.{method}", lang), method)
        self.reference_edit = QLineEdit()
        self.reference_edit.setObjectName("paymentReference")
        self.reference_edit.setMaxLength(REFERENCE_LIMIT)

    def method(self) -> str:
        return str(self.method_combo.currentData())

    def reference(self) -> str:
        return self.reference_edit.text()

    def clear(self) -> None:
        self.method_combo.setCurrentIndex(0)
        self.reference_edit.clear()
