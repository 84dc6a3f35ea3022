"""The first-run wizard driven page by page: it sets the counter up with the same services as
`init` (no demo dossiers), refuses bad input on the page, and leaves no store when cancelled
or refused."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtWidgets import QWizard

from counter_app.domain.dossier import DossierFilter
from counter_app.services.workspace import Workspace
from counter_app.ui.first_run.wizard import FirstRunWizard
from counter_app.ui.i18n import install_translations, remove_translations
from tests.conftest import SMALL_CATALOG

NEXT = QWizard.WizardButton.NextButton
AGENCY = "000.00.06.H37"
DEMO_AGENCIES = 19  # in the shipped demo catalog


class FakePrinters:
    def __init__(self, names: list[str]) -> None:
        self.names = names

    def printers(self) -> list[str]:
        return list(self.names)

    def default_printer(self) -> str:
        return self.names[0] if self.names else ""


@pytest.fixture
def open_wizard(qtbot, tmp_path: Path) -> Callable[..., FirstRunWizard]:
    def build(lang: str = "en", printers: list[str] | None = None) -> FirstRunWizard:
        wizard = FirstRunWizard(
            tmp_path / "data", lang, printers=FakePrinters(printers or ["HP-A4", "Zebra-ZD421"])
        )
        qtbot.addWidget(wizard)
        wizard.show()
        qtbot.waitExposed(wizard)
        return wizard

    return build


def tick(wizard: FirstRunWizard, code: str) -> None:
    agencies = wizard.catalog_page.agency_list
    for row in range(agencies.count()):
        item = agencies.item(row)
        if item.data(Qt.ItemDataRole.UserRole) == code:
            item.setCheckState(Qt.CheckState.Checked)
            return
    raise AssertionError(f"{code} not listed")


def fill_to_the_end(
    qtbot, wizard: FirstRunWizard, agencies: int = DEMO_AGENCIES, agency: str = AGENCY
) -> None:
    wizard.next()
    assert wizard.currentPage() is wizard.catalog_page
    qtbot.waitUntil(lambda: wizard.catalog_page.agency_list.count() == agencies)
    assert not wizard.button(NEXT).isEnabled()  # no agency ticked yet
    tick(wizard, agency)
    assert wizard.button(NEXT).isEnabled()
    wizard.next()

    assert wizard.currentPage() is wizard.counter_page
    assert not wizard.button(NEXT).isEnabled()
    wizard.counter_page.name_edit.setText("Bộ phận Một cửa xã Lộc Bình")
    wizard.counter_page.desk_spin.setValue(2)
    wizard.next()

    assert wizard.currentPage() is wizard.central_page
    wizard.next()  # no central: the counter runs alone

    admin = wizard.admin_page
    assert wizard.currentPage() is admin
    admin.login_edit.setText("quantri")
    admin.name_edit.setText("Hoàng Văn Đức")
    admin.password_edit.setText("matkhau-123")
    admin.again_edit.setText("matkhau-124")
    wizard.next()
    assert wizard.currentPage() is admin  # refused on the page
    assert admin.problem.isVisible() and "differ" in admin.problem.text()
    admin.again_edit.setText("matkhau-123")
    wizard.next()

    printing = wizard.printing_page
    assert wizard.currentPage() is printing
    printing.paper_printer.setCurrentIndex(printing.paper_printer.findData("HP-A4"))
    printing.label_printer.setCurrentIndex(printing.label_printer.findData("Zebra-ZD421"))
    printing.receipt_size.setCurrentText("A5")
    printing.label_size.setCurrentIndex(printing.label_size.findData("50x30"))
    wizard.next()
    assert wizard.currentPage() is wizard.scanner_page


def test_the_wizard_sets_the_counter_up(qtbot, open_wizard, tmp_path: Path) -> None:
    wizard = open_wizard()
    assert wizard.currentPage() is wizard.language_page
    fill_to_the_end(qtbot, wizard)
    assert not (tmp_path / "data" / "counter.sqlite3").exists()  # nothing before Finish
    with qtbot.waitSignal(wizard.accepted, timeout=20000):
        wizard.accept()

    with Workspace(tmp_path / "data") as ws:
        assert ws.settings.identity().name == "Bộ phận Một cửa xã Lộc Bình"
        assert ws.settings.get("counter.desk") == 2
        assert ws.settings.get("ui.language") == "en"
        assert ws.catalog.served_agencies() == {AGENCY}
        assert len(ws.catalog.agencies()) == DEMO_AGENCIES
        admin = ws.accounts.authenticate("quantri", "matkhau-123")
        assert admin.role.value == "admin" and admin.full_name == "Hoàng Văn Đức"
        assert [u.login for u in ws.accounts.users()] == ["quantri"]  # no demo accounts
        assert ws.dossiers.find(DossierFilter(limit=10)) == []  # no demo dossiers
        printers = ws.settings.get("printing.printers")
        assert printers["receipt"] == "HP-A4" and printers["label"] == "Zebra-ZD421"
        assert ws.settings.get("papers.receipt_size") == "A5"
        assert ws.settings.get("papers.label_size") == "50x30"
        assert ws.settings.identity().central_url is None


def test_a_refused_finish_leaves_no_store_and_says_why(qtbot, open_wizard, tmp_path) -> None:
    wizard = open_wizard()
    province = tmp_path / "province.json"
    province.write_text(json.dumps(SMALL_CATALOG, ensure_ascii=False), encoding="utf-8")
    wizard.catalog_page.load(province)
    qtbot.waitUntil(lambda: wizard.catalog_page.agency_list.count() == 3)
    fill_to_the_end(qtbot, wizard, agencies=3, agency=SMALL_CATALOG["agencies"][1]["code"])
    province.unlink()  # the catalog file is gone by Finish: the store is half made, then not
    wizard.accept()
    qtbot.waitUntil(lambda: "Not set up" in wizard.problem.text(), timeout=20000)
    assert wizard.isVisible()
    assert wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    assert not (tmp_path / "data").exists()  # made by the wizard, removed again


def test_cancel_leaves_nothing(qtbot, open_wizard, tmp_path: Path) -> None:
    wizard = open_wizard()
    fill_to_the_end(qtbot, wizard)
    wizard.reject()
    assert not (tmp_path / "data").exists()


def test_an_imported_catalog_lists_its_agencies(qtbot, open_wizard, tmp_path: Path) -> None:
    wizard = open_wizard()
    wizard.next()
    qtbot.waitUntil(lambda: wizard.catalog_page.agency_list.count() == DEMO_AGENCIES)
    file = tmp_path / "province.json"
    file.write_text(json.dumps(SMALL_CATALOG, ensure_ascii=False), encoding="utf-8")
    wizard.catalog_page.load(file)
    qtbot.waitUntil(lambda: wizard.catalog_page.agency_list.count() == 3)
    assert "province.json" in wizard.catalog_page.source_label.text()
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    wizard.catalog_page.load(broken)
    qtbot.waitUntil(wizard.catalog_page.problem.isVisible)
    assert wizard.catalog_page.agency_list.count() == 3  # the good list stays


def test_the_central_check_runs_in_the_background(qtbot, open_wizard, tmp_path: Path) -> None:
    wizard = open_wizard()
    page = wizard.central_page
    page.url_edit.setText(f"sqlite:///{tmp_path / 'central.sqlite3'}")
    page.test_connection()
    qtbot.waitUntil(lambda: page.result_label.text().startswith("Connected"), timeout=10000)
    page.url_edit.setText("ftp://nowhere")
    page.test_connection()
    qtbot.waitUntil(lambda: page.result_label.text().startswith("Not reached"), timeout=10000)


def test_choosing_english_turns_the_wizard_at_once(qtbot, qapp, open_wizard) -> None:
    translators = install_translations(qapp, "vi")
    try:
        wizard = open_wizard("vi")
        assert wizard.windowTitle() == "Thiết lập bộ phận một cửa"
        chosen: list[str] = []

        def switch(lang: str) -> None:
            chosen.append(lang)
            remove_translations(qapp, translators)

        wizard.sig_language_changed.connect(switch)
        wizard.language_page.english.setChecked(True)
        assert chosen == ["en"] and wizard.lang == "en"
        qtbot.waitUntil(lambda: wizard.windowTitle() == "Setting up the counter")
        assert wizard.admin_page.title() == "Administrator"
    finally:
        remove_translations(qapp, translators)


def test_the_pages_read_in_vietnamese(qtbot, qapp, open_wizard, tmp_path: Path) -> None:
    translators = install_translations(qapp, "vi")
    try:
        wizard = open_wizard("vi")
        assert wizard.buttonText(NEXT) == "&Tiếp >"
        wizard.next()
        qtbot.waitUntil(lambda: wizard.catalog_page.agency_list.count() == DEMO_AGENCIES)
        assert wizard.catalog_page.title() == "Danh mục và cơ quan"
        assert "danh mục mẫu" in wizard.catalog_page.source_label.text()
    finally:
        remove_translations(qapp, translators)


@pytest.fixture
def default_locale() -> Iterator[None]:
    """The wizard sets the application's formats: put them back after the test."""
    before = QLocale()
    yield
    QLocale.setDefault(before)


