"""The notices' templates: for each occasion (a result ready, a supplement asked, a refusal, a
new due date) the subject and the text sent to applicants who agreed to notices, with the
fields they may use, and a preview filled in for a sample dossier as the administrator types.

Edits of every occasion are kept while another is shown; Save checks them all and stores them
through the settings (`notices.templates`), refusing a field the notices do not have."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.errors import CounterError
from counter_app.domain.messages import translate
from counter_app.domain.notices import DEFAULT_TEMPLATES, FIELDS, NoticeKind, check_template
from counter_app.ui.session import Session
from counter_app.ui.settings.widgets import FieldError, Section, note_label, with_error

BODY_LINES = 6


class NoticeTemplatesSection(Section):
    """`edited` holds each occasion's (subject, body) as typed, saved or not."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(
            session,
            self.tr("Notices to applicants"),
            self.tr(
                "What an applicant who agreed to notices receives by e-mail and SMS, for each "
                "occasion. Write in Vietnamese; a field in braces, such as {name}, is filled in "
                "from the dossier. The SMS carries the text only."
            ),
            parent=parent,
        )
        self.edited: dict[str, tuple[str, str]] = {}
        self._shown_kind = ""
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("noticeKind")
        for kind in NoticeKind:
            self.kind_combo.addItem(translate(f"notice.kind.{kind.value}", self.lang), kind.value)
        self.subject_edit = QLineEdit()
        self.subject_edit.setObjectName("noticeSubject")
        self.subject_error = FieldError("noticeSubjectError")
        self.body_edit = QPlainTextEdit()
        self.body_edit.setObjectName("noticeBody")
        self.body_edit.setTabChangesFocus(True)
        lines = self.body_edit.fontMetrics().lineSpacing() * BODY_LINES
        self.body_edit.setFixedHeight(lines + 2 * self.body_edit.frameWidth() + 8)
        self.body_error = FieldError("noticeBodyError")

        fields = QHBoxLayout()
        fields.setSpacing(4)
        self.field_buttons: dict[str, QToolButton] = {}
        for name in FIELDS:
            button = QToolButton()
            button.setObjectName(f"noticeField-{name}")
            button.setText(f"{{{name}}}")
            button.setToolTip(
                self.tr("Insert {field}: {meaning}").format(
                    field=f"{{{name}}}", meaning=translate(f"notice.field.{name}", self.lang)
                )
            )
            button.clicked.connect(lambda _=False, field=name: self.insert_field(field))
            fields.addWidget(button)
            self.field_buttons[name] = button
        fields.addStretch(1)
        meanings = "; ".join(
            f"{{{name}}} – {translate(f'notice.field.{name}', self.lang)}" for name in FIELDS
        )
        self.fields_note = note_label(
            self.tr("Fields it may use: {fields}.").format(fields=meanings), "noticeFields"
        )
        self.default_button = QPushButton(self.tr("Back to the &default text"))
        self.default_button.setObjectName("noticeDefault")
        self.default_button.setAutoDefault(False)
        self.default_button.clicked.connect(self.restore_default)

        form = QFormLayout()
        for caption, field, cell in (
            (self.tr("&Occasion:"), self.kind_combo, self.kind_combo),
            (self.tr("Su&bject (e-mail):"), self.subject_edit,
             with_error(self.subject_edit, self.subject_error)),
            (self.tr("&Text:"), self.body_edit, with_error(self.body_edit, self.body_error)),
        ):  # fmt: skip
            label = QLabel(caption)
            label.setBuddy(field)
            form.addRow(label, cell)
        field_cell = QVBoxLayout()
        field_cell.addLayout(fields)
        field_cell.addWidget(self.fields_note)
        form.addRow(self.tr("Fields:"), field_cell)

        self.preview_subject = QLabel()
        self.preview_subject.setObjectName("noticePreviewSubject")
        self.preview_subject.setWordWrap(True)
        self.preview_body = QLabel()
        self.preview_body.setObjectName("noticePreviewBody")
        self.preview_body.setWordWrap(True)
        preview = QGroupBox(self.tr("Preview for a sample dossier"))
        shown = QVBoxLayout(preview)
        shown.addWidget(self.preview_subject)
        shown.addWidget(self.preview_body)

        self.body.addLayout(form)
        self.body.addWidget(self.default_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.body.addWidget(preview)
        self.body.addStretch(1)
        self.kind_combo.currentIndexChanged.connect(lambda _index: self._show_kind())
        for edit in (self.subject_edit, self.body_edit):
            edit.textChanged.connect(self._typed)
        self.watch(self.subject_edit)
        self.body_edit.textChanged.connect(self.mark_dirty)
        self.finish()

    # --- the occasion shown
    def kind(self) -> str:
        return str(self.kind_combo.currentData())

    def show_kind(self, kind: NoticeKind) -> None:
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(kind.value))

    def _show_kind(self) -> None:
        self._keep_typed()
        self._shown_kind = self.kind()
        subject, body = self.edited[self._shown_kind]
        for edit in (self.subject_edit, self.body_edit):
            edit.blockSignals(True)
        self.subject_edit.setText(subject)
        self.body_edit.setPlainText(body)
        for edit in (self.subject_edit, self.body_edit):
            edit.blockSignals(False)
        self._typed()

    def _keep_typed(self) -> None:
        if self._shown_kind:
            self.edited[self._shown_kind] = (
                self.subject_edit.text(),
                self.body_edit.toPlainText(),
            )

    def insert_field(self, name: str) -> None:
        """The field at the cursor of the text (what the citizen reads in both ways)."""
        self.body_edit.insertPlainText(f"{{{name}}}")
        self.body_edit.setFocus()

    def restore_default(self) -> None:
        subject, body = DEFAULT_TEMPLATES[self.kind()]
        self.subject_edit.setText(subject)
        self.body_edit.setPlainText(body)
        self.mark_dirty()

    # --- the preview, as typed
    def _typed(self) -> None:
        self._keep_typed()
        subject, body = self.edited[self.kind()]
        problems = self.problems(subject, body)
        self.subject_error.show_problem(problems[0])
        self.body_error.show_problem(problems[1])
        if any(problems):
            self.preview_subject.setText("")
            self.preview_body.setText(self.tr("No preview until the template is right."))
            return
        shown_subject, shown_body = self.session.workspace.notices.preview(subject, body)
        self.preview_subject.setText(self.tr("Subject: {subject}").format(subject=shown_subject))
        self.preview_body.setText(shown_body)

    def problems(self, subject: str, body: str) -> tuple[str, str]:
        """What is wrong with the subject and with the text ("" when right)."""
        found = []
        for text in (subject, body):
            problem = ""
            if not text.strip():
                problem = self.tr("Write the text, or go back to the default one.")
            else:
                try:
                    check_template(text)
                except CounterError as refused:
                    problem = refused.message(self.lang)
            found.append(problem)
        return found[0], found[1]

    # --- the section
    def load(self) -> None:
        self.edited = dict(self.session.workspace.notices.templates())
        self._shown_kind = ""
        self._show_kind()

    def validate(self) -> bool:
        """Every occasion right; the first one that is not is shown with its problem."""
        self._keep_typed()
        for index in range(self.kind_combo.count()):
            subject, body = self.edited[str(self.kind_combo.itemData(index))]
            if any(self.problems(subject, body)):
                self.kind_combo.setCurrentIndex(index)
                self._typed()
                (self.subject_edit if self.subject_error.text() else self.body_edit).setFocus()
                return False
        return True

    def write(self) -> str:
        self.session.workspace.notices.save_templates(self.edited, self.session.user)
        return self.tr("Notice templates saved.")

    def focus_first(self) -> None:
        self.kind_combo.setFocus()
