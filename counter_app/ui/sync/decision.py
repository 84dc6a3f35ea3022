"""The officer's decision on one online submission: accept it (it gets its code and due time
now, as a walk-in would), or ask for a supplement or refuse it with a reason the applicant
reads on paper."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.dossier import Dossier
from counter_app.domain.errors import CounterError
from counter_app.domain.lifecycle import NOTE_REQUIRED, TRANSITIONS, Action
from counter_app.domain.text import clean
from counter_app.ui import theme
from counter_app.ui.dossiers.action import (
    action_button_text,
    reason_prompt,
    without_mnemonic,
)
from counter_app.ui.intake.widgets import scaled_font

DECISIONS = (Action.ACCEPT, Action.REQUEST_SUPPLEMENT, Action.REFUSE)


class DecisionDialog(QDialog):
    """`perform(note)` records the decision and raises CounterError to refuse it; the refusal
    is shown here and the dialog stays open. Opened with `open()`."""

    def __init__(
        self,
        submission: Dossier,
        action: Action,
        lang: str,
        perform: Callable[[str], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        if action not in DECISIONS:
            raise ValueError(action)
        self.action = action
        self.required = action in NOTE_REQUIRED
        self._perform = perform
        self._lang = lang
        title = without_mnemonic(action_button_text(action))
        self.setWindowTitle(title)
        self.setMinimumWidth(560)

        heading = QLabel(title)
        heading.setFont(scaled_font(heading.font(), 1.2, bold=True))
        about = QLabel(
            self.tr("Online submission of {name}: {procedure}").format(
                name=submission.applicant.full_name, procedure=submission.procedure_name
            )
        )
        about.setWordWrap(True)
        target = TRANSITIONS[action][1]
        move = QLabel(
            self.tr("Status: {before} → {after}").format(
                before=submission.status.label(lang),
                after=target.label(lang) if target else "—",
            )
        )
        move.setObjectName("moveLabel")

        layout = QVBoxLayout(self)
        layout.setSpacing(8)
        layout.addWidget(heading)
        layout.addWidget(about)
        layout.addWidget(move)
        layout.addSpacing(6)

        self.note_edit: QPlainTextEdit | None = None
        if self.required:
            edit = QPlainTextEdit()
            edit.setObjectName("noteEdit")
            edit.setTabChangesFocus(True)
            edit.setMinimumHeight(edit.fontMetrics().lineSpacing() * 5)
            prompt = QLabel(reason_prompt(action))
            prompt.setWordWrap(True)
            prompt.setBuddy(edit)
            layout.addWidget(prompt)
            layout.addWidget(edit, 1)
            self.note_edit = edit
            hint = QLabel(self.tr("Ctrl+Enter confirms; Esc cancels."))
        else:
            explain = QLabel(
                self.tr(
                    "The dossier gets its code and its due time now, counted from this moment "
                    "as for a walk-in; the decision goes up to the central system."
                )
            )
            explain.setWordWrap(True)
            layout.addWidget(explain)
            hint = QLabel(self.tr("Enter confirms; Esc cancels."))
        hint.setStyleSheet(f"color: {theme.MUTED_TEXT.name()};")

        self.error_label = theme.error_label("decisionError")

        buttons = QDialogButtonBox()
        self.ok_button = buttons.addButton(title, QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setDefault(True)
        cancel = buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setAutoDefault(False)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        for key in theme.CONFIRM_KEYS:
            QShortcut(QKeySequence(key), self, self.submit)

        layout.addWidget(self.error_label)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        if self.note_edit is not None:
            self.note_edit.setFocus()
        else:
            self.ok_button.setFocus()

    def note(self) -> str:
        return clean(self.note_edit.toPlainText()) if self.note_edit is not None else ""

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
