"""The citizens' ratings of a period in the supervisor's review: per officer and per
procedure, how many of each level and each level's share."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from counter_app.domain.ratings import Level, RatingCounts, RatingReview
from counter_app.ui.reports.figures import count_text, percent_text


class RatingsTable(QTableWidget):
    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lang = lang
        self.setObjectName("periodRatings")
        headings = [self.tr("By"), self.tr("Officer or procedure")]
        for level in Level:
            headings.append(level.label(lang))
        headings += [self.tr("Share satisfied or better"), self.tr("Share dissatisfied")]
        headings.append(self.tr("Ratings"))
        self.setColumnCount(len(headings))
        self.setHorizontalHeaderLabels(headings)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)

    def show_review(self, review: RatingReview, names: dict[str, str]) -> None:
        """`names`: officer logins and procedure codes -> what the supervisor reads."""
        lines = [
            (self.tr("Officer"), names.get(login, login), counts)
            for login, counts in sorted(review.by_officer.items())
        ]
        lines += [
            (self.tr("Procedure"), names.get(code, code), counts)
            for code, counts in sorted(review.by_procedure.items())
        ]
        lines.append((self.tr("Total"), "", review.total))
        self.setRowCount(len(lines))
        for row, (group, name, counts) in enumerate(lines):
            for column, text in enumerate([group, name, *_figures(counts, self._lang)]):
                self.setItem(row, column, QTableWidgetItem(text))


def _figures(counts: RatingCounts, lang: str) -> list[str]:
    good = None
    if counts.total:
        satisfied = counts.counts[Level.VERY_SATISFIED.value] + counts.counts[Level.SATISFIED.value]
        good = satisfied / counts.total
    return [
        *(count_text(counts.counts[level.value], lang) for level in Level),
        percent_text(good, lang),
        percent_text(counts.share(Level.DISSATISFIED), lang),
        count_text(counts.total, lang),
    ]
