"""The window's side: the dossier detail lists the signed copies; after an ID scan the intake
page offers the papers on file and, with the citizen's consent, reuses the ticked ones."""

from __future__ import annotations

import tempfile
from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt

from counter_app.domain.citizen_id import parse_citizen_qr
from counter_app.domain.clock import VN_TZ
from counter_app.services.intake import request_from_json
from counter_app.ui.dossiers.detail import DossierDetailDialog
from counter_app.ui.intake.page import IntakePage
from counter_app.ui.session import Session
from counter_app.ui.signing.papers_offer import PapersOnFileDialog, PaperValidityDialog
from counter_app.ui.signing.signed_copies import SignedCopiesTab, SignedCopiesTable
from tests.conftest import TEN_DAYS, intake_json
from tests.digitising.conftest import ID_COPY
from tests.signing.pki import USER_PIN

# The offscreen platform's note on showing a window says nothing about our code.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def answered(qtbot, page: IntakePage) -> PapersOnFileDialog | None:  # type: ignore[no-untyped-def]
    """The offer once the look-up after the ID scan (in the background) has answered."""
    qtbot.waitUntil(lambda: not page.paper_offer.tasks.busy, timeout=20_000)
    return page.paper_offer.dialog


QR = "020090001234|123456789|Nguyễn Văn An|15031990|Nam|Số 5, Trần Đăng Ninh, Lạng Sơn|20042021"


