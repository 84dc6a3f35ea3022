"""Handing a result back: to the applicant, or to a person they authorised, who must show a
valid ID card. Used by the returns page and by the dossier detail dialog."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.dossier import Collector, Dossier
from counter_app.domain.errors import CounterError, Problem, ValidationFailed
from counter_app.domain.limits import NAME_LIMIT, NOTE_LIMIT
from counter_app.domain.validation import check_collector
from counter_app.ui import theme
from counter_app.ui.returns.readiness import collector_text
from counter_app.ui.returns.summary import DossierSummary
from counter_app.ui.session import Session

ID_INPUT_LIMIT = 20  # 12 digits with the spaces and dots people type between groups


def with_error(edit: QLineEdit, error: QLabel) -> QWidget:
    """The field with its message right under it; the message takes no room while empty."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    layout.addWidget(edit)
    layout.addWidget(error)
    return box


class HandBackForm(QGroupBox):
    """Who collects the result, an optional note, and Confirm (Ctrl+Enter). The authorised
    person's name and ID number are checked as they are typed, with the domain's rules; the
    service checks them again and its refusal is shown by the field it concerns."""

    sig_handed_back = Signal(object)
    """The result was handed back: the dossier as it is now (Dossier)."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.dossier: Dossier | None = None
        self._tried = False  # after a refused Confirm, missing values are flagged as well
        self._authorised_values = ("", "")
        self.setTitle(self.tr("Who collects the result"))

        self.applicant_radio = QRadioButton(self.tr("The &applicant"))
        self.applicant_radio.setObjectName("collectorApplicant")
        self.authorised_radio = QRadioButton(self.tr("A person the applicant a&uthorised"))
        self.authorised_radio.setObjectName("collectorAuthorised")
        self._who = QButtonGroup(self)
        self._who.addButton(self.applicant_radio)
        self._who.addButton(self.authorised_radio)
        self.applicant_radio.setChecked(True)
        who = QHBoxLayout()
        who.addWidget(self.applicant_radio)
        who.addSpacing(24)
        who.addWidget(self.authorised_radio)
        who.addStretch(1)

        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("collectorName")
        self.name_edit.setMaxLength(NAME_LIMIT)
        self.id_edit = QLineEdit()
        self.id_edit.setObjectName("collectorId")
        self.id_edit.setMaxLength(ID_INPUT_LIMIT)
        self.id_edit.setPlaceholderText(self.tr("12 digits, as on the ID card"))
        self.note_edit = QLineEdit()
        self.note_edit.setObjectName("handBackNote")
        self.note_edit.setMaxLength(NOTE_LIMIT)
        self.note_edit.setPlaceholderText(self.tr("Optional, e.g. papers handed over"))
        self.name_error = theme.error_label("collectorNameError")
        self.id_error = theme.error_label("collectorIdError")
        self.error_label = theme.error_label("handBackError")

        metrics = self.name_edit.fontMetrics()
        self.name_edit.setMaximumWidth(metrics.horizontalAdvance("M") * 32)
        self.id_edit.setMaximumWidth(metrics.horizontalAdvance("0") * 28)
        self.note_edit.setMaximumWidth(metrics.horizontalAdvance("M") * 32)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        for caption, field, error in (
            (self.tr("Full &name:"), self.name_edit, self.name_error),
            (self.tr("&ID number:"), self.id_edit, self.id_error),
        ):
            label = QLabel(caption)
            label.setBuddy(field)
            form.addRow(label, with_error(field, error))
        note_label = QLabel(self.tr("N&ote:"))
        note_label.setBuddy(self.note_edit)
        form.addRow(note_label, self.note_edit)

        self.confirm_button = QPushButton(self.tr("&Confirm hand-back"))
        self.confirm_button.setObjectName("confirmHandBack")
        self.confirm_button.setAutoDefault(False)
        self.confirm_button.clicked.connect(self.confirm)
        hint = QLabel(self.tr("Ctrl+Enter"))
        hint.setStyleSheet(f"color: {theme.MUTED_TEXT.name()};")
        actions = QHBoxLayout()
        actions.addWidget(self.confirm_button)
        actions.addWidget(hint)
        actions.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setSpacing(8)
        layout.addLayout(who)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addLayout(actions)

        for key in theme.CONFIRM_KEYS:
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.confirm)
        self.authorised_radio.toggled.connect(self._who_changed)
        self.name_edit.textChanged.connect(self._check_as_typed)
        self.id_edit.textChanged.connect(self._check_as_typed)
        # Enter moves on rather than confirming half-typed details; Ctrl+Enter confirms.
        self.name_edit.returnPressed.connect(self.id_edit.setFocus)
        self.id_edit.returnPressed.connect(self.note_edit.setFocus)
        self.note_edit.returnPressed.connect(self.confirm_button.setFocus)

    # --- state
    def set_dossier(self, dossier: Dossier | None) -> None:
        """Start afresh for this dossier: the applicant collects, nothing typed yet."""
        self.dossier = dossier
        self._tried = False
        self._authorised_values = ("", "")
        self.note_edit.clear()
        self._show_problems([])
        if self.applicant_radio.isChecked():
            self._who_changed(False)
        else:
            self.applicant_radio.setChecked(True)

    def is_authorised(self) -> bool:
        return self.authorised_radio.isChecked()

    def collector(self) -> Collector:
        return Collector(self.name_edit.text(), self.id_edit.text(), self.is_authorised())

    def focus_first(self) -> None:
        (self.authorised_radio if self.is_authorised() else self.applicant_radio).setFocus()

    def _who_changed(self, authorised: bool) -> None:
        """The applicant's own name and ID, read-only; or what was typed for the authorised
        person, kept while the officer switches back and forth."""
        self._tried = False
        self._show_problems([])
        if authorised:
            name, number = self._authorised_values
        else:
            applicant = self.dossier.applicant if self.dossier else None
            name = applicant.full_name if applicant else ""
            number = applicant.id_number if applicant else ""
        for edit, value in ((self.name_edit, name), (self.id_edit, number)):
            edit.blockSignals(True)
            edit.setText(value)
            edit.blockSignals(False)
            edit.setReadOnly(not authorised)
        if authorised:
            self._check_as_typed()
            self.name_edit.setFocus()

    # --- checks
    def _check_as_typed(self) -> None:
        if not self.is_authorised():
            return
        self._authorised_values = (self.name_edit.text(), self.id_edit.text())
        problems = check_collector(self.collector())
        if not self._tried:  # a field not filled in yet is no mistake while typing
            problems = [p for p in problems if p.key != "field.required"]
        self._show_problems(problems)

    def _show_problems(self, problems: list[Problem]) -> None:
        lang = self._session.lang
        by_field = {"full_name": self.name_error, "id_number": self.id_error}
        for label in (*by_field.values(), self.error_label):
            label.clear()
            label.setVisible(False)
        for problem in problems:
            label = by_field.get(problem.field, self.error_label)
            text = problem.message(lang)
            text = text[:1].upper() + text[1:]  # "{field} is required." starts with the field
            label.setText(f"{label.text()} {text}".strip())
            label.setVisible(True)

    # --- the move
    def confirm(self) -> Dossier | None:
        """Hand the result back; on refusal, say why by the field concerned and return None."""
        dossier = self.dossier
        if dossier is None or dossier.code is None:
            return None
        self._tried = True
        session = self._session
        collector = self.collector()
        try:
            done = session.workspace.dossiers.hand_back(
                dossier.code,
                collector,
                user=session.user,
                note=self.note_edit.text(),
                at=session.clock(),
            )
        except ValidationFailed as error:
            self._show_problems(error.problems)
            first = error.problems[0].field
            (self.id_edit if first == "id_number" else self.name_edit).setFocus()
            return None
        except CounterError as error:
            self._show_problems([])
            self.error_label.setText(error.message(session.lang))
            self.error_label.setVisible(True)
            return None
        self._show_problems([])
        who = collector_text(done.collector) if done.collector else collector.full_name
        session.messages.info(
            self.tr("Result of dossier {code} handed back to {who}.").format(
                code=done.code, who=who
            )
        )
        self.sig_handed_back.emit(done)
        return done


class HandBackDialog(QDialog):
    """The hand-back form for one dossier, in a dialog of its own (from the detail dialog).
    Accepted once the result is handed back; `dossier` is then the dossier as it is now."""

    sig_handed_back = Signal(object)
    """The result was handed back: the dossier as it is now (Dossier)."""

    def __init__(self, session: Session, dossier: Dossier, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.dossier = dossier
        self.setWindowTitle(
            self.tr("Hand back the result of {code}").format(code=dossier.code or "")
        )
        self.setMinimumWidth(900)
        self.summary = DossierSummary(session.lang)
        self.summary.show_dossier(dossier)
        self.form = HandBackForm(session)
        self.form.set_dossier(dossier)
        self.form.sig_handed_back.connect(self._handed_back)

        buttons = QDialogButtonBox()
        cancel = buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setAutoDefault(False)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.form)
        layout.addWidget(buttons)
        self.form.focus_first()

    def _handed_back(self, dossier: Dossier) -> None:
        self.dossier = dossier
        self.sig_handed_back.emit(dossier)
        self.accept()
