"""The official papers: receipt, labels, supplement request, refusal, control sheet, apology,
stop notice and tracking book, as PDFs (reportlab), saved or sent to the default printer."""

from counter_app.services.printing.kinds import Paper, PaperKind
from counter_app.services.printing.paper_settings import PaperSettings
from counter_app.services.printing.service import PaperService, PrintJob

__all__ = ["Paper", "PaperKind", "PaperService", "PaperSettings", "PrintJob"]
