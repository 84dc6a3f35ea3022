"""Checks that need a 1280×720 screen, run by test_fit_screen.py in a process of their own
whose offscreen platform has exactly that screen (the test session's QApplication has another
size and there is one per process). Not collected on its own: the name has no test_ prefix.

Every top-level window class of the application (found by walking counter_app.ui, so a new
dialog cannot be forgotten) is opened in Vietnamese and in English: its frame, with room for a
title bar, fits the available geometry and every button outside a scrolling area is whole and
inside it. Dialogs whose error line appears after a refusal grow instead of squashing their
fields or clipping the text."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QBuffer, QIODevice, QPoint, QRect, Qt
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QStyle,
    QTableView,
    QWidget,
)

import counter_app.ui
from counter_app.domain.catalog_file import catalog_from_json
from counter_app.domain.dossier import Dossier, Status
from counter_app.domain.lifecycle import Action
from counter_app.paths import resources_dir
from counter_app.services.accounts import MAX_FAILURES, Role, User
from counter_app.services.digitising.sources import SaneDriver
from counter_app.services.paper_store import PaperOnFile
from counter_app.services.workspace import Workspace
from counter_app.ui.digitising.scanner import ScannerDialog
from counter_app.ui.digitising.sections import PreviewDialog as ScanPreviewDialog
from counter_app.ui.dossiers.action import ActionDialog
from counter_app.ui.dossiers.correct_intake import CorrectIntakeDialog
from counter_app.ui.dossiers.detail import DossierDetailDialog
from counter_app.ui.first_run.wizard import FirstRunWizard
from counter_app.ui.fitting import TITLE_BAR, screen_of
from counter_app.ui.login import LoginDialog
from counter_app.ui.main_window import MainWindow
from counter_app.ui.models.dossier_table import Column as DossierColumn
from counter_app.ui.navigation import PageKey
from counter_app.ui.printing.actions import ApologyDialog
from counter_app.ui.printing.panel import PrintQueueDialog, PrintQueueIndicator
from counter_app.ui.printing.preview import PreviewDialog as PaperPreviewDialog
from counter_app.ui.printing.queue import PrintQueue
from counter_app.ui.reports.periods import QuickPeriod
from counter_app.ui.reports.province import Column
from counter_app.ui.reports.sign_off import ReopenDialog, SignOffDialog
from counter_app.ui.returns.hand_back import HandBackDialog
from counter_app.ui.session import Session
from counter_app.ui.settings.accounts import AccountDialog, PasswordDialog
from counter_app.ui.signing.papers_offer import PapersOnFileDialog, PaperValidityDialog
from counter_app.ui.sync.conflicts import ConflictsDialog
from counter_app.ui.sync.decision import DecisionDialog
from counter_app.ui.sync.log_dialog import SyncLogDialog
from tests.digitising.test_sources import FakeDevice, FakeSane
from tests.ui.conftest import CATALOG, NOW, PASSWORD, make_session, receive

WIDTH, HEIGHT = 1280, 720
WRAP = int(Qt.TextFlag.TextWordWrap)
CELL_MARGIN = 4  # a table cell's text margin on each side (the style's focus frame and padding)
# Base classes never shown themselves.
ABSTRACT = {
    "counter_app.ui.reports.sign_off.DayDecisionDialog",
    "counter_app.ui.dossiers.action.MoveDialog",
}


def window_classes() -> set[str]:
    """Every QDialog and QMainWindow subclass defined in the window's code."""
    found = set()
    for module_info in pkgutil.walk_packages(counter_app.ui.__path__, "counter_app.ui."):
        module = importlib.import_module(module_info.name)
        for name, value in inspect.getmembers(module, inspect.isclass):
            if value.__module__ == module.__name__ and issubclass(value, QDialog | QMainWindow):
                found.add(f"{value.__module__}.{name}")
    return found


def scan_page() -> bytes:
    image = QImage(1240, 1754, QImage.Format.Format_RGB32)  # A4 at 150 dpi
    image.fill(0xFFFFFF)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data().data())


class Windows:
    """What the windows are built from: a real workspace with a few dossiers, in one language."""

    def __init__(
        self, workspace: Workspace, users: dict[str, User], dossiers: dict[str, Dossier], lang: str
    ) -> None:
        self.workspace = workspace
        self.users = users
        self.dossiers = dossiers
        self.lang = lang
        self.folder = Path()

    def session(self) -> Session:
        return make_session(self.workspace, self.users["supervisor"], self.lang)

    @property
    def dossier(self) -> Dossier:
        return self.dossiers["processing"]

    def build(self, name: str) -> QWidget:
        return BUILDERS[name](self)


