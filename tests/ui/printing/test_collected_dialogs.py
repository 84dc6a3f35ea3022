"""PySide ties the QScreen that a widget's `screen()` returns to the widget: detail dialogs that
sized themselves with it, collected in their cycles, deleted the screen, and the next window
crashed in QScreen::virtualSiblings (a sign-out's window collected before the next officer's
sign-in would do the same)."""

from __future__ import annotations

import gc

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog

from counter_app.domain.dossier import Status
from counter_app.ui.dossiers.detail import DossierDetailDialog
from tests.ui.returns.dossiers import dossier_in


def test_detail_dialogs_collected_in_their_cycles_leave_the_screens_alone(
    qtbot, session, workspace, staff
) -> None:  # type: ignore[no-untyped-def]
    for status in (Status.NEW, Status.DENIED):
        dossier = dossier_in(workspace, staff, status, name=f"Người {status.value}")
        DossierDetailDialog(dossier, "vi", session=session)
        gc.collect()
    (screen,) = QGuiApplication.screens()
    assert screen.virtualSiblings() == [screen]
    opened = QDialog()
    qtbot.addWidget(opened)
    opened.show()
    qtbot.waitExposed(opened)
