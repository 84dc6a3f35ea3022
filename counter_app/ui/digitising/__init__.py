"""The dossier's scanned originals in the window: thumbnails per component, add, remove,
preview, and the digitised dossier PDF (the "Hồ sơ điện tử" tab of the dossier detail)."""

from counter_app.ui.digitising.panel import ScanPanel
from counter_app.ui.digitising.sections import PreviewDialog, dropped_paths
from counter_app.ui.digitising.texts import tab_title

__all__ = ["PreviewDialog", "ScanPanel", "dropped_paths", "tab_title"]
