"""The papers handed in: one row per component of the procedure, ticked when received, with
its form and count; free rows for papers the catalog does not list."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.catalog import Component, DocumentForm
from counter_app.domain.dossier import DocumentReceived
from counter_app.domain.errors import Problem
from counter_app.domain.limits import MAX_COUNT
from counter_app.domain.text import clean
from counter_app.ui.collector import unless_collected
from counter_app.ui.intake.widgets import message_label, muted_label
from counter_app.ui.labels import document_form_label

NAME_LIMIT = 500


@dataclass
class PaperRow:
    """One line of the checklist; `component` is None for a paper the officer added."""

    frame: QWidget
    check: QCheckBox
    form: QComboBox
    count: QSpinBox
    remove_button: QToolButton
    component: Component | None = None
    name_label: QLabel | None = None
    name_edit: QLineEdit | None = None

    def name(self) -> str:
        if self.component is not None:
            return self.component.name
        assert self.name_edit is not None
        return clean(self.name_edit.text())

    def focus_widgets(self) -> list[QWidget]:
        widgets: list[QWidget] = [self.check]
        if self.name_edit is not None:
            widgets.append(self.name_edit)
        return [*widgets, self.form, self.count]

    def document(self) -> DocumentReceived:
        return DocumentReceived(
            name=self.name(),
            form=DocumentForm(self.form.currentData()),
            count=self.count.value(),
            component_code=self.component.code if self.component else "",
        )


class PaperChecklist(QWidget):
    sig_rows_changed = Signal()
    """Rows were added or removed (no arguments): the page puts them in its tab order."""
    sig_names_changed = Signal()
    """The officer finished typing the name of a paper the catalog does not list."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[PaperRow] = []
        form_caption = muted_label(self.tr("Form"))
        count_caption = muted_label(self.tr("Count"))
        # Each column as wide as its widest part, caption or input, in either language.
        self._form_width = max(
            self._probe_form().sizeHint().width(), form_caption.sizeHint().width()
        )
        self._count_width = max(
            self._probe_count().sizeHint().width(), count_caption.sizeHint().width()
        )
        self._remove_width = QToolButton().sizeHint().width()

        header = QHBoxLayout()
        header.setContentsMargins(0, 0, 0, 0)
        header.addWidget(muted_label(self.tr("Paper (ticked: received)")), 1)
        for label, width in ((form_caption, self._form_width), (count_caption, self._count_width)):
            label.setWordWrap(False)
            label.setFixedWidth(width)
            header.addWidget(label)
        header.addSpacing(self._remove_width)
        self.header = QWidget()
        self.header.setLayout(header)

        self.empty_label = muted_label()
        self.empty_label.setObjectName("papersEmpty")
        self._rows_layout = QVBoxLayout()
        self._rows_layout.setContentsMargins(0, 0, 0, 0)
        self._rows_layout.setSpacing(4)

        self.add_button = QPushButton(self.tr("Add a paper (Ctrl+D)"))
        self.add_button.setObjectName("addPaper")
        self.add_button.setToolTip(self.tr("A paper the procedure does not list"))
        self.add_button.clicked.connect(self._add_clicked)
        self.hint_label = muted_label(
            self.tr("Space ticks or unticks · Ctrl+Shift+D removes the paper with the cursor")
        )
        self.message_label = message_label("papersMessage")
        bottom = QHBoxLayout()
        bottom.setContentsMargins(0, 0, 0, 0)
        bottom.addWidget(self.add_button)
        bottom.addWidget(self.hint_label, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.header)
        layout.addWidget(self.empty_label)
        layout.addLayout(self._rows_layout)
        layout.addWidget(self.message_label)
        layout.addLayout(bottom)
        self._has_procedure = False
        self._update_empty()

    def _probe_form(self) -> QComboBox:
        combo = QComboBox()
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for form in DocumentForm:
            combo.addItem(document_form_label(form), form.value)
        return combo

    def _probe_count(self) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(1, MAX_COUNT)
        return spin

    # --- rows
    def set_components(self, components: tuple[Component, ...] | None) -> None:
        """The procedure's papers, required ones ticked; None: no procedure chosen."""
        self._remove_all()
        self._has_procedure = components is not None
        for component in components or ():
            self._add_row(component)
        self._update_empty()
        self.sig_rows_changed.emit()

    def clear(self) -> None:
        self.set_components(None)
        self.message_label.clear()

    def add_paper(self) -> PaperRow:
        """A free row, ticked, for a paper the catalog does not list."""
        row = self._add_row(None)
        self._update_empty()
        self.sig_rows_changed.emit()
        return row

    def _add_clicked(self) -> None:
        row = self.add_paper()
        assert row.name_edit is not None
        row.name_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def remove_row(self, row: PaperRow) -> None:
        self.rows.remove(row)
        self._rows_layout.removeWidget(row.frame)
        row.frame.hide()
        row.frame.deleteLater()
        self._update_empty()
        self.sig_rows_changed.emit()

    def row_of(self, widget: QWidget | None) -> PaperRow | None:
        for row in self.rows:
            if widget is not None and (widget is row.frame or row.frame.isAncestorOf(widget)):
                return row
        return None

    def _remove_all(self) -> None:
        for row in list(self.rows):
            self._rows_layout.removeWidget(row.frame)
            row.frame.hide()
            row.frame.deleteLater()
        self.rows.clear()

    def _add_row(self, component: Component | None) -> PaperRow:
        frame = QWidget(self)
        line = QHBoxLayout(frame)
        line.setContentsMargins(0, 0, 0, 0)
        check = QCheckBox()
        form = self._probe_form()
        form.setFixedWidth(self._form_width)
        count = self._probe_count()
        count.setFixedWidth(self._count_width)
        remove = QToolButton()
        remove.setText("✕")
        remove.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        remove.setToolTip(self.tr("Remove this paper (Ctrl+Shift+D)"))
        row = PaperRow(frame, check, form, count, remove, component)
        line.addWidget(check)
        if component is not None:
            text = (
                component.name
                if component.required
                else self.tr("{paper} (optional)").format(paper=component.name)
            )
            label = QLabel(text)
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.installEventFilter(self)
            row.name_label = label
            check.setChecked(component.required)
            check.setAccessibleName(component.name)
            form.setCurrentIndex(form.findData(component.form.value))
            count.setValue(component.count)
            line.addWidget(label, 1)
        else:
            edit = QLineEdit()
            edit.setMaxLength(NAME_LIMIT)
            edit.setPlaceholderText(self.tr("Name of the paper"))
            edit.editingFinished.connect(self.sig_names_changed)
            row.name_edit = edit
            check.setChecked(True)
            check.setAccessibleName(self.tr("Received"))
            line.addWidget(edit, 1)
        line.addWidget(form)
        line.addWidget(count)
        line.addWidget(remove)
        remove.clicked.connect(lambda: self.remove_row(row))
        self.rows.append(row)
        self._rows_layout.addWidget(frame)
        frame.show()  # now, not when the event loop next runs: Tab and focus need it visible
        return row

    def _update_empty(self) -> None:
        if not self._has_procedure:
            text = self.tr("Choose a procedure: the papers it asks for are listed here.")
        else:
            text = self.tr("The procedure lists no papers: add those handed in.")
        self.empty_label.setText(text)
        self.empty_label.setVisible(not self.rows)
        self.header.setVisible(bool(self.rows))

    @unless_collected
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """A click on a paper's name ticks it, as a click on the box does."""
        if event.type() == QEvent.Type.MouseButtonRelease:
            for row in self.rows:
                if row.name_label is watched:
                    row.check.toggle()
                    return True
        return super().eventFilter(watched, event)

    # --- what was received
    def documents(self) -> list[DocumentReceived]:
        """The ticked papers, free rows without a name left out (problems() names them)."""
        return [row.document() for row in self.rows if row.check.isChecked() and row.name()]

    def problems(self) -> list[Problem]:
        missing = [row for row in self.rows if row.check.isChecked() and not row.name()]
        if missing:
            return [Problem("documents", "field.required", {"field": "field.document_name"})]
        return []

    def first_unnamed(self) -> QWidget | None:
        for row in self.rows:
            if row.check.isChecked() and not row.name():
                return row.name_edit
        return None

    def has_input(self) -> bool:
        return any(row.name_edit is not None and row.name_edit.text().strip() for row in self.rows)

    def focus_widgets(self) -> list[QWidget]:
        return [widget for row in self.rows for widget in row.focus_widgets()]
