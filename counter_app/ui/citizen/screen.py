"""The window facing the citizen: large Vietnamese text, nothing to misuse. Idle it shows the
unit's name and the administrator's message; while the officer types, what is typed; once the
dossier is saved or handed back, its code as a QR to photograph, then the three rating
buttons with their reasons."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.ratings import REASONS, Level
from counter_app.ui.citizen.view import CitizenView

IDLE, FORM, SAVED, THANKS = range(4)
LEVEL_COLOURS = {
    Level.VERY_SATISFIED: "#1b7f3b",
    Level.SATISFIED: "#2f6db5",
    Level.DISSATISFIED: "#b3261e",
}


class QrWidget(QWidget):
    """A QR drawn square and sharp at any size (segno's matrix, one rectangle a module)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._matrix: list[bytes] = []
        self.setMinimumSize(QSize(160, 160))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_text(self, text: str) -> None:
        import segno

        self._matrix = [bytes(row) for row in segno.make_qr(text, error="m").matrix] if text else []
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        side = min(self.width(), self.height())
        painter.fillRect(self.rect(), QColor("white"))
        if not self._matrix:
            return
        count = len(self._matrix) + 8  # a quiet zone of four modules each side
        module = side / count
        left = (self.width() - side) / 2 + 4 * module
        top = (self.height() - side) / 2 + 4 * module
        for r, row in enumerate(self._matrix):
            for c, dark in enumerate(row):
                if dark:
                    painter.fillRect(
                        QRectF(left + c * module, top + r * module, module + 0.5, module + 0.5),
                        QColor("black"),
                    )


BASE_SIZE = QSize(1280, 720)  # the sizes below are for this; a larger screen scales them


def _sized(widget: QWidget, size: float, *, bold: bool = False) -> None:
    font = QFont(widget.font())
    font.setPointSizeF(size)
    font.setBold(bold)
    widget.setFont(font)
    widget.setProperty("basePoints", size)


def _label(size: float, *, bold: bool = False, wrap: bool = True) -> QLabel:
    label = QLabel()
    _sized(label, size, bold=bold)
    label.setWordWrap(wrap)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class CitizenScreen(QWidget):
    """Shows; never takes a keystroke (no focus), so the officer's typing stays where it is."""

    sig_rated = Signal(object, object)
    """The citizen touched a rating: (Level, tuple of reason keys)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("citizenScreen")
        self.setWindowTitle(self.tr("Citizen's screen"))
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setStyleSheet(
            "#citizenScreen { background: #f7f7f2; }"
            "QCheckBox::indicator { width: 28px; height: 28px; }"
        )
        self.stack = QStackedWidget()
        self.stack.addWidget(self._build_idle())
        self.stack.addWidget(self._build_form())
        self.stack.addWidget(self._build_saved())
        self.stack.addWidget(self._build_thanks())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 30, 40, 30)
        layout.addWidget(self.stack)
        self.resize(1280, 720)

    # --- building
    def _build_idle(self) -> QWidget:
        page = QWidget()
        self.unit_label = _label(40, bold=True)
        self.unit_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message_label = _label(26)
        self.message_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        layout.addWidget(self.unit_label)
        layout.addSpacing(30)
        layout.addWidget(self.message_label)
        layout.addStretch(2)
        return page

    def _build_form(self) -> QWidget:
        page = QWidget()
        grid = QGridLayout(page)
        grid.setColumnStretch(1, 1)
        grid.setVerticalSpacing(10)
        grid.setHorizontalSpacing(24)
        heading = _label(22)
        heading.setText(self.tr("Please check what the officer types:"))
        grid.addWidget(heading, 0, 0, 1, 2)
        self.values: dict[str, QLabel] = {}
        rows = (
            ("procedure", self.tr("Procedure")),
            ("full_name", self.tr("Full name")),
            ("id_number", self.tr("ID number")),
            ("birth_date", self.tr("Date of birth")),
            ("phone", self.tr("Phone")),
            ("address", self.tr("Address")),
            ("papers", self.tr("Papers received")),
            ("fees", self.tr("Fees")),
            ("due", self.tr("Result due")),
        )
        for row, (key, caption) in enumerate(rows, start=1):
            name = _label(20, wrap=False)
            name.setText(caption)
            name.setStyleSheet("color: #555;")
            value = _label(30 if key in ("full_name", "id_number") else 24, bold=True)
            value.setObjectName(f"citizen_{key}")
            self.values[key] = value
            grid.addWidget(name, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(value, row, 1)
        grid.setRowStretch(len(rows) + 1, 1)
        return page

    def _build_saved(self) -> QWidget:
        page = QWidget()
        self.saved_heading = _label(26, bold=True)
        self.code_label = _label(28, bold=True)
        self.code_label.setObjectName("citizenCode")
        self.qr = QrWidget()
        hint = _label(20)
        hint.setText(self.tr("Photograph the code to follow your dossier."))
        left = QVBoxLayout()
        left.addWidget(self.saved_heading)
        left.addWidget(self.code_label)
        left.addWidget(self.qr, 1)
        left.addWidget(hint)

        question = _label(24, bold=True)
        question.setText(self.tr("How satisfied are you with the service?"))
        self.rating_buttons: dict[Level, QPushButton] = {}
        buttons = QVBoxLayout()
        buttons.addWidget(question)
        for level, text in (
            (Level.VERY_SATISFIED, self.tr("Very satisfied")),
            (Level.SATISFIED, self.tr("Satisfied")),
            (Level.DISSATISFIED, self.tr("Dissatisfied")),
        ):
            button = QPushButton(text)
            button.setObjectName(f"rate_{level.value}")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setMinimumHeight(80)
            _sized(button, 24, bold=True)
            button.setStyleSheet(
                f"QPushButton {{ background: {LEVEL_COLOURS[level]}; color: white; "
                "border-radius: 12px; }"
            )
            button.clicked.connect(lambda _checked=False, chosen=level: self._rate(chosen))
            self.rating_buttons[level] = button
            buttons.addWidget(button)
        reasons_label = _label(18)
        reasons_label.setText(self.tr("Reasons (optional), touch before rating:"))
        buttons.addWidget(reasons_label)
        self.reason_boxes: dict[str, QCheckBox] = {}
        names = {
            "waiting": self.tr("Long wait"),
            "attitude": self.tr("The officer's manner"),
            "guidance": self.tr("Unclear guidance"),
            "papers": self.tr("Complicated papers"),
            "fees": self.tr("Fees"),
            "result": self.tr("The result"),
        }
        reasons = QGridLayout()
        for index, key in enumerate(REASONS):
            box = QCheckBox(names[key])
            box.setObjectName(f"reason_{key}")
            box.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            _sized(box, 17)
            self.reason_boxes[key] = box
            reasons.addWidget(box, index // 2, index % 2)
        buttons.addLayout(reasons)
        buttons.addStretch(1)

        layout = QHBoxLayout(page)
        layout.addLayout(left, 1)
        layout.addSpacing(40)
        layout.addLayout(buttons, 1)
        return page

    def _build_thanks(self) -> QWidget:
        page = QWidget()
        self.thanks_label = _label(36, bold=True)
        self.thanks_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        layout.addWidget(self.thanks_label)
        layout.addStretch(1)
        return page

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Text grows with the screen: a 1920×1080 monitor reads as well from across the desk."""
        factor = min(
            event.size().width() / BASE_SIZE.width(), event.size().height() / BASE_SIZE.height()
        )
        factor = max(factor, 0.75)
        for widget in self.findChildren(QWidget):
            base = widget.property("basePoints")
            if isinstance(base, int | float):
                font = QFont(widget.font())
                font.setPointSizeF(base * factor)
                widget.setFont(font)
        super().resizeEvent(event)

    # --- what it shows
    def show_idle(self, unit: str, message: str) -> None:
        self.unit_label.setText(unit)
        self.message_label.setText(message)
        self._forget()
        self.stack.setCurrentIndex(IDLE)

    def show_view(self, view: CitizenView) -> None:
        """Called on every keystroke: sets only the labels whose text changed."""
        texts = {
            "procedure": view.procedure,
            "full_name": view.full_name,
            "id_number": view.id_number,
            "birth_date": view.birth_date,
            "phone": view.phone,
            "address": view.address,
            "papers": "\n".join(view.papers),
            "fees": view.fees,
            "due": view.due,
        }
        for key, text in texts.items():
            label = self.values[key]
            if label.text() != text:
                label.setText(text)
        if self.stack.currentIndex() != FORM:
            self.stack.setCurrentIndex(FORM)

    def show_code(self, code: str, heading: str) -> None:
        self.saved_heading.setText(heading)
        self.code_label.setText(code)
        self.qr.set_text(code)
        for box in self.reason_boxes.values():
            box.setChecked(False)
        for button in self.rating_buttons.values():
            button.setEnabled(True)
        self.stack.setCurrentIndex(SAVED)

    def show_thanks(self, text: str) -> None:
        self.thanks_label.setText(text)
        self._forget()
        self.stack.setCurrentIndex(THANKS)

    def showing_personal_data(self) -> bool:
        return self.stack.currentIndex() in (FORM, SAVED)

    def _forget(self) -> None:
        """No personal data stays in the widgets once it is off the screen."""
        for label in self.values.values():
            label.clear()
        self.code_label.clear()
        self.qr.set_text("")

    def _rate(self, level: Level) -> None:
        for button in self.rating_buttons.values():
            button.setEnabled(False)  # one touch, one rating
        chosen = tuple(key for key, box in self.reason_boxes.items() if box.isChecked())
        self.sig_rated.emit(level, chosen)
