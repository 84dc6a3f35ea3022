"""One lifecycle move of a dossier, asked for in a small dialog: the move, what it leads to,
and the note or reason it needs; also the wording of each move's button."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.dossier import Dossier, Status
from counter_app.domain.errors import CounterError
from counter_app.domain.lifecycle import NOTE_REQUIRED, TRANSITIONS, Action
from counter_app.domain.limits import NOTE_LIMIT
from counter_app.domain.text import clean
from counter_app.services.payments import Method, Payment, parse_payment
from counter_app.ui import theme
from counter_app.ui.payment_fields import PaymentFields


def action_button_text(action: Action) -> str:
    """A move as the officer asks for it, with its Alt+letter; unique within any state."""
    return {
        Action.ACCEPT: QCoreApplication.translate(
            "DossierActions", "&Accept the online submission"
        ),
        Action.TRANSFER: QCoreApplication.translate("DossierActions", "&Transfer for processing"),
        Action.REQUEST_SUPPLEMENT: QCoreApplication.translate(
            "DossierActions", "Request a &supplement"
        ),
        Action.RESUBMIT: QCoreApplication.translate(
            "DossierActions", "Resubmit (supplement &received)"
        ),
        Action.REQUEST_PAYMENT: QCoreApplication.translate("DossierActions", "Request &payment"),
        Action.PAY: QCoreApplication.translate("DossierActions", "Record pa&yment"),
        Action.REFUSE: QCoreApplication.translate("DossierActions", "Re&fuse"),
        Action.WITHDRAW: QCoreApplication.translate("DossierActions", "&Withdraw"),
        Action.STOP: QCoreApplication.translate("DossierActions", "St&op processing"),
        Action.RESOLVE: QCoreApplication.translate("DossierActions", "&Mark as resolved"),
        Action.RETURN: QCoreApplication.translate("DossierActions", "&Hand back the result"),
    }[action]


def without_mnemonic(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def reason_prompt(action: Action) -> str:
    """What the officer is asked to write for a move whose reason goes on paper to the
    applicant (NOTE_REQUIRED), saying which paper."""
    return {
        Action.REQUEST_SUPPLEMENT: QCoreApplication.translate(
            "DossierActions",
            "&Papers to add or fix, and why. This text is printed on the supplement request "
            "the applicant takes home: write it so they know exactly what to bring.",
        ),
        Action.REFUSE: QCoreApplication.translate(
            "DossierActions",
            "&Reason for refusing the dossier. This text is printed on the refusal slip the "
            "applicant takes home: state the specific reason.",
        ),
        Action.STOP: QCoreApplication.translate(
            "DossierActions",
            "&Reason for stopping the processing. This text is printed on the stop notice "
            "sent to the applicant: state the specific reason.",
        ),
    }[action]


def target_status(dossier: Dossier, action: Action) -> Status | None:
    """Where the move leads; a resubmission goes back to where the supplement was asked."""
    target = TRANSITIONS[action][1]
    if target is None and action is Action.RESUBMIT and dossier.supplement_rounds:
        return dossier.supplement_rounds[-1].from_status
    return target


class MoveDialog(QDialog):
    """A move confirmed in a small dialog: its heading, the dossier, the status it leads to,
    and at the foot its refusal, hint and buttons; a required reason (multi-line) for the
    moves whose reason the applicant reads on paper. A subclass adds what lies between.

    `perform(note)` makes the move and raises CounterError to refuse it; the refusal is shown
    here and the dialog stays open. Opened with `open()`, so tests drive it like the officer."""

    ERROR_NAME = "moveError"

    def __init__(
        self,
        action: Action,
        lang: str,
        perform: Callable[[str], object],
        before: Status,
        after: Status | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.action = action
        self.required = action in NOTE_REQUIRED
        self._perform = perform
        self._lang = lang
        self.note_edit: QPlainTextEdit | QLineEdit | None = None
        title = without_mnemonic(action_button_text(action))
        self.setWindowTitle(title)
        self.setMinimumWidth(560)

        heading = QLabel(title)
        heading.setFont(theme.scaled_font(heading.font(), 1.2, bold=True))
        self.about_label = QLabel()  # which dossier: the subclass's words
        self.about_label.setWordWrap(True)
        move = QLabel(
            self.tr("Status: {before} → {after}").format(
                before=before.label(lang), after=after.label(lang) if after else "—"
            )
        )
        move.setObjectName("moveLabel")
        move.setWordWrap(True)

        self.error_label = theme.error_label(self.ERROR_NAME)
        self._buttons = QDialogButtonBox()
        self.ok_button = self._buttons.addButton(title, QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setDefault(True)
        cancel = self._buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setAutoDefault(False)
        self._buttons.accepted.connect(self.submit)
        self._buttons.rejected.connect(self.reject)
        for key in theme.CONFIRM_KEYS:
            QShortcut(QKeySequence(key), self, self.submit)

        self.body = QVBoxLayout(self)
        self.body.setSpacing(8)
        self.body.addWidget(heading)
        self.body.addWidget(self.about_label)
        self.body.addWidget(move)
        self.body.addSpacing(6)

    def add_reason(self) -> None:
        """The required reason, under the prompt that says which paper it is printed on."""
        reason = QPlainTextEdit()
        reason.setTabChangesFocus(True)
        reason.setMinimumHeight(reason.fontMetrics().lineSpacing() * 5)
        self.add_note(QLabel(reason_prompt(self.action)), reason, stretch=1)

    def add_note(self, prompt: QLabel, edit: QPlainTextEdit | QLineEdit, stretch: int = 0) -> None:
        self.note_edit = edit
        edit.setObjectName("noteEdit")
        prompt.setObjectName("notePrompt")
        prompt.setWordWrap(True)
        prompt.setBuddy(edit)
        self.body.addWidget(prompt)
        self.body.addWidget(edit, stretch)

    def add_foot(self) -> None:
        """The refusal, the keys' hint and the buttons; the focus on the note, else on OK."""
        hint = QLabel(
            self.tr("Ctrl+Enter confirms; Esc cancels.")
            if self.required
            else self.tr("Enter confirms; Esc cancels.")
        )
        hint.setStyleSheet(f"color: {theme.MUTED_TEXT.name()};")
        self.body.addWidget(self.error_label)
        self.body.addWidget(hint)
        self.body.addWidget(self._buttons)
        (self.note_edit or self.ok_button).setFocus()

    def note(self) -> str:
        edit = self.note_edit
        if edit is None:
            return ""
        return clean(edit.toPlainText() if isinstance(edit, QPlainTextEdit) else edit.text())

    def submit(self) -> None:
        note = self.note()
        if self.required and not note:
            self._refuse(self.tr("Write the reason: the applicant will read it on paper."))
            return
        try:
            self._perform(note)
        except CounterError as error:
            self._refuse(error.message(self._lang))
            return
        self.accept()

    def _refuse(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.setVisible(True)
        if self.note_edit is not None:
            self.note_edit.setFocus()


class ActionDialog(MoveDialog):
    """One lifecycle move of a dossier: a plain confirmation with an optional note unless the
    move needs a reason; a payment also says how the fees were paid."""

    ERROR_NAME = "actionError"

    def __init__(
        self,
        dossier: Dossier,
        action: Action,
        lang: str,
        perform: Callable[[str], None],
        parent: QWidget | None = None,
    ) -> None:
        target = target_status(dossier, action)
        super().__init__(action, lang, perform, dossier.status, target, parent)
        self.about_label.setText(
            self.tr("Dossier {code} of {name}").format(
                code=dossier.code or "", name=dossier.applicant.full_name
            )
        )
        self.method_combo: QComboBox | None = None
        self.reference_edit: QLineEdit | None = None
        if action is Action.PAY:  # how the fees were paid, for the day's reconciliation
            fields = PaymentFields(lang, (method.value for method in Method))
            self.method_combo, self.reference_edit = fields.method_combo, fields.reference_edit
            paid = QFormLayout()
            paid.addRow(self.tr("Paid by:"), self.method_combo)
            paid.addRow(self.tr("Transaction reference:"), self.reference_edit)
            self.body.addLayout(paid)
        if self.required:
            self.add_reason()
        else:
            note = QLineEdit()
            note.setMaxLength(NOTE_LIMIT)
            self.add_note(QLabel(self.tr("&Note (optional):")), note)
        self.add_foot()

    def payment(self) -> Payment | None:
        """How the fees were paid (a pay move); a transfer or a card without its reference is
        refused with the reason."""
        if self.method_combo is None or self.reference_edit is None:
            return None
        return parse_payment(str(self.method_combo.currentData()), self.reference_edit.text())