UI = "counter_app.ui."
BUILDERS: dict[str, Callable[[Windows], QWidget]] = {
    UI + "login.LoginDialog": lambda w: LoginDialog(
        w.workspace.accounts, "Bộ phận Một cửa xã Hoàng Đồng", w.lang
    ),
    UI + "main_window.MainWindow": lambda w: MainWindow(w.session()),
    UI + "dossiers.detail.DossierDetailDialog": lambda w: DossierDetailDialog(
        w.dossier, w.lang, session=w.session()
    ),
    UI + "dossiers.action.ActionDialog": lambda w: ActionDialog(
        w.dossier, Action.REQUEST_SUPPLEMENT, w.lang, lambda note: None
    ),
    UI + "returns.hand_back.HandBackDialog": lambda w: HandBackDialog(w.session(), w.dossier),
    UI + "settings.accounts.AccountDialog": lambda w: AccountDialog(w.lang, lambda dialog: None),
    UI + "settings.accounts.PasswordDialog": lambda w: PasswordDialog(
        w.lang, w.users["staff"], lambda password: None
    ),
    UI + "reports.sign_off.SignOffDialog": lambda w: SignOffDialog(w.session(), NOW.date(), 400000),
    UI + "reports.sign_off.ReopenDialog": lambda w: ReopenDialog(w.session(), NOW.date()),
    UI + "printing.preview.PreviewDialog": lambda w: PaperPreviewDialog(
        w.workspace.papers.tracking_book(NOW.date()), [], ""
    ),
    UI + "printing.actions.ApologyDialog": lambda w: ApologyDialog(
        w.dossier, NOW, w.workspace.dossiers.calendar(w.dossier.agency_code), w.lang
    ),
    UI + "printing.panel.PrintQueueDialog": lambda w: PrintQueueDialog(PrintQueue()),
    UI + "digitising.sections.PreviewDialog": lambda w: ScanPreviewDialog(
        [scan_page()], "Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp"
    ),
    UI + "digitising.scanner.ScannerDialog": lambda w: ScannerDialog(
        SaneDriver(FakeSane(FakeDevice(3))), w.lang
    ),
    UI + "sync.decision.DecisionDialog": lambda w: DecisionDialog(
        w.dossiers["due_today"], Action.REFUSE, w.lang, lambda note: None
    ),
    UI + "sync.conflicts.ConflictsDialog": lambda w: ConflictsDialog(w.session()),
    UI + "sync.log_dialog.SyncLogDialog": lambda w: SyncLogDialog(w.session()),
    UI + "first_run.wizard.FirstRunWizard": lambda w: FirstRunWizard(w.folder / "new", w.lang),
    UI + "dossiers.correct_intake.CorrectIntakeDialog": lambda w: CorrectIntakeDialog(
        w.session(), w.dossier
    ),
    UI + "signing.papers_offer.PapersOnFileDialog": lambda w: PapersOnFileDialog(
        papers_on_file(), w.dossier.applicant, set_validity=lambda paper, issued, expires: None
    ),
    UI + "signing.papers_offer.PaperValidityDialog": lambda w: PaperValidityDialog(
        papers_on_file()[3], date(2026, 12, 6)
    ),
}


def papers_on_file() -> list[PaperOnFile]:
    """Six papers of one citizen, the last one expired."""
    from counter_app.store.citizen_papers import FiledPaper

    kinds = ["Bản chụp căn cước công dân", "Giấy khai sinh", "Sổ hộ khẩu", "Giấy chứng nhận "
             "quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn liền với đất",
             "Giấy xác nhận tình trạng hôn nhân", "Giấy phép lái xe"]  # fmt: skip
    return [
        PaperOnFile(
            FiledPaper(
                uuid=f"p{index}",
                owner_id="020090001234",
                kind=kind,
                sha256="0" * 64,
                agency_code="000.00.12.H37",
                dossier_uuid="d",
                issued_on=None,
                expires_on=date(2025, 1, 1) if index == 5 else None,
                signer="Nguyễn Thị Hoa",
                filed_at=NOW,
                filed_by="lan",
            ),
            expired=index == 5,
        )
        for index, kind in enumerate(kinds)
    ]


