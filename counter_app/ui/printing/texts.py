"""The words of printing, in one catalogue (printing_vi.ts): the kinds of paper, the states of
a job, why a job failed, and the captions of the print buttons other pages carry."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from counter_app.services.printing import PaperKind
from counter_app.services.printing.backend import Failure


def paper_label(kind: PaperKind) -> str:
    """The paper as the officer calls it, capitalised for a menu."""
    return {
        PaperKind.RECEIPT: QCoreApplication.translate("Printing", "Receipt and appointment"),
        PaperKind.LABEL: QCoreApplication.translate("Printing", "Folder label"),
        PaperKind.SUPPLEMENT: QCoreApplication.translate("Printing", "Supplement request"),
        PaperKind.REFUSAL: QCoreApplication.translate("Printing", "Refusal slip"),
        PaperKind.CONTROL_SHEET: QCoreApplication.translate("Printing", "Control sheet"),
        PaperKind.APOLOGY: QCoreApplication.translate("Printing", "Apology and new date"),
        PaperKind.STOP_NOTICE: QCoreApplication.translate("Printing", "Stop notice"),
        PaperKind.PAYMENT_REQUEST: QCoreApplication.translate("Printing", "Payment request"),
        PaperKind.BOOK: QCoreApplication.translate("Printing", "Tracking book"),
    }[kind]


def state_label(state: str) -> str:
    return {
        "queued": QCoreApplication.translate("Printing", "Waiting"),
        "printing": QCoreApplication.translate("Printing", "Printing"),
        "done": QCoreApplication.translate("Printing", "Printed"),
        "failed": QCoreApplication.translate("Printing", "Failed"),
        "cancelled": QCoreApplication.translate("Printing", "Cancelled"),
    }[state]


def failure_text(failure: Failure, printer: str, detail: str) -> str:
    """Why the job did not print, and the operating system's own words when it gave any."""
    text = {
        Failure.NO_PRINTER: QCoreApplication.translate(
            "Printing",
            "No printer is installed on this computer. Install or connect one, then retry "
            "the job in the print queue.",
        ),
        Failure.UNKNOWN_PRINTER: QCoreApplication.translate(
            "Printing",
            "The printer “{printer}” is not installed on this computer (any more). Retry the "
            "job on another printer.",
        ),
        Failure.PRINTER_ERROR: QCoreApplication.translate(
            "Printing",
            "The printer “{printer}” reports a fault (offline, out of paper, jammed?). Check it, "
            "then retry the job.",
        ),
        Failure.NOT_STARTED: QCoreApplication.translate(
            "Printing", "The printer “{printer}” did not accept the job."
        ),
        Failure.INTERRUPTED: QCoreApplication.translate(
            "Printing", "The printer “{printer}” stopped in the middle of the job."
        ),
        Failure.UNREADABLE: QCoreApplication.translate(
            "Printing", "The paper could not be prepared for printing ({detail})."
        ),
    }[failure].format(printer=printer, detail=detail)
    if detail and failure is not Failure.UNREADABLE:
        text += " " + QCoreApplication.translate("Printing", "The system says: “{detail}”.").format(
            detail=detail
        )
    return text


def print_button_text() -> str:
    """The menu button of the dossier detail and the return page."""
    return QCoreApplication.translate("Printing", "Print pap&ers…")


def print_receipt_again_text() -> str:
    """The intake page's button for the receipt of the dossier just saved."""
    return QCoreApplication.translate("Printing", "Print the receipt again (Ctrl+P)")


def print_receipt_again_tip(code: str) -> str:
    return QCoreApplication.translate(
        "Printing", "Print the receipt of {code} once more; it is marked as a reprint."
    ).format(code=code)


def print_receipt_again_idle_tip() -> str:
    return QCoreApplication.translate(
        "Printing", "Save a dossier first: this prints its receipt again."
    )


def preview_menu_text() -> str:
    return QCoreApplication.translate("Printing", "Pre&view and choose the printer")


def print_menu_tip() -> str:
    return QCoreApplication.translate(
        "Printing", "Print a paper of this dossier: only the papers its status allows are listed."
    )


def no_paper_text() -> str:
    return QCoreApplication.translate("Printing", "No paper can be printed in this status")
