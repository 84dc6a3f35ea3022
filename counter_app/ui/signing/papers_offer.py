"""At intake, after the ID is scanned: the papers already on file for that person, offered for
the new dossier ("một lần khai – nhiều lần dùng"), and the contact details of the last dossier.

The officer ticks the papers the citizen agrees to reuse; the consent is recorded and each
ticked paper's signed copy is attached to the dossier's component of the same name once the
dossier is saved (no scan needed). An expired paper is shown but cannot be ticked. The officer
sets a paper's issue date and expiry as read from it ("Validity…"); a paper that turns out
expired is greyed at once."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.dossier import Applicant, Dossier
from counter_app.domain.errors import CounterError
from counter_app.services.paper_store import PaperOnFile, PapersFound
from counter_app.ui.fitting import resize_within_screen
from counter_app.ui.formatting import day, from_qdate, moment, to_qdate
from counter_app.ui.session import Session
from counter_app.ui.workers import Tasks

CONTACT_FIELDS = ("phone", "email", "address")  # what the last dossier may fill when empty

# (paper id, issue date, expiry) -> the paper as corrected; raises CounterError when refused
SetValidity = Callable[[str, date, date | None], PaperOnFile]


class PaperValidityDialog(QDialog):
    """A paper's issue date and expiry as read from it (no expiry: it does not expire)."""

    def __init__(self, item: PaperOnFile, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("paperValidityDialog")
        self.setWindowTitle(self.tr("Validity of the paper"))
        paper = item.paper
        layout = QVBoxLayout(self)
        heading = QLabel(paper.kind)
        heading.setWordWrap(True)
        layout.addWidget(heading)
        form = QFormLayout()
        self.issued = _date_edit("paperIssued", paper.issued_on or today)
        form.addRow(self.tr("Issued on"), self.issued)
        self.expires_box = QCheckBox(self.tr("Expires on"))
        self.expires_box.setObjectName("paperExpires")
        self.expires_box.setChecked(paper.expires_on is not None)
        self.expires = _date_edit("paperExpiresOn", paper.expires_on or today)
        self.expires.setEnabled(paper.expires_on is not None)
        self.expires_box.toggled.connect(self.expires.setEnabled)
        form.addRow(self.expires_box, self.expires)
        layout.addLayout(form)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        resize_within_screen(self, 420, 180)

    def issued_on(self) -> date:
        return from_qdate(self.issued.date())

    def expires_on(self) -> date | None:
        return from_qdate(self.expires.date()) if self.expires_box.isChecked() else None


def _date_edit(name: str, value: date) -> QDateEdit:
    edit = QDateEdit(to_qdate(value))
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd/MM/yyyy")
    return edit


class PapersOnFileDialog(QDialog):
    """The papers on file for one person, to tick for reuse, and the citizen's consent."""

    def __init__(
        self,
        papers: list[PaperOnFile],
        last: Applicant | None,
        parent: QWidget | None = None,
        set_validity: SetValidity | None = None,
        today: date | None = None,
        lang: str = "vi",
        shortfall: str | None = None,
    ) -> None:
        """`shortfall`: why central's papers are missing from the list, shown under it."""
        super().__init__(parent)
        self.setObjectName("papersOnFileDialog")
        self.setWindowTitle(self.tr("Papers on file"))
        self._papers = {item.paper.uuid: item for item in papers}
        self._set_validity = set_validity
        self._today = today or date.today()
        self._lang = lang
        self.validity_dialog: PaperValidityDialog | None = None
        layout = QVBoxLayout(self)
        heading = QLabel(
            self.tr("{n} paper(s) of this citizen are on file, digitised and signed:").format(
                n=len(papers)
            )
        )
        heading.setWordWrap(True)
        layout.addWidget(heading)
        self.shortfall = QLabel(shortfall or "")
        self.shortfall.setObjectName("papersShortfall")
        self.shortfall.setWordWrap(True)
        self.shortfall.setVisible(bool(shortfall))
        layout.addWidget(self.shortfall)
        self.list = QListWidget()
        self.list.setObjectName("papersOnFile")
        self.list.setWordWrap(True)  # the validity and why a paper cannot be reused, in full
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for item in papers:
            row = QListWidgetItem()
            row.setData(Qt.ItemDataRole.UserRole, item.paper.uuid)
            self._show(row, item)
            self.list.addItem(row)
        layout.addWidget(self.list, 1)
        validity_row = QHBoxLayout()
        self.validity_button = QPushButton(self.tr("Validity…"))
        self.validity_button.setObjectName("paperValidity")
        self.validity_button.setAutoDefault(False)
        self.validity_button.setToolTip(self.tr("Set the selected paper's issue date and expiry"))
        self.validity_button.setVisible(set_validity is not None)
        self.validity_button.setEnabled(False)
        self.validity_button.clicked.connect(self.ask_validity)
        self.list.currentRowChanged.connect(
            lambda index: self.validity_button.setEnabled(index >= 0)
        )
        validity_row.addWidget(self.validity_button)
        self.message_label = QLabel()
        self.message_label.setObjectName("papersMessage")
        self.message_label.setWordWrap(True)
        validity_row.addWidget(self.message_label, 1)
        layout.addLayout(validity_row)
        self.use_contact = QCheckBox(self.tr("Fill empty contact details from the last dossier"))
        self.use_contact.setObjectName("useLastContact")
        self.use_contact.setVisible(last is not None)
        self.use_contact.setChecked(last is not None)
        layout.addWidget(self.use_contact)
        self.consent = QCheckBox(self.tr("The citizen agrees to reuse the ticked papers"))
        self.consent.setObjectName("reuseConsent")
        layout.addWidget(self.consent)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Use"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Not now"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        resize_within_screen(self, 640, 420)

    def _show(self, row: QListWidgetItem, item: PaperOnFile) -> None:
        """The paper's line: kind, signer, validity; an expired one greyed, not tickable."""
        paper = item.paper
        text = self.tr("{kind} — signed by {signer}, {at}").format(
            kind=paper.kind, signer=paper.signer, at=moment(paper.filed_at)
        )
        if paper.issued_on is not None or paper.expires_on is not None:
            text += self.tr(" — issued {issued}, valid until {expires}").format(
                issued=day(paper.issued_on), expires=day(paper.expires_on)
            )
        if item.expired and paper.expires_on is not None:
            text += self.tr(" (expired on {date})").format(date=day(paper.expires_on))
            row.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            row.setForeground(self.palette().placeholderText())
            row.setData(Qt.ItemDataRole.CheckStateRole, None)
        else:
            checked = row.data(Qt.ItemDataRole.CheckStateRole)
            row.setFlags(
                Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsUserCheckable
            )
            row.setData(Qt.ItemDataRole.ForegroundRole, None)
            row.setCheckState(Qt.CheckState(checked) if checked else Qt.CheckState.Unchecked)
        row.setText(text)
        row.setToolTip(text)

    def ask_validity(self) -> None:
        """The selected paper's validity, in a small dialog of its own."""
        row = self.list.currentItem()
        if row is None or self._set_validity is None:
            return
        item = self._papers[row.data(Qt.ItemDataRole.UserRole)]
        self.validity_dialog = PaperValidityDialog(item, self._today, self)
        self.validity_dialog.accepted.connect(lambda: self._validity_given(row))
        self.validity_dialog.open()

    def _validity_given(self, row: QListWidgetItem) -> None:
        assert self.validity_dialog is not None and self._set_validity is not None
        paper_id = row.data(Qt.ItemDataRole.UserRole)
        try:
            corrected = self._set_validity(
                paper_id, self.validity_dialog.issued_on(), self.validity_dialog.expires_on()
            )
        except CounterError as error:
            self.message_label.setText(error.message(self._lang))
            return
        self._papers[paper_id] = corrected
        self._show(row, corrected)
        self.message_label.setText(self.tr("Validity saved."))

    def ticked(self) -> list[str]:
        """The papers ticked for reuse (their ids); none without the citizen's consent."""
        if not self.consent.isChecked():
            return []
        rows = (self.list.item(index) for index in range(self.list.count()))
        return [
            row.data(Qt.ItemDataRole.UserRole)
            for row in rows
            if row.flags() & Qt.ItemFlag.ItemIsUserCheckable
            and row.checkState() == Qt.CheckState.Checked
        ]


class PaperOffer(QObject):
    """The intake page's hook: `offer` after an ID scan, `apply` once the dossier is saved."""

    def __init__(self, session: Session, fields: dict[str, QLineEdit], parent: QWidget) -> None:
        super().__init__(parent)
        self._session = session
        self._fields = fields
        self._page = parent
        self._papers: dict[str, PaperOnFile] = {}
        self.dialog: PapersOnFileDialog | None = None
        self.chosen: list[str] = []
        self.tasks = Tasks(self)

    def offer(self, id_number: str) -> None:
        """Look the person up in the background (audited; central is asked too, a network
        round trip) and, when papers are on file, show them (not modal: the officer goes on
        typing). Only the latest scan's answer is shown."""
        store = self._session.workspace.paper_store
        user = self._session.user
        self.chosen = []

        def look_up() -> tuple[PapersFound, Applicant | None]:
            found = store.on_file(id_number, user=user)
            return found, store.last_applicant(id_number) if found else None

        self.tasks.run("offer", look_up, lambda answer: self._show(id_number, *answer), self._none)

    def _show(self, id_number: str, found: PapersFound, last: Applicant | None) -> None:
        shortfall = found.central_problem
        if shortfall is not None:  # the officer knows the list holds this counter's papers only
            self._session.messages.info(shortfall.message(self._session.lang))
        if not found:
            return
        store = self._session.workspace.paper_store
        self._papers = {item.paper.uuid: item for item in found}

        def set_validity(paper_id: str, issued: date, expires: date | None) -> PaperOnFile:
            corrected = store.set_validity(
                id_number, paper_id, issued_on=issued, expires_on=expires, user=self._session.user
            )
            self._papers[paper_id] = corrected
            return corrected

        self.dialog = PapersOnFileDialog(
            found,
            last,
            self._page,
            set_validity=set_validity,
            today=self._session.clock().date(),
            lang=self._session.lang,
            shortfall=None if shortfall is None else shortfall.message(self._session.lang),
        )
        self.dialog.accepted.connect(self._accepted)
        self.dialog.open()

    def _none(self, error: Exception) -> None:
        """A role that may not read the store is simply not offered anything."""
        if not isinstance(error, CounterError):
            raise error

    def _accepted(self) -> None:
        assert self.dialog is not None
        self.chosen = self.dialog.ticked()
        if self.dialog.use_contact.isChecked():
            last = self._session.workspace.paper_store.last_applicant(
                self._fields["id_number"].text().strip()
            )
            for key in CONTACT_FIELDS if last is not None else ():
                if not self._fields[key].text().strip():
                    self._fields[key].setText(getattr(last, key))

    def apply(self, dossier: Dossier) -> None:
        """Record the consent and attach the ticked papers to the components of the same name."""
        if not self.chosen or not dossier.code:
            return
        store = self._session.workspace.paper_store
        user = self._session.user
        components = {document.name.casefold(): document.name for document in dossier.documents}
        reused = 0
        try:
            store.record_consent(dossier.code, given=True, user=user)
            for paper_id in self.chosen:
                kind = self._papers[paper_id].paper.kind
                component = components.get(kind.casefold())
                if component is not None:
                    store.reuse(dossier.code, paper_id, component=component, user=user)
                    reused += 1
        except CounterError as error:
            self._session.messages.info(error.message(self._session.lang))
            return
        finally:
            self.chosen = []
        self._session.messages.info(self.tr("{n} paper(s) reused from the store").format(n=reused))
