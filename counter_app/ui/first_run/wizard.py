"""The first-run wizard: language, the catalog and the agencies served, the counter's name and
desk, the central address (checked in the background), the administrator, printers and paper
sizes, a scanner test. Nothing is written until Finish; then the store is made in one go
(services.operations.setup) in the background, and a failure leaves no store behind.

Every page sets its texts in `retranslate()`, so choosing English or Vietnamese on the first
page turns the whole wizard at once; the formats of dates and numbers follow the same choice.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from counter_app.domain.catalog import Agency
from counter_app.domain.errors import CounterError
from counter_app.services.operations.setup import (
    CounterSetup,
    catalog_agencies,
    check_admin_login,
    check_central,
    set_up_counter,
)
from counter_app.services.printing import PaperKind
from counter_app.services.printing.backend import PrinterBackend, QtPrinterBackend
from counter_app.services.printing.paper_settings import LABEL_SIZES, RECEIPT_SIZES
from counter_app.ui import theme
from counter_app.ui.fitting import resize_within_screen
from counter_app.ui.scanning.settings import ScannerSettings
from counter_app.ui.scanning.tester import ScannerTestWidget
from counter_app.ui.settings.widgets import FieldError, text_colour
from counter_app.ui.workers import Tasks

MIN_PASSWORD = 8


def formats_for(lang: str) -> QLocale:
    """Dates and numbers in the window's language: Vietnamese, or British English (the day
    before the month, as Vietnamese papers write it)."""
    if lang == "vi":
        return QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam)
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)


def _muted(label: QLabel) -> QLabel:
    label.setWordWrap(True)
    text_colour(label, theme.MUTED_TEXT)
    return label


class _Page(QWizardPage):
    """A page whose texts follow the language chosen on the first page."""

    def retranslate(self) -> None:
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    @property
    def lang(self) -> str:
        wizard = self.wizard()
        return wizard.lang if isinstance(wizard, FirstRunWizard) else "vi"


class LanguagePage(_Page):
    sig_chosen = Signal(str)
    """The officer picked a language ("vi" or "en")."""

    def __init__(self, lang: str) -> None:
        super().__init__()
        self.vietnamese = QRadioButton("Tiếng Việt")
        self.vietnamese.setObjectName("languageVi")
        self.english = QRadioButton("English")
        self.english.setObjectName("languageEn")
        group = QButtonGroup(self)
        group.addButton(self.vietnamese)
        group.addButton(self.english)
        (self.english if lang == "en" else self.vietnamese).setChecked(True)
        self.note = _muted(QLabel())
        layout = QVBoxLayout(self)
        layout.addWidget(self.vietnamese)
        layout.addWidget(self.english)
        layout.addSpacing(12)
        layout.addWidget(self.note)
        layout.addStretch(1)
        self.vietnamese.toggled.connect(lambda on: self._chosen(on, "vi"))
        self.english.toggled.connect(lambda on: self._chosen(on, "en"))
        self.retranslate()

    def _chosen(self, checked: bool, lang: str) -> None:
        if checked:
            self.sig_chosen.emit(lang)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Welcome"))
        self.setSubTitle(
            self.tr(
                "This computer has no counter data yet. These few steps set the counter up; "
                "nothing is saved until Finish."
            )
        )
        self.note.setText(
            self.tr("The language of the window. It can be changed later in Settings.")
        )

    def chosen(self) -> str:
        return "en" if self.english.isChecked() else "vi"


class CatalogPage(_Page):
    """The procedure catalog (the demo catalog, or a file from the province) and the agencies
    whose dossiers this counter takes in."""

    def __init__(self) -> None:
        super().__init__()
        self.catalog_file: Path | None = None
        self.tasks = Tasks(self)
        self.source_label = QLabel()
        self.source_label.setObjectName("catalogSource")
        self.source_label.setWordWrap(True)
        self.import_button = QPushButton()
        self.import_button.setObjectName("importCatalog")
        self.import_button.clicked.connect(self._choose_file)
        self.agency_list = QListWidget()
        self.agency_list.setObjectName("agencyList")
        self.agency_list.itemChanged.connect(lambda _item: self.completeChanged.emit())
        self.problem = FieldError("catalogProblem")
        row = QHBoxLayout()
        row.addWidget(self.source_label, 1)
        row.addWidget(self.import_button)
        self.list_label = QLabel()
        self.list_label.setBuddy(self.agency_list)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.problem)
        layout.addWidget(self.list_label)
        layout.addWidget(self.agency_list, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Catalog and agencies"))
        self.setSubTitle(
            self.tr(
                "The procedures come from a catalog file. Tick the agencies whose dossiers "
                "this counter receives."
            )
        )
        self.import_button.setText(self.tr("&Import a catalog file…"))
        self.list_label.setText(self.tr("&Agencies served:"))
        self._show_source()

    def _show_source(self) -> None:
        if self.catalog_file is None:
            self.source_label.setText(self.tr("Catalog: the demo catalog shipped with the program"))
        else:
            self.source_label.setText(
                self.tr("Catalog: {file}").format(file=self.catalog_file.name)
            )

    def initializePage(self) -> None:
        if self.agency_list.count() == 0:
            self.load(self.catalog_file)

    def load(self, file: Path | None) -> None:
        """Read the catalog's agencies in the background; the list fills when they come."""
        self.problem.show_problem("")
        self.tasks.run(
            "catalog", lambda: catalog_agencies(file), lambda found: self._loaded(file, found),
            self._refused,
        )  # fmt: skip

    def _loaded(self, file: Path | None, agencies: list[Agency]) -> None:
        self.catalog_file = file
        self._show_source()
        self.agency_list.clear()
        for agency in agencies:
            item = QListWidgetItem(f"{agency.name}  ·  {agency.code}")
            item.setData(Qt.ItemDataRole.UserRole, agency.code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if len(agencies) == 1 else Qt.CheckState.Unchecked
            )
            self.agency_list.addItem(item)
        self.completeChanged.emit()

    def _refused(self, error: Exception) -> None:
        if not isinstance(error, CounterError):
            raise error
        self.problem.show_problem(error.message(self.lang))

    def _choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Catalog file"), "", self.tr("Catalog (*.json)")
        )
        if name:
            self.load(Path(name))

    def chosen_agencies(self) -> frozenset[str]:
        items = (self.agency_list.item(row) for row in range(self.agency_list.count()))
        return frozenset(
            item.data(Qt.ItemDataRole.UserRole)
            for item in items
            if item.checkState() == Qt.CheckState.Checked
        )

    def isComplete(self) -> bool:
        return bool(self.chosen_agencies()) and not self.tasks.busy


