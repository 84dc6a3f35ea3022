"""The supervisor's period review shows the citizens' ratings per officer and procedure, with
the share of each level, as the service counts them."""

from __future__ import annotations

from counter_app.domain.ratings import Level, Source


def test_the_ratings_tab_shows_shares_per_officer(qtbot, open_page, supervisor, workspace, day):
    rated = [d for d in day.__dict__.values() if getattr(d, "code", None)][:2]
    for dossier, level in zip(rated, (Level.VERY_SATISFIED, Level.DISSATISFIED), strict=True):
        workspace.ratings.clock = lambda received=dossier.received_at: received
        workspace.ratings.rate(dossier.code, level, source=Source.SCREEN)
    page = open_page(supervisor)
    page.tabs.setCurrentWidget(page.period)
    tab = page.period
    qtbot.waitUntil(lambda: tab.report is not None and not tab.tasks.busy)
    table = tab.ratings_table
    rows = [
        [table.item(r, c).text() for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]
    assert rows[-1] == ["Total", "", "1", "0", "1", "50.0%", "50.0%", "2"]
    officers = {row[1] for row in rows if row[0] == "Officer"}
    assert officers <= {user.full_name for user in workspace.accounts.users()}
