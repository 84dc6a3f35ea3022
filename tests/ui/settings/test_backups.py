"""Backups and Support in the settings page: the daily backup's state, "Back up now" in the
background, the folder and the number kept; "Copy diagnostics" with no personal data in it,
even after an intake from a scanned ID card with the log on."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from counter_app.domain.citizen_id import parse_citizen_qr
from counter_app.services.operations.logs import configure_logging, log_path, stop_logging
from counter_app.store.migrations import LOCAL_HEAD
from counter_app.ui.intake.page import IntakePage
from counter_app.ui.settings.backups import BackupsSection, DailyBackup
from counter_app.ui.settings.diagnostics import SupportSection
from tests.ui.intake.conftest import choose, press, show

CARD = "020190001234||Trần Thị Bích Ngọc|15031990|Nữ|Thôn Nà Chuông, xã Hoàng Đồng|01012021"
PHONE = "0987654321"


def test_the_page_lists_backups_and_support(page) -> None:
    assert page.backups.title == "Backups" and page.support.title == "Support"
    assert page.section_list.count() == len(page.sections)


def test_back_up_now_shows_the_new_state(qtbot, session, infos) -> None:
    section = BackupsSection(session)
    qtbot.addWidget(section)
    assert section.last_label.text() == "None yet."
    section.back_up_now()
    assert not section.backup_now_button.isEnabled()
    qtbot.waitUntil(section.backup_now_button.isEnabled, timeout=20000)
    daily = session.workspace.data_dir / "backups" / "daily"
    (made,) = daily.glob("counter-backup-*.zip")
    assert str(made) in section.last_label.text()
    assert infos and infos[-1].startswith("Backup saved:") and str(made) in infos[-1]


def test_folder_and_count_are_saved_and_a_relative_folder_refused(qtbot, session, tmp_path):
    section = BackupsSection(session)
    qtbot.addWidget(section)
    section.folder_edit.setText("backups-here")
    assert not section.save()
    assert section.folder_error.text().startswith("Give the whole path")
    section.folder_edit.setText(str(tmp_path / "elsewhere"))
    section.keep_spin.setValue(30)
    assert section.save()
    backups = session.workspace.backups
    assert backups.folder() == tmp_path / "elsewhere" and backups.keep() == 30


def test_a_failed_backup_is_shown_in_words(qtbot, session, errors, tmp_path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    session.workspace.backups.set_schedule(str(blocker / "daily"), 14, by=session.user)
    section = BackupsSection(session)
    qtbot.addWidget(section)
    section.back_up_now()
    qtbot.waitUntil(lambda: bool(errors), timeout=20000)
    assert "Traceback" not in errors[0]
    assert "FAILED" in section.last_label.text()


def test_the_window_takes_the_daily_backup_once(qtbot, session, infos) -> None:
    daily = DailyBackup(session)
    daily.start()
    qtbot.waitUntil(lambda: any(i.startswith("Daily backup saved") for i in infos), timeout=20000)
    daily.check()  # later the same day: not due
    daily.stop()
    folder = session.workspace.data_dir / "backups" / "daily"
    assert len(list(folder.glob("*.zip"))) == 1
    assert daily.timer.interval() == 60 * 60 * 1000


def test_copy_diagnostics_without_personal_data(qtbot, workspace, staff, session, infos) -> None:
    """An intake from a scanned ID card with the window's log on, a line of ours that names
    the applicant by mistake; then the diagnostics: the facts and the log, no person."""
    handler = configure_logging(workspace.data_dir)
    try:
        from tests.ui.conftest import make_session

        intake = show(qtbot, IntakePage(make_session(workspace, staff, "en")))
        choose(qtbot, intake, "chung thuc")
        intake.fill_applicant(parse_citizen_qr(CARD))
        intake.fields["phone"].setText(PHONE)
        with qtbot.waitSignal(intake.sig_saved) as saved:
            press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
        code = saved.args[0].code
        logging.getLogger("counter_app.test").warning(
            "slip for %s: %s, %s, phone %s", code, CARD, "an@example.vn", PHONE
        )
        section = SupportSection(session)
        qtbot.addWidget(section)
        section.copy_diagnostics()
        qtbot.waitUntil(section.copy_button.isEnabled, timeout=20000)
    finally:
        stop_logging(handler)
    text = QApplication.clipboard().text()
    assert infos[-1].startswith("Diagnostics copied")
    for fact in ("counter-app", "Python", "Qt", str(workspace.data_dir), LOCAL_HEAD, "never"):
        assert fact in text, fact
    assert f"slip for {code}" in text  # the log's last lines, the dossier's code kept
    log = log_path(workspace.data_dir).read_text(encoding="utf-8")
    for personal in ("Trần Thị Bích Ngọc", "020190001234", PHONE, "an@example.vn", "Nà Chuông"):
        assert personal not in log, personal
        assert personal not in text, personal


def test_the_support_section_names_the_folders(qtbot, session) -> None:
    section = SupportSection(session)
    qtbot.addWidget(section)
    assert section.data_label.text() == str(session.workspace.data_dir)
    assert Path(section.log_label.text()).name == "counter-app.log"
