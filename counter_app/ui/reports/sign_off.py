"""The end-of-day sign-off: the cash fees recorded against the cash counted, the difference
as it is typed, a note required when they differ; and the supervisor's reopening of a signed
day, which asks why. Both write through the service in the background."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QCoreApplication, QRegularExpression, Qt
from PySide6.QtGui import QKeySequence, QRegularExpressionValidator, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.clock import local
from counter_app.domain.errors import CounterError
from counter_app.domain.limits import NOTE_LIMIT
from counter_app.domain.reports import SignOff
from counter_app.ui import formatting, notify, theme
from counter_app.ui.formatting import EMPTY
from counter_app.ui.session import Session
from counter_app.ui.workers import Tasks

CASH_DIGITS = 13  # ten thousand billion đồng: more than any counter holds
CASH_PATTERN = rf"[0-9][0-9., ]{{0,{CASH_DIGITS * 4 // 3}}}"  # digits and group separators


def parse_cash(text: str) -> int | None:
    """Đồng typed with or without separators (1.200.000, 1,200,000, 1 200 000); None if
    nothing was typed."""
    digits = re.sub(r"\D", "", text)
    return int(digits) if digits else None


def difference_text(difference: int, lang: str) -> str:
    """The cash counted against the fees recorded as a reconciliation says it: over (thừa) or
    short (thiếu), never a bare minus sign."""
    amount = formatting.money(abs(difference), lang)
    if difference > 0:
        text = QCoreApplication.translate("SignOffDialog", "{amount} more than recorded")
    elif difference < 0:
        text = QCoreApplication.translate("SignOffDialog", "{amount} less than recorded")
    else:
        text = QCoreApplication.translate("SignOffDialog", "the cash matches the fees recorded")
    return text.format(amount=amount)


def heading_label(text: str) -> QLabel:
    label = QLabel(text)
    label.setFont(theme.scaled_font(label.font(), 1.2, bold=True))
    return label


def note_edit(name: str) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setObjectName(name)
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(edit.fontMetrics().lineSpacing() * 4 + 12)
    return edit


class DayDecisionDialog(QDialog):
    """What signing a day off and reopening it share: the title as a heading, what the
    decision means, the fields, the service's refusal shown in place, and a confirm button
    that writes in the background. Neither button is a default, so Enter in a note is a new
    line; theme.CONFIRM_KEYS confirm. Accepted once written; `sign_off` is then the SignOff.
    The texts come from the subclasses, whose translation context they belong to."""

    def __init__(self, session: Session, day: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.day = day
        self.sign_off: SignOff | None = None
        self.tasks = Tasks(self)

    def _lay_out(
        self,
        *,
        about: str,
        fields: QLayout,
        error_name: str,
        confirm_text: str,
        confirm_name: str,
        cancel_text: str,
    ) -> QPushButton:
        """Build the dialog around `fields`; returns the confirm button."""
        about_label = QLabel(about)
        about_label.setWordWrap(True)
        self.error_label = theme.error_label(error_name)
        buttons = QDialogButtonBox()
        self._confirm_button = buttons.addButton(
            confirm_text, QDialogButtonBox.ButtonRole.AcceptRole
        )
        self._confirm_button.setObjectName(confirm_name)
        cancel = buttons.addButton(cancel_text, QDialogButtonBox.ButtonRole.RejectRole)
        for button in (self._confirm_button, cancel):
            button.setAutoDefault(False)
        self._confirm_button.clicked.connect(self.confirm)
        cancel.clicked.connect(self.reject)
        for key in theme.CONFIRM_KEYS:
            QShortcut(QKeySequence(key), self, self.confirm)

        layout = QVBoxLayout(self)
        layout.addWidget(heading_label(self.windowTitle()))
        layout.addWidget(about_label)
        layout.addLayout(fields)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        return self._confirm_button

    def confirm(self) -> None:
        """Check the fields, then `_write` (each dialog its own)."""

    def _ready(self) -> bool:
        """Whether the confirm button may be pressed again after a refusal."""
        return True

    def _write(self, name: str, work: Callable[[], SignOff]) -> None:
        self.error_label.setVisible(False)
        self._confirm_button.setEnabled(False)
        self.tasks.run(name, work, self._written, self._failed)

    def _written(self, sign_off: SignOff) -> None:
        self.sign_off = sign_off
        self.accept()

    def _failed(self, error: Exception) -> None:
        if not isinstance(error, CounterError):
            raise error  # a bug: the crash handler logs it and says so
        self._confirm_button.setEnabled(self._ready())
        self.error_label.setText(error.message(self._session.lang))
        self.error_label.setVisible(True)


def confirm_early_sign_off(parent: QWidget, title: str, text: str, action: str) -> bool:
    """Asked before a day that is not over is signed off (default: do not sign); tests
    replace it."""
    back = QCoreApplication.translate("SignOffDialog", "Do not sign yet")
    return notify.ask(parent, title, text, action, back, icon=QMessageBox.Icon.Warning)


class SignOffDialog(DayDecisionDialog):
    """The end-of-day sign-off. `cash_fees` is the counter's cash fees of the day when the
    page already has them; else they are read in the background."""

    def __init__(
        self, session: Session, day: date, cash_fees: int | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(session, day, parent)
        self.cash_fees = cash_fees
        self.setWindowTitle(self.tr("Sign off the day {day}").format(day=formatting.day(day)))
        self.setMinimumWidth(560)

        self.recorded_label = QLabel(EMPTY)
        self.recorded_label.setObjectName("feesRecorded")
        self.cash_edit = QLineEdit()
        self.cash_edit.setObjectName("cashCounted")
        self.cash_edit.setValidator(
            QRegularExpressionValidator(QRegularExpression(CASH_PATTERN), self)
        )
        self.cash_edit.setPlaceholderText(self.tr("in đồng, e.g. 1.250.000"))
        self.cash_edit.setMaximumWidth(self.cash_edit.fontMetrics().horizontalAdvance("0") * 24)
        self.cash_edit.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.cash_error = theme.error_label("cashError")
        self.difference_label = QLabel(EMPTY)
        self.difference_label.setObjectName("cashDifference")
        self.note_caption = QLabel(self.tr("&Note:"))
        self.note_edit = note_edit("signOffNote")
        self.note_caption.setBuddy(self.note_edit)
        self.note_error = theme.error_label("noteError")

        cash_caption = QLabel(self.tr("&Cash counted:"))
        cash_caption.setBuddy(self.cash_edit)
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        form.addRow(self.tr("Fees recorded in cash:"), self.recorded_label)
        form.addRow(cash_caption, self._stacked(self.cash_edit, self.cash_error))
        form.addRow(self.tr("Difference:"), self.difference_label)
        form.addRow(self.note_caption, self._stacked(self.note_edit, self.note_error))

        # A day not over yet: signing locks the rest of it, and before closing time needs a why.
        reports = session.workspace.reports
        self.not_over = day >= local(reports.clock()).date()
        self.closing = reports.closes_later(day)
        self.blocking_label = theme.error_label("signOffBlocks")
        self.blocking_label.setText(self._blocking_text())
        self.blocking_label.setVisible(self.not_over)
        self.early_edit = note_edit("earlyReason")
        self.early_error = theme.error_label("earlyReasonError")
        early_caption = QLabel(self.tr("&Why sign off early (required):"))
        early_caption.setBuddy(self.early_edit)
        if self.closing is not None:
            form.addRow(early_caption, self._stacked(self.early_edit, self.early_error))
        else:
            early_caption.hide()
            self.early_edit.hide()
        form.addRow(self.blocking_label)
        self.sign_button = self._lay_out(
            about=self.tr(
                "Check the day's figures, count the cash and sign. Once signed, the day's "
                "dossiers can no longer be changed unless a supervisor reopens the day."
            ),
            fields=form,
            error_name="signOffError",
            confirm_text=self.tr("&Sign off the day"),
            confirm_name="confirmSignOff",
            cancel_text=self.tr("Cancel"),
        )

        self.cash_edit.textChanged.connect(self._show_difference)
        self.cash_edit.editingFinished.connect(self._regroup)
        self.note_edit.textChanged.connect(lambda: self.note_error.setVisible(False))
        if cash_fees is None:
            self.recorded_label.setText(self.tr("Reading…"))
            self.sign_button.setEnabled(False)
            whole_counter = session.workspace.reports.daily

            self.tasks.run(
                "cash",
                lambda: whole_counter(day, user=session.user).cash_fees,
                self._recorded,
                self._failed,
            )
        else:
            self._recorded(cash_fees)
        self.cash_edit.setFocus()

    @staticmethod
    def _stacked(field: QWidget, error: QLabel) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(field)
        layout.addWidget(error)
        return box

    # --- what the supervisor sees while typing
    def _recorded(self, cash_fees: int) -> None:
        self.cash_fees = cash_fees
        self.recorded_label.setText(formatting.money(cash_fees, self._session.lang))
        self.sign_button.setEnabled(True)
        self._show_difference()

    def difference(self) -> int | None:
        counted = parse_cash(self.cash_edit.text())
        if counted is None or self.cash_fees is None:
            return None
        return counted - self.cash_fees

    def _show_difference(self) -> None:
        self.cash_error.setVisible(False)
        difference = self.difference()
        lang = self._session.lang
        if difference is None:
            text, colour = EMPTY, "palette(text)"
        elif difference == 0:
            text, colour = self.tr("none, the cash matches"), "#2e7d32"
        else:
            text, colour = difference_text(difference, lang), theme.OVERDUE_FOREGROUND.name()
        self.difference_label.setText(text)
        self.difference_label.setStyleSheet(f"color: {colour}; font-weight: bold;")
        needed = bool(difference)
        self.note_caption.setText(self.tr("&Note (required):") if needed else self.tr("&Note:"))

    def _regroup(self) -> None:
        """1250000 reads back as 1.250.000 once the field is left."""
        counted = parse_cash(self.cash_edit.text())
        if counted is not None:
            grouped = formatting.money(counted, self._session.lang).rsplit(" ", 1)[0]
            self.cash_edit.setText(grouped)

    def _blocking_text(self) -> str:
        if self.closing is not None:
            return self.tr(
                "The counter is open until {closing}. Once the day is signed off, every intake "
                "and every move of a dossier today is refused until a supervisor reopens the day."
            ).format(closing=f"{local(self.closing):%H:%M}")
        return self.tr(
            "The day is not over. Once it is signed off, every intake and every move of a "
            "dossier today is refused until a supervisor reopens the day."
        )

    # --- signing
    def confirm(self) -> None:
        if self.tasks.busy or self.cash_fees is None:
            return
        counted = parse_cash(self.cash_edit.text())
        note = self.note_edit.toPlainText().strip()
        early_reason = self.early_edit.toPlainText().strip() if self.closing else ""
        if counted is None:
            self.cash_error.setText(self.tr("Enter the cash counted."))
            self.cash_error.setVisible(True)
            self.cash_edit.setFocus()
            return
        if counted != self.cash_fees and not note:
            self.note_error.setText(
                self.tr("The cash differs from the fees recorded: say why in the note.")
            )
            self.note_error.setVisible(True)
            self.note_edit.setFocus()
            return
        if self.closing is not None and not early_reason:
            self.early_error.setText(
                self.tr("The counter is still open: say why the day is signed off now.")
            )
            self.early_error.setVisible(True)
            self.early_edit.setFocus()
            return
        if self.not_over and not confirm_early_sign_off(
            self,
            self.windowTitle(),
            self._blocking_text() + "\n\n" + self.tr("Sign off the day now?"),
            self.tr("Sign off and &lock the day"),
        ):
            return
        session, day = self._session, self.day
        self._write(
            "sign",
            lambda: session.workspace.reports.sign_off(
                day,
                user=session.user,
                cash_counted=counted,
                note=note[:NOTE_LIMIT],
                early_reason=early_reason[:NOTE_LIMIT],
            ),
        )

    def _ready(self) -> bool:
        return self.cash_fees is not None


class ReopenDialog(DayDecisionDialog):
    """The supervisor's override: the day opens for changes again, with the reason audited;
    it must be signed again afterwards."""

    def __init__(self, session: Session, day: date, parent: QWidget | None = None) -> None:
        super().__init__(session, day, parent)
        self.setWindowTitle(self.tr("Reopen the day {day}").format(day=formatting.day(day)))
        self.setMinimumWidth(520)
        self.reason_edit = note_edit("reopenReason")
        reason_caption = QLabel(self.tr("&Reason (required):"))
        reason_caption.setBuddy(self.reason_edit)
        fields = QVBoxLayout()
        fields.addWidget(reason_caption)
        fields.addWidget(self.reason_edit)
        self.reopen_button = self._lay_out(
            about=self.tr(
                "The day's dossiers can be changed again, and the day must be signed off "
                "again afterwards. The reopening is recorded in the audit log with its reason."
            ),
            fields=fields,
            error_name="reopenError",
            confirm_text=self.tr("&Reopen the day"),
            confirm_name="confirmReopen",
            cancel_text=self.tr("Cancel"),
        )
        self.reason_edit.setFocus()

    def confirm(self) -> None:
        if self.tasks.busy:
            return
        reason = self.reason_edit.toPlainText().strip()
        if not reason:
            self.error_label.setText(self.tr("Say why the day is reopened."))
            self.error_label.setVisible(True)
            self.reason_edit.setFocus()
            return
        session, day = self._session, self.day
        self._write(
            "reopen",
            lambda: session.workspace.reports.reopen(
                day, user=session.user, reason=reason[:NOTE_LIMIT]
            ),
        )
