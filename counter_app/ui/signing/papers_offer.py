"""At intake, after the ID is scanned: the papers already on file for that person, offered for
the new dossier ("một lần khai – nhiều lần dùng"), and the contact details of the last dossier.

The officer ticks the papers the citizen agrees to reuse; the consent is recorded and each
ticked paper's signed copy is attached to the dossier's component of the same name once the
dossier is saved (no scan needed). An expired paper is shown but cannot be ticked."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.dossier import Applicant, Dossier
from counter_app.domain.errors import CounterError
from counter_app.services.paper_store import PaperOnFile
from counter_app.ui.fitting import resize_within_screen
from counter_app.ui.formatting import moment
from counter_app.ui.session import Session

CONTACT_FIELDS = ("phone", "email", "address")  # what the last dossier may fill when empty


class PapersOnFileDialog(QDialog):
    """The papers on file for one person, to tick for reuse, and the citizen's consent."""

    def __init__(
        self,
        papers: list[PaperOnFile],
        last: Applicant | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("papersOnFileDialog")
        self.setWindowTitle(self.tr("Papers on file"))
        layout = QVBoxLayout(self)
        heading = QLabel(
            self.tr("{n} paper(s) of this citizen are on file, digitised and signed:").format(
                n=len(papers)
            )
        )
        heading.setWordWrap(True)
        layout.addWidget(heading)
        self.list = QListWidget()
        self.list.setObjectName("papersOnFile")
        for item in papers:
            paper = item.paper
            text = self.tr("{kind} — signed by {signer}, {at}").format(
                kind=paper.kind, signer=paper.signer, at=moment(paper.filed_at)
            )
            row = QListWidgetItem(text)
            row.setData(Qt.ItemDataRole.UserRole, paper.uuid)
            if item.expired and paper.expires_on is not None:
                row.setText(
                    text
                    + self.tr(" (expired on {date})").format(
                        date=paper.expires_on.strftime("%d/%m/%Y")
                    )
                )
                row.setFlags(Qt.ItemFlag.NoItemFlags)
            else:
                row.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                row.setCheckState(Qt.CheckState.Unchecked)
            self.list.addItem(row)
        layout.addWidget(self.list, 1)
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

    def offer(self, id_number: str) -> None:
        """Look the person up (audited) and, when papers are on file, show them (not modal:
        the officer goes on typing)."""
        store = self._session.workspace.paper_store
        self.chosen = []
        try:
            found = store.on_file(id_number, user=self._session.user)
        except CounterError:
            return  # a role that may not read the store is simply not offered anything
        if not found:
            return
        self._papers = {item.paper.uuid: item for item in found}
        self.dialog = PapersOnFileDialog(found, store.last_applicant(id_number), self._page)
        self.dialog.accepted.connect(self._accepted)
        self.dialog.open()

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
