"""The words of the digitising tab, in one catalogue (digitising_vi.ts)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def tab_title() -> str:
    """The tab of the dossier detail that shows the scanned originals."""
    return QCoreApplication.translate("Digitising", "Digital dossier")
