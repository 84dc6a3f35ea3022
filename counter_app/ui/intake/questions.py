"""The questions the intake page asks before something cannot be undone; each has the safe
answer as its default (`notify.ask`). The page calls them by these names, so a test can answer
in their place."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from counter_app.ui import notify


def confirm_clear(parent: QWidget) -> bool:
    """Asked before Esc throws away what was typed (Enter and Esc keep it); tests replace it."""
    return notify.ask(
        parent,
        QCoreApplication.translate("Intake", "New dossier"),
        QCoreApplication.translate("Intake", "Clear what was typed and start a new dossier?"),
        QCoreApplication.translate("Intake", "Clear the form"),
        QCoreApplication.translate("Intake", "Keep editing"),
    )


def confirm_discard_scans(parent: QWidget, count: int) -> bool:
    """Asked instead of confirm_clear when pages were scanned for the dossier being entered."""
    return notify.ask(
        parent,
        QCoreApplication.translate("Intake", "New dossier"),
        QCoreApplication.translate(
            "Intake", "Clear the form and discard the {n} scanned file(s) of this dossier?"
        ).format(n=count),
        QCoreApplication.translate("Intake", "Clear and discard the scans"),
        QCoreApplication.translate("Intake", "Keep editing"),
    )


def confirm_leave_with_scans(parent: QWidget, count: int, leave: str) -> bool:
    """Asked before the window closes or the officer signs out while scans live only in this
    page's memory (staged for the dossier being entered, or not yet attached to a saved one);
    `leave` names the way out on its button."""
    return notify.ask(
        parent,
        QCoreApplication.translate("Intake", "Scans not attached"),
        QCoreApplication.translate(
            "Intake",
            "{n} scanned file(s) are not attached to a dossier yet and would be lost.",
        ).format(n=count),
        leave,
        icon=QMessageBox.Icon.Warning,
    )


def confirm_leave_unsaved(parent: QWidget, leave: str) -> bool:
    """Asked before the window closes or the officer signs out with a dossier half entered."""
    return notify.ask(
        parent,
        QCoreApplication.translate("Intake", "Dossier not saved"),
        QCoreApplication.translate(
            "Intake", "The dossier being entered has not been saved: what was typed would be lost."
        ),
        leave,
        icon=QMessageBox.Icon.Warning,
    )


def confirm_replace_applicant(parent: QWidget, typed: str, card: str) -> bool:
    """Asked before a scanned ID card replaces an applicant the officer typed by hand."""
    return notify.ask(
        parent,
        QCoreApplication.translate("Intake", "ID card scanned"),
        QCoreApplication.translate(
            "Intake", "Replace the applicant typed by hand ({typed}) with the card's ({card})?"
        ).format(typed=typed, card=card),
        QCoreApplication.translate("Intake", "Replace with the card"),
        QCoreApplication.translate("Intake", "Keep what was typed"),
    )
