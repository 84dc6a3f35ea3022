"""The daily review: for a chosen day (and, for supervisors, one officer or the whole
counter), the headline figures, the charts, the intake broken down, the day's dossiers and
the deadlines; the day's sign-off state with its actions; the day's exports. Every figure is
computed in the background; the page says it is loading and never freezes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.catalog import FeeCollection
from counter_app.domain.dossier import Channel
from counter_app.domain.errors import CounterError
from counter_app.domain.messages import translate
from counter_app.domain.permissions import Permission, allowed
from counter_app.domain.reports import DailyReview, SignOff
from counter_app.ui import formatting, theme
from counter_app.ui.labels import channel_label, fee_collection_label
from counter_app.ui.reports.charts import HourChart, OfficerChart, OutcomeChart, TrendChart
from counter_app.ui.reports.day_list import DayDossiers
from counter_app.ui.reports.deadlines import DeadlineLists
from counter_app.ui.reports.exports import Export, ExportBar
from counter_app.ui.reports.figures import FigureCards, FigureTable, count_text, percent_text, share
from counter_app.ui.reports.sign_off import ReopenDialog, SignOffDialog, difference_text
from counter_app.ui.session import Session
from counter_app.ui.workers import Tasks

SIGNED_COLOURS = ("#d1e7dd", "#0f5132")
TYPING_PAUSE_MS = 300


@dataclass(frozen=True)
class Answer:
    """What one background read brings back: the review, the officers' and agencies' names."""

    review: DailyReview
    people: dict[str, str]
    agencies: dict[str, str]


class DailyReviewTab(QWidget):
    """`review` is the review on screen (None until the first answer); `sig_open_code` asks
    the page to open a dossier's detail."""

    sig_open_code = Signal(str)
    """A dossier to open (its code)."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.supervising = allowed(session.user.role, Permission.SEE_COUNTER_REPORTS)
        self.review: DailyReview | None = None
        self.people: dict[str, str] = {}
        self.agencies: dict[str, str] = {}
        self.tasks = Tasks(self)
        self.sign_off_dialog: SignOffDialog | None = None
        self.reopen_dialog: ReopenDialog | None = None

        self.day_edit = QDateEdit(formatting.to_qdate(session.clock().date()))
        self.day_edit.setObjectName("reviewDay")
        self.day_edit.setCalendarPopup(True)
        self.day_edit.setDisplayFormat("dd/MM/yyyy")
        self.day_edit.setMaximumDate(formatting.to_qdate(session.clock().date()))
        day_caption = QLabel(self.tr("&Day:"))
        day_caption.setBuddy(self.day_edit)
        self.previous_button = self._step_button("‹", self.tr("Previous day (Alt+Left)"), -1)
        self.next_button = self._step_button("›", self.tr("Next day (Alt+Right)"), 1)
        self.today_button = QPushButton(self.tr("&Today"))
        self.today_button.setAutoDefault(False)
        self.today_button.clicked.connect(lambda: self.set_day(self._session.clock().date()))
        self.officer_combo = QComboBox()
        self.officer_combo.setObjectName("reviewOfficer")
        self.officer_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.officer_combo.setMinimumContentsLength(20)
        self.officer_combo.addItem(self.tr("Whole counter"), None)
        officer_caption = QLabel(self.tr("&Officer:"))
        officer_caption.setBuddy(self.officer_combo)
        self.loading_label = QLabel(self.tr("Computing the figures…"))
        self.loading_label.setObjectName("reviewLoading")
        self.loading_label.setStyleSheet(f"color: {theme.MUTED_TEXT.name()};")

        report, book = self.tr("Report:"), self.tr("Tracking book:")
        exports = [
            Export("dailyXlsx", report, "xlsx", self._daily_name,
                   self._daily_writer("export_daily_xlsx")),
            Export("dailyPdf", report, "pdf", self._daily_name,
                   self._daily_writer("export_daily_pdf")),
            Export("dayBookXlsx", book, "xlsx", self._book_name, self._book_xlsx),
            Export("dayBookPdf", book, "pdf", self._book_name, self._book_pdf),
        ]  # fmt: skip
        self.exports = ExportBar(session, exports)

        controls = QHBoxLayout()
        controls.addWidget(day_caption)
        controls.addWidget(self.previous_button)
        controls.addWidget(self.day_edit)
        controls.addWidget(self.next_button)
        controls.addWidget(self.today_button)
        if self.supervising:
            controls.addSpacing(12)
            controls.addWidget(officer_caption)
            controls.addWidget(self.officer_combo)
        else:
            officer_caption.setVisible(False)
            self.officer_combo.setVisible(False)
        controls.addSpacing(12)
        controls.addWidget(self.loading_label)
        controls.addStretch(1)

        self.sign_off_bar = QFrame()
        self.sign_off_bar.setObjectName("signOffBar")
        self.sign_off_label = QLabel()
        self.sign_off_label.setObjectName("signOffState")
        self.sign_off_label.setWordWrap(True)
        self.sign_button = QPushButton(self.tr("&Sign off the day…"))
        self.sign_button.setObjectName("signOffDay")
        self.reopen_button = QPushButton(self.tr("&Reopen the day…"))
        self.reopen_button.setObjectName("reopenDay")
        for button in (self.sign_button, self.reopen_button):
            button.setAutoDefault(False)
            button.setVisible(False)
        self.sign_button.clicked.connect(self.open_sign_off)
        self.reopen_button.clicked.connect(self.open_reopen)
        bar = QHBoxLayout(self.sign_off_bar)
        bar.setContentsMargins(10, 2, 10, 2)
        bar.addWidget(self.sign_off_label, 1)
        bar.addWidget(self.sign_button)
        bar.addWidget(self.reopen_button)

        self.error_label = theme.error_label("reviewError")
        self.cards = FigureCards(
            [
                ("received", self.tr("Received")),
                ("resolved", self.tr("Resolved")),
                ("returned", self.tr("Results handed back")),
                ("fees", self.tr("Fees collected")),
                ("overdue", self.tr("Overdue")),
                ("due_today", self.tr("Due on the day")),
            ],
            wide=frozenset({"fees"}),
        )

        self.hour_chart = HourChart(self.tr("Intake per hour"))
        self.officer_chart = OfficerChart(self.tr("Intake per officer"))
        self.trend_chart = TrendChart(self.tr("Intake over 30 days"))
        self.outcome_chart = OutcomeChart(self.tr("Completed on the day, against the due day"))
        charts = QWidget()
        grid = QGridLayout(charts)
        grid.setContentsMargins(4, 4, 4, 4)
        grid.setSpacing(6)
        grid.addWidget(self.hour_chart, 0, 0)
        grid.addWidget(self.trend_chart, 0, 1)
        grid.addWidget(self.officer_chart, 1, 0)
        grid.addWidget(self.outcome_chart, 1, 1)

        self.channel_table = FigureTable(
            "byChannel", [self.tr("Channel"), self.tr("Dossiers"), self.tr("Share")]
        )
        self.procedure_table = FigureTable(
            "byProcedure", [self.tr("Procedure"), self.tr("Dossiers"), self.tr("Share")]
        )
        self.agency_table = FigureTable(
            "byAgency", [self.tr("Handling agency"), self.tr("Dossiers"), self.tr("Share")]
        )
        self.officer_table = FigureTable(
            "byOfficer", [self.tr("Officer"), self.tr("Dossiers"), self.tr("Share")]
        )
        self.fee_table = FigureTable("feesByCollection", [self.tr("Collection"), self.tr("Amount")])
        self.payment_table = FigureTable(
            "paymentsByMethod", [self.tr("Paid by"), self.tr("Payments"), self.tr("Amount")]
        )
        breakdown = QWidget()
        tables = QGridLayout(breakdown)
        tables.setContentsMargins(4, 4, 4, 4)
        tables.addWidget(self.procedure_table, 0, 0, 4, 1)
        tables.addWidget(self.agency_table, 0, 1, 4, 1)
        tables.addWidget(self.channel_table, 0, 2)
        tables.addWidget(self.fee_table, 1, 2)
        tables.addWidget(self.payment_table, 2, 2)
        tables.addWidget(self.officer_table, 3, 2)
        tables.setColumnStretch(0, 5)
        tables.setColumnStretch(1, 4)
        tables.setColumnStretch(2, 4)
        tables.setRowStretch(3, 1)

        self.day_list = DayDossiers(session)
        self.day_list.sig_open_code.connect(self.sig_open_code)
        self.day_list.model.sig_failed.connect(self._failed)
        self.deadlines = DeadlineLists(session.lang)
        self.deadlines.sig_open_code.connect(self.sig_open_code)

        self.sections = QTabWidget()
        self.sections.setObjectName("reviewSections")
        self.sections.addTab(charts, self.tr("Charts"))
        self.sections.addTab(breakdown, self.tr("Breakdown"))
        self.sections.addTab(self.day_list, self.tr("Dossiers of the day"))
        self.sections.addTab(self.deadlines, self.tr("Deadlines"))
        corner = QWidget()
        exports_row = QHBoxLayout(corner)
        exports_row.setContentsMargins(0, 0, 0, 4)
        exports_row.addWidget(self.exports)
        self.sections.setCornerWidget(corner, Qt.Corner.TopRightCorner)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 8)
        layout.setSpacing(8)
        layout.addLayout(controls)
        layout.addWidget(self.error_label)
        layout.addWidget(self.exports.error_label)
        layout.addWidget(self.sign_off_bar)
        layout.addWidget(self.cards)
        layout.addWidget(self.sections, 1)
        layout.addWidget(self.exports.message_label)

        # Typing a date changes it field by field: read once the typing pauses.
        self._typed_day = QTimer(self)
        self._typed_day.setSingleShot(True)
        self._typed_day.setInterval(TYPING_PAUSE_MS)
        self._typed_day.timeout.connect(self.refresh)
        self.day_edit.dateChanged.connect(lambda _date: self._typed_day.start())
        self.officer_combo.currentIndexChanged.connect(self.refresh)
        QShortcut(QKeySequence(Qt.Key.Key_F5), self, self.refresh)
        QShortcut(QKeySequence("Alt+Left"), self, lambda: self.step(-1))
        QShortcut(QKeySequence("Alt+Right"), self, lambda: self.step(1))
        self._show_sign_off(self.day(), None)

    def _step_button(self, text: str, tip: str, days: int) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.clicked.connect(lambda: self.step(days))
        return button

    # --- the day and officer chosen
    def day(self) -> date:
        return formatting.from_qdate(self.day_edit.date())

    def officer(self) -> str | None:
        """The officer whose day is shown: staff always their own; None is the counter."""
        if not self.supervising:
            return self._session.user.login
        return self.officer_combo.currentData()

    def set_day(self, day: date) -> None:
        """Show `day` now (the buttons, the shortcuts, the window)."""
        self.day_edit.blockSignals(True)
        self.day_edit.setDate(formatting.to_qdate(day))
        self.day_edit.blockSignals(False)
        self.refresh()

    def step(self, days: int) -> None:
        self.set_day(self.day() + timedelta(days=days))

    def set_officer(self, login: str | None) -> None:
        index = self.officer_combo.findData(login)
        if index >= 0:
            self.officer_combo.setCurrentIndex(index)

    # --- reading
    def activate(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        """Read the review again in the background; what is shown stays, dimmed, meanwhile."""
        self._typed_day.stop()
        session, day, officer = self._session, self.day(), self.officer()
        self.loading_label.setVisible(True)
        for part in (self.cards, self.sections):
            part.setEnabled(self.review is not None)
        ws = session.workspace

        def work() -> Answer:
            review = ws.reports.daily(day, user=session.user, officer=officer)
            people = {u.login: u.full_name for u in ws.accounts.users()}
            agencies = {code: agency.name for code, agency in ws.catalog.agencies().items()}
            return Answer(review, people, agencies)

        self.tasks.run("review", work, self._shown, self._failed)
        self.day_list.show_day(day, officer)  # read alongside the review

    def _shown(self, answer: Answer) -> None:
        review = self.review = answer.review
        self.people, self.agencies = answer.people, answer.agencies
        self.loading_label.setVisible(False)
        self.error_label.setVisible(False)
        for part in (self.cards, self.sections):
            part.setEnabled(True)
        self._fill_officers()
        self._show_cards(review)
        self._show_tables(review)
        names = {login: self.people.get(login) or login for login in review.by_officer}
        self.hour_chart.show_hours(review.by_hour)
        self.officer_chart.show_officers(review.by_officer, names)
        self.trend_chart.show_trend(review.trend)
        self.outcome_chart.show_outcomes(
            [
                (self.tr("Early"), review.on_time.before),
                (self.tr("On the day"), review.on_time.on),
                (self.tr("Late"), review.on_time.late),
            ]
        )
        nothing_received = self.tr("No dossier received on this day")
        for chart in (self.hour_chart, self.officer_chart):
            chart.show_empty_note("" if review.received else nothing_received)
        self.trend_chart.show_empty_note(
            "" if any(n for _, n in review.trend) else self.tr("No dossier in these 30 days")
        )
        self.outcome_chart.show_empty_note(
            "" if review.on_time.total else self.tr("No dossier completed on this day")
        )
        self.deadlines.show_lists(
            review.overdue, review.due_today, review.due_tomorrow, self.people
        )
        self.sections.setTabText(
            3,
            self.tr("Deadlines ({overdue} overdue)").format(overdue=len(review.overdue))
            if review.overdue
            else self.tr("Deadlines"),
        )
        self.day_list.set_procedures(review.procedure_names)
        self._show_sign_off(review.day, review.sign_off)

    def _failed(self, error: Exception) -> None:
        self.loading_label.setVisible(False)
        for part in (self.cards, self.sections):
            part.setEnabled(self.review is not None)
        if not isinstance(error, CounterError):
            raise error  # a bug: the crash handler logs it and says so
        self.error_label.setText(error.message(self._session.lang))
        self.error_label.setVisible(True)

    # --- showing
    def _fill_officers(self) -> None:
        """Every account, by name; the choice kept across refreshes."""
        if not self.supervising or self.officer_combo.count() > 1:
            return
        self.officer_combo.blockSignals(True)
        for login, name in sorted(self.people.items(), key=lambda item: item[1] or item[0]):
            self.officer_combo.addItem(f"{name} ({login})" if name else login, login)
        self.officer_combo.blockSignals(False)

    def _show_cards(self, review: DailyReview) -> None:
        lang = self._session.lang
        cards = self.cards.cards
        cards["received"].show_value(
            count_text(review.received, lang),
            self.tr("{online} online, {postal} by post").format(
                online=count_text(review.by_channel.get(Channel.ONLINE.value, 0), lang),
                postal=count_text(review.by_channel.get(Channel.POSTAL.value, 0), lang),
            ),
        )
        cards["resolved"].show_value(
            count_text(review.resolved, lang),
            self.tr("on-time rate {rate}").format(
                rate=percent_text(review.on_time.on_time_rate, lang)
            ),
        )
        cards["returned"].show_value(count_text(review.returned, lang))
        cards["fees"].show_value(
            formatting.money(review.fees_total, lang),
            self.tr("in cash: {cash}").format(cash=formatting.money(review.cash_fees, lang)),
        )
        cards["overdue"].show_value(
            count_text(len(review.overdue), lang), alert=bool(review.overdue)
        )
        cards["due_today"].show_value(
            count_text(len(review.due_today), lang),
            self.tr("next working day: {n}").format(n=count_text(len(review.due_tomorrow), lang)),
        )

    def _show_tables(self, review: DailyReview) -> None:
        lang, whole = self._session.lang, review.received

        def rows(counts: dict[str, int], name: Callable[[str], str]) -> list[list[str]]:
            ranked = sorted(counts.items(), key=lambda item: (-item[1], name(item[0])))
            return [[name(key), count_text(n, lang), share(n, whole, lang)] for key, n in ranked]

        total = [self.tr("Total"), count_text(whole, lang), share(whole, whole, lang)]
        self.channel_table.set_rows(
            [
                [channel_label(channel), count_text(n, lang), share(n, whole, lang)]
                for channel in Channel
                for n in [review.by_channel.get(channel.value, 0)]
            ],
            total,
        )
        self.procedure_table.set_rows(
            rows(review.by_procedure, lambda code: review.procedure_names.get(code, code)), total
        )
        self.agency_table.set_rows(
            rows(review.by_agency, lambda code: self.agencies.get(code, code)), total
        )
        self.officer_table.set_rows(
            rows(review.by_officer, lambda login: self.people.get(login) or login), total
        )
        self.fee_table.set_rows(
            [
                [fee_collection_label(form), formatting.money(amount, lang)]
                for form in FeeCollection
                for amount in [review.fees_by_collection.get(form.value, 0)]
            ],
            [self.tr("Total collected"), formatting.money(review.fees_total, lang)],
        )
        payments = review.payments.values()
        self.payment_table.set_rows(
            [
                [translate(f"payment.method.{method}", lang), count_text(paid.count, lang),
                 formatting.money(paid.amount, lang)]
                for method, paid in review.payments.items()
            ],
            [
                self.tr("Total paid"),
                count_text(sum(paid.count for paid in payments), lang),
                formatting.money(sum(paid.amount for paid in payments), lang),
            ],
        )  # fmt: skip
        self.channel_table.fit_rows()
        self.fee_table.fit_rows()
        self.payment_table.fit_rows()

    def _show_sign_off(self, day: date, signed: SignOff | None) -> None:
        lang = self._session.lang
        if signed is None:
            text = self.tr("The day {day} is not signed off yet.").format(day=formatting.day(day))
            colours = None
        elif signed.locked:
            text = self.tr(
                "Signed off by {who} at {when}: cash counted {cash}, {difference}."
            ).format(
                who=self._name(signed.signed_by),
                when=formatting.moment(signed.signed_at),
                cash=formatting.money(signed.cash_counted, lang),
                difference=difference_text(signed.difference, lang),
            )
            if signed.note:
                text += " " + self.tr("Note: {note}").format(note=signed.note)
            if signed.early_reason:
                text += " " + self.tr("Signed before closing time: {reason}").format(
                    reason=signed.early_reason
                )
            colours = SIGNED_COLOURS
        else:
            text = self.tr(
                "Reopened by {who} at {when} (reason: {reason}); the day must be signed off again."
            ).format(
                who=self._name(signed.reopened_by),
                when=formatting.moment(signed.reopened_at),
                reason=signed.reopen_reason,
            )
            colours = (theme.DUE_TODAY_BACKGROUND.name(), theme.DUE_TODAY_FOREGROUND.name())
        self.sign_off_label.setText(text)
        style = "#signOffBar { border: 1px solid palette(mid); border-radius: 4px; }"
        if colours is not None:
            background, foreground = colours
            style = (
                f"#signOffBar {{ background: {background}; border: 1px solid {foreground};"
                f" border-radius: 4px; }} #signOffBar QLabel {{ color: {foreground}; }}"
            )
        self.sign_off_bar.setStyleSheet(style)
        locked = signed is not None and signed.locked
        self.sign_button.setVisible(self.supervising and not locked)
        self.reopen_button.setVisible(self.supervising and locked)

    def _name(self, login: str) -> str:
        return self.people.get(login) or login

    # --- sign-off
    def open_sign_off(self) -> None:
        review = self.review
        whole_counter = review is not None and review.officer is None and review.day == self.day()
        cash_fees = review.cash_fees if review is not None and whole_counter else None
        dialog = SignOffDialog(self._session, self.day(), cash_fees, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self.refresh)
        dialog.finished.connect(lambda _result: setattr(self, "sign_off_dialog", None))
        self.sign_off_dialog = dialog
        dialog.open()

    def open_reopen(self) -> None:
        dialog = ReopenDialog(self._session, self.day(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self.refresh)
        dialog.finished.connect(lambda _result: setattr(self, "reopen_dialog", None))
        self.reopen_dialog = dialog
        dialog.open()

    # --- exports
    def _daily_name(self) -> str:
        return self.tr("daily-review-{day}").format(day=self.day().isoformat())

    def _daily_writer(self, method: str) -> Callable[[Path], Callable[[], object]]:
        session = self._session

        def prepare(path: Path) -> Callable[[], object]:
            day, officer = self.day(), self.officer()
            write = getattr(session.workspace.reports, method)
            return lambda: write(day, path, user=session.user, officer=officer)

        return prepare

    def _book_name(self) -> str:
        return self.tr("tracking-book-{day}").format(day=self.day().isoformat())

    def _book_xlsx(self, path: Path) -> Callable[[], object]:
        session, day = self._session, self.day()
        return lambda: session.workspace.reports.export_book_xlsx(day, day, path, user=session.user)

    def _book_pdf(self, path: Path) -> Callable[[], object]:
        """The book as the printing work lays it out (the same paper `print book` makes)."""
        papers, day = self._session.workspace.papers, self.day()
        return lambda: papers.save(papers.tracking_book(day, day), path)
