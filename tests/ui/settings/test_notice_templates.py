"""The notices' templates in the settings page: each occasion with the fields it may use, a
preview filled in for a sample dossier as the administrator types, an unknown field refused
with the fields that exist, edits of every occasion kept until Save, and the notices queued
afterwards written from the saved text."""

from __future__ import annotations

import pytest

from counter_app.domain.errors import CounterError
from counter_app.domain.lifecycle import Action
from counter_app.domain.notices import DEFAULT_TEMPLATES, NoticeKind
from counter_app.services.accounts import Role
from counter_app.services.intake import request_from_json
from counter_app.ui.settings.notices import NoticeTemplatesSection
from tests.ui.conftest import PASSWORD, make_session

SUPPLEMENT = NoticeKind.SUPPLEMENT


@pytest.fixture
def section(qtbot, session):  # type: ignore[no-untyped-def]
    """The section in English (the window's texts are English without a catalogue)."""
    shown = NoticeTemplatesSection(make_session(session.workspace, session.user, "en"))
    qtbot.addWidget(shown)
    shown.resize(900, 640)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def test_every_occasion_with_its_fields_and_a_preview(section, page) -> None:
    assert page.notices in page.sections  # in the administrator's settings
    assert [section.kind_combo.itemData(i) for i in range(section.kind_combo.count())] == [
        kind.value for kind in NoticeKind
    ]
    assert section.subject_edit.text() == DEFAULT_TEMPLATES["result_ready"][0]
    assert set(section.field_buttons) == {"name", "code", "procedure", "due", "note", "unit"}
    assert "{due} – the due date of the result" in section.fields_note.text()
    section.show_kind(NoticeKind.DUE_CHANGED)
    assert section.body_edit.toPlainText() == DEFAULT_TEMPLATES["due_changed"][1]
    assert section.preview_body.text() == (
        "Kính gửi Ông/Bà Nguyễn Văn An. Hồ sơ 000.00.12.H37-261125-0001 (Cấp Phiếu lý lịch tư "
        "pháp cho công dân Việt Nam) có ngày hẹn trả kết quả mới: 10 giờ 00, ngày 09/12/2026."
    )
    assert section.preview_subject.text() == (
        "Subject: Hồ sơ 000.00.12.H37-261125-0001 có ngày hẹn trả mới"
    )


def test_an_unknown_field_is_refused_with_the_fields_that_exist(section) -> None:
    section.show_kind(SUPPLEMENT)
    section.body_edit.setPlainText("Kính gửi {ten}, hồ sơ {code} cần bổ sung.")
    assert section.body_error.isVisible()
    assert section.body_error.text() == (
        "The notice template uses the field {ten}, which does not exist. Fields it may use: "
        "{name}, {code}, {procedure}, {due}, {note}, {unit}."
    )
    assert section.preview_body.text() == "No preview until the template is right."
    section.show_kind(NoticeKind.REFUSED)  # the edit is kept while another occasion is shown
    assert not section.save()
    assert section.kind() == SUPPLEMENT.value  # Save shows the occasion that is wrong
    assert section.body_edit.toPlainText() == "Kính gửi {ten}, hồ sơ {code} cần bổ sung."
    assert section.session.workspace.settings.get("notices.templates") is None  # nothing stored
    section.body_edit.setPlainText("Kính gửi {name: hồ sơ")
    assert "brace that does not match" in section.body_error.text()


def test_a_saved_template_writes_the_next_notices(section, session) -> None:
    infos: list[str] = []
    section.session.messages.sig_info.connect(infos.append)
    section.show_kind(SUPPLEMENT)
    section.subject_edit.setText("Hồ sơ {code} của Ông/Bà {name} cần thêm {note}")
    section.body_edit.setPlainText("Ông/Bà {name}: hồ sơ {code} cần thêm {note}. ")
    section.body_edit.moveCursor(section.body_edit.textCursor().MoveOperation.End)
    section.field_buttons["unit"].click()
    assert section.body_edit.toPlainText().endswith("cần thêm {note}. {unit}")
    assert section.preview_body.text().endswith(
        "cần thêm Bổ sung bản sao giấy khai sinh có chứng thực. Bộ phận Một cửa"
    )
    assert section.save() and infos == ["Notice templates saved."]
    ws = session.workspace
    subject = "Hồ sơ {code} của Ông/Bà {name} cần thêm {note}"
    body = "Ông/Bà {name}: hồ sơ {code} cần thêm {note}. {unit}"
    stored = {"supplement": {"subject": subject, "body": body}}
    assert ws.settings.get("notices.templates") == stored  # the defaults are not stored
    officer = ws.accounts.add_user("canbo9", Role.STAFF, PASSWORD, "Lê Văn Chín")
    applicant = {"full_name": "Trần Thị Mai", "phone": "0912345678", "consent": {"notices": True}}
    data = {"procedure": "2.002", "applicant": applicant}
    dossier = ws.intake.receive(request_from_json(data), user=officer)
    ws.dossiers.transition(dossier.code, Action.TRANSFER, user=officer)
    ws.dossiers.transition(
        dossier.code, Action.REQUEST_SUPPLEMENT, user=officer, note="tờ khai có chữ ký"
    )
    [notice] = ws.notices.notices(dossier.code)
    assert (notice["kind"], notice["channel"]) == ("supplement", "sms")
    wanted = f"Hồ sơ {dossier.code} của Ông/Bà Trần Thị Mai cần thêm tờ khai có chữ ký"
    assert notice["subject"] == wanted
    section.restore_default()
    assert section.body_edit.toPlainText() == DEFAULT_TEMPLATES["supplement"][1]


def test_only_an_administrator_changes_the_templates(session) -> None:
    ws = session.workspace
    boss = ws.accounts.add_user("truong9", Role.SUPERVISOR, PASSWORD, "Trần Văn Bình")
    chosen = dict(DEFAULT_TEMPLATES)
    chosen["refused"] = ("Hồ sơ {code}", "Hồ sơ {code} bị từ chối: {note}")
    with pytest.raises(CounterError) as refused:
        ws.notices.save_templates(chosen, boss)
    assert refused.value.key == "permission.denied"
    chosen["refused"] = ("Hồ sơ {code}", "Lý do {reason}")
    with pytest.raises(CounterError) as unknown:
        ws.notices.save_templates(chosen, session.user)
    assert unknown.value.key == "notice.template" and unknown.value.params["field"] == "reason"
    by_hand = {"refused": {"subject": "Hồ sơ {code}", "body": "Lý do {reason}"}}
    with pytest.raises(CounterError) as checked:  # as `settings set` writes it
        ws.settings.change("notices.templates", by_hand, session.user)
    assert checked.value.key == "setting.invalid" and "{reason}" in checked.value.message()
    assert ws.settings.get("notices.templates") is None
