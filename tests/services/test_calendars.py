from __future__ import annotations

from datetime import date

from counter_app.domain.calendar import WorkSchedule
from counter_app.services.intake import request_from_json
from tests.conftest import AGENCY, OTHER_AGENCY, TEN_DAYS, intake_json, vn


def test_local_day_off_moves_due_times_of_that_agency_only(ws, officer, admin_user):
    at = vn(2025, 4, 24, 9, 30)
    before = ws.intake.receive(request_from_json(intake_json(TEN_DAYS)), user=officer, at=at)
    ws.calendars.set_override(
        date(2025, 5, 5), by=admin_user, working=False, agency_code=AGENCY, note="Lễ hội"
    )
    after = ws.intake.receive(request_from_json(intake_json(TEN_DAYS)), user=officer, at=at)
    assert (before.due_at, after.due_at) == (vn(2025, 5, 12, 9, 30), vn(2025, 5, 13, 9, 30))
    assert ws.calendars.for_agency(OTHER_AGENCY).is_working_day(date(2025, 5, 5))
    ws.calendars.remove_override(date(2025, 5, 5), by=admin_user, agency_code=AGENCY)
    assert ws.calendars.for_agency(AGENCY).is_working_day(date(2025, 5, 5))


def test_extra_working_saturday_for_every_agency(ws, admin_user):
    saturday = date(2025, 5, 10)
    assert not ws.calendars.for_agency(AGENCY).is_working_day(saturday)
    ws.calendars.set_override(saturday, by=admin_user, working=True)
    assert ws.calendars.for_agency(AGENCY).is_working_day(saturday)
    assert ws.calendars.for_agency(OTHER_AGENCY).is_working_day(saturday)


def test_agency_schedule_from_settings(ws, admin_user):
    ws.calendars.set_schedule(
        WorkSchedule.from_dict(
            {"weekdays": [0, 1, 2, 3, 4, 5], "periods": [["07:30", "11:30"], ["13:00", "17:00"]]}
        ),
        by=admin_user,
        agency_code=AGENCY,
    )
    calendar = ws.calendars.for_agency(AGENCY)
    assert calendar.is_working_day(date(2025, 5, 10))  # a Saturday, in this agency's week
    assert calendar.next_working_moment(vn(2025, 5, 12, 12)) == vn(2025, 5, 12, 13)
    assert not ws.calendars.for_agency(OTHER_AGENCY).is_working_day(date(2025, 5, 10))
