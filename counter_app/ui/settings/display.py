"""The window's language and text size, and how long an unattended window stays open."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QComboBox, QFormLayout, QLabel, QSpinBox, QWidget

from counter_app.ui.session import Session
from counter_app.ui.settings import values
from counter_app.ui.settings.widgets import FieldError, Section, note_label, with_error

# Each language is named in itself, so whoever reads the list finds their own.
LANGUAGE_NAMES = {"vi": "Tiếng Việt", "en": "English"}


def apply_font_size(points: int) -> None:
    """The whole window's base font, at once: widgets that did not choose a size follow it."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    font = QFont(app.font())
    font.setPointSize(points)
    QApplication.setFont(font)


class DisplaySection(Section):
    sig_language_changed = Signal(str)
    """The language saved for the next start ("vi" or "en")."""
    sig_font_size_changed = Signal(int)
    """The base font size applied and saved (points)."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, self.tr("Language and display"), "", parent=parent)
        self.language_combo = QComboBox()
        self.language_combo.setObjectName("language")
        for code, name in LANGUAGE_NAMES.items():
            self.language_combo.addItem(name, code)
        self.language_note = note_label(
            self.tr("The new language takes effect the next time the program starts."),
            "languageNote",
        )
        self.font_spin = QSpinBox()
        self.font_spin.setObjectName("fontSize")
        self.font_spin.setRange(values.FONT_SIZE.low or 0, values.FONT_SIZE.high or 0)
        self.font_spin.setSuffix(self.tr(" pt"))
        self.font_note = note_label(
            self.tr(
                "Size of the text in the whole window, applied as soon as it is saved "
                "(default {size} pt)."
            ).format(size=values.FONT_SIZE.default)
        )

        form = QFormLayout()
        language_label = QLabel(self.tr("&Language:"))
        language_label.setBuddy(self.language_combo)
        font_label = QLabel(self.tr("Te&xt size:"))
        font_label.setBuddy(self.font_spin)
        form.addRow(
            language_label, with_error(self.language_combo, FieldError(""), self.language_note)
        )
        form.addRow(font_label, with_error(self.font_spin, FieldError(""), self.font_note))
        self.body.addLayout(form)
        self.body.addStretch(1)
        self.watch(self.language_combo, self.font_spin)
        self.finish()

    def load(self) -> None:
        settings = self.session.workspace.settings
        self.language_combo.setCurrentIndex(
            max(self.language_combo.findData(values.language(settings)), 0)
        )
        self.font_spin.setValue(values.font_size(settings))

    def write(self) -> str:
        settings = self.session.workspace.settings
        language = str(self.language_combo.currentData())
        size = self.font_spin.value()
        language_changed = language != values.language(settings)
        settings.change(values.LANGUAGE.key, language, self.session.user)
        settings.change(values.FONT_SIZE.key, size, self.session.user)
        apply_font_size(size)
        self.sig_font_size_changed.emit(size)
        if language_changed:
            self.sig_language_changed.emit(language)
            return self.tr(
                "Display settings saved; the language changes at the next start of the program."
            )
        return self.tr("Display settings saved.")

    def focus_first(self) -> None:
        self.language_combo.setFocus()


class IdleLockSection(Section):
    sig_minutes_changed = Signal(int)
    """The idle lock's new delay in minutes (0 = never lock)."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(
            session,
            self.tr("Idle lock"),
            self.tr(
                "When nobody has used the keyboard or the mouse for this long, the window hides "
                "its data and asks the officer's password again."
            ),
            parent=parent,
        )
        self.minutes_spin = QSpinBox()
        self.minutes_spin.setObjectName("idleMinutes")
        self.minutes_spin.setRange(
            values.IDLE_LOCK_MINUTES.low or 0, values.IDLE_LOCK_MINUTES.high or 0
        )
        self.minutes_spin.setSuffix(self.tr(" minutes"))
        self.minutes_spin.setSpecialValueText(self.tr("Never"))
        note = note_label(
            self.tr("0 turns the lock off (default {minutes} minutes).").format(
                minutes=values.IDLE_LOCK_MINUTES.default
            )
        )
        form = QFormLayout()
        label = QLabel(self.tr("&Lock after:"))
        label.setBuddy(self.minutes_spin)
        form.addRow(label, with_error(self.minutes_spin, FieldError(""), note))
        self.body.addLayout(form)
        self.body.addStretch(1)
        self.watch(self.minutes_spin)
        self.finish()

    def load(self) -> None:
        self.minutes_spin.setValue(values.idle_lock_minutes(self.session.workspace.settings))

    def write(self) -> str:
        minutes = self.minutes_spin.value()
        self.session.workspace.settings.change(
            values.IDLE_LOCK_MINUTES.key, minutes, self.session.user
        )
        self.sig_minutes_changed.emit(minutes)
        if minutes == 0:
            return self.tr("Idle lock turned off.")
        return self.tr("The window now locks after {n} minutes without use.").format(n=minutes)

    def focus_first(self) -> None:
        self.minutes_spin.setFocus()
