"""Dates, times and amounts as Vietnamese official papers write them.

"Lạng Sơn, ngày 05 tháng 02 năm 2025" follows the rule of Decree 30/2020/NĐ-CP for the date of
a document: days below 10 and the months January and February take a leading zero, so that
nobody can add a digit in front by hand; other months do not ("tháng 4"). Times are "09 giờ 30
phút, ngày 24/04/2025", amounts "200.000 đồng" and, in words, "Hai trăm nghìn đồng" with the
northern "linh" for a zero tens digit (Lạng Sơn is in the north).
"""

from __future__ import annotations

from datetime import date, datetime

from counter_app.domain.clock import local

_DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
# Group names for thousands; past "tỷ" the words repeat ("nghìn tỷ", "triệu tỷ").
_GROUPS = ("", "nghìn", "triệu")
_BILLION = 1_000_000_000


def official_date(day: date, place: str = "") -> str:
    """ "Lạng Sơn, ngày 24 tháng 4 năm 2025"; without a place, "ngày 24 tháng 4 năm 2025"."""
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    text = f"ngày {day.day:02d} tháng {month} năm {day.year}"
    return f"{place}, {text}" if place else text


def short_date(day: date) -> str:
    """ "24/04/2025"."""
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


def time_and_date(moment: datetime) -> str:
    """ "09 giờ 30 phút, ngày 24/04/2025", in Vietnam's time whatever the offset given."""
    moment = local(moment)
    return f"{moment.hour:02d} giờ {moment.minute:02d} phút, ngày {short_date(moment.date())}"


def official_time(moment: datetime) -> str:
    """ "09 giờ 30 phút, ngày 24 tháng 4 năm 2025": a time in the running text of a form, which
    writes its dates out as "ngày … tháng … năm …"; tables keep the short `time_and_date`."""
    moment = local(moment)
    return f"{moment.hour:02d} giờ {moment.minute:02d} phút, {official_date(moment.date())}"


def short_time_and_date(moment: datetime) -> str:
    """ "09:30 24/04/2025": for narrow table cells."""
    moment = local(moment)
    return f"{moment.hour:02d}:{moment.minute:02d} {short_date(moment.date())}"


def thousands(number: int) -> str:
    """Digits grouped by three with dots, as Vietnamese writes them: 1234567 → "1.234.567"."""
    sign = "-" if number < 0 else ""
    return sign + f"{abs(number):,}".replace(",", ".")


def money(amount: int) -> str:
    """ "200.000 đồng"."""
    return f"{thousands(amount)} đồng"


def _below_thousand(number: int, *, leading: bool) -> list[str]:
    """Words of 0 < number < 1000. A group that follows a larger one says its hundreds even
    when zero ("một nghìn không trăm linh năm"); the leading group does not."""
    hundreds, rest = divmod(number, 100)
    tens, units = divmod(rest, 10)
    words: list[str] = []
    if hundreds or not leading:
        words += [_DIGITS[hundreds], "trăm"]
    if tens == 0:
        if units:
            if words:
                words.append("linh")
            words.append(_DIGITS[units])
        return words
    if tens == 1:
        words.append("mười")
    else:
        words += [_DIGITS[tens], "mươi"]
    if units == 1 and tens > 1:
        words.append("mốt")
    elif units == 5:
        words.append("lăm")
    elif units:
        words.append(_DIGITS[units])
    return words


def _below_billion(number: int, *, leading: bool) -> list[str]:
    groups = []
    while number:
        number, group = divmod(number, 1000)
        groups.append(group)
    words: list[str] = []
    for index in range(len(groups) - 1, -1, -1):
        group = groups[index]
        if group == 0:
            continue
        first = leading and not words
        words += _below_thousand(group, leading=first)
        if _GROUPS[index]:
            words.append(_GROUPS[index])
    return words


def _words(number: int, *, leading: bool = True) -> list[str]:
    if number >= _BILLION:
        high, low = divmod(number, _BILLION)
        words = [*_words(high, leading=leading), "tỷ"]
        return words + _below_billion(low, leading=False) if low else words
    return _below_billion(number, leading=leading)


def number_in_words(number: int) -> str:
    """A whole number in Vietnamese words, lower case: 1_005_000 → "một triệu không trăm linh
    năm nghìn"."""
    if number < 0:
        return "âm " + number_in_words(-number)
    if number == 0:
        return _DIGITS[0]
    return " ".join(_words(number))


def money_in_words(amount: int) -> str:
    """ "Hai trăm nghìn đồng": what the "Bằng chữ" line of a fee says."""
    text = f"{number_in_words(amount)} đồng"
    return text[0].upper() + text[1:]


def count_with_zero(count: int) -> str:
    """Counts below ten with a leading zero, as forms print them: "01 (bộ)"."""
    return f"{count:02d}"