class CounterPage(_Page):
    def __init__(self) -> None:
        super().__init__()
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("counterName")
        self.name_edit.setMaxLength(120)
        self.name_edit.textChanged.connect(lambda _text: self.completeChanged.emit())
        self.desk_spin = QSpinBox()
        self.desk_spin.setObjectName("deskNumber")
        self.desk_spin.setRange(0, 99)
        self.name_label = QLabel()
        self.name_label.setBuddy(self.name_edit)
        self.desk_label = QLabel()
        self.desk_label.setBuddy(self.desk_spin)
        form = QFormLayout(self)
        form.addRow(self.name_label, self.name_edit)
        form.addRow(self.desk_label, self.desk_spin)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("The counter"))
        self.setSubTitle(
            self.tr("The name printed on receipts and shown at the top of the window.")
        )
        self.name_label.setText(self.tr("Counter &name:"))
        self.name_edit.setPlaceholderText(self.tr("e.g. One-stop counter of Hoàng Đồng commune"))
        self.desk_label.setText(self.tr("&Desk number:"))
        self.desk_spin.setSpecialValueText(self.tr("none"))

    def isComplete(self) -> bool:
        return bool(self.name_edit.text().strip())


class CentralPage(_Page):
    """The province's central database: optional (a counter may run alone), checked in the
    background with "Test the connection"."""

    def __init__(self) -> None:
        super().__init__()
        self.tasks = Tasks(self)
        self.url_edit = QLineEdit()
        self.url_edit.setObjectName("centralUrl")
        self.result_label = QLabel()
        self.url_edit.textEdited.connect(lambda _text: self.result_label.clear())
        self.test_button = QPushButton()
        self.test_button.setObjectName("testCentral")
        self.test_button.clicked.connect(self.test_connection)
        self.result_label.setObjectName("centralResult")
        self.result_label.setWordWrap(True)
        self.note = _muted(QLabel())
        self.url_label = QLabel()
        self.url_label.setBuddy(self.url_edit)
        row = QHBoxLayout()
        row.addWidget(self.url_edit, 1)
        row.addWidget(self.test_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.url_label)
        layout.addLayout(row)
        layout.addWidget(self.result_label)
        layout.addWidget(self.note)
        layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Central database"))
        self.setSubTitle(self.tr("Optional: leave it empty to run this counter alone."))
        self.url_label.setText(self.tr("Central &address:"))
        self.url_edit.setPlaceholderText("postgresql://ROLE:PASSWORD@HOST/DB")
        self.test_button.setText(self.tr("&Test the connection"))
        self.note.setText(
            self.tr(
                "The province's IT staff give this address. The password in it is kept in "
                "the operating system's keyring, never in a file."
            )
        )

    def test_connection(self) -> None:
        url = self.url_edit.text().strip()
        if not url:
            self.result_label.setText(self.tr("Enter an address first."))
            return
        self.test_button.setEnabled(False)
        self.result_label.setText(self.tr("Connecting…"))
        self.tasks.run("check", lambda: check_central(url), self._reached, self._failed)

    def _reached(self, kind: str) -> None:
        self.test_button.setEnabled(True)
        self.result_label.setText(self.tr("Connected ({kind}).").format(kind=kind))

    def _failed(self, error: Exception) -> None:
        self.test_button.setEnabled(True)
        if not isinstance(error, CounterError):
            raise error
        self.result_label.setText(
            self.tr("Not reached: {reason}").format(reason=error.message(self.lang))
        )


