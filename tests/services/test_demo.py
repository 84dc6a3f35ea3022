from __future__ import annotations

import unicodedata
from collections import Counter

from counter_app.domain.dossier import DossierFilter, Timeliness
from counter_app.services.demo import generate_dossiers, install_demo


def test_demo_install_and_synthetic_dossiers_look_real(ws):
    demo = install_demo(ws)
    assert {a["role"] for a in demo["accounts"]} == {"staff", "supervisor", "admin"}
    assert install_demo(ws)["accounts"] == demo["accounts"]  # a second run adds nothing

    assert generate_dossiers(ws, count=600, days=45, seed=11) == 600
    dossiers = ws.dossiers.find(DossierFilter(limit=1000))
    assert len(dossiers) == 600
    assert len({d.code for d in dossiers}) == 600
    statuses = Counter(d.status.value for d in dossiers)
    assert len(statuses) >= 6, statuses
    timeliness = Counter(d.timeliness for d in dossiers if d.timeliness)
    assert timeliness[Timeliness.LATE] > 0 and timeliness[Timeliness.EARLY] > 0
    for dossier in dossiers:
        calendar = ws.calendars.for_agency(dossier.agency_code)
        assert calendar.is_working_moment(dossier.received_at)
        assert dossier.code.split("-")[1] == dossier.received_at.strftime("%y%m%d")
        name = dossier.applicant.full_name
        assert unicodedata.is_normalized("NFC", name) and len(name.split()) >= 3
        assert "Lạng Sơn" in dossier.applicant.address
        moments = [h.at for h in dossier.history]
        assert moments == sorted(moments)
        assert all(calendar.is_working_moment(moment) for moment in moments)
    assert ws.audit.verify() > 600
