"""The front desk's intake form: pick the procedure, type or scan the applicant, tick the
papers, check the fees, save, read the code out. Keyboard first; every field says what is
wrong with it while the officer types; nothing is lost without being asked."""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.catalog import Procedure
from counter_app.domain.citizen_id import CitizenIdCard, id_number_warnings
from counter_app.domain.dossier import Applicant, ApplicantType, Channel, Dossier, ReturnMethod
from counter_app.domain.errors import CounterError, Problem, ValidationFailed
from counter_app.domain.identity_papers import IdType, guess_id_type
from counter_app.domain.messages import translate
from counter_app.domain.text import clean, nfc
from counter_app.domain.validation import (
    ADDRESS_LIMIT,
    NAME_LIMIT,
    ORGANISATION_LIMIT,
    check_applicant,
    id_number_notes,
    normalise_id_number,
    normalise_phone,
)
from counter_app.services.intake import MAX_SETS, NOTE_LIMIT, IntakeRequest
from counter_app.ui import formatting, notify, theme
from counter_app.ui.digitising import ScanPanel
from counter_app.ui.formatting import text_or_dash
from counter_app.ui.intake.fees import FeeLines
from counter_app.ui.intake.papers import PaperChecklist
from counter_app.ui.intake.procedure_list import ProcedureDelegate, ProcedureListModel
from counter_app.ui.intake.values import (
    birth_date_problem,
    birth_text,
    due_text,
    parse_birth_date,
)
from counter_app.ui.intake.widgets import (
    message_label,
    muted_label,
    scaled_font,
)
from counter_app.ui.labels import applicant_type_label, channel_label, return_method_label
from counter_app.ui.printing.actions import ReprintReceiptButton
from counter_app.ui.session import Session
from counter_app.ui.workers import Tasks

SEARCH_LIMIT = 50
VISIBLE_RESULTS = 6
VALIDATE_DELAY_MS = 300
DUE_REFRESH_MS = 30_000
SAVED_VISIBLE_MS = 15_000
SAVED_BACKGROUND = QColor("#d1e7dd")
SAVED_FOREGROUND = QColor("#0f5132")
WARNING_BACKGROUND = theme.DUE_TODAY_BACKGROUND
WARNING_FOREGROUND = theme.DUE_TODAY_FOREGROUND

# The order of the form on screen: the first field with a problem is the one focused.
FIELD_ORDER = (
    "procedure",
    "type",
    "full_name",
    "organisation",
    "id_number",
    "birth_date",
    "phone",
    "email",
    "address",
    "documents",
    "fees",
    "sets",
    "channel",
    "return_method",
    "note",
)
APPLICANT_FIELDS = (
    "full_name",
    "organisation",
    "id_number",
    "birth_date",
    "phone",
    "email",
    "address",
)
CARD_FIELDS = ("full_name", "id_number", "birth_date", "address")  # what a card's QR fills
NEEDS_ORGANISATION = frozenset({ApplicantType.BUSINESS, ApplicantType.AGENCY})


def confirm_clear(parent: QWidget) -> bool:
    """Asked before Esc throws away what was typed (Enter and Esc keep it); tests replace it."""
    return notify.ask(
        parent,
        QCoreApplication.translate("Intake", "New dossier"),
        QCoreApplication.translate("Intake", "Clear what was typed and start a new dossier?"),
        QCoreApplication.translate("Intake", "Clear the form"),
        QCoreApplication.translate("Intake", "Keep editing"),
    )


def confirm_discard_scans(parent: QWidget, count: int) -> bool:
    """Asked instead of confirm_clear when pages were scanned for the dossier being entered."""
    return notify.ask(
        parent,
        QCoreApplication.translate("Intake", "New dossier"),
        QCoreApplication.translate(
            "Intake", "Clear the form and discard the {n} scanned file(s) of this dossier?"
        ).format(n=count),
        QCoreApplication.translate("Intake", "Clear and discard the scans"),
        QCoreApplication.translate("Intake", "Keep editing"),
    )


def confirm_leave_with_scans(parent: QWidget, count: int, leave: str) -> bool:
    """Asked before the window closes or the officer signs out while scans live only in this
    page's memory (staged for the dossier being entered, or not yet attached to a saved one);
    `leave` names the way out on its button."""
    return notify.ask(
        parent,
        QCoreApplication.translate("Intake", "Scans not attached"),
        QCoreApplication.translate(
            "Intake",
            "{n} scanned file(s) are not attached to a dossier yet and would be lost.",
        ).format(n=count),
        leave,
        icon=QMessageBox.Icon.Warning,
    )


def confirm_leave_unsaved(parent: QWidget, leave: str) -> bool:
    """Asked before the window closes or the officer signs out with a dossier half entered."""
    return notify.ask(
        parent,
        QCoreApplication.translate("Intake", "Dossier not saved"),
        QCoreApplication.translate(
            "Intake", "The dossier being entered has not been saved: what was typed would be lost."
        ),
        leave,
        icon=QMessageBox.Icon.Warning,
    )


def confirm_replace_applicant(parent: QWidget, typed: str, card: str) -> bool:
    """Asked before a scanned ID card replaces an applicant the officer typed by hand."""
    return notify.ask(
        parent,
        QCoreApplication.translate("Intake", "ID card scanned"),
        QCoreApplication.translate(
            "Intake", "Replace the applicant typed by hand ({typed}) with the card's ({card})?"
        ).format(typed=typed, card=card),
        QCoreApplication.translate("Intake", "Replace with the card"),
        QCoreApplication.translate("Intake", "Keep what was typed"),
    )


def _boxed(name: str, background: QColor, foreground: QColor) -> str:
    return (
        f"#{name} {{ background: {background.name()}; border-radius: 4px; }}"
        f"#{name} QLabel {{ color: {foreground.name()}; }}"
    )