@pytest.fixture(scope="module")
def counter(tmp_path_factory) -> Iterator[tuple[Workspace, dict[str, User], dict[str, Dossier]]]:
    """One workspace for the windows that only read it (each test of its own costs seconds)."""
    ws = Workspace(tmp_path_factory.mktemp("counter") / "data", create=True)
    ws.catalog.import_catalog(catalog_from_json(CATALOG))
    users = {
        "staff": ws.accounts.add_user("lan", Role.STAFF, PASSWORD, "Nguyễn Thị Lan"),
        "supervisor": ws.accounts.add_user("minh", Role.SUPERVISOR, PASSWORD, "Trần Văn Minh"),
    }
    received = {
        key: receive(ws, users["staff"], name, procedure, NOW - timedelta(days=days, hours=1))
        for key, name, procedure, days in (
            ("due_today", "Trần Thị Mai", "1.001", 0),
            ("processing", "Lê Quốc Bảo", "2.002", 2),
        )
    }
    code = received["processing"].code
    assert code is not None
    received["processing"] = ws.dossiers.transition(
        code, Action.TRANSFER, user=users["staff"], at=NOW - timedelta(days=1)
    )
    yield ws, users, received
    ws.close()


@pytest.fixture(params=["vi", "en"])
def lang(request, qapp) -> Iterator[str]:
    if request.param == "vi":
        request.getfixturevalue("vietnamese")
    yield request.param


@pytest.fixture
def windows(counter, lang: str) -> Windows:
    return Windows(*counter, lang)


@pytest.fixture
def own_windows(workspace, staff, supervisor, dossiers, lang: str) -> Windows:
    """For the tests that change the counter (a lock-out, many moves)."""
    return Windows(workspace, {"staff": staff, "supervisor": supervisor}, dossiers, lang)


def test_the_screen_is_1280x720() -> None:
    screen = QGuiApplication.primaryScreen().availableGeometry()
    assert (screen.width(), screen.height()) == (WIDTH, HEIGHT)


def test_every_window_class_is_checked() -> None:
    assert window_classes() - ABSTRACT == set(BUILDERS)


