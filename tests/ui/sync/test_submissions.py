"""The online submissions queue: a portal submission comes down, the officer accepts it (a
code and a due time), refuses it or asks for a supplement (a reason is required), and the
decision goes up to central."""

from __future__ import annotations

import pytest

from counter_app.domain.dossier import Status
from counter_app.domain.lifecycle import Action
from counter_app.ui.sync import OnlineSubmissionsPage
from tests.sync.helpers import central_rows
from tests.ui.sync.conftest import session_of, submit_online

ROUND_MS = 20_000


@pytest.fixture
def page_of(qtbot):  # type: ignore[no-untyped-def]
    def make(session, controller=None) -> OnlineSubmissionsPage:  # type: ignore[no-untyped-def]
        page = OnlineSubmissionsPage(session, controller)
        qtbot.addWidget(page)
        page.resize(1100, 700)
        return page

    return make


def queued(qtbot, page: OnlineSubmissionsPage, count: int) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: len(page.submissions) == count and not page._tasks.busy)


@pytest.mark.slow  # starts the sync worker, a process of its own
def test_a_portal_submission_comes_down_into_the_queue(
    qtbot, connected, central, staff, controllers, page_of, vietnamese
):
    session = session_of(connected, staff)
    controller = controllers(session)
    page = page_of(session, controller)
    queued(qtbot, page, 0)
    assert page.empty_label.text() == "Không có hồ sơ trực tuyến nào đang chờ."
    assert not page.decision_buttons[Action.ACCEPT].isEnabled()

    uuid = submit_online(central, "Hoàng Thị Thu")
    with qtbot.waitSignal(controller.sig_round, timeout=ROUND_MS):
        controller.start()  # the first round pulls it; the page reads the queue again
    queued(qtbot, page, 1)
    assert page.submissions[0].uuid == uuid and page.submissions[0].status is Status.RECEIVING
    assert page.table.item(0, 1).text() == "Hoàng Thị Thu"
    assert page.count_label.text() == "Đang chờ: 1"
    assert page.view.fields["applicant"].text() == "Hoàng Thị Thu"
    assert page.view.fields["procedure"].text() == "Cấp Phiếu lý lịch tư pháp (2.002)"
    assert page.view.fields["agency"].text() == "UBND xã Hoàng Đồng (000.00.06.H37)"
    assert page.decision_buttons[Action.ACCEPT].isEnabled()
    assert page.notice_label.isHidden()


def test_accepting_gives_a_code_and_a_due_time_and_goes_up(
    qtbot, connected, central, staff, page_of, vietnamese
):
    uuid = submit_online(central)
    connected.sync.run_once()
    page = page_of(session_of(connected, staff))
    queued(qtbot, page, 1)
    page.decide(Action.ACCEPT)
    dialog = page.decision_dialog
    assert dialog is not None and dialog.note_edit is None  # nothing to write
    with qtbot.waitSignal(page.sig_decided) as decided:
        dialog.ok_button.click()
    accepted = decided.args[0]
    assert accepted.uuid == uuid and accepted.status is Status.NEW
    assert accepted.code and accepted.due_at is not None
    assert accepted.code.startswith("000.00.06.H37-")
    assert accepted.code in page.last_decision_label.text()
    queued(qtbot, page, 0)
    connected.sync.run_once()
    row = central_rows(central)[uuid]
    assert (row["code"], row["status"]) == (accepted.code, "new")


@pytest.mark.parametrize(
    ("action", "reason", "central_status"),
    [
        (Action.REFUSE, "Thủ tục không thuộc thẩm quyền của xã", "denied"),
        (Action.REQUEST_SUPPLEMENT, "Thiếu tờ khai có chữ ký", "waiting"),
    ],
)
def test_refusing_or_asking_a_supplement_needs_a_reason_and_goes_up(
    qtbot, connected, central, staff, page_of, vietnamese, action, reason, central_status
):
    uuid = submit_online(central)
    connected.sync.run_once()
    page = page_of(session_of(connected, staff))
    queued(qtbot, page, 1)
    page.decide(action)
    dialog = page.decision_dialog
    assert dialog is not None and dialog.note_edit is not None
    dialog.ok_button.click()  # no reason yet
    assert dialog.error_label.text() == (
        "Hãy ghi lý do: chủ hồ sơ sẽ đọc nội dung này trên phiếu giấy."
    )
    assert page.decision_dialog is dialog and len(page.submissions) == 1
    assert connected.sync.online_submissions()[0].status is Status.RECEIVING

    dialog.note_edit.setPlainText(reason)
    with qtbot.waitSignal(page.sig_decided) as decided:
        dialog.ok_button.click()
    assert decided.args[0].history[-1].note == reason
    queued(qtbot, page, 0)
    connected.sync.run_once()
    assert central_rows(central)[uuid]["status"] == central_status


def test_a_standalone_counter_says_no_submission_can_arrive(
    qtbot, workspace, staff, page_of, vietnamese
):
    page = page_of(session_of(workspace, staff))
    queued(qtbot, page, 0)
    assert not page.notice_label.isHidden()
    assert "chưa kết nối máy chủ trung tâm" in page.notice_label.text()


def test_the_indicator_says_submissions_wait_and_leads_to_them(
    qtbot, connected, central, staff, controllers, vietnamese
):
    from counter_app.ui.sync import SyncIndicator

    submit_online(central)
    connected.sync.run_once()
    session = session_of(connected, staff)
    controller = controllers(session)
    indicator = SyncIndicator(session, controller)
    qtbot.addWidget(indicator)
    with qtbot.waitSignal(controller.sig_status):
        controller.refresh_status()
    assert indicator.submissions_button.text() == "Nộp trực tuyến: 1"
    assert not indicator.submissions_button.isHidden()
    with qtbot.waitSignal(indicator.sig_show_submissions):
        indicator.submissions_button.click()
