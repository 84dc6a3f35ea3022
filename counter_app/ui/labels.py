"""Words for the domain's codes (roles, channels, forms...), translated through Qt.

Each function builds its table at call time so the strings are translated in the language
installed now, and so `pyside6-lupdate` sees every literal.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from counter_app.domain.catalog import DocumentForm, FeeCollection, ServiceLevel
from counter_app.domain.dossier import ApplicantType, Channel, ReturnMethod, Timeliness
from counter_app.domain.lifecycle import Action
from counter_app.domain.permissions import Role


def role_label(role: Role) -> str:
    return {
        Role.STAFF: QCoreApplication.translate("Labels", "Front-desk officer"),
        Role.SUPERVISOR: QCoreApplication.translate("Labels", "Supervisor"),
        Role.ADMIN: QCoreApplication.translate("Labels", "Administrator"),
    }[role]


def weekday_name(weekday: int) -> str:
    """Monday is 0, as `date.weekday()` counts."""
    return (
        QCoreApplication.translate("Labels", "Monday"),
        QCoreApplication.translate("Labels", "Tuesday"),
        QCoreApplication.translate("Labels", "Wednesday"),
        QCoreApplication.translate("Labels", "Thursday"),
        QCoreApplication.translate("Labels", "Friday"),
        QCoreApplication.translate("Labels", "Saturday"),
        QCoreApplication.translate("Labels", "Sunday"),
    )[weekday]


def applicant_type_label(value: ApplicantType) -> str:
    return {
        ApplicantType.CITIZEN: QCoreApplication.translate("Labels", "Citizen"),
        ApplicantType.BUSINESS: QCoreApplication.translate("Labels", "Business"),
        ApplicantType.AGENCY: QCoreApplication.translate("Labels", "State agency"),
        ApplicantType.OTHER: QCoreApplication.translate("Labels", "Other"),
    }[value]


def channel_label(value: Channel) -> str:
    return {
        Channel.DIRECT: QCoreApplication.translate("Labels", "Walk-in"),
        Channel.ONLINE: QCoreApplication.translate("Labels", "Online"),
        Channel.POSTAL: QCoreApplication.translate("Labels", "Public postal service"),
    }[value]


def return_method_label(value: ReturnMethod) -> str:
    return {
        ReturnMethod.COUNTER: QCoreApplication.translate("Labels", "At the counter"),
        ReturnMethod.POSTAL: QCoreApplication.translate("Labels", "By post"),
    }[value]


def document_form_label(value: DocumentForm) -> str:
    return {
        DocumentForm.ORIGINAL: QCoreApplication.translate("Labels", "Original"),
        DocumentForm.CERTIFIED_COPY: QCoreApplication.translate("Labels", "Certified copy"),
        DocumentForm.COPY: QCoreApplication.translate("Labels", "Copy"),
    }[value]


def fee_collection_label(value: FeeCollection) -> str:
    return {
        FeeCollection.BEFORE: QCoreApplication.translate("Labels", "Collected at intake"),
        FeeCollection.AFTER: QCoreApplication.translate("Labels", "Collected at return"),
        FeeCollection.EXEMPT: QCoreApplication.translate("Labels", "Exempt"),
    }[value]


def fee_basis_label(per: str) -> str:
    """What a catalog fee is counted on; an unknown basis is shown as it is written."""
    return {
        "dossier": QCoreApplication.translate("Labels", "per dossier"),
        "page": QCoreApplication.translate("Labels", "per page"),
        "copy": QCoreApplication.translate("Labels", "per copy"),
        "person": QCoreApplication.translate("Labels", "per person"),
    }.get(per, per)


def timeliness_label(value: Timeliness) -> str:
    return {
        Timeliness.EARLY: QCoreApplication.translate("Labels", "Before the due date"),
        Timeliness.ON_TIME: QCoreApplication.translate("Labels", "On time"),
        Timeliness.LATE: QCoreApplication.translate("Labels", "Late"),
    }[value]


def level_label(value: ServiceLevel) -> str:
    return {
        ServiceLevel.LEVEL_1: QCoreApplication.translate("Labels", "Level 1"),
        ServiceLevel.LEVEL_2: QCoreApplication.translate("Labels", "Level 2"),
        ServiceLevel.LEVEL_3: QCoreApplication.translate("Labels", "Level 3"),
        ServiceLevel.LEVEL_4: QCoreApplication.translate("Labels", "Level 4"),
        ServiceLevel.FULL_ONLINE: QCoreApplication.translate("Labels", "Fully online"),
        ServiceLevel.PARTIAL_ONLINE: QCoreApplication.translate("Labels", "Partly online"),
    }[value]


def action_label(action: str) -> str:
    """A history line's move, as a noun phrase for the history table."""
    labels = {
        Action.RECEIVE: QCoreApplication.translate("Labels", "Received at the counter"),
        Action.ACCEPT: QCoreApplication.translate("Labels", "Online submission accepted"),
        Action.TRANSFER: QCoreApplication.translate("Labels", "Transferred for processing"),
        Action.REQUEST_SUPPLEMENT: QCoreApplication.translate("Labels", "Supplement requested"),
        Action.RESUBMIT: QCoreApplication.translate("Labels", "Supplement received"),
        Action.REQUEST_PAYMENT: QCoreApplication.translate("Labels", "Payment requested"),
        Action.PAY: QCoreApplication.translate("Labels", "Payment recorded"),
        Action.REFUSE: QCoreApplication.translate("Labels", "Refused at intake"),
        Action.WITHDRAW: QCoreApplication.translate("Labels", "Withdrawn by the applicant"),
        Action.STOP: QCoreApplication.translate("Labels", "Processing stopped"),
        Action.RESOLVE: QCoreApplication.translate("Labels", "Processing completed"),
        Action.RETURN: QCoreApplication.translate("Labels", "Result returned"),
        Action.AMEND: QCoreApplication.translate("Labels", "Intake corrected"),
    }
    try:
        return labels[Action(action)]
    except ValueError:
        return action