def in_scroll_area(widget: QWidget, top: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not top:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def rect_in(widget: QWidget, top: QWidget) -> QRect:
    return QRect(widget.mapTo(top, QPoint(0, 0)), widget.size())


def clipped_buttons(window: QWidget) -> list[str]:
    """The visible buttons, outside scrolling areas, that are not whole inside the window and
    every parent, or narrower than their text."""
    clipped = []
    for button in window.findChildren(QAbstractButton):
        if not button.isVisibleTo(window) or in_scroll_area(button, window):
            continue
        rect = rect_in(button, window)
        parent = button.parentWidget()
        whole = True
        while parent is not None:
            whole = whole and rect_in(parent, window).contains(rect)
            if parent is window:
                break
            parent = parent.parentWidget()
        if not whole or button.width() < button.minimumSizeHint().width():
            clipped.append(f"{button.text() or button.objectName()!r} at {rect.getRect()}")
    return clipped


def assert_fits(qtbot, window: QWidget) -> None:
    window.show()
    qtbot.waitExposed(window)
    qtbot.wait(50)
    screen = screen_of(window).availableGeometry()
    frame = window.frameGeometry()
    assert frame.width() <= screen.width(), (frame.getRect(), screen.getRect())
    assert frame.height() + TITLE_BAR <= screen.height(), (frame.getRect(), screen.getRect())
    assert screen.contains(frame), (frame.getRect(), screen.getRect())
    assert clipped_buttons(window) == []


@pytest.mark.parametrize("name", sorted(BUILDERS))
def test_the_window_fits_with_its_buttons(
    qtbot, windows: Windows, tmp_path: Path, name: str
) -> None:
    windows.folder = tmp_path
    window = windows.build(name)
    qtbot.addWidget(window)
    assert_fits(qtbot, window)


def assert_grows(qtbot, dialog: QWidget, error: QLabel, refuse: Callable[[], None]) -> None:
    assert_fits(qtbot, dialog)
    fields = {edit: edit.height() for edit in dialog.findChildren(QLineEdit) if edit.isVisible()}
    before = dialog.height()
    refuse()
    qtbot.wait(50)
    assert error.isVisible() and error.text()
    assert error.height() >= error.heightForWidth(error.width()), "the error text is clipped"
    assert dialog.height() > before
    assert {edit: edit.height() for edit in fields} == fields, "fields were squashed"
    assert_fits(qtbot, dialog)


def test_sign_in_after_a_lock_out_grows(qtbot, own_windows: Windows) -> None:
    workspace = own_windows.workspace
    dialog = own_windows.build(UI + "login.LoginDialog")
    qtbot.addWidget(dialog)
    for _ in range(MAX_FAILURES):
        with pytest.raises(Exception):  # noqa: B017 - any refusal: the point is the lock-out
            workspace.accounts.authenticate("lan", "not-the-password")

    def sign_in() -> None:
        dialog.login_edit.setText("lan")
        dialog.password_edit.setText(PASSWORD)
        dialog.submit()

    assert_grows(qtbot, dialog, dialog.error_label, sign_in)


def test_sign_off_grows_for_its_problems(qtbot, windows: Windows) -> None:
    dialog = windows.build(UI + "reports.sign_off.SignOffDialog")
    qtbot.addWidget(dialog)

    def sign_short() -> None:
        dialog.cash_edit.setText("350000")
        dialog.confirm()

    assert_grows(qtbot, dialog, dialog.note_error, sign_short)


def test_a_new_account_grows_for_its_refusal(qtbot, windows: Windows) -> None:
    dialog = windows.build(UI + "settings.accounts.AccountDialog")
    qtbot.addWidget(dialog)

    def mismatch() -> None:
        dialog.login_edit.setText("hoa")
        dialog.password_edit.setText("mot-mat-khau-dai")
        dialog.repeat_edit.setText("mot-mat-khau-khac")
        dialog.submit()

    assert_grows(qtbot, dialog, dialog.error_label, mismatch)


def test_the_dossier_detail_fits_a_long_history(qtbot, own_windows: Windows) -> None:
    """A dossier moved many times: the detail still fits, its buttons on screen."""
    windows = own_windows
    ws, staff = windows.workspace, windows.users["staff"]
    dossier = windows.dossiers["due_today"]
    assert dossier.code is not None
    at = NOW - timedelta(hours=20)
    for step in range(4):
        dossier = ws.dossiers.transition(
            dossier.code, Action.REQUEST_SUPPLEMENT, user=staff, at=at + timedelta(hours=2 * step),
            note="Bổ sung bản sao giấy khai sinh có chứng thực",
        )  # fmt: skip
        dossier = ws.dossiers.transition(
            dossier.code, Action.RESUBMIT, user=staff, at=at + timedelta(hours=2 * step + 1)
        )
    dialog = DossierDetailDialog(dossier, windows.lang, session=windows.session())
    qtbot.addWidget(dialog)
    assert_fits(qtbot, dialog)


LONG_AGENCY = {
    "format": "counter-app-catalog",
    "version": 1,
    "agencies": [
        {"code": "000.00.31.H37", "name": "Sở Văn hóa, Thể thao và Du lịch tỉnh Lạng Sơn"}
    ],
    "procedures": [
        {
            "code": "3.003",
            "name": "Cấp giấy phép tổ chức lễ hội truyền thống, lễ hội văn hóa của địa phương",
            "field": "Văn hóa",
            "agency": "000.00.31.H37",
            "level": "level_3",
            "duration": {"unit": "calendar_days", "amount": 5},
        }
    ],
}


@pytest.fixture
def busy_reports(qtbot, workspace: Workspace, staff: User, supervisor: User, lang: str):
    """The reports page of a supervisor at 1280×720, on a day with seven overdue dossiers
    and an agency with a long name."""
    workspace.catalog.import_catalog(catalog_from_json(LONG_AGENCY))
    for number in range(7):
        at = NOW - timedelta(days=20, hours=number)
        receive(workspace, staff, f"Nguyễn Văn {number}", "3.003", at)
    receive(workspace, staff, "Trần Thị Mai", "1.001", NOW.replace(hour=8))
    session = make_session(workspace, supervisor, lang)
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.show_page(PageKey.REPORTS)
    page = window.page(PageKey.REPORTS)
    qtbot.waitUntil(lambda: page.daily.review is not None, timeout=10_000)
    qtbot.wait(100)
    return window, page, session


def test_the_charts_keep_their_labels_whole(busy_reports) -> None:
    _, page, _ = busy_reports
    hours = page.daily.hour_chart
    assert hours.categories[:3] == ["7", "8", "9"]  # "10h" is elided to "1…" at this width
    legend = page.daily.outcome_chart.chart().legend()
    assert legend.geometry().width() >= legend.preferredWidth() - 0.5  # Qt elides below that


def test_the_overdue_list_shows_every_row(busy_reports, qtbot) -> None:
    _, page, _ = busy_reports
    page.daily.sections.setCurrentWidget(page.daily.deadlines)
    qtbot.wait(50)
    overdue = page.daily.deadlines.overdue
    assert overdue.model().rowCount() >= 7
    shown = overdue.viewport().height()
    assert shown >= overdue.verticalHeader().length()


def test_the_province_figures_show_whole_names(busy_reports, qtbot) -> None:
    _, page, _ = busy_reports
    page.tabs.setCurrentWidget(page.period)
    period = page.period
    period.choose(QuickPeriod.THIS_MONTH)
    qtbot.waitUntil(lambda: period.report is not None, timeout=10_000)
    qtbot.wait(50)
    for table in (period.agency_table, period.procedure_table):
        metrics, model = table.fontMetrics(), table.model()
        width = table.columnWidth(Column.NAME) - 8
        for row in range(model.rowCount()):
            name = str(model.index(row, Column.NAME).data())
            needed = metrics.boundingRect(QRect(0, 0, width, 10_000), WRAP, name)
            assert needed.width() <= width and needed.height() <= table.rowHeight(row), name


def test_a_long_message_stops_before_the_print_badge(busy_reports) -> None:
    window, _, session = busy_reports
    text = "Đã lưu hồ sơ 000.00.06.H37-261125-0001 của Nguyễn Văn An, " * 6
    session.messages.info(text)
    bar = window.statusBar()
    badge = window.findChild(PrintQueueIndicator)
    assert bar.fontMetrics().horizontalAdvance(bar.currentMessage()) < badge.x()
    assert bar.toolTip() == text


def fits(table: QTableView, column: int, row_height: int, text: str) -> bool:
    """Whether `text` wrapped at the column's width (less the delegate's text margins and the
    grid line) needs no more width or height than the cell has, so it is drawn whole."""
    style = table.style()
    margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1
    width = table.columnWidth(column) - 2 * margin - int(table.showGrid())
    needed = table.fontMetrics().boundingRect(QRect(0, 0, width, 10_000), WRAP, text)
    return needed.width() <= width and needed.height() <= row_height


def test_the_dossier_list_shows_every_demo_procedure_whole(
    qtbot, workspace: Workspace, staff: User, lang: str
) -> None:
    """At 1280 pixels the procedure column takes what the others leave and every name of the
    demo catalog, the longest (137 letters) included, is whole on the row's two lines; the code
    and the times (the day over the hour) are as wide as their text, the titles wrap over two
    lines rather than widen a column, and the applicant and every status are whole too."""
    workspace.catalog.import_file(resources_dir() / "demo" / "catalog.json")
    procedures = workspace.catalog.search("")
    for number, procedure in enumerate(procedures):
        name = f"Nguyễn Thị Phương Thảo {number}"
        receive(workspace, staff, name, procedure.code, NOW.replace(hour=8))
    window = MainWindow(make_session(workspace, staff, lang))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.show_page(PageKey.DOSSIERS)
    page = window.page(PageKey.DOSSIERS)
    qtbot.waitUntil(lambda: page.model.rowCount() == len(procedures), timeout=10_000)
    qtbot.wait(50)
    assert window.width() <= WIDTH
    table, model = page.table, page.model
    longest = max(procedures, key=lambda p: len(p.name)).name
    assert table.fontMetrics().horizontalAdvance(longest) > table.columnWidth(
        DossierColumn.PROCEDURE
    ), "the longest name needs the second line"
    for column in (DossierColumn.CODE, DossierColumn.RECEIVED, DossierColumn.DUE):
        assert table.columnWidth(column) == max(
            table.sizeHintForColumn(column), table.horizontalHeader().sectionSizeHint(column)
        )
    for row in range(model.rowCount()):
        for column in DossierColumn:
            text = str(model.index(row, column).data())
            assert fits(table, column, table.rowHeight(row), text), text
    for status in Status:
        assert fits(table, DossierColumn.STATUS, table.rowHeight(0), status.label(lang))
    header = table.horizontalHeader()
    for column in DossierColumn:
        title = str(model.headerData(column, Qt.Orientation.Horizontal))
        assert fits(table, column, header.height(), title), title