class AdminPage(_Page):
    def __init__(self) -> None:
        super().__init__()
        self.login_edit = QLineEdit()
        self.login_edit.setObjectName("adminLogin")
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("adminName")
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("adminPassword")
        self.again_edit = QLineEdit()
        self.again_edit.setObjectName("adminPasswordAgain")
        for edit in (self.password_edit, self.again_edit):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        for edit in (self.login_edit, self.name_edit, self.password_edit, self.again_edit):
            edit.textChanged.connect(lambda _text: self.completeChanged.emit())
        self.login_problem = FieldError("adminLoginProblem")
        self.login_edit.editingFinished.connect(self.check_login)
        self.login_edit.textEdited.connect(lambda _text: self.login_problem.show_problem(""))
        self.problem = FieldError("adminProblem")
        self.labels = [QLabel() for _ in range(4)]
        form = QFormLayout(self)
        fields = (self.login_edit, self.name_edit, self.password_edit, self.again_edit)
        login_column = QVBoxLayout()  # the login's message right under the field it is about
        login_column.setContentsMargins(0, 0, 0, 0)
        login_column.addWidget(self.login_edit)
        login_column.addWidget(self.login_problem)
        for label, field in zip(self.labels, fields, strict=True):
            label.setBuddy(field)
            form.addRow(label, login_column if field is self.login_edit else field)
        form.addRow(self.problem)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Administrator"))
        self.setSubTitle(
            self.tr(
                "The first account, for the settings and the other accounts. "
                "The officers' accounts are added later in Settings."
            )
        )
        for label, text in zip(
            self.labels,
            (
                self.tr("&Login:"),
                self.tr("&Full name:"),
                self.tr("&Password:"),
                self.tr("Password a&gain:"),
            ),
            strict=True,
        ):
            label.setText(text)
        self.login_edit.setPlaceholderText(self.tr("e.g. quantri"))

    def isComplete(self) -> bool:
        return all(
            edit.text().strip()
            for edit in (self.login_edit, self.name_edit, self.password_edit, self.again_edit)
        )

    def check_login(self) -> bool:
        """The login's format as soon as the officer leaves the field (and again on Next)."""
        login = self.login_edit.text()
        try:
            if login.strip():
                check_admin_login(login)
        except CounterError as error:
            self.login_problem.show_problem(error.message(self.lang))
            return False
        self.login_problem.show_problem("")
        return True

    def validatePage(self) -> bool:
        if not self.check_login():
            self.login_edit.setFocus()
            return False
        if len(self.password_edit.text()) < MIN_PASSWORD:
            problem = self.tr("The password needs at least {n} characters.").format(n=MIN_PASSWORD)
        elif self.password_edit.text() != self.again_edit.text():
            problem = self.tr("The two passwords differ.")
        else:
            problem = ""
        self.problem.show_problem(problem)
        if problem:
            self.password_edit.setFocus()
        return not problem


