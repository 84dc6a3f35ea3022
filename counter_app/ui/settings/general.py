"""The counter's name and central address, and the agencies whose dossiers it takes in."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QWidget,
)

from counter_app.domain.text import clean
from counter_app.ui.session import Session
from counter_app.ui.settings import values
from counter_app.ui.settings.widgets import FieldError, Section, note_label, with_error

AgencyCodeRole = Qt.ItemDataRole.UserRole + 1


class CounterSection(Section):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(
            session,
            self.tr("Counter"),
            self.tr(
                "The name printed on receipts and, with the desk's number, shown at the top "
                "of the window."
            ),
            parent=parent,
        )
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("counterName")
        self.name_edit.setMaxLength(values.COUNTER_NAME.max_length or 0)
        self.name_error = FieldError("counterNameError")
        self.desk_spin = QSpinBox()
        self.desk_spin.setObjectName("deskNumber")
        self.desk_spin.setRange(0, values.DESK.high or 0)
        self.desk_spin.setSpecialValueText(self.tr("none"))
        self.central_edit = QLineEdit()
        self.central_edit.setObjectName("centralAddress")
        self.central_edit.setReadOnly(True)
        self.central_edit.setPlaceholderText(self.tr("Not set"))
        self.central_note = note_label(
            self.tr(
                "Set when this counter is connected to the central system (the "
                "synchronisation work); it cannot be changed here."
            ),
            "centralNote",
        )

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        name_label = QLabel(self.tr("Counter &name:"))
        name_label.setBuddy(self.name_edit)
        desk_label = QLabel(self.tr("&Desk number:"))
        desk_label.setBuddy(self.desk_spin)
        central_label = QLabel(self.tr("Central se&rver:"))
        central_label.setBuddy(self.central_edit)
        form.addRow(name_label, with_error(self.name_edit, self.name_error))
        form.addRow(desk_label, with_error(self.desk_spin, FieldError("")))
        form.addRow(central_label, with_error(self.central_edit, FieldError(""), self.central_note))
        self.body.addLayout(form)
        self.body.addStretch(1)
        self.watch(self.name_edit, self.desk_spin)
        self.name_edit.returnPressed.connect(self.save)
        self.finish()

    def load(self) -> None:
        identity = self.session.workspace.settings.identity()
        self.name_edit.setText(identity.name)
        self.desk_spin.setValue(identity.desk_number or 0)
        self.central_edit.setText(identity.central_url or "")
        self.name_error.clear_problem()

    def validate(self) -> bool:
        if not clean(self.name_edit.text()):
            self.name_error.show_problem(self.tr("Enter the counter's name."))
            self.name_edit.setFocus()
            return False
        self.name_error.clear_problem()
        return True

    def write(self) -> str:
        name = clean(self.name_edit.text())
        desk = self.desk_spin.value() or None
        settings = self.session.workspace.settings
        settings.change(values.COUNTER_NAME.key, name, self.session.user)
        settings.change(values.DESK.key, desk, self.session.user)
        self.name_edit.setText(name)
        if desk is None:
            return self.tr("Counter name saved: {name}.").format(name=name)
        return self.tr("Counter saved: {name}, desk {desk}.").format(name=name, desk=desk)

    def focus_first(self) -> None:
        self.name_edit.setFocus()


class AgenciesSection(Section):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(
            session,
            self.tr("Agencies served"),
            self.tr(
                "Tick the agencies whose dossiers this counter takes in. Their procedures "
                "are offered at intake; the others stay in the catalog for reference."
            ),
            parent=parent,
        )
        self.list = QListWidget()
        self.list.setObjectName("agencyList")
        self.list.setAlternatingRowColors(True)
        self.list.itemChanged.connect(self.mark_dirty)
        self.list.itemChanged.connect(self._update_count)
        self.count_label = QLabel()
        self.count_label.setObjectName("agencyCount")
        self.error = FieldError("agencyError")
        self.all_button = QPushButton(self.tr("Tick &all"))
        self.all_button.clicked.connect(lambda: self._tick_all(True))
        self.none_button = QPushButton(self.tr("&Untick all"))
        self.none_button.clicked.connect(lambda: self._tick_all(False))

        row = QHBoxLayout()
        row.addWidget(self.count_label, 1)
        row.addWidget(self.all_button)
        row.addWidget(self.none_button)
        self.body.addWidget(self.list, 1)
        self.body.addLayout(row)
        self.body.addWidget(self.error)
        self.finish()

    def load(self) -> None:
        catalog = self.session.workspace.catalog
        agencies = catalog.agencies()
        served = catalog.served_agencies()
        self.list.blockSignals(True)
        self.list.clear()
        for code, agency in agencies.items():
            item = QListWidgetItem(f"{agency.name} — {code}")
            item.setData(AgencyCodeRole, code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = code in served
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.list.blockSignals(False)
        if self.list.count():
            self.list.setCurrentRow(0)
        self.error.clear_problem()
        self._update_count()

    def checked_codes(self) -> set[str]:
        return {
            str(item.data(AgencyCodeRole))
            for item in (self.list.item(i) for i in range(self.list.count()))
            if item.checkState() == Qt.CheckState.Checked
        }

    def set_checked(self, code: str, checked: bool) -> None:
        for i in range(self.list.count()):
            item = self.list.item(i)
            if item.data(AgencyCodeRole) == code:
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def _tick_all(self, checked: bool) -> None:
        for i in range(self.list.count()):
            self.list.item(i).setCheckState(
                Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
            )

    def _update_count(self, *_: object) -> None:
        total = self.list.count()
        if not total:
            self.count_label.setText(
                self.tr("The catalog has no agencies yet: import the catalog first.")
            )
            return
        self.count_label.setText(
            self.tr("Served: {n} of {total}").format(n=len(self.checked_codes()), total=total)
        )

    def validate(self) -> bool:
        if self.list.count() and not self.checked_codes():
            self.error.show_problem(self.tr("Tick at least one agency."))
            self.list.setFocus()
            return False
        self.error.clear_problem()
        return True

    def write(self) -> str:
        codes = self.checked_codes()
        self.session.workspace.catalog.set_served_agencies(codes)
        return self.tr("Agencies served saved: {n} of {total}.").format(
            n=len(codes), total=self.list.count()
        )

    def focus_first(self) -> None:
        self.list.setFocus()