def test_the_detail_shows_the_signed_copies(qtbot, signing_ws, dossier, officer, tmp_path):  # type: ignore[no-untyped-def]
    signing_ws.signing.sign(dossier.code, user=officer, pin=USER_PIN, what="all")
    dialog = DossierDetailDialog(dossier, "en", session=Session(signing_ws, officer, "en"))
    qtbot.addWidget(dialog)
    titles = [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
    assert "Signed copies (4)" in titles
    table = dialog.findChild(SignedCopiesTable)
    assert table is not None and table.rowCount() == 4
    assert table.item(0, 0).text() == "Digitised dossier"
    assert table.item(0, 2).text() == "Cán bộ signer"
    assert table.item(3, 0).text() == "Receipt"
    dialog.tabs.setCurrentIndex(titles.index("Signed copies (4)"))
    dialog.show()
    dialog.grab().save(str(tmp_path / "signed-copies.png"))


def test_signing_from_the_detail_with_the_pin(qtbot, signing_ws, dossier, officer):  # type: ignore[no-untyped-def]
    dialog = DossierDetailDialog(dossier, "en", session=Session(signing_ws, officer, "en"))
    qtbot.addWidget(dialog)
    tab = dialog.findChild(SignedCopiesTab)
    assert tab is not None and tab.table.rowCount() == 0
    tab.sign_with("000000")
    qtbot.waitUntil(lambda: tab.sign_button.isEnabled(), timeout=30000)
    assert tab.message_label.text().startswith("Wrong PIN.")
    tab.sign_with(USER_PIN)
    qtbot.waitUntil(lambda: tab.sign_button.isEnabled(), timeout=30000)
    assert tab.message_label.text() == "4 copies signed."
    assert tab.table.rowCount() == 4


def test_papers_on_file_are_offered_after_the_id_scan_and_reused(
    qtbot, signing_ws, dossier, officer
):  # type: ignore[no-untyped-def]
    ws = signing_ws
    ws.signing.sign(dossier.code, user=officer, pin=USER_PIN, what="digitised")
    page = IntakePage(Session(ws, officer, "en"))
    qtbot.addWidget(page)
    page.fill_applicant(parse_citizen_qr(QR))
    offered = answered(qtbot, page)
    assert isinstance(offered, PapersOnFileDialog) and offered.isVisible()
    assert offered.list.count() == 2
    assert page.fields["phone"].text() == ""
    for index in range(offered.list.count()):
        row = offered.list.item(index)
        if row.text().startswith(ID_COPY):
            row.setCheckState(Qt.CheckState.Checked)
    assert offered.ticked() == []  # nothing without the citizen's consent
    offered.consent.setChecked(True)
    offered.accept()
    assert len(page.paper_offer.chosen) == 1
    assert page.fields["phone"].text() == "0912345678"  # from the last dossier
    again = ws.intake.receive(request_from_json(intake_json(TEN_DAYS)), user=officer)
    page.sig_saved.emit(again)
    copies = ws.signing.signed_copies(again.code)
    assert [(c.component, bool(c.reused_from)) for c in copies] == [(ID_COPY, True)]
    assert [a.component for a in ws.attachments.list(again.code)] == [ID_COPY]


def test_nothing_is_offered_without_papers_on_file(qtbot, signing_ws, officer):  # type: ignore[no-untyped-def]
    page = IntakePage(Session(signing_ws, officer, "en"))
    qtbot.addWidget(page)
    page.fill_applicant(parse_citizen_qr(QR))
    assert answered(qtbot, page) is None


def test_the_validity_of_a_paper_on_file_is_set_from_the_offer(qtbot, signing_ws, dossier, officer):  # type: ignore[no-untyped-def]
    ws = signing_ws
    ws.signing.sign(dossier.code, user=officer, pin=USER_PIN, what="digitised")
    page = IntakePage(
        Session(ws, officer, "en", clock=lambda: datetime(2026, 12, 6, 9, 0, tzinfo=VN_TZ))
    )
    qtbot.addWidget(page)
    page.fill_applicant(parse_citizen_qr(QR))
    offered = answered(qtbot, page)
    assert isinstance(offered, PapersOnFileDialog)
    offered.list.setCurrentRow(-1)
    assert not offered.validity_button.isEnabled()  # for the paper chosen in the list
    (index,) = [
        i for i in range(offered.list.count()) if offered.list.item(i).text().startswith(ID_COPY)
    ]
    row = offered.list.item(index)
    offered.list.setCurrentRow(index)
    qtbot.mouseClick(offered.validity_button, Qt.MouseButton.LeftButton)
    asked = offered.validity_dialog
    assert isinstance(asked, PaperValidityDialog) and asked.isVisible()
    assert asked.issued_on() == date(2026, 12, 6) and asked.expires_on() is None

    # an expiry before the issue date: refused, said in the dialog, nothing changed
    asked.issued.setDate(QDate(2016, 5, 2))
    asked.expires_box.setChecked(True)
    asked.expires.setDate(QDate(2015, 5, 2))
    asked.accept()
    assert "comes before the issue date" in offered.message_label.text()
    assert row.flags() & Qt.ItemFlag.ItemIsUserCheckable

    # a paper that turns out expired is greyed and cannot be ticked any more
    qtbot.mouseClick(offered.validity_button, Qt.MouseButton.LeftButton)
    asked = offered.validity_dialog
    asked.issued.setDate(QDate(2011, 5, 2))
    asked.expires_box.setChecked(True)
    asked.expires.setDate(QDate(2026, 5, 2))
    asked.accept()
    assert "issued 02/05/2011, valid until 02/05/2026 (expired on 02/05/2026)" in row.text()
    assert not row.flags() & Qt.ItemFlag.ItemIsUserCheckable
    offered.list.setCurrentRow(-1)
    offered.grab().save(str(Path(tempfile.gettempdir()) / "papers_validity.png"))
    asked.grab().save(str(Path(tempfile.gettempdir()) / "paper_validity_dialog.png"))
    row.setCheckState(Qt.CheckState.Checked)  # even forced, an expired paper is not reused
    offered.consent.setChecked(True)
    assert ID_COPY not in [page.paper_offer._papers[p].paper.kind for p in offered.ticked()]
    (kept,) = [p for p in ws.paper_store.on_file("020090001234") if p.paper.kind == ID_COPY]
    assert (kept.paper.issued_on, kept.paper.expires_on) == (date(2011, 5, 2), date(2026, 5, 2))


def test_the_offer_says_when_central_papers_are_missing(qtbot, signing_ws, dossier, officer):  # type: ignore[no-untyped-def]
    """A counter joined to central whose last round found it out of reach: the papers filed
    here are offered, with a line saying central's are not among them (and the status bar
    says so too)."""
    ws = signing_ws
    ws.signing.sign(dossier.code, user=officer, pin=USER_PIN, what="digitised")
    ws.settings.set("central.counter_number", 7)
    ws.settings.set("sync.online", False)
    session = Session(ws, officer, "en")
    told: list[str] = []
    session.messages.sig_info.connect(told.append)
    page = IntakePage(session)
    qtbot.addWidget(page)
    page.fill_applicant(parse_citizen_qr(QR))
    offered = answered(qtbot, page)
    assert isinstance(offered, PapersOnFileDialog) and offered.list.count() == 2
    shortfall = "Central could not be reached at the last sync"
    assert offered.shortfall.isVisible() and offered.shortfall.text().startswith(shortfall)
    assert any(line.startswith(shortfall) for line in told)