A4_KINDS = tuple(kind for kind in PaperKind if kind is not PaperKind.LABEL)


class PrintingPage(_Page):
    def __init__(self, backend: PrinterBackend) -> None:
        super().__init__()
        known = backend.printers()
        self.paper_printer = self._printer_combo("paperPrinter", known)
        self.label_printer = self._printer_combo("labelPrinter", known)
        self.receipt_size = QComboBox()
        self.receipt_size.setObjectName("receiptSize")
        self.receipt_size.addItems(RECEIPT_SIZES)
        self.label_size = QComboBox()
        self.label_size.setObjectName("labelSize")
        for size in LABEL_SIZES:
            self.label_size.addItem(size if size != "a4" else "A4 (2 × 7)", size)
        self.label_size.setCurrentIndex(LABEL_SIZES.index("100x50"))
        self.none_note = _muted(QLabel())
        self.none_note.setVisible(not known)
        self.labels = [QLabel() for _ in range(4)]
        form = QFormLayout(self)
        fields = (self.paper_printer, self.receipt_size, self.label_printer, self.label_size)
        for label, field in zip(self.labels, fields, strict=True):
            label.setBuddy(field)
            form.addRow(label, field)
        form.addRow(self.none_note)
        self.retranslate()

    @staticmethod
    def _printer_combo(name: str, known: list[str]) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.addItem("", "")
        for printer in known:
            combo.addItem(printer, printer)
        return combo

    def retranslate(self) -> None:
        self.setTitle(self.tr("Printers and paper"))
        self.setSubTitle(self.tr("Where the papers and the folder labels are printed."))
        for combo in (self.paper_printer, self.label_printer):
            combo.setItemText(0, self.tr("The system's default printer"))
        for label, text in zip(
            self.labels,
            (
                self.tr("&Papers (receipt, slips):"),
                self.tr("&Receipt size:"),
                self.tr("&Label printer:"),
                self.tr("Label si&ze (mm):"),
            ),
            strict=True,
        ):
            label.setText(text)
        self.none_note.setText(self.tr("The operating system knows no printer yet."))

    def printers(self) -> dict[str, str]:
        chosen = {kind.value: self.paper_printer.currentData() for kind in A4_KINDS}
        chosen[PaperKind.LABEL.value] = self.label_printer.currentData()
        return {kind: name for kind, name in chosen.items() if name}


