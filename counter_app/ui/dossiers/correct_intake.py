"""Correcting an intake from the dossier detail: the applicant, the papers, the sets, how the
result goes back and the note, filled with what was entered. The service decides who may
(the officer until the dossier is transferred, then a supervisor with a reason) and records
the correction as a move; a refusal is shown here and the dialog stays open."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.amend import Correction, at_the_counter
from counter_app.domain.catalog import DocumentForm
from counter_app.domain.dossier import DocumentReceived, Dossier, ReturnMethod
from counter_app.domain.errors import CounterError, ValidationFailed
from counter_app.domain.identity_papers import normalise_id_number
from counter_app.domain.limits import MAX_COUNT, MAX_SETS
from counter_app.domain.permissions import Permission, allowed
from counter_app.domain.text import clean
from counter_app.ui import theme
from counter_app.ui.intake.values import birth_date_problem, birth_text, parse_birth_date
from counter_app.ui.labels import document_form_label, return_method_label
from counter_app.ui.session import Session

NAME, FORM, COUNT = range(3)


def may_correct(session: Session, dossier: Dossier) -> bool:
    """Whether the action is offered: a received dossier, still at the counter or in the
    hands of a supervisor."""
    if dossier.received_at is None or dossier.code is None:
        return False
    return at_the_counter(dossier) or allowed(session.user.role, Permission.CORRECT_AFTER_TRANSFER)


class CorrectIntakeDialog(QDialog):
    """`edits` maps each applicant field to its line edit; `papers` lists the papers."""

    sig_corrected = Signal(object)
    """The correction was recorded: the dossier as it is now (Dossier)."""

    def __init__(self, session: Session, dossier: Dossier, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.dossier = dossier
        self.reason_needed = not at_the_counter(dossier)
        self.setWindowTitle(self.tr("Correct the intake of {code}").format(code=dossier.code))
        self.setMinimumWidth(720)

        applicant = dossier.applicant
        self.edits: dict[str, QLineEdit] = {}
        form = QFormLayout()
        for name, caption, value in (
            ("full_name", self.tr("&Full name:"), applicant.full_name),
            ("id_number", self.tr("&ID number:"), applicant.id_number),
            (
                "birth_date",
                self.tr("&Birth date:"),
                birth_text(applicant.birth_date) if applicant.birth_date else "",
            ),
            ("phone", self.tr("&Phone:"), applicant.phone),
            ("email", self.tr("&Email:"), applicant.email),
            ("address", self.tr("A&ddress:"), applicant.address),
        ):
            edit = QLineEdit(value)
            edit.setObjectName(f"correct-{name}")
            label = QLabel(caption)
            label.setBuddy(edit)
            form.addRow(label, edit)
            self.edits[name] = edit

        self.papers = QTableWidget(0, 3)
        self.papers.setObjectName("correctPapers")
        self.papers.setHorizontalHeaderLabels([self.tr("Paper"), self.tr("Form"), self.tr("Count")])
        self.papers.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.papers.verticalHeader().setVisible(False)
        self.papers.horizontalHeader().setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        for document in dossier.documents:
            self.add_paper(document)
        add = QPushButton(self.tr("&Add a paper"))
        add.clicked.connect(lambda: self.add_paper(DocumentReceived("")))
        remove = QPushButton(self.tr("&Remove the paper"))
        remove.clicked.connect(self.remove_paper)
        for button in (add, remove):
            button.setAutoDefault(False)
        paper_buttons = QHBoxLayout()
        paper_buttons.addWidget(add)
        paper_buttons.addWidget(remove)
        paper_buttons.addStretch(1)

        self.sets = QSpinBox()
        self.sets.setObjectName("correctSets")
        self.sets.setRange(1, MAX_SETS)
        self.sets.setValue(dossier.sets)
        self.return_method = QComboBox()
        self.return_method.setObjectName("correctReturnMethod")
        for method in ReturnMethod:
            self.return_method.addItem(return_method_label(method), method)
        self.return_method.setCurrentIndex(self.return_method.findData(dossier.return_method))
        self.note = QPlainTextEdit(dossier.note)
        self.note.setObjectName("correctNote")
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(self.note.fontMetrics().lineSpacing() * 3 + 12)
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("correctReason")
        self.reason.setTabChangesFocus(True)
        self.reason.setFixedHeight(self.reason.fontMetrics().lineSpacing() * 3 + 12)
        more = QFormLayout()
        more.addRow(self.tr("&Sets:"), self.sets)
        more.addRow(self.tr("Result &returned:"), self.return_method)
        more.addRow(self.tr("&Note:"), self.note)
        reason_caption = (
            self.tr("Rea&son (required: the dossier has left the counter):")
            if self.reason_needed
            else self.tr("Rea&son:")
        )
        more.addRow(reason_caption, self.reason)

        about = QLabel(
            self.tr(
                "The correction is recorded in the dossier's history and the audit log, sent "
                "to the central system, and a corrected receipt is printed that replaces the "
                "one handed over before."
            )
        )
        about.setWordWrap(True)
        self.error_label = theme.error_label("correctError")
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(
            self.tr("Sa&ve the correction"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setObjectName("saveCorrection")
        cancel = buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        for button in (self.save_button, cancel):
            button.setAutoDefault(False)
        self.save_button.clicked.connect(self.submit)
        cancel.clicked.connect(self.reject)
        for key in theme.CONFIRM_KEYS:  # Enter alone stays in the field it was typed in
            QShortcut(QKeySequence(key), self, self.submit)

        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addLayout(form)
        layout.addWidget(self.papers, 1)
        layout.addLayout(paper_buttons)
        layout.addLayout(more)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.edits["full_name"].setFocus()

    # --- the papers
    def add_paper(self, document: DocumentReceived) -> None:
        row = self.papers.rowCount()
        self.papers.insertRow(row)
        self.papers.setItem(row, NAME, QTableWidgetItem(document.name))
        form = QComboBox()
        for value in DocumentForm:
            form.addItem(document_form_label(value), value)
        form.setCurrentIndex(form.findData(document.form))
        self.papers.setCellWidget(row, FORM, form)
        count = QSpinBox()
        count.setRange(1, MAX_COUNT)
        count.setValue(document.count)
        self.papers.setCellWidget(row, COUNT, count)
        self.papers.setCurrentCell(row, NAME)

    def remove_paper(self) -> None:
        row = self.papers.currentRow()
        if row >= 0:
            self.papers.removeRow(row)

    def documents(self) -> list[DocumentReceived]:
        kept = {d.name: d.component_code for d in self.dossier.documents}
        documents = []
        for row in range(self.papers.rowCount()):
            item = self.papers.item(row, NAME)
            name = clean(item.text()) if item is not None else ""
            form = self.papers.cellWidget(row, FORM)
            count = self.papers.cellWidget(row, COUNT)
            assert isinstance(form, QComboBox) and isinstance(count, QSpinBox)
            documents.append(
                DocumentReceived(
                    name, DocumentForm(form.currentData()), count.value(), kept.get(name, "")
                )
            )
        return documents

    # --- saving
    def correction(self) -> Correction:
        """What the form holds now; raises ValidationFailed for a birth date it cannot read."""
        text = {name: clean(edit.text()) for name, edit in self.edits.items()}
        problem = birth_date_problem(text["birth_date"])
        if problem is not None:
            raise ValidationFailed([problem])
        before = self.dossier.applicant
        # A new number is a paper of its own, guessed again; the same number keeps its paper.
        same_number = normalise_id_number(text["id_number"], before.id_type) == before.id_number
        applicant = replace(
            before,
            full_name=text["full_name"],
            id_number=text["id_number"],
            id_type=before.id_type if same_number else None,
            birth_date=parse_birth_date(text["birth_date"]),
            phone=text["phone"],
            email=text["email"],
            address=text["address"],
        )
        return Correction(
            applicant,
            self.documents(),
            self.sets.value(),
            ReturnMethod(self.return_method.currentData()),
            clean(self.note.toPlainText()),
        )

    def submit(self) -> None:
        session = self._session
        assert self.dossier.code is not None
        try:
            corrected = session.workspace.dossiers.amend(
                self.dossier.code,
                self.correction(),
                user=session.user,
                reason=self.reason.toPlainText(),
                at=session.clock(),
            )
        except CounterError as error:
            self.error_label.setText(error.message(session.lang))
            self.error_label.setVisible(True)
            return
        self.sig_corrected.emit(corrected)
        self.accept()
