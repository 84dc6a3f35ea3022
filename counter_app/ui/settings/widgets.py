"""What every section of the settings page shares: a heading, a short explanation, the
fields, problems shown in red next to their field, and a Save button that writes all or
nothing."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.errors import CounterError
from counter_app.ui import notify, theme
from counter_app.ui.session import Session


def text_colour(widget: QWidget, colour: QColor) -> None:
    """Colour a widget's text through its palette: a style sheet would freeze its font, and
    the text size chosen on this page would pass it by."""
    palette = widget.palette()
    palette.setColor(QPalette.ColorRole.WindowText, colour)
    palette.setColor(QPalette.ColorRole.Text, colour)
    widget.setPalette(palette)


class FieldError(theme.ErrorLine):
    """A problem with one field, in red right under it; hidden while there is none."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setWordWrap(True)
        text_colour(self, theme.ERROR_TEXT)
        self.setVisible(False)

    def show_problem(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))

    def clear_problem(self) -> None:
        self.clear()
        self.setVisible(False)


class Heading(QLabel):
    """A larger bold title. Its size is relative to the window's font (rich text "large"),
    so it keeps its proportion when the text size is changed while the window is open:
    a font of its own would stay at the size it had."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = text
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setText(f'<span style="font-size: large; font-weight: 600;">{escape(text)}</span>')


def agency_combo(name: str) -> QComboBox:
    """A combo box for agencies: their names are long, so it does not widen to the longest."""
    combo = QComboBox()
    combo.setObjectName(name)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(24)
    return combo


def note_label(text: str, name: str = "") -> QLabel:
    """A quieter line that explains a field or a section."""
    label = QLabel(text)
    if name:
        label.setObjectName(name)
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    text_colour(label, theme.MUTED_TEXT)
    # As wide as the form allows: a wrapped label left to its own size hint is cut short.
    label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    return label


def with_error(field: QWidget, error: FieldError, note: QLabel | None = None) -> QWidget:
    """The field, then its note and its error under it, as one cell of a form."""
    cell = QWidget()
    cell.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    layout = QVBoxLayout(cell)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    # Fields that are short by nature (numbers, choices, short codes) keep their size.
    short = isinstance(field, QSpinBox | QComboBox) or field.maximumWidth() < 10_000
    if short:
        layout.addWidget(field, 0, Qt.AlignmentFlag.AlignLeft)
    else:
        layout.addWidget(field)
    if note is not None:
        layout.addWidget(note)
    layout.addWidget(error)
    return cell


class Section(QWidget):
    """One section of the page. Subclasses fill `body`, implement `load` and `write`, call
    `watch` on their fields and `finish` at the end; `save` validates and writes only when
    every field is right."""

    sig_saved = Signal()
    """The section's values were written (no arguments)."""

    def __init__(
        self,
        session: Session,
        title: str,
        intro: str,
        *,
        with_save: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.title = title
        self.dirty = False
        heading = Heading(title)
        heading.setObjectName("sectionHeading")
        self.body = QVBoxLayout()
        self.body.setSpacing(10)
        self.save_button = QPushButton(self.tr("&Save"))  # `finish` adds it: last in Tab order
        self.save_button.setObjectName("saveButton")
        self.save_button.clicked.connect(self.save)
        if not with_save:  # shown before it has a parent, it would be a window of its own
            self.save_button.hide()
        self.buttons = QHBoxLayout()
        self.buttons.addStretch(1)
        self.buttons.addWidget(self.save_button)

        self.outer = layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 12)
        layout.setSpacing(10)
        if title:
            layout.addWidget(heading)
        if intro:
            layout.addWidget(note_label(intro, "sectionIntro"))
        layout.addLayout(self.body, 1)

    def finish(self) -> None:
        """Add the buttons below the fields, last in the Tab order, and show the stored values.
        Subclasses call it at the end of their constructor."""
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.addLayout(self.buttons)
        self.reload()

    @property
    def lang(self) -> str:
        return self.session.lang

    # --- to implement
    def load(self) -> None:
        """Show the stored values, dropping unsaved edits."""

    def validate(self) -> bool:
        """Show every problem next to its field; True when the values can be written."""
        return True

    def write(self) -> str:
        """Write the values through the services; the line to confirm it in the status bar."""
        raise NotImplementedError

    # --- shared
    def mark_dirty(self, *_: object) -> None:
        self.dirty = True

    def watch(self, *fields: QWidget) -> None:
        """Any edit of these fields marks the section as changed."""
        for field in fields:
            if isinstance(field, QLineEdit):
                field.textEdited.connect(self.mark_dirty)
            elif isinstance(field, QSpinBox):
                field.valueChanged.connect(self.mark_dirty)
            elif isinstance(field, QComboBox):
                field.activated.connect(self.mark_dirty)
            elif isinstance(field, QAbstractButton):
                field.toggled.connect(self.mark_dirty)

    def reload(self) -> None:
        self.load()
        self.dirty = False

    def save(self) -> bool:
        if not self.validate():
            return False
        try:
            confirmation = self.write()
        except CounterError as error:
            notify.show_error(self, error.message(self.lang))
            return False
        self.dirty = False
        self.session.messages.info(confirmation)
        self.sig_saved.emit()
        return True

    def focus_first(self) -> None:
        """Where the keyboard lands when the section is opened."""
        self.focusNextChild()


def focus_first_problem(errors: list[tuple[FieldError, QWidget]]) -> None:
    """Put the cursor in the first field that has a problem."""
    for error, field in errors:
        if error.text():
            field.setFocus(Qt.FocusReason.OtherFocusReason)
            return