class ScannerPage(_Page):
    def __init__(self, lang: str) -> None:
        super().__init__()
        self.tester = ScannerTestWidget(ScannerSettings(), lang)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tester)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Scanner test"))
        self.setSubTitle(
            self.tr(
                "Optional: scan a receipt's code or a citizen ID card to see that the scanner "
                "works. Its timings can be tuned later in Settings."
            )
        )

    def initializePage(self) -> None:
        self.tester.input_edit.setFocus()


class FirstRunWizard(QWizard):
    sig_language_changed = Signal(str)
    """The language chosen on the first page ("vi" or "en"): install its translation."""

    def __init__(
        self,
        data_dir: Path,
        lang: str = "vi",
        *,
        printers: PrinterBackend | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("firstRunWizard")
        self.data_dir = data_dir
        self.lang = lang
        self.tasks = Tasks(self)
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage)
        self.language_page = LanguagePage(lang)
        self.catalog_page = CatalogPage()
        self.counter_page = CounterPage()
        self.central_page = CentralPage()
        self.admin_page = AdminPage()
        self.printing_page = PrintingPage(printers or QtPrinterBackend())
        self.scanner_page = ScannerPage(lang)
        for page in (
            self.language_page,
            self.catalog_page,
            self.counter_page,
            self.central_page,
            self.admin_page,
            self.printing_page,
            self.scanner_page,
        ):
            self.addPage(page)
        self.problem = FieldError("setupProblem")
        scanner_layout = self.scanner_page.layout()
        assert scanner_layout is not None
        scanner_layout.addWidget(self.problem)
        self.language_page.sig_chosen.connect(self._language_chosen)
        resize_within_screen(self, 760, 560)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Setting up the counter"))
        buttons = QWizard.WizardButton
        self.setButtonText(buttons.BackButton, self.tr("< &Back"))
        self.setButtonText(buttons.NextButton, self.tr("&Next >"))
        self.setButtonText(buttons.FinishButton, self.tr("&Finish"))
        self.setButtonText(buttons.CancelButton, self.tr("Cancel"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _language_chosen(self, lang: str) -> None:
        self.lang = lang
        QLocale.setDefault(formats_for(lang))
        self.sig_language_changed.emit(lang)
        self.admin_page.check_login()  # a message already shown turns too

    def setup(self) -> CounterSetup:
        admin = self.admin_page
        return CounterSetup(
            language=self.lang,
            agencies=self.catalog_page.chosen_agencies(),
            counter_name=self.counter_page.name_edit.text().strip(),
            desk_number=self.counter_page.desk_spin.value() or None,
            catalog_file=self.catalog_page.catalog_file,
            central_url=self.central_page.url_edit.text().strip(),
            admin_login=admin.login_edit.text().strip().lower(),
            admin_full_name=admin.name_edit.text().strip(),
            admin_password=admin.password_edit.text(),
            printers=self.printing_page.printers(),
            receipt_size=self.printing_page.receipt_size.currentText(),
            label_size=self.printing_page.label_size.currentData(),
        )

    def accept(self) -> None:
        """Finish: make the store in the background; the wizard closes when it is made."""
        if self.tasks.busy:
            return
        setup = self.setup()
        folder = self.data_dir
        self.problem.show_problem(self.tr("Setting up…"))
        self.button(QWizard.WizardButton.FinishButton).setEnabled(False)
        self.button(QWizard.WizardButton.BackButton).setEnabled(False)
        self.tasks.run("setup", lambda: set_up_counter(folder, setup), self._made, self._refused)

    def _made(self, _summary: dict) -> None:
        super().accept()

    def _refused(self, error: Exception) -> None:
        self.button(QWizard.WizardButton.FinishButton).setEnabled(True)
        self.button(QWizard.WizardButton.BackButton).setEnabled(True)
        if not isinstance(error, CounterError):
            raise error
        self.problem.show_problem(
            self.tr("Not set up: {reason} Nothing was saved: correct it and press Finish again.")
            .format(reason=error.message(self.lang)),
        )  # fmt: skip
