"""The Vietnamese words of the exported papers (official papers are in Vietnamese, like the
printed forms) and the order of the period table's lines, shared by the XLSX and the PDF so
both say the same."""

from __future__ import annotations

from collections.abc import Mapping

from counter_app.domain.catalog import FeeCollection
from counter_app.domain.dossier import Channel, Status
from counter_app.domain.reports import PeriodReport, PeriodRow
from counter_app.domain.wording import money

CHANNELS = {
    Channel.DIRECT.value: "Trực tiếp",
    Channel.ONLINE.value: "Trực tuyến",
    Channel.POSTAL.value: "Bưu chính công ích",
}
COLLECTIONS = {
    FeeCollection.BEFORE.value: "Thu khi tiếp nhận",
    FeeCollection.AFTER.value: "Thu khi trả kết quả",
    FeeCollection.EXEMPT.value: "Miễn phí, lệ phí",
}
DAILY_TITLE = "BÁO CÁO TIẾP NHẬN VÀ GIẢI QUYẾT HỒ SƠ TRONG NGÀY"
PERIOD_TITLE = "BÁO CÁO TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH"
BOOK_TITLE = "SỔ THEO DÕI HỒ SƠ"
TOTAL = "Tổng cộng"

# The provincial layout: (group, column) headings of the period report, in order.
PERIOD_COLUMNS = (
    ("Số hồ sơ nhận giải quyết", "Mới tiếp nhận"),
    ("Số hồ sơ nhận giải quyết", "Kỳ trước chuyển qua"),
    ("Số hồ sơ nhận giải quyết", "Tổng số"),
    ("Số hồ sơ đã giải quyết", "Trước hạn"),
    ("Số hồ sơ đã giải quyết", "Đúng hạn"),
    ("Số hồ sơ đã giải quyết", "Quá hạn"),
    ("Số hồ sơ đã giải quyết", "Tổng số"),
    ("Số hồ sơ đang giải quyết", "Trong hạn"),
    ("Số hồ sơ đang giải quyết", "Quá hạn"),
    ("Số hồ sơ đang giải quyết", "Tổng số"),
    ("Tỷ lệ", "Đúng hạn (%)"),
    ("Tỷ lệ", "Trực tuyến (%)"),
)


def person(officers: Mapping[str, str], login: str) -> str:
    """People by their name on the papers; the login only for an account without one."""
    return officers.get(login) or login


def cash_difference(difference: int) -> str:
    """The cash counted against the fees recorded as a reconciliation says it: thừa (over) or
    thiếu (short), never a bare minus sign."""
    if difference > 0:
        return f"thừa {money(difference)}"
    if difference < 0:
        return f"thiếu {money(-difference)}"
    return "không"


def status_word(status: str) -> str:
    try:
        return Status(status).label("vi")
    except ValueError:
        return status


def period_lines(report: PeriodReport) -> list[tuple[str, str, PeriodRow, bool]]:
    """(number, name, figures, is an agency) in the provincial layout: each agency numbered
    1, 2, … followed by its procedures numbered 1.1, 1.2, …; the total row is the caller's."""
    procedures: dict[str, list[PeriodRow]] = {}
    for line in report.by_procedure:
        procedures.setdefault((report.procedure_agency or {}).get(line.key, ""), []).append(line)
    lines = []
    for number, agency in enumerate(report.by_agency, start=1):
        lines.append((str(number), agency.name, agency, True))
        for sub, line in enumerate(procedures.get(agency.key, ()), start=1):
            lines.append((f"{number}.{sub}", f"{line.key} – {line.name}", line, False))
    return lines


def period_numbers(row: PeriodRow) -> list[int | float | None]:
    """The values of a PeriodRow in the order of PERIOD_COLUMNS (rates as 0..1 or None)."""
    return [*period_counts(row), *period_rates(row)]


def period_counts(row: PeriodRow) -> list[int]:
    """The dossier counts of a PeriodRow, the first columns of PERIOD_COLUMNS."""
    return [
        row.received_new,
        row.carried_over,
        row.received_total,
        row.resolved_early,
        row.resolved_on_time,
        row.resolved_late,
        row.resolved_total,
        row.in_progress_on_time,
        row.in_progress_late,
        row.in_progress_total,
    ]


def period_rates(row: PeriodRow) -> list[float | None]:
    """The rates of a PeriodRow (0..1, or None with nothing to count), its last two columns."""
    return [row.on_time_rate, row.online_share]