def test_dates_and_numbers_follow_the_language_chosen(
    qtbot, qapp, open_wizard, default_locale
) -> None:
    wizard = open_wizard("vi")
    day = QDate(2026, 3, 9)
    wizard.language_page.english.setChecked(True)
    assert QLocale().language() == QLocale.Language.English
    assert QLocale().toString(1234567) == "1,234,567"
    assert QLocale().toString(day, QLocale.FormatType.ShortFormat) == "09/03/2026"
    assert QLocale().toString(day, "MMMM") == "March"
    wizard.language_page.vietnamese.setChecked(True)
    assert QLocale().language() == QLocale.Language.Vietnamese
    assert QLocale().toString(1234567) == "1.234.567"
    assert QLocale().toString(day, "MMMM") == "tháng 3"


def test_the_login_is_checked_on_its_page_beside_the_field(
    qtbot, qapp, open_wizard, default_locale
) -> None:
    wizard = open_wizard()
    admin = wizard.admin_page
    wizard.next()
    qtbot.waitUntil(lambda: wizard.catalog_page.agency_list.count() == DEMO_AGENCIES)
    tick(wizard, AGENCY)
    wizard.next()
    wizard.counter_page.name_edit.setText("Quầy thử")
    wizard.next()
    wizard.next()  # no central
    assert wizard.currentPage() is admin
    admin.login_edit.setFocus()
    qtbot.keyClicks(admin.login_edit, "Quan tri!")
    assert not admin.login_problem.isVisible()  # not while typing
    qtbot.keyClick(admin.login_edit, Qt.Key.Key_Tab)  # leaving the field
    assert admin.login_problem.isVisible()
    assert "A login has 2–32 unaccented letters" in admin.login_problem.text()
    assert "Quan tri!" in admin.login_problem.text()
    field, message = admin.login_edit.geometry(), admin.login_problem.geometry()
    assert message.top() >= field.bottom() and abs(message.left() - field.left()) <= 2

    admin.name_edit.setText("Hoàng Văn Đức")
    admin.password_edit.setText("matkhau-123")
    admin.again_edit.setText("matkhau-123")
    wizard.next()
    assert wizard.currentPage() is admin  # refused on the page, not at Finish
    assert admin.login_edit.hasFocus()
    assert not admin.problem.isVisible()  # the passwords are fine: only the login is wrong

    wizard.language_page.vietnamese.setChecked(True)  # the message turns with the language
    assert "Tên đăng nhập chỉ gồm chữ không dấu" in admin.login_problem.text()

    admin.login_edit.selectAll()
    qtbot.keyClicks(admin.login_edit, "QuanTri")
    assert not admin.login_problem.isVisible()  # gone as soon as the login is corrected
    wizard.next()
    assert wizard.currentPage() is wizard.printing_page
    assert wizard.setup().admin_login == "quantri"
