"""The working calendar: the hours of each working day, the national holidays for reference,
and the counter's own days off and extra working days. Deadlines are counted on it."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.calendar import WorkSchedule
from counter_app.domain.errors import CounterError
from counter_app.domain.text import clean
from counter_app.ui import formatting, notify
from counter_app.ui.labels import weekday_name
from counter_app.ui.session import Session
from counter_app.ui.settings.forms import (
    MAX_PERIODS,
    WEEKDAYS_FIELD,
    LocalOverride,
    clock_text,
    duration_text,
    local_overrides,
    official_days,
    period_field,
    read_schedule,
)
from counter_app.ui.settings.widgets import FieldError, Section, agency_combo, note_label
from counter_app.ui.tables import fill_table, read_only_table

EVERY_AGENCY = ""
NOTE_MAX = 200


class ClockEdit(QLineEdit):
    """A time of day: five characters wide, whatever the text size."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMaxLength(5)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(self.fontMetrics().horizontalAdvance("00:000") + 24, hint.height())

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()


class ScheduleEditor(Section):
    """The working days and up to three periods, for every agency or for one of them."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, "", "", parent=parent)
        self.outer.setContentsMargins(12, 12, 12, 8)
        self.save_button.setText(self.tr("&Save the schedule"))

        self.agency_combo = agency_combo("scheduleAgency")
        self.agency_combo.activated.connect(self._agency_chosen)
        self.own_check = QCheckBox(self.tr("This agency has its o&wn schedule"))
        self.own_check.setObjectName("ownSchedule")
        self.own_check.toggled.connect(self._own_toggled)
        self.own_note = note_label(
            self.tr("Without its own schedule, the agency follows the default schedule.")
        )

        self.day_checks: list[QCheckBox] = []
        days = QGridLayout()
        days.setHorizontalSpacing(18)
        for weekday in range(7):
            check = QCheckBox(weekday_name(weekday))
            check.setObjectName(f"weekday{weekday}")
            self.day_checks.append(check)
            days.addWidget(check, weekday // 4, weekday % 4)
        days.setColumnStretch(4, 1)
        self.days_error = FieldError("weekdaysError")

        self.start_edits: list[QLineEdit] = []
        self.end_edits: list[QLineEdit] = []
        self.period_errors: list[FieldError] = []
        periods = QGridLayout()
        periods.setHorizontalSpacing(8)
        periods.setColumnStretch(4, 1)
        for index in range(MAX_PERIODS):
            start, end = self._clock_edit(f"start{index}"), self._clock_edit(f"end{index}")
            error = FieldError(f"{period_field(index)}Error")
            label = QLabel(self.tr("Period {n}:").format(n=index + 1))
            label.setBuddy(start)
            periods.addWidget(label, index, 0)
            periods.addWidget(start, index, 1)
            periods.addWidget(QLabel("–"), index, 2)
            periods.addWidget(end, index, 3)
            periods.addWidget(error, index, 4)
            self.start_edits.append(start)
            self.end_edits.append(end)
            self.period_errors.append(error)
        self.total_label = QLabel()
        self.total_label.setObjectName("workingTime")

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        agency_label = QLabel(self.tr("Schedule &of:"))
        agency_label.setBuddy(self.agency_combo)
        form.addRow(agency_label, self.agency_combo)
        self.own_cell = QWidget()
        own_layout = QVBoxLayout(self.own_cell)
        own_layout.setContentsMargins(0, 0, 0, 4)
        own_layout.setSpacing(2)
        own_layout.addWidget(self.own_check)
        own_layout.addWidget(self.own_note)
        form.addRow("", self.own_cell)
        days_label = QLabel(self.tr("Working days:"))
        days_label.setBuddy(self.day_checks[0])
        days_cell = QVBoxLayout()
        days_cell.setSpacing(2)
        days_cell.addLayout(days)
        days_cell.addWidget(self.days_error)
        form.addRow(days_label, days_cell)
        form.addRow(self.tr("Working hours:"), periods)
        form.addRow(
            "",
            note_label(
                self.tr(
                    "Times as HH:MM. Leave a period empty when it is not used. Public holidays "
                    "and make-up working days apply whatever the schedule."
                )
            ),
        )
        form.addRow(self.tr("Per working day:"), self.total_label)
        self.body.addLayout(form)
        self.body.addStretch(1)

        self.watch(*self.day_checks, *self.start_edits, *self.end_edits)
        for check in self.day_checks:
            check.toggled.connect(self._update_total)
        for edit in (*self.start_edits, *self.end_edits):
            edit.textChanged.connect(self._update_total)
            edit.returnPressed.connect(self.save)
        self.finish()

    def _clock_edit(self, name: str) -> QLineEdit:
        edit = ClockEdit()
        edit.setObjectName(name)
        edit.setPlaceholderText(self.tr("HH:MM"))
        return edit

    # --- which schedule
    def agency_code(self) -> str:
        return str(self.agency_combo.currentData() or EVERY_AGENCY)

    def choose_agency(self, code: str) -> None:
        index = self.agency_combo.findData(code)
        self.agency_combo.setCurrentIndex(max(index, 0))
        self._agency_chosen()

    def _agency_chosen(self, *_: object) -> None:
        self._show_schedule()
        self.dirty = False

    def _own_toggled(self, own: bool) -> None:
        self.mark_dirty()
        self._set_fields_enabled(own or not self.agency_code())

    def _set_fields_enabled(self, enabled: bool) -> None:
        for widget in (*self.day_checks, *self.start_edits, *self.end_edits):
            widget.setEnabled(enabled)

    def load(self) -> None:
        chosen = self.agency_code()
        self.agency_combo.clear()
        self.agency_combo.addItem(self.tr("Every agency (default schedule)"), EVERY_AGENCY)
        for code, agency in self.session.workspace.catalog.agencies().items():
            self.agency_combo.addItem(f"{agency.name} — {code}", code)
        self.agency_combo.setCurrentIndex(max(self.agency_combo.findData(chosen), 0))
        self._show_schedule()

    def _has_own(self, code: str) -> bool:
        return self.session.workspace.calendars.has_own_schedule(code)

    def _show_schedule(self) -> None:
        code = self.agency_code()
        schedule = self.session.workspace.settings.schedule(code)
        own = bool(code) and self._has_own(code)
        self.own_check.blockSignals(True)
        self.own_check.setChecked(own)
        self.own_check.blockSignals(False)
        self.own_cell.setVisible(bool(code))
        self._set_fields_enabled(own or not code)
        self.show_schedule(schedule)

    def show_schedule(self, schedule: WorkSchedule) -> None:
        for weekday, check in enumerate(self.day_checks):
            check.setChecked(weekday in schedule.weekdays)
        for index in range(MAX_PERIODS):
            if index < len(schedule.periods):
                start, end = schedule.periods[index]
                self.start_edits[index].setText(clock_text(start))
                self.end_edits[index].setText(clock_text(end))
            else:
                self.start_edits[index].clear()
                self.end_edits[index].clear()
        self._clear_problems()
        self._update_total()

    def _clear_problems(self) -> None:
        self.days_error.clear_problem()
        for error in self.period_errors:
            error.clear_problem()

    def _typed(self) -> tuple[set[int], list[tuple[str, str]]]:
        weekdays = {d for d, check in enumerate(self.day_checks) if check.isChecked()}
        periods = [
            (start.text(), end.text())
            for start, end in zip(self.start_edits, self.end_edits, strict=True)
        ]
        return weekdays, periods

    def _update_total(self, *_: object) -> None:
        reading = read_schedule(*self._typed())
        if reading.schedule is None:
            self.total_label.setText("—")
        else:
            self.total_label.setText(
                self.tr("{hours} hours").format(
                    hours=duration_text(reading.schedule.working_time_per_day)
                )
            )

    # --- saving
    def _uses_own(self) -> bool:
        return not self.agency_code() or self.own_check.isChecked()

    def validate(self) -> bool:
        self._clear_problems()
        if not self._uses_own():
            return True
        reading = read_schedule(*self._typed())
        problems = reading.problems
        if WEEKDAYS_FIELD in problems:
            self.days_error.show_problem(problems[WEEKDAYS_FIELD])
        for index, error in enumerate(self.period_errors):
            if period_field(index) in problems:
                error.show_problem(problems[period_field(index)])
        if WEEKDAYS_FIELD in problems:
            self.day_checks[0].setFocus()
        else:
            for index in range(MAX_PERIODS):
                if period_field(index) in problems:
                    self.start_edits[index].setFocus()
                    break
        return not problems

    def write(self) -> str:
        ws = self.session.workspace
        code = self.agency_code()
        agency = self.agency_combo.currentText()
        if not self._uses_own():
            ws.calendars.set_schedule(None, by=self.session.user, agency_code=code)
            self._show_schedule()
            return self.tr("{agency} now follows the default schedule.").format(agency=agency)
        schedule = read_schedule(*self._typed()).schedule
        assert schedule is not None  # validate() said so
        ws.calendars.set_schedule(schedule, by=self.session.user, agency_code=code)
        if not code:
            return self.tr("Default working schedule saved.")
        return self.tr("Working schedule of {agency} saved.").format(agency=agency)

    def focus_first(self) -> None:
        self.agency_combo.setFocus()


class HolidaysView(QWidget):
    """The national calendar of a year, for reference: it applies to every agency."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.year_spin = QSpinBox()
        self.year_spin.setObjectName("holidayYear")
        self.year_spin.setRange(2000, 2100)
        self.year_spin.setValue(session.clock().year)
        self.year_spin.valueChanged.connect(self.refresh)
        self.table = read_only_table(
            "holidayTable", [self.tr("Date"), self.tr("Day"), self.tr("Name"), self.tr("Kind")]
        )
        year_label = QLabel(self.tr("&Year:"))
        year_label.setBuddy(self.year_spin)
        top = QHBoxLayout()
        top.addWidget(year_label)
        top.addWidget(self.year_spin)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 8)
        layout.addLayout(top)
        layout.addWidget(
            note_label(
                self.tr(
                    "Public holidays and the Saturdays or Sundays worked in exchange, as "
                    "decided by the government. They apply to every agency; add the counter's "
                    "own changes under “Days off and extra working days”."
                )
            )
        )
        layout.addWidget(self.table, 1)
        self.refresh()

    def refresh(self, *_: object) -> None:
        rows = []
        for official in official_days(self.year_spin.value(), self._session.lang):
            rows.append(
                [
                    formatting.day(official.day),
                    weekday_name(official.day.weekday()),
                    official.name or self.tr("Worked in exchange for a day off"),
                    self.tr("Make-up working day")
                    if official.working
                    else self.tr("Public holiday"),
                ]
            )
        fill_table(self.table, rows, stretch=2)


