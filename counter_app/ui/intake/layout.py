"""The intake page's widgets and how they are laid out: the procedure picker, the applicant,
the papers, fees, handing in, the scans and the bar with the buttons. Built here, wired to what
they do by `IntakePage` (page.py)."""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
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
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.dossier import ApplicantType, Channel, ReturnMethod
from counter_app.domain.identity_papers import IdType
from counter_app.domain.limits import (
    ADDRESS_LIMIT,
    MAX_SETS,
    NAME_LIMIT,
    NOTE_LIMIT,
    ORGANISATION_LIMIT,
)
from counter_app.domain.messages import translate
from counter_app.services.payments import UNPAID, Method
from counter_app.ui import theme
from counter_app.ui.digitising import ScanPanel
from counter_app.ui.intake.fees import FeeLines
from counter_app.ui.intake.form import APPLICANT_FIELDS
from counter_app.ui.intake.papers import PaperChecklist
from counter_app.ui.intake.procedure_list import ProcedureDelegate, ProcedureListModel
from counter_app.ui.intake.widgets import message_label, muted_label
from counter_app.ui.labels import applicant_type_label, channel_label, return_method_label
from counter_app.ui.payment_fields import PaymentFields
from counter_app.ui.printing.actions import ReprintReceiptButton
from counter_app.ui.session import Session
from counter_app.ui.theme import scaled_font

VISIBLE_RESULTS = 6
SAVED_BACKGROUND = QColor("#d1e7dd")
SAVED_FOREGROUND = QColor("#0f5132")
WARNING_BACKGROUND = theme.DUE_TODAY_BACKGROUND
WARNING_FOREGROUND = theme.DUE_TODAY_FOREGROUND


def _boxed(name: str, background: QColor, foreground: QColor) -> str:
    return (
        f"#{name} {{ background: {background.name()}; border-radius: 4px; }}"
        f"#{name} QLabel {{ color: {foreground.name()}; }}"
    )


class IntakeLayout(QWidget):
    """`fields` maps each applicant field to its input, `messages` each field to the line
    under it that says what is wrong; `papers` and `fees` are the two lists of the dossier."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._lang = session.lang
        self.fields: dict[str, QLineEdit] = {}
        self.messages: dict[str, QLabel] = {}
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
        self.scroll_area = QScrollArea()
        self.scroll_area.setObjectName("intakeScroll")
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scroll_area.setWidget(content)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 8)
        layout.setSpacing(8)
        layout.addWidget(self.scroll_area, 1)
        layout.addWidget(bar)

    def _build_procedure_picker(self) -> QHBoxLayout:
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("procedureSearch")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setPlaceholderText(
            self.tr("Code or name of the procedure, accents optional")
        )
        self.search_edit.installEventFilter(self)
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
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(number_edit)
        layout.addWidget(self.id_type_combo)
        layout.addStretch(1)
        return row

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

    def _build_fees(self) -> QGroupBox:
        box = QGroupBox(self.tr("&Fees and charges"))
        self.fees = FeeLines(self._lang)
        self.fees.setObjectName("fees")
        # how the fees taken now are paid, recorded with the dossier for the day's reconciliation
        self.payment = PaymentFields(self._lang, [*(m.value for m in Method), UNPAID])
        self.payment.reference_edit.setPlaceholderText(self.tr("for a transfer or a card"))
        paid = QHBoxLayout()
        paid_by = QLabel(self.tr("Pai&d by:"))
        paid_by.setBuddy(self.payment.method_combo)
        paid.addWidget(paid_by)
        paid.addWidget(self.payment.method_combo)
        reference = QLabel(self.tr("Reference n&umber:"))
        reference.setBuddy(self.payment.reference_edit)
        paid.addWidget(reference)
        paid.addWidget(self.payment.reference_edit, 1)
        layout = QVBoxLayout(box)
        layout.addWidget(self.fees)
        layout.addLayout(paid)
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
        self.return_at_combo = QComboBox()
        self.return_at_combo.setObjectName("returnAt")
        self.return_at_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.return_at_combo.setMinimumContentsLength(24)
        self.return_at_combo.setToolTip(
            self.tr(
                "The one-stop desk where the applicant collects the result: this counter, or "
                "another agency's (receiving regardless of residence). Printed on the receipt."
            )
        )
        self._fill_return_places()
        self.note_edit = QLineEdit()
        self.note_edit.setObjectName("note")
        self.note_edit.setMaxLength(NOTE_LIMIT)

        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        for caption, widget in (
            (self.tr("&Sets"), self.sets_spin),
            (self.tr("&Channel"), self.channel_combo),
            (self.tr("Re&turn of the result"), self.return_combo),
            (self.tr("Result &given at"), self.return_at_combo),
            (self.tr("Not&e"), self.note_edit),
        ):
            label = QLabel(caption)
            label.setBuddy(widget)
            form.addRow(label, widget)
        self.messages["note"] = message_label("noteMessage")
        self.messages["note"].setMinimumHeight(0)
        form.addRow("", self.messages["note"])
        return box

    def _fill_return_places(self) -> None:
        """This counter first (what an intake file without `return_at` means), then every
        agency of the catalog as it stands now."""
        self.return_at_combo.clear()
        self.return_at_combo.addItem(self.tr("This counter"), "")
        for agency in self._session.workspace.catalog.agencies().values():
            self.return_at_combo.addItem(f"{agency.name} ({agency.code})", agency.code)

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
        self.save_button = QPushButton(self.tr("Save (Ctrl+S)"))
        self.save_button.setObjectName("saveButton")
        self.save_button.setToolTip(
            self.tr("Save the dossier and give it its code (Ctrl+S or Ctrl+Enter)")
        )
        self.save_button.setFont(scaled_font(self.save_button.font(), 1.0, bold=True))
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
            self.payment.method_combo,
            self.payment.reference_edit,
            self.sets_spin,
            self.channel_combo,
            self.return_combo,
            self.return_at_combo,
            self.note_edit,
            self.clear_button,
            self.save_button,
            self.reprint_button,
        ]
        chain.insert(chain.index(self.fields["id_number"]) + 1, self.id_type_combo)
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)
