"""The return-of-results page: scan or type the receipt's code, check the dossier, say who
collects the result and confirm; then the page clears for the next person in the queue."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.dossier import Dossier
from counter_app.domain.errors import CounterError
from counter_app.domain.scan import ScanKind, classify_scan
from counter_app.ui import formatting, theme
from counter_app.ui.printing.actions import PrintMenuButton
from counter_app.ui.returns.hand_back import HandBackForm
from counter_app.ui.returns.readiness import collector_text, readiness
from counter_app.ui.returns.summary import DossierSummary
from counter_app.ui.session import Session

CODE_INPUT_LIMIT = 300  # room for the look-up link of the receipt's QR


class ReturnsPage(QWidget):
    """`dossier` is the dossier on screen (None when the page is clear). `hand_back_form`
    shows only for a result that is ready; otherwise `not_ready_title`/`not_ready_detail`
    say why it cannot be handed back."""

    sig_dossier_shown = Signal(object)
    """A dossier was opened for its return (Dossier): the citizen's screen shows it."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.dossier: Dossier | None = None

        heading = QLabel(self.tr("Return of results"))
        heading.setFont(theme.scaled_font(heading.font(), 1.3, bold=True))

        self.code_edit = QLineEdit()
        self.code_edit.setObjectName("returnCode")
        self.code_edit.setMaxLength(CODE_INPUT_LIMIT)
        self.code_edit.setClearButtonEnabled(True)
        self.code_edit.setPlaceholderText(
            self.tr("e.g. {code}").format(code="000.00.06.H37-261125-0001")
        )
        self.code_edit.setMinimumWidth(
            self.code_edit.fontMetrics().horizontalAdvance("000.00.00.H00-000000-0000") * 3 // 2
        )
        self.code_edit.returnPressed.connect(lambda: self.load_code(self.code_edit.text()))
        code_label = QLabel(self.tr("&Dossier code:"))
        code_label.setBuddy(self.code_edit)
        self.look_up_button = QPushButton(self.tr("&Look up"))
        self.look_up_button.setAutoDefault(False)
        self.look_up_button.clicked.connect(lambda: self.load_code(self.code_edit.text()))
        code_row = QHBoxLayout()
        code_row.addWidget(code_label)
        code_row.addWidget(self.code_edit)
        code_row.addWidget(self.look_up_button)
        code_row.addStretch(1)
        self.print_button = PrintMenuButton(session, self)  # the papers of the dossier shown
        code_row.addWidget(self.print_button)
        hint = QLabel(self.tr("Scan the barcode on the receipt, or type the code and press Enter."))
        hint.setStyleSheet(f"color: {theme.MUTED_TEXT.name()};")

        self.message_label = theme.error_label("returnMessage")
        self.last_label = QLabel()
        self.last_label.setObjectName("lastHandBack")
        self.last_label.setStyleSheet(f"color: {theme.MUTED_TEXT.name()};")
        self.last_label.setVisible(False)

        self.summary = DossierSummary(session.lang)
        self.summary.setVisible(False)

        self.not_ready_box = QFrame()
        self.not_ready_box.setObjectName("notReady")
        self.not_ready_box.setStyleSheet(
            f"#notReady {{ background: {theme.DUE_TODAY_BACKGROUND.name()};"
            f" border: 1px solid {theme.DUE_TODAY_FOREGROUND.name()}; border-radius: 4px; }}"
            f"#notReady QLabel {{ color: {theme.DUE_TODAY_FOREGROUND.name()}; }}"
        )
        self.not_ready_title = QLabel()
        self.not_ready_title.setObjectName("notReadyTitle")
        bold = QFont(self.not_ready_title.font())
        bold.setBold(True)
        self.not_ready_title.setFont(bold)
        self.not_ready_detail = QLabel()
        self.not_ready_detail.setObjectName("notReadyDetail")
        self.not_ready_detail.setWordWrap(True)
        self.not_ready_detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box = QVBoxLayout(self.not_ready_box)
        box.setContentsMargins(12, 8, 12, 8)
        box.addWidget(self.not_ready_title)
        box.addWidget(self.not_ready_detail)
        self.not_ready_box.setVisible(False)

        self.ready_note = QLabel()
        self.ready_note.setObjectName("readyNote")
        self.ready_note.setWordWrap(True)
        self.ready_note.setVisible(False)

        self.hand_back_form = HandBackForm(session)
        self.hand_back_form.setVisible(False)
        self.hand_back_form.sig_handed_back.connect(self._handed_back)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 12)
        layout.setSpacing(8)
        layout.addWidget(heading)
        layout.addLayout(code_row)
        layout.addWidget(hint)
        layout.addWidget(self.message_label)
        layout.addWidget(self.last_label)
        layout.addWidget(self.summary)
        layout.addWidget(self.not_ready_box)
        layout.addWidget(self.ready_note)
        layout.addWidget(self.hand_back_form)
        layout.addStretch(1)

    # --- what the window calls
    def activate(self) -> None:
        """The page was brought to the front: the dossier on screen as stored now (it may
        have moved meanwhile), and the code field ready for a scan."""
        if self.dossier is not None and self.dossier.code is not None:
            self._fetch(self.dossier.code, keep_focus=True)
        self.focus_code()

    def load_code(self, code: str) -> None:
        """Show the dossier of a scanned or typed code; a code that names none is explained
        on the page. A scan may carry a scanner prefix, a Telex-rewritten code or the receipt's
        look-up link: the domain's scan reading undoes those."""
        text = code.strip()
        if not text:
            self.clear()
            return
        self.code_edit.setText(text)  # a scan arrives from elsewhere: show what was read
        scan = classify_scan(text)
        if scan.kind is ScanKind.CITIZEN_ID:
            self._refuse(
                self.tr(
                    "That is a citizen ID card. Scan the barcode on the receipt, or type the "
                    "dossier code."
                )
            )
            return
        self._fetch(str(scan.code) if scan.code is not None else text, keep_focus=False)

    def clear(self) -> None:
        """Ready for the next person: no dossier, an empty code field with the focus."""
        self.dossier = None
        self.code_edit.clear()
        self.message_label.setVisible(False)
        self._show(None)
        self.focus_code()

    def focus_code(self) -> None:
        self.code_edit.setFocus()
        self.code_edit.selectAll()

    # --- inside
    def _fetch(self, code: str, *, keep_focus: bool) -> None:
        try:
            dossier = self._session.workspace.dossiers.get(code)
        except CounterError as error:
            self._refuse(error.message(self._session.lang))
            return
        self.message_label.setVisible(False)
        self.code_edit.setText(dossier.code or code)
        self._show(dossier)
        if keep_focus:
            return
        if not self.hand_back_form.isHidden():
            self.hand_back_form.focus_first()
        else:
            self.focus_code()

    def _refuse(self, message: str) -> None:
        """Nothing stays on screen that could be handed back by mistake."""
        self._show(None)
        self.message_label.setText(message)
        self.message_label.setVisible(True)
        self.focus_code()

    def _show(self, dossier: Dossier | None) -> None:
        self.dossier = dossier
        self.print_button.set_dossier(dossier)
        self.summary.setVisible(dossier is not None)
        if dossier is None:
            self.not_ready_box.setVisible(False)
            self.ready_note.setVisible(False)
            self.hand_back_form.setVisible(False)
            self.hand_back_form.set_dossier(None)
            return
        self.summary.show_dossier(dossier)
        self.sig_dossier_shown.emit(dossier)
        state = readiness(dossier, self._session.clock())
        self.not_ready_box.setVisible(not state.ready)
        self.not_ready_title.setText(state.title)
        self.not_ready_detail.setText(state.detail)
        self.not_ready_detail.setVisible(bool(state.detail))
        self.ready_note.setText(state.detail)
        self.ready_note.setVisible(state.ready and bool(state.detail))
        self.hand_back_form.setVisible(state.ready)
        self.hand_back_form.set_dossier(dossier if state.ready else None)

    def _handed_back(self, dossier: Dossier) -> None:
        who = collector_text(dossier.collector) if dossier.collector else ""
        self.last_label.setText(
            self.tr("Last hand-back: {code} to {who}, at {when}.").format(
                code=dossier.code, who=who, when=formatting.moment(dossier.returned_at)
            )
        )
        self.last_label.setVisible(True)
        self.clear()