class OverridesEditor(QWidget):
    """The counter's own days off and extra working days, for every agency or one."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.overrides: list[LocalOverride] = []
        self.table = read_only_table(
            "overrideTable",
            [self.tr("Date"), self.tr("Day"), self.tr("Kind"), self.tr("Applies to")],
        )
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.remove_button = QPushButton(self.tr("&Remove"))
        self.remove_button.setObjectName("removeOverride")
        self.remove_button.clicked.connect(self.remove_selected)
        self.empty_label = note_label(self.tr("No local day off or extra working day yet."))

        self.date_edit = QDateEdit()
        self.date_edit.setObjectName("overrideDate")
        self.date_edit.setDisplayFormat("dd/MM/yyyy")
        self.date_edit.setCalendarPopup(True)
        today = session.clock().date()
        self.date_edit.setDate(formatting.to_qdate(today))
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("overrideKind")
        self.kind_combo.addItem(self.tr("Day off"), False)
        self.kind_combo.addItem(self.tr("Extra working day"), True)
        self.scope_combo = agency_combo("overrideScope")
        self.note_edit = QLineEdit()
        self.note_edit.setObjectName("overrideNote")
        self.note_edit.setMaxLength(NOTE_MAX)
        self.note_edit.setPlaceholderText(
            self.tr("Why, e.g. the decision that declares it (optional)")
        )
        self.note_edit.returnPressed.connect(self.add)
        self.add_button = QPushButton(self.tr("&Add"))
        self.add_button.setObjectName("addOverride")
        self.add_button.clicked.connect(self.add)
        self.error = FieldError("overrideError")

        add_box = QGroupBox(self.tr("Add a day"))
        form = QGridLayout(add_box)
        form.setHorizontalSpacing(10)
        # Date and kind side by side; the agency and the note, long, on lines of their own.
        cells = (
            (self.tr("&Date:"), self.date_edit, 0, 0, 1),
            (self.tr("&Kind:"), self.kind_combo, 0, 2, 1),
            (self.tr("A&pplies to:"), self.scope_combo, 1, 0, 3),
            (self.tr("&Note:"), self.note_edit, 2, 0, 3),
        )
        for caption, widget, row, column, span in cells:
            label = QLabel(caption)
            label.setBuddy(widget)
            form.addWidget(label, row, column)
            form.addWidget(widget, row, column + 1, 1, span)
        form.addWidget(self.add_button, 2, 4, Qt.AlignmentFlag.AlignLeft)
        form.addWidget(self.error, 3, 1, 1, 4)
        form.setColumnStretch(3, 1)

        buttons = QHBoxLayout()
        buttons.addWidget(self.empty_label)
        buttons.addStretch(1)
        buttons.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 8)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(add_box)
        self.refresh()

    def _agency_label(self, code: str) -> str:
        """The agency as the table shows it."""
        if not code:
            return self.tr("Every agency")
        agency = self._session.workspace.catalog.agencies().get(code)
        return f"{agency.name} — {code}" if agency else code

    def _agency_phrase(self, code: str) -> str:
        """The agency inside a sentence."""
        return self._agency_label(code) if code else self.tr("every agency")

    def _already(self, day: date, working: bool, code: str) -> bool:
        """The day is already what the entry would make it, for every agency it is meant for."""
        calendars = self._session.workspace.calendars
        codes = [code] if code else ["", *self._session.workspace.catalog.agencies()]
        return all(calendars.for_agency(c).is_working_day(day) == working for c in codes)

    def refresh(self) -> None:
        ws = self._session.workspace
        agencies = ws.catalog.agencies()
        chosen = self.scope_combo.currentData()
        self.scope_combo.clear()
        self.scope_combo.addItem(self.tr("Every agency"), EVERY_AGENCY)
        for code, agency in agencies.items():
            self.scope_combo.addItem(f"{agency.name} — {code}", code)
        self.scope_combo.setCurrentIndex(max(self.scope_combo.findData(chosen), 0))
        self.overrides = local_overrides(ws.calendars, agencies)
        fill_table(
            self.table,
            [
                [
                    formatting.day(o.day),
                    weekday_name(o.day.weekday()),
                    self.tr("Extra working day") if o.working else self.tr("Day off"),
                    self._agency_label(o.agency_code),
                ]
                for o in self.overrides
            ],
            stretch=3,
        )
        self.empty_label.setVisible(not self.overrides)
        self._selection_changed()

    def _selection_changed(self) -> None:
        self.remove_button.setEnabled(bool(self.table.selectionModel().selectedRows()))

    def chosen_day(self) -> date:
        return formatting.from_qdate(self.date_edit.date())

    def add(self) -> None:
        day = self.chosen_day()
        working = bool(self.kind_combo.currentData())
        code = str(self.scope_combo.currentData() or EVERY_AGENCY)
        note = clean(self.note_edit.text())
        self.error.clear_problem()
        replaced = any(o.day == day and o.agency_code == code for o in self.overrides)
        if not replaced and self._already(day, working, code):
            if working:
                problem = self.tr("{date} is already a working day for {agency}.")
            else:
                problem = self.tr("{date} is already a day off for {agency}.")
            self.error.show_problem(
                problem.format(date=formatting.day(day), agency=self._agency_phrase(code))
            )
            self.date_edit.setFocus()
            return
        try:
            self._session.workspace.calendars.set_override(
                day, by=self._session.user, working=working, agency_code=code, note=note
            )
        except CounterError as error:
            notify.show_error(self, error.message(self._session.lang))
            return
        self.note_edit.clear()
        self.refresh()
        if working:
            text = self.tr("Extra working day on {date} saved for {agency}.")
        else:
            text = self.tr("Day off on {date} saved for {agency}.")
        text = text.format(date=formatting.day(day), agency=self._agency_phrase(code))
        if replaced:
            text += " " + self.tr("It replaces the earlier entry for that day.")
        self._session.messages.info(text)

    def remove_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        chosen = self.overrides[rows[0].row()]
        try:
            self._session.workspace.calendars.remove_override(
                chosen.day, by=self._session.user, agency_code=chosen.agency_code
            )
        except CounterError as error:
            notify.show_error(self, error.message(self._session.lang))
            return
        self.refresh()
        self._session.messages.info(
            self.tr("{date} removed for {agency}: the usual calendar applies again.").format(
                date=formatting.day(chosen.day), agency=self._agency_phrase(chosen.agency_code)
            )
        )

    def select(self, day: date, agency_code: str = EVERY_AGENCY) -> bool:
        for row, override in enumerate(self.overrides):
            if override.day == day and override.agency_code == agency_code:
                self.table.selectRow(row)
                return True
        return False


class CalendarSection(Section):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(
            session,
            self.tr("Working calendar"),
            self.tr("Due dates are counted on these working days and hours."),
            with_save=False,
            parent=parent,
        )
        self.schedule = ScheduleEditor(session)
        self.holidays = HolidaysView(session)
        self.overrides = OverridesEditor(session)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("calendarTabs")
        self.tabs.addTab(self.schedule, self.tr("Working hours"))
        self.tabs.addTab(self.holidays, self.tr("National holidays"))
        self.tabs.addTab(self.overrides, self.tr("Days off and extra working days"))
        self.body.addWidget(self.tabs, 1)

    def load(self) -> None:
        self.schedule.reload()
        self.holidays.refresh()
        self.overrides.refresh()

    def reload(self) -> None:
        if not self.schedule.dirty:
            self.schedule.reload()
        self.holidays.refresh()
        self.overrides.refresh()

    @property
    def dirty(self) -> bool:
        return self.schedule.dirty

    @dirty.setter
    def dirty(self, value: bool) -> None:
        """The section itself holds no value: its tabs do."""

    def save(self) -> bool:
        if self.tabs.currentWidget() is self.schedule:
            return self.schedule.save()
        return False

    def focus_first(self) -> None:
        self.tabs.setFocus()
