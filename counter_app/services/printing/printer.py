"""Sending a finished PDF to the counter's default printer.

What the command line uses. Qt's print system names the default printer (the same list the
window shows; none offscreen or on a machine without printers). Where CUPS is, the PDF goes to
its spooler as it is, through `lp` or `lpr`, which print PDF natively. Windows has neither (its
`lpr` is an LPD client): there, and on a machine without them, the PDF goes through Qt's print
system page by page, as the window prints (`counter_app/services/printing/backend.py`), which
reaches any printer the operating system knows, whatever its driver.
"""

from __future__ import annotations

import shutil
import subprocess
import sys

from counter_app.domain.errors import CounterError

SPOOL_TIMEOUT_S = 60
_COMMAND_APPLICATION: list[object] = []  # the one a command made, kept alive


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
        """Queue the PDF on `printer`; return what the spooler answered (the job id, "" from
        Qt's print system)."""
        command: list[str] | None = None
        if sys.platform != "win32":
            if lp := shutil.which("lp"):
                command = [lp, "-d", printer, "-t", title]
            elif lpr := shutil.which("lpr"):
                command = [lpr, "-P", printer, "-T", title]
        if command is None:
            return _print_through_qt(pdf, printer, title)
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


def _qt_application() -> None:
    """Qt's printers need an application object, and a command has none of its own; it is
    kept for the rest of the process. Windows' print engine draws through Qt GUI, which needs
    a GUI one (no window is shown); CUPS is content with a core one, which needs no display."""
    from PySide6.QtCore import QCoreApplication

    if QCoreApplication.instance() is not None:
        return
    if sys.platform == "win32":
        from PySide6.QtGui import QGuiApplication

        _COMMAND_APPLICATION.append(QGuiApplication([sys.argv[0]]))
    else:
        _COMMAND_APPLICATION.append(QCoreApplication([sys.argv[0]]))


def _print_through_qt(pdf: bytes, printer: str, title: str) -> str:
    from counter_app.services.printing.backend import Failure, PrintFailed, QtPrinterBackend

    _qt_application()
    try:
        return QtPrinterBackend().print_pdf(pdf, printer, title, lambda: False)
    except PrintFailed as failed:
        if failed.failure in (Failure.NO_PRINTER, Failure.UNKNOWN_PRINTER):
            raise CounterError("paper.printer_unknown", printer=printer) from None
        detail = f" ({failed.detail})" if failed.detail else ""
        raise CounterError("paper.not_printed", printer=printer, detail=detail) from None
