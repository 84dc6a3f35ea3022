"""Phiếu kiểm soát quá trình giải quyết hồ sơ: travels with the folder from unit to unit.

The moves recorded so far are printed; empty ruled rows follow for the hand-overs still to be
written and signed by hand. As on the form, each hand-over has a column for the one who gives
the folder and one for the one who takes it, and its result says whether it was done before,
on or after the time promised.
"""

from __future__ import annotations

from reportlab.lib.units import mm

from counter_app.domain.clock import local
from counter_app.domain.dossier import HistoryEntry, Timeliness
from counter_app.domain.lifecycle import Action, classify
from counter_app.domain.messages import translate
from counter_app.domain.wording import official_time, time_and_date
from counter_app.services.printing.common import (
    PaperData,
    dossier_paper,
)
from counter_app.services.printing.kinds import Paper, PaperKind
from counter_app.services.printing.layout import SERIF, SERIF_BOLD, SERIF_ITALIC, Column
from counter_app.services.printing.receipt import codes_block

KIND = PaperKind.CONTROL_SHEET
BLANK_ROWS = 4
COORDINATING_BLANK = "…" * 18  # the catalog does not name them: written by hand

TIMELINESS = {
    Timeliness.EARLY: "Trước hạn",
    Timeliness.ON_TIME: "Đúng hạn",
    Timeliness.LATE: "Quá hạn",
}


def render_control_sheet(data: PaperData, *, invariant: bool = False) -> Paper:
    dossier = data.dossier
    assert dossier.received_at is not None
    received = local(dossier.received_at)
    sheet = dossier_paper(KIND, data, received, invariant=invariant)
    codes_block(sheet, data, qr=False)
    sheet.paragraph(
        f"(Kèm theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả, mã hồ sơ: {data.code})",
        font=SERIF_ITALIC,
        align="center",
        after=1 * mm,
    )
    sheet.field("Cơ quan giải quyết hồ sơ", data.head.agency_name)
    sheet.field("Cơ quan phối hợp giải quyết hồ sơ", COORDINATING_BLANK)
    sheet.field("Người nộp hồ sơ", dossier.applicant.full_name, bold=True)
    sheet.field("Nội dung yêu cầu giải quyết", dossier.procedure_name)
    sheet.paragraph(f"Thời gian tiếp nhận hồ sơ: {official_time(received)}")
    due = official_time(dossier.due_at) if dossier.due_at else "không quy định thời hạn"
    sheet.paragraph([("Thời hạn trả kết quả: ", SERIF), (due, SERIF_BOLD)], after=2 * mm)

    rows = [_row(data, i, entry) for i, entry in enumerate(dossier.history, start=1)]
    rows += [
        [str(len(rows) + i), "Giao: …\nNhận: …", "", "", "", "", ""]
        for i in range(1, BLANK_ROWS + 1)
    ]
    sheet.table(
        [
            Column("TT", 0.8, "center"),
            Column("Giao, nhận hồ sơ (cơ quan, đơn vị)", 3.2),
            Column("Thời gian giao, nhận hồ sơ", 2.2, "center"),
            Column("Người giao (ký, ghi rõ họ tên)", 2.2, "center"),
            Column("Người nhận (ký, ghi rõ họ tên)", 2.2, "center"),
            Column("Kết quả (trước hạn / đúng hạn / quá hạn)", 2.0, "center"),
            Column("Ghi chú", 2.0),
        ],
        rows,
        size=sheet.style.size - 1,
        min_row_lines=3,
    )
    pdf, pages = sheet.finish()
    return Paper(KIND, data.settings.forms.title(KIND), pdf, pages, dossier.code)


def _row(data: PaperData, number: int, entry: HistoryEntry) -> list[str]:
    dossier = data.dossier
    action = translate(f"action.{entry.action}", "vi")
    step = action[0].upper() + action[1:]
    if entry.place:
        step += f" – {entry.place}"
    if entry.action == Action.TRANSFER.value:
        step += f" → {data.head.agency_name}"
    if entry.action == Action.RECEIVE.value:  # the citizen hands the file to the counter
        giver, taker = dossier.applicant.full_name, data.officer(entry.actor)
    else:  # the one who recorded the move gives; who takes it signs by hand
        giver, taker = data.officer(entry.actor), ""
    due = local(dossier.due_at) if dossier.due_at else None
    return [
        str(number),
        step,
        time_and_date(entry.at),
        giver,
        taker,
        TIMELINESS[classify(local(entry.at), due)],
        entry.note,
    ]
