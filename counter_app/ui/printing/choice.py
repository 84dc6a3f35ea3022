"""Which printer a paper goes to (`printing.printers`), and whether the receipt prints by
itself after intake (`printing.auto_receipt`); both declared in the settings registry."""

from __future__ import annotations

from dataclasses import dataclass

from counter_app.domain.settings_registry import REGISTRY
from counter_app.services.printing import PaperKind
from counter_app.services.printing.backend import PrinterBackend
from counter_app.services.settings import SettingsService

PRINTERS_KEY = REGISTRY["printing.printers"].key
AUTO_RECEIPT_KEY = REGISTRY["printing.auto_receipt"].key


@dataclass(frozen=True)
class Choice:
    printer: str  # "" when the system knows no printer
    lost: str = ""  # the remembered printer, when it is no longer installed


class PrintSettings:
    def __init__(self, settings: SettingsService) -> None:
        self._settings = settings

    def printers(self) -> dict[str, str]:
        stored = self._settings.value(PRINTERS_KEY)
        if not isinstance(stored, dict):
            return {}
        return {str(k): str(v) for k, v in stored.items() if isinstance(v, str) and v}

    def printer_for(self, kind: PaperKind) -> str:
        return self.printers().get(PaperKind(kind).value, "")

    def remember(self, kind: PaperKind, printer: str) -> None:
        """Keep `printer` for this kind of paper (nothing is written when it is already so)."""
        chosen = self.printers()
        key = PaperKind(kind).value
        if not printer or chosen.get(key) == printer:
            return
        chosen[key] = printer
        self._settings.set(PRINTERS_KEY, chosen)

    def auto_receipt(self) -> bool:
        return self._settings.value(AUTO_RECEIPT_KEY) is True

    def set_auto_receipt(self, on: bool) -> None:
        self._settings.set(AUTO_RECEIPT_KEY, bool(on))

    def choose(self, kind: PaperKind, backend: PrinterBackend) -> Choice:
        """The remembered printer of the kind while the system knows it, else the default."""
        remembered = self.printer_for(kind)
        known = backend.printers()
        if remembered and remembered in known:
            return Choice(remembered)
        default = backend.default_printer() or (known[0] if known else "")
        lost = remembered if remembered and remembered != default else ""
        return Choice(default, lost)
