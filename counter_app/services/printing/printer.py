"""Sending a finished PDF to the counter's default printer.

What the command line uses. Qt's print support names the default printer (the same list the
window shows; none offscreen or on a machine without printers), and the PDF goes to the print
spooler as it is: `lp`, or `lpr`, which CUPS provides on Linux and which print PDF natively.
The window prints through Qt's print system instead, page by page with QtPdf
(`counter_app/ui/printing/backend.py`), which also reaches printers with no PDF support.
"""

from __future__ import annotations

import shutil
import subprocess

from counter_app.domain.errors import CounterError

SPOOL_TIMEOUT_S = 60


class SystemPrinter:
    """The default printer of this machine, reached through Qt and the spooler."""

    def default(self) -> str:
        """The default printer's name; refuses with a message when there is none."""
        from PySide6.QtPrintSupport import QPrinterInfo

        info = QPrinterInfo.defaultPrinter()
        if info.isNull() or not info.printerName():
            raise CounterError("paper.no_printer")
        return info.printerName()

    def send(self, pdf: bytes, printer: str, title: str) -> str:
        """Queue the PDF on `printer`; return what the spooler answered (the job id)."""
        if lp := shutil.which("lp"):
            command = [lp, "-d", printer, "-t", title]
        elif lpr := shutil.which("lpr"):
            command = [lpr, "-P", printer, "-T", title]
        else:
            raise CounterError("paper.no_spooler", printer=printer)
        try:
            done = subprocess.run(
                command, input=pdf, capture_output=True, timeout=SPOOL_TIMEOUT_S, check=False
            )
        except (OSError, subprocess.TimeoutExpired) as error:
            raise CounterError("paper.print_failed", printer=printer, reason=str(error)) from None
        answer = done.stdout.decode("utf-8", "replace").strip()
        if done.returncode != 0:
            reason = done.stderr.decode("utf-8", "replace").strip() or f"exit {done.returncode}"
            raise CounterError("paper.print_failed", printer=printer, reason=reason)
        return answer