class IntakePage(QWidget):
    """`fields` maps each applicant field to its input, `messages` each field to the line
    under it that says what is wrong; `papers` and `fees` are the two lists of the dossier."""

    sig_saved = Signal(object)
    """A dossier was received and saved (Dossier, with its code and due time)."""
    sig_form_changed = Signal()
    """What the form shows changed (a keystroke, the procedure, papers, fees): the citizen's
    screen follows it (`ui/citizen/view.py` reads the form)."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._lang = session.lang
        self._procedure: Procedure | None = None
        self._card: CitizenIdCard | None = None
        self._show_all = False  # after a refused save, required fields speak up too
        self._asking = False
        self.tasks = Tasks(self)
        # Scans of dossiers saved but not yet attached (dossier code -> staged scans).
        self.pending_scans: dict[str, list] = {}
        self.fields: dict[str, QLineEdit] = {}
        self.messages: dict[str, QLabel] = {}
        self._validate_timer = QTimer(self)
        self._validate_timer.setSingleShot(True)
        self._validate_timer.setInterval(VALIDATE_DELAY_MS)
        self._validate_timer.timeout.connect(self.validate)
        self.due_timer = QTimer(self)
        self.due_timer.setInterval(DUE_REFRESH_MS)
        self._saved_timer = QTimer(self)
        self._saved_timer.setSingleShot(True)
        self._saved_timer.setInterval(SAVED_VISIBLE_MS)

        procedure_row = self._build_procedure_picker()
        applicant = self._build_applicant()
        papers = self._build_papers()
        fees = self._build_fees()
        handing = self._build_handing_in()
        scans = self._build_scans()
        bar = self._build_bar()

        right = QVBoxLayout()
        right.setSpacing(12)
        right.addWidget(papers)
        right.addWidget(fees)
        right.addWidget(handing)
        right.addStretch(1)
        left = QVBoxLayout()
        left.addWidget(applicant)
        left.addStretch(1)
        columns = QHBoxLayout()
        columns.setSpacing(16)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)

        content = QWidget()
        content.setObjectName("intakeContent")
        content_layout = QVBoxLayout(content)
        content_layout.setContentsMargins(0, 0, 8, 8)
        content_layout.setSpacing(12)
        content_layout.addLayout(procedure_row)
        content_layout.addLayout(columns)
        content_layout.addWidget(scans)
        content_layout.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setObjectName("intakeScroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scroll.setWidget(content)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 8)
        layout.setSpacing(8)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(bar)

        self.due_timer.timeout.connect(self.refresh_due)
        self.due_timer.start()
        self._saved_timer.timeout.connect(self.saved_frame.hide)

        for keys, slot in (
            (("Ctrl+S", "Ctrl+Return", "Ctrl+Enter"), self.save),
            (("Esc", "Ctrl+N"), self.request_clear),
            (("Ctrl+D",), self.add_paper),
            (("Ctrl+Shift+D",), self.remove_current_paper),
            (("Ctrl+F",), self.activate),
        ):
            for key in keys:
                shortcut = QShortcut(QKeySequence(key), self)
                shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                shortcut.activated.connect(slot)

        self.papers.sig_rows_changed.connect(self._chain_tabs)
        self.papers.sig_rows_changed.connect(self._papers_changed)
        self.papers.sig_names_changed.connect(self._papers_changed)
        self.fees.sig_rows_changed.connect(self._chain_tabs)
        self._type_changed()
        self._search("")
        self._fit_results()
        self._show_procedure()
        self.refresh_due()
        self._chain_tabs()

    # --- building
    def _build_procedure_picker(self) -> QHBoxLayout:
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("procedureSearch")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setPlaceholderText(
            self.tr("Code or name of the procedure, accents optional")
        )
        self.search_edit.installEventFilter(self)
        self.search_edit.textChanged.connect(self._search)
        self.search_edit.textEdited.connect(self._search_edited)
        search_label = QLabel(self.tr("&Procedure") + " *")
        search_label.setBuddy(self.search_edit)
        search_label.setFont(scaled_font(search_label.font(), 1.0, bold=True))

        self.results = ProcedureListModel(self._lang, self)
        self.results_view = QListView()
        self.results_view.setObjectName("procedureResults")
        self.results_view.setModel(self.results)
        self.results_view.setUniformItemSizes(True)
        self.results_view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.results_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results_view.setItemDelegate(ProcedureDelegate(self.results_view))
        self.results_view.clicked.connect(self._result_clicked)
        self.results_label = muted_label()
        self.results_label.setObjectName("resultsLabel")
        self.messages["procedure"] = message_label("procedureMessage")
        self.messages["procedure"].setMinimumHeight(0)

        top = QHBoxLayout()
        top.addWidget(search_label)
        top.addWidget(self.search_edit, 1)
        left = QVBoxLayout()
        left.setSpacing(4)
        left.addLayout(top)
        left.addWidget(self.results_view)
        left.addWidget(self.results_label)
        left.addWidget(self.messages["procedure"])

        panel = QFrame()
        panel.setObjectName("procedurePanel")
        panel.setStyleSheet(
            "#procedurePanel { border: 1px solid palette(mid); border-radius: 4px; }"
        )
        self.procedure_name_label = QLabel()
        self.procedure_name_label.setObjectName("procedureName")
        self.procedure_name_label.setWordWrap(True)
        self.procedure_name_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
        )
        self.procedure_name_label.setFont(
            scaled_font(self.procedure_name_label.font(), 1.15, bold=True)
        )
        self.procedure_empty_label = muted_label(
            self.tr(
                "No procedure chosen yet. Type part of its code or name, move with ↑ and ↓, "
                "press Enter to choose it: the cursor then goes on to the applicant."
            )
        )
        self.facts: dict[str, QLabel] = {}
        self.facts_widget = QWidget()
        facts = QFormLayout(self.facts_widget)
        facts.setContentsMargins(0, 0, 0, 0)
        facts.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for key, caption in (
            ("code", self.tr("Code:")),
            ("agency", self.tr("Handling agency:")),
            ("duration", self.tr("Processing time:")),
        ):
            label = QLabel()
            label.setObjectName(f"{key}Fact")
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.facts[key] = label
            facts.addRow(muted_label(caption), label)
        panel_layout = QVBoxLayout(panel)
        panel_layout.addWidget(muted_label(self.tr("Chosen procedure")))
        panel_layout.addWidget(self.procedure_empty_label)
        panel_layout.addWidget(self.procedure_name_label)
        panel_layout.addWidget(self.facts_widget)
        panel_layout.addStretch(1)
        self.procedure_panel = panel

        row = QHBoxLayout()
        row.setSpacing(16)
        row.addLayout(left, 1)
        row.addWidget(panel, 1)
        return row

    def _build_applicant(self) -> QGroupBox:
        box = QGroupBox(self.tr("Applicant"))
        grid = QGridLayout(box)
        grid.setColumnStretch(1, 1)
        grid.setVerticalSpacing(2)
        grid.setHorizontalSpacing(10)

        self.card_banner = QFrame()
        self.card_banner.setObjectName("cardBanner")
        self.card_banner.setStyleSheet(_boxed("cardBanner", WARNING_BACKGROUND, WARNING_FOREGROUND))
        self.card_warning_label = QLabel()
        self.card_warning_label.setObjectName("cardWarnings")
        self.card_warning_label.setWordWrap(True)
        self.card_warning_label.setTextFormat(Qt.TextFormat.PlainText)
        heading = QLabel(self.tr("Check the ID card: the scanned data may have been misread."))
        heading.setFont(scaled_font(heading.font(), 1.0, bold=True))
        heading.setWordWrap(True)
        banner_layout = QVBoxLayout(self.card_banner)
        banner_layout.setContentsMargins(10, 6, 10, 6)
        banner_layout.addWidget(heading)
        banner_layout.addWidget(self.card_warning_label)
        self.card_banner.hide()
        grid.addWidget(self.card_banner, 0, 0, 1, 2)
        legend = muted_label(self.tr("* required"))
        legend.setAlignment(Qt.AlignmentFlag.AlignRight)
        grid.addWidget(legend, 1, 0, 1, 2)

        self.type_combo = QComboBox()
        self.type_combo.setObjectName("applicantType")
        for kind in ApplicantType:
            self.type_combo.addItem(applicant_type_label(kind), kind.value)
        self.type_combo.currentIndexChanged.connect(self._type_changed)
        self.type_label = QLabel(self.tr("Applicant t&ype"))
        self.type_label.setBuddy(self.type_combo)
        grid.addWidget(self.type_label, 2, 0)
        grid.addWidget(self.type_combo, 2, 1, Qt.AlignmentFlag.AlignLeft)
        grid.setRowMinimumHeight(3, 6)

        self.field_labels: dict[str, QLabel] = {}
        specs = (
            ("full_name", self.tr("Full &name"), True, NAME_LIMIT, ""),
            ("organisation", self.tr("&Organisation"), True, ORGANISATION_LIMIT, ""),
            (
                "id_number",
                self.tr("&ID number"),
                False,
                32,
                self.tr("12 digits, or 9 for an old ID card"),
            ),
            ("birth_date", self.tr("&Birth date"), False, 16, self.tr("dd/mm/yyyy")),
            ("phone", self.tr("P&hone"), False, 32, self.tr("e.g. 0912345678")),
            ("email", self.tr("E-&mail"), False, 254, ""),
            ("address", self.tr("&Address"), False, ADDRESS_LIMIT, ""),
        )
        row = 4
        for key, caption, required, limit, placeholder in specs:
            edit = QLineEdit()
            edit.setObjectName(key)
            edit.setMaxLength(limit)
            edit.setPlaceholderText(placeholder)
            edit.textChanged.connect(self._typed)
            edit.installEventFilter(self)
            label = QLabel(caption + (" *" if required else ""))
            label.setBuddy(edit)
            message = message_label(f"{key}Message")
            self.fields[key] = edit
            self.field_labels[key] = label
            self.messages[key] = message
            grid.addWidget(label, row, 0)
            grid.addWidget(self._with_paper_type(edit) if key == "id_number" else edit, row, 1)
            grid.addWidget(message, row + 1, 1)
            row += 2
        metrics = self.fields["birth_date"].fontMetrics()
        self.fields["birth_date"].setMaximumWidth(metrics.horizontalAdvance("ngày/tháng/năm") + 40)
        self.fields["id_number"].setMaximumWidth(
            metrics.horizontalAdvance("12 digits, or 9 for an old ID card") + 60
        )
        self.fields["phone"].setMaximumWidth(metrics.horizontalAdvance("0000 000 0000") + 120)
        self.consent_box = QCheckBox(self.tr("Agrees to notices by e-mail and SMS"))
        self.consent_box.setObjectName("noticeConsent")
        grid.addWidget(self.consent_box, row, 1)
        return box

    def _with_paper_type(self, number_edit: QLineEdit) -> QWidget:
        """The number with its paper's type beside it: guessed as the officer types, until
        the officer picks one."""
        self.id_type_combo = QComboBox()
        self.id_type_combo.setObjectName("idType")
        self.id_type_combo.setAccessibleName(translate("field.id_type", self._lang))
        for paper in IdType:
            self.id_type_combo.addItem(translate(f"id_type.{paper.value}", self._lang), paper.value)
        self.id_type_combo.activated.connect(self._paper_type_chosen)
        self.id_type_combo.currentIndexChanged.connect(self._typed)
        number_edit.textChanged.connect(self._guess_paper_type)
        self._paper_type_picked = False
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(number_edit)
        layout.addWidget(self.id_type_combo)
        layout.addStretch(1)
        return row

    def _paper_type_chosen(self, _index: int) -> None:
        self._paper_type_picked = True

    def _guess_paper_type(self, text: str) -> None:
        if not self._paper_type_picked:
            self.set_paper_type(guess_id_type(text))

    def set_paper_type(self, paper: IdType) -> None:
        self.id_type_combo.setCurrentIndex(self.id_type_combo.findData(paper.value))

    def paper_type(self) -> IdType:
        return IdType(self.id_type_combo.currentData())

    def _build_papers(self) -> QGroupBox:
        box = QGroupBox(self.tr("Pape&rs received"))
        self.papers = PaperChecklist()
        self.papers.setObjectName("papers")
        self.messages["documents"] = self.papers.message_label
        layout = QVBoxLayout(box)
        layout.addWidget(self.papers)
        return box

    def _build_scans(self) -> QGroupBox:
        """Pages scanned per paper while the form is filled in; attached once it is saved."""
        box = QGroupBox(self.tr("Scans of the papers"))
        box.setObjectName("intakeScans")
        self.scan_panel = ScanPanel(self._session, None, scrolling=False)
        self.scan_panel.setObjectName("intakeScanPanel")
        layout = QVBoxLayout(box)
        layout.addWidget(self.scan_panel)
        return box

    def _papers_changed(self) -> None:
        self.scan_panel.set_components([row.name() for row in self.papers.rows if row.name()])
        self.sig_form_changed.emit()

    def _build_fees(self) -> QGroupBox:
        box = QGroupBox(self.tr("&Fees and charges"))
        self.fees = FeeLines(self._lang)
        self.fees.setObjectName("fees")
        self.fees.sig_total_changed.connect(self._total_changed)
        layout = QVBoxLayout(box)
        layout.addWidget(self.fees)
        return box

    def _build_handing_in(self) -> QGroupBox:
        box = QGroupBox(self.tr("Handing in and return"))
        self.sets_spin = QSpinBox()
        self.sets_spin.setObjectName("sets")
        self.sets_spin.setRange(1, MAX_SETS)
        self.channel_combo = QComboBox()
        self.channel_combo.setObjectName("channel")
        for channel in Channel:
            self.channel_combo.addItem(channel_label(channel), channel.value)
        self.return_combo = QComboBox()
        self.return_combo.setObjectName("returnMethod")
        for method in ReturnMethod:
            self.return_combo.addItem(return_method_label(method), method.value)
        self.note_edit = QLineEdit()
        self.note_edit.setObjectName("note")
        self.note_edit.setMaxLength(NOTE_LIMIT)

        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        for caption, widget in (
            (self.tr("&Sets"), self.sets_spin),
            (self.tr("&Channel"), self.channel_combo),
            (self.tr("Re&turn of the result"), self.return_combo),
            (self.tr("Not&e"), self.note_edit),
        ):
            label = QLabel(caption)
            label.setBuddy(widget)
            form.addRow(label, widget)
        self.messages["note"] = message_label("noteMessage")
        self.messages["note"].setMinimumHeight(0)
        form.addRow("", self.messages["note"])
        return box

    def _build_bar(self) -> QWidget:
        self.saved_frame = QFrame()
        self.saved_frame.setObjectName("savedFrame")
        self.saved_frame.setStyleSheet(_boxed("savedFrame", SAVED_BACKGROUND, SAVED_FOREGROUND))
        saved_caption = QLabel(self.tr("Saved, dossier code:"))
        self.saved_code_label = QLabel()
        self.saved_code_label.setObjectName("savedCode")
        self.saved_code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.saved_code_label.setFont(scaled_font(self.saved_code_label.font(), 1.6, bold=True))
        self.saved_due_label = QLabel()
        self.saved_due_label.setObjectName("savedDue")
        self.saved_due_label.setWordWrap(True)
        saved_layout = QHBoxLayout(self.saved_frame)
        saved_layout.setContentsMargins(12, 6, 12, 6)
        saved_layout.setSpacing(12)
        saved_layout.addWidget(saved_caption)
        saved_layout.addWidget(self.saved_code_label)
        saved_layout.addWidget(self.saved_due_label, 1)
        self.saved_frame.hide()

        self.pending_frame = QFrame()
        self.pending_frame.setObjectName("pendingScans")
        self.pending_frame.setStyleSheet(
            _boxed("pendingScans", WARNING_BACKGROUND, WARNING_FOREGROUND)
        )
        self.pending_label = QLabel()
        self.pending_label.setObjectName("pendingScansLabel")
        self.pending_label.setWordWrap(True)
        self.retry_scans_button = QPushButton(self.tr("Attach the scans again"))
        self.retry_scans_button.setObjectName("retryScans")
        self.retry_scans_button.clicked.connect(self.retry_pending_scans)
        pending_layout = QHBoxLayout(self.pending_frame)
        pending_layout.setContentsMargins(12, 6, 12, 6)
        pending_layout.addWidget(self.pending_label, 1)
        pending_layout.addWidget(self.retry_scans_button)
        self.pending_frame.hide()

        self.problem_label = QLabel()
        self.problem_label.setObjectName("problemLabel")
        self.problem_label.setWordWrap(True)
        self.problem_label.setStyleSheet(f"color: {theme.ERROR_TEXT.name()};")
        self.problem_label.hide()

        due_caption = QLabel(self.tr("Result due:"))
        self.due_label = QLabel()
        self.due_label.setObjectName("dueLabel")
        self.due_label.setFont(scaled_font(self.due_label.font(), 1.15, bold=True))
        self.due_label.setWordWrap(True)
        self.total_label = QLabel()
        self.total_label.setObjectName("totalLabel")
        self.total_label.setFont(scaled_font(self.total_label.font(), 1.0, bold=True))
        self.clear_button = QPushButton(self.tr("New dossier (Esc)"))
        self.clear_button.setObjectName("clearButton")
        self.clear_button.setToolTip(self.tr("Clear the form for the next citizen (Esc or Ctrl+N)"))
        self.clear_button.clicked.connect(self.request_clear)
        self.save_button = QPushButton(self.tr("Save (Ctrl+S)"))
        self.save_button.setObjectName("saveButton")
        self.save_button.setToolTip(
            self.tr("Save the dossier and give it its code (Ctrl+S or Ctrl+Enter)")
        )
        self.save_button.setFont(scaled_font(self.save_button.font(), 1.0, bold=True))
        self.save_button.clicked.connect(self.save)
        # Prints the receipt of the dossier saved last (Ctrl+P); also prints it after saving.
        self.reprint_button = ReprintReceiptButton(self._session, self)

        line = QHBoxLayout()
        line.setSpacing(10)
        line.addWidget(due_caption)
        line.addWidget(self.due_label, 1)
        line.addSpacing(16)
        line.addWidget(self.total_label)
        # The buttons on a line of their own: on a 1280-pixel screen they and the due time
        # would squeeze each other.
        buttons = QHBoxLayout()
        buttons.setSpacing(10)
        buttons.addWidget(self.reprint_button.preview_button)
        buttons.addWidget(self.reprint_button)
        buttons.addStretch(1)
        buttons.addWidget(self.clear_button)
        buttons.addWidget(self.save_button)

        bar = QFrame()
        bar.setObjectName("intakeBar")
        bar.setStyleSheet("#intakeBar { border-top: 1px solid palette(mid); }")
        layout = QVBoxLayout(bar)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.saved_frame)
        layout.addWidget(self.pending_frame)
        layout.addWidget(self.problem_label)
        layout.addLayout(line)
        layout.addLayout(buttons)
        return bar

    def _fit_results(self) -> None:
        """Tall enough for VISIBLE_RESULTS lines, however big the font is."""
        row = self.results_view.sizeHintForRow(0) if self.results.rowCount() else -1
        if row <= 0:
            row = self.results_view.fontMetrics().height() + 6
        frame = self.results_view.frameWidth() * 2
        self.results_view.setFixedHeight(row * VISIBLE_RESULTS + frame)

    def _chain_tabs(self) -> None:
        """Tab follows the screen: procedure, applicant, papers, fees, handing in, buttons."""
        chain: list[QWidget] = [
            self.search_edit,
            self.type_combo,
            *(self.fields[key] for key in APPLICANT_FIELDS),
            *self.papers.focus_widgets(),
            self.papers.add_button,
            *self.fees.focus_widgets(),
            self.sets_spin,
            self.channel_combo,
            self.return_combo,
            self.note_edit,
            self.clear_button,
            self.save_button,
            self.reprint_button,
        ]
        chain.insert(chain.index(self.fields["id_number"]) + 1, self.id_type_combo)
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    # --- the page in the window
    def activate(self) -> None:
        """The page came to the front: the cursor waits in the procedure search."""
        self._focus(self.search_edit)
        self.search_edit.selectAll()

    def _focus(self, widget: QWidget) -> None:
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        if self.scroll.widget().isAncestorOf(widget):
            self.scroll.ensureWidgetVisible(widget, 16, 24)

    # --- procedure
    def _search(self, text: str) -> None:
        """Every keystroke: a search of the in-memory index and a reset of a short list."""
        catalog = self._session.workspace.catalog
        try:
            procedures = catalog.search(text, limit=SEARCH_LIMIT)
            agencies = catalog.agencies()
        except CounterError as error:
            notify.show_counter_error(self, error, self._lang)
            return
        self.results.set_procedures(procedures, agencies)
        if procedures:
            self.results_view.setCurrentIndex(self.results.index(0, 0))
        if not procedures and text.strip():
            found = self.tr("No procedure matches the search.")
        elif not procedures:
            found = self.tr("The catalog is empty: an administrator must import it before intake.")
        elif len(procedures) >= SEARCH_LIMIT:
            found = self.tr("The first {n} found: type more to narrow the list.").format(
                n=len(procedures)
            )
        else:
            found = self.tr("{n} found.").format(n=len(procedures))
        self.results_label.setText(
            self.tr("{found} ↑ ↓ to move, Enter to choose.").format(found=found)
        )

    def _search_edited(self, _text: str) -> None:
        """Typing a new search puts the chosen procedure back: what is saved is what is shown."""
        if self._procedure is not None:
            self._set_procedure(None)

    def _move_result(self, key: int) -> None:
        count = self.results.rowCount()
        if not count:
            return
        step = {
            Qt.Key.Key_Up: -1,
            Qt.Key.Key_Down: 1,
            Qt.Key.Key_PageUp: -VISIBLE_RESULTS,
            Qt.Key.Key_PageDown: VISIBLE_RESULTS,
        }[Qt.Key(key)]
        current = self.results_view.currentIndex()
        row = current.row() + step if current.isValid() else 0
        index = self.results.index(max(0, min(count - 1, row)), 0)
        self.results_view.setCurrentIndex(index)
        self.results_view.scrollTo(index)

    def _pick_current(self) -> None:
        index = self.results_view.currentIndex()
        if index.isValid():
            self.choose(self.results.procedure(index.row()))

    def _result_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.choose(self.results.procedure(index.row()))

    def choose(self, procedure: Procedure) -> None:
        """Take this procedure: its papers, fees and due time; the cursor goes on to the
        first empty field of the applicant."""
        self._set_procedure(procedure)
        self.search_edit.setText(f"{procedure.code} {procedure.name}")
        self._focus(self._next_empty_field())

    def procedure(self) -> Procedure | None:
        return self._procedure

    def _set_procedure(self, procedure: Procedure | None) -> None:
        self._procedure = procedure
        self._show_procedure()
        self.papers.set_components(procedure.components if procedure else None)
        self.fees.set_fees(procedure.fees if procedure else None)
        self.refresh_due()
        if procedure is not None:
            self.messages["procedure"].clear()
        self.sig_form_changed.emit()

    def _show_procedure(self) -> None:
        procedure = self._procedure
        self.procedure_empty_label.setVisible(procedure is None)
        self.procedure_name_label.setVisible(procedure is not None)
        self.facts_widget.setVisible(procedure is not None)
        if procedure is None:
            self.procedure_name_label.clear()
            for label in self.facts.values():
                label.clear()
            return
        self.procedure_name_label.setText(procedure.name)
        agency = self._session.workspace.catalog.agencies().get(procedure.agency_code)
        self.facts["code"].setText(procedure.code)
        self.facts["agency"].setText(
            f"{agency.name} ({procedure.agency_code})" if agency else procedure.agency_code
        )
        self.facts["duration"].setText(text_or_dash(procedure.duration.describe(self._lang)))

    def refresh_due(self) -> None:
        """The appointment as saving now would give it; the timer keeps it true as time runs."""
        if self._procedure is None:
            self.due_label.setText(self.tr("choose a procedure first"))
            return
        try:
            due = self._session.workspace.intake.due_at(self._procedure, self._session.clock())
        except CounterError as error:
            self.due_label.setText(error.message(self._lang))
            return
        self.due_label.setText(due_text(due))

    def _total_changed(self, total: int) -> None:
        if self._procedure is None:
            self.total_label.clear()
            return
        self.total_label.setText(
            self.tr("Fees: {amount}").format(amount=formatting.money(total, self._lang))
        )

    # --- applicant
    def _type_changed(self, _index: int = 0) -> None:
        needed = self.applicant_type() in NEEDS_ORGANISATION
        for widget in (
            self.fields["organisation"],
            self.field_labels["organisation"],
            self.messages["organisation"],
        ):
            widget.setVisible(needed)
        self._validate_timer.start()

    def applicant_type(self) -> ApplicantType:
        return ApplicantType(self.type_combo.currentData())

    def _typed(self, _text: str) -> None:
        self._validate_timer.start()
        self.sig_form_changed.emit()

    def _left_field(self, key: str) -> None:
        """Leaving a field: its text is tidied (NFC) and checked."""
        edit = self.fields[key]
        text = edit.text()
        tidy = nfc(text).strip()
        if key == "birth_date":
            try:
                born = parse_birth_date(text)
            except ValueError:
                born = None
            if born is not None:
                tidy = birth_text(born)
        if tidy != text:
            edit.setText(tidy)
        self.validate()

    def applicant(self) -> Applicant:
        """What the applicant block says now, normalised as it will be stored."""
        try:
            born = parse_birth_date(self.fields["birth_date"].text())
        except ValueError:
            born = None
        kind = self.applicant_type()
        text = {key: clean(edit.text()) for key, edit in self.fields.items()}
        return Applicant(
            full_name=text["full_name"],
            type=kind,
            id_number=normalise_id_number(text["id_number"], self.paper_type()),
            id_type=self.paper_type(),
            birth_date=born,
            phone=normalise_phone(text["phone"]),
            email=text["email"],
            address=text["address"],
            organisation=text["organisation"] if kind in NEEDS_ORGANISATION else "",
            consents_to_notices=self.consent_box.isChecked(),
        )

    def fill_applicant(self, card: CitizenIdCard) -> None:
        """A citizen-ID QR was scanned: name, number, birth date and address from the card;
        what the card contradicts is shown above the applicant, and nothing is blocked. The
        applicant type stays: a business's representative shows a card too. An applicant
        typed by hand is replaced only when the officer says so."""
        if self._asking:
            return  # a question is open: this scan is not the answer to it
        typed = self._typed_by_hand(card)
        if typed:
            self._asking = True
            try:
                if not confirm_replace_applicant(self, typed, card.full_name):
                    return
            finally:
                self._asking = False
        for key, value in self._card_values(card).items():
            self.fields[key].setText(value)
        self._paper_type_picked = False
        self.set_paper_type(IdType.CITIZEN_ID)
        self._card = card
        self.validate()
        self._session.messages.info(self.tr("ID card read: {name}").format(name=card.full_name))
        if self._procedure is None:
            self.activate()
        else:
            self._focus(self._next_empty_field())

    def _typed_by_hand(self, card: CitizenIdCard) -> str:
        """What the officer typed into the fields a card fills, that neither the card scanned
        before nor this one put there (the typed name, or the first such text); "" if none."""
        before = self._card_values(self._card) if self._card is not None else {}
        scanned = self._card_values(card)
        for key in CARD_FIELDS:
            text = clean(self.fields[key].text())
            if text and text not in (before.get(key), scanned[key]):
                return clean(self.fields["full_name"].text()) or text
        return ""

    @staticmethod
    def _card_values(card: CitizenIdCard) -> dict[str, str]:
        return {
            "full_name": clean(card.full_name),
            "id_number": card.id_number,
            "birth_date": birth_text(card.birth_date),
            "address": clean(card.address),
        }

    def _card_warnings(self) -> list[Problem]:
        """The card's warnings, worked out again once the officer corrects a misread digit."""
        card = self._card
        if card is None:
            return []
        applicant = self.applicant()
        if applicant.id_number == card.id_number and applicant.birth_date == card.birth_date:
            return list(card.warnings)
        others = [w for w in card.warnings if w.field != "id_number"]
        return others + id_number_warnings(applicant.id_number, applicant.birth_date, card.gender)

    def _show_card_warnings(self) -> None:
        warnings = self._card_warnings()
        self.card_warning_label.setText(
            "\n".join(f"• {warning.message(self._lang)}" for warning in warnings)
        )
        self.card_banner.setVisible(bool(warnings))

    def _next_empty_field(self) -> QWidget:
        for key in APPLICANT_FIELDS:
            edit = self.fields[key]
            if edit.isVisibleTo(self) and not edit.text().strip():
                return edit
        widgets = self.papers.focus_widgets()
        return widgets[0] if widgets else self.save_button

    # --- validation
    def _form_problems(self) -> list[Problem]:
        """What only the form knows: no procedure, an unreadable date, an unnamed paper."""
        problems: list[Problem] = []
        if self._procedure is None:
            problems.append(Problem("procedure", "field.required", {"field": "field.procedure"}))
        birth = birth_date_problem(self.fields["birth_date"].text())
        if birth is not None:
            problems.append(birth)
        ticked = {document.name for document in self.papers.documents()}
        problems += [
            Problem("documents", "scan.staged_unticked", {"paper": paper})
            for paper in self.scan_panel.staged_components()
            if paper not in ticked
        ]
        return problems + self.papers.problems()

    def local_problems(self) -> list[Problem]:
        """Everything the form can tell by itself, the applicant with the domain's checks."""
        today = self._session.clock().date()
        return self._form_problems() + check_applicant(self.applicant(), today=today)

    def validate(self) -> None:
        """Each field says what is wrong with it; "required" only once the officer has tried
        to save (going through an empty field to fill it later is no mistake)."""
        self._validate_timer.stop()
        self._show_problems(self.local_problems() + id_number_notes(self.applicant()))
        self._show_card_warnings()

    def _show_problems(self, problems: list[Problem]) -> list[Problem]:
        """Write each problem under its field; return those with no field on the form."""
        by_field: dict[str, list[Problem]] = {}
        for problem in problems:
            by_field.setdefault(problem.field, []).append(problem)
        for key, label in self.messages.items():
            shown = [
                p for p in by_field.get(key, []) if self._show_all or p.key != "field.required"
            ]
            label.setText(" ".join(p.message(self._lang) for p in shown))
        return [p for p in problems if p.field not in self.messages]

    def _field_widget(self, key: str) -> QWidget | None:
        if key in self.fields:
            return self.fields[key]
        if key == "documents":
            unnamed = self.papers.first_unnamed()
            widgets = self.papers.focus_widgets()
            return unnamed or (widgets[0] if widgets else self.papers.add_button)
        if key == "fees":
            widgets = self.fees.focus_widgets()
            return widgets[0] if widgets else None
        return {
            "procedure": self.search_edit,
            "type": self.type_combo,
            "id_type": self.id_type_combo,
            "sets": self.sets_spin,
            "channel": self.channel_combo,
            "return_method": self.return_combo,
            "note": self.note_edit,
        }.get(key)

    # --- saving
    def request(self) -> IntakeRequest:
        """What saving sends: only the ticked papers, the fees as edited."""
        return IntakeRequest(
            procedure_code=self._procedure.code if self._procedure else "",
            applicant=self.applicant(),
            documents=self.papers.documents(),
            fees=self.fees.lines(),
            sets=self.sets_spin.value(),
            channel=Channel(self.channel_combo.currentData()),
            return_method=ReturnMethod(self.return_combo.currentData()),
            note=clean(self.note_edit.text()),
            problems=self._form_problems(),  # the service adds the applicant's
        )

    def save(self) -> None:
        self._show_all = True
        self._validate_timer.stop()
        workspace = self._session.workspace
        try:
            dossier = workspace.intake.receive(
                self.request(), user=self._session.user, at=self._session.clock()
            )
        except ValidationFailed as failed:
            self._refused(failed.problems)
            return
        except CounterError as error:
            notify.show_error(self, error.message(self._lang))
            return
        self._saved(dossier)

    def _refused(self, problems: list[Problem]) -> None:
        unplaced = self._show_problems(problems)
        lines = [self.tr("Not saved: correct what is marked in red.")]
        lines += [p.message(self._lang) for p in unplaced]
        self.problem_label.setText(" ".join(lines))
        self.problem_label.show()
        fields = {p.field for p in problems}
        for key in FIELD_ORDER:
            widget = self._field_widget(key)
            if key in fields and widget is not None:
                self._focus(widget)
                return

    def _saved(self, dossier: Dossier) -> None:
        code = dossier.code or ""
        if self.scan_panel.staged_count():
            self.pending_scans[code] = self.scan_panel.take_staged()
            self.retry_pending_scans()
        self._session.messages.info(self.tr("Saved: {code}").format(code=code))
        self.saved_code_label.setText(code)
        self.saved_due_label.setText(
            self.tr("result due {due}").format(due=due_text(dossier.due_at))
        )
        self.saved_frame.show()
        self._saved_timer.start()
        self.clear_form()
        self.reprint_button.saved(dossier)
        self.sig_saved.emit(dossier)

    # --- scans staged before the save: attached right after it, kept until they are
    def retry_pending_scans(self) -> None:
        """Attach every dossier's waiting scans (in the background), each dossier all or none."""
        waiting = dict(self.pending_scans)
        if not waiting:
            return
        self.retry_scans_button.setEnabled(False)
        session = self._session

        def work() -> dict[str, Exception | int]:
            outcome: dict[str, Exception | int] = {}
            for code, staged in waiting.items():
                try:
                    added = session.workspace.attachments.attach_staged(
                        code, staged, user=session.user, at=session.clock()
                    )
                except CounterError as error:
                    outcome[code] = error
                else:
                    outcome[code] = len(added)
            return outcome

        self.tasks.run("attach-staged", work, self._pending_answered, self._pending_failed)

    def _pending_answered(self, outcome: dict[str, Exception | int]) -> None:
        problems = []
        for code, result in outcome.items():
            if isinstance(result, Exception):
                problems.append((code, result))
                continue
            self.pending_scans.pop(code, None)
            self._session.messages.info(
                self.tr("{n} scanned file(s) attached to dossier {code}.").format(
                    n=result, code=code
                )
            )
        self._show_pending(problems)

    def _pending_failed(self, error: Exception) -> None:
        if not isinstance(error, CounterError):
            raise error
        self._show_pending([(code, error) for code in self.pending_scans])

    def _show_pending(self, problems: list[tuple[str, Exception]]) -> None:
        self.retry_scans_button.setEnabled(True)
        lines = [
            CounterError(
                "scan.staged_kept",
                code=code,
                reason=error.message(self._lang) if isinstance(error, CounterError) else "",
            ).message(self._lang)
            for code, error in problems
        ]
        self.pending_label.setText("\n".join(lines))
        self.pending_frame.setVisible(bool(self.pending_scans))

    # --- closing
    def unattached_scans(self) -> int:
        """Scans only this page holds: staged for the dossier being entered, or of saved
        dossiers whose attaching failed (a scanner's pages exist nowhere else)."""
        return self.scan_panel.staged_count() + sum(map(len, self.pending_scans.values()))

    def may_leave(self, leave: str) -> bool:
        """Asked when the window closes or the officer signs out (`leave`: the button that
        goes on): True when nothing would be lost, or the officer chooses to lose it."""
        count = self.unattached_scans()
        if count:
            return confirm_leave_with_scans(self, count, leave)
        return not self.has_input() or confirm_leave_unsaved(self, leave)

    # --- clearing
    def has_input(self) -> bool:
        """Something the officer typed, that clearing would lose."""
        return (
            any(edit.text().strip() for edit in self.fields.values())
            or bool(self.note_edit.text().strip())
            or self.papers.has_input()
            or bool(self.scan_panel.staged_count())
        )

    def request_clear(self) -> None:
        """Esc or Ctrl+N: a fresh form, after asking if anything typed would be lost."""
        if self._asking:
            return  # a second Esc while the question is open is the question's business
        scans = self.scan_panel.staged_count()
        if scans or self.has_input():
            self._asking = True
            try:
                if not (confirm_discard_scans(self, scans) if scans else confirm_clear(self)):
                    return
            finally:
                self._asking = False
        self.clear_form()

    def clear_form(self) -> None:
        """Everything back to how the next citizen finds it; the cursor in the search."""
        self._focus(self.search_edit)  # first: leaving a field must not mark the new form
        self._validate_timer.stop()
        self._show_all = False
        self._card = None
        self.search_edit.clear()
        self._set_procedure(None)
        self.type_combo.setCurrentIndex(self.type_combo.findData(ApplicantType.CITIZEN.value))
        for edit in self.fields.values():
            edit.clear()
        self.consent_box.setChecked(False)
        self._paper_type_picked = False
        self.set_paper_type(IdType.CITIZEN_ID)
        self.sets_spin.setValue(1)
        self.channel_combo.setCurrentIndex(0)
        self.return_combo.setCurrentIndex(0)
        self.note_edit.clear()
        self.papers.clear()
        self.scan_panel.discard_staged()
        self._validate_timer.stop()
        for label in self.messages.values():
            label.clear()
        self.card_banner.hide()
        self.problem_label.clear()
        self.problem_label.hide()
        self.scroll.verticalScrollBar().setValue(0)
        self.activate()

    # --- papers
    def add_paper(self) -> None:
        """Ctrl+D: a row for a paper the catalog does not list, the cursor in its name."""
        row = self.papers.add_paper()
        assert row.name_edit is not None
        self._focus(row.name_edit)

    def remove_current_paper(self) -> None:
        """Ctrl+Shift+D: the paper row with the cursor goes; the cursor to the next one."""
        row = self.papers.row_of(self.focusWidget())
        if row is None:
            return
        index = self.papers.rows.index(row)
        self.papers.remove_row(row)
        if self.papers.rows:
            following = self.papers.rows[min(index, len(self.papers.rows) - 1)]
            self._focus(following.check)
        else:
            self._focus(self.papers.add_button)

    # --- keys in the search
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """In the search, ↑ ↓ Page Up/Down move in the results and Enter chooses: the cursor
        never has to leave the text the officer is typing. Leaving a field of the applicant
        tidies and checks it."""
        if event.type() == QEvent.Type.FocusOut:
            for key, edit in self.fields.items():
                if watched is edit:
                    self._left_field(key)
        if (
            watched is self.search_edit
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
        ):
            key = event.key()
            plain = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            if plain == Qt.KeyboardModifier.NoModifier:
                if key in (
                    Qt.Key.Key_Up,
                    Qt.Key.Key_Down,
                    Qt.Key.Key_PageUp,
                    Qt.Key.Key_PageDown,
                ):
                    self._move_result(key)
                    return True
                if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                    self._pick_current()
                    return True
        return super().eventFilter(watched, event)
