"""How dates, times and money read on screen: Vietnamese conventions in both languages."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, QDate

from counter_app.domain.clock import local
from counter_app.ui.labels import weekday_name

EMPTY = "—"


def to_qdate(value: date) -> QDate:
    """A day for Qt's date widgets."""
    return QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> date:
    """The day a Qt date widget shows."""
    return date(value.year(), value.month(), value.day())


def moment(value: datetime | None) -> str:
    """dd/MM/yyyy HH:mm in Vietnam time; a dash when there is none."""
    if value is None:
        return EMPTY
    return local(value).strftime("%d/%m/%Y %H:%M")


def stacked_moment(value: datetime | None) -> str:
    """The day over the time (dd/MM/yyyy, a new line, HH:mm) for a narrow column."""
    return moment(value).replace(" ", "\n")


def day(value: date | None) -> str:
    if value is None:
        return EMPTY
    return value.strftime("%d/%m/%Y")


def long_day(value: date) -> str:
    """The day as the header shows it: Thứ Bảy, 28/11/2026 (in English: Saturday, 28/11/2026)."""
    return QCoreApplication.translate("Formatting", "{weekday}, {date}").format(
        weekday=weekday_name(value.weekday()), date=day(value)
    )


def money(amount: int, lang: str) -> str:
    """200.000 đ in Vietnamese, 200,000 VND in English."""
    grouped = f"{amount:,}"
    if lang == "vi":
        return grouped.replace(",", ".") + " đ"
    return grouped + " VND"


def text_or_dash(value: object) -> str:
    text = "" if value is None else str(value)
    return text if text.strip() else EMPTY
