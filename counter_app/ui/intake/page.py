"""The front desk's intake form: pick the procedure, type or scan the applicant, tick the
papers, check the fees, save, read the code out. Keyboard first; every field says what is
wrong with it while the officer types; nothing is lost without being asked. The widgets are
built in layout.py, the form's rules without Qt in form.py, the questions in questions.py."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

from counter_app.domain.catalog import Procedure
from counter_app.domain.citizen_id import CitizenIdCard
from counter_app.domain.dossier import Applicant, ApplicantType, Channel, Dossier, ReturnMethod
from counter_app.domain.errors import CounterError, Problem, ValidationFailed
from counter_app.domain.identity_papers import IdType, guess_id_type
from counter_app.domain.messages import translate
from counter_app.domain.text import clean, nfc
from counter_app.domain.validation import check_applicant, id_number_notes
from counter_app.services.digitising import Staged
from counter_app.services.intake import IntakeRequest
from counter_app.services.payments import parse_intake_payment
from counter_app.ui import formatting, notify
from counter_app.ui.collector import unless_collected
from counter_app.ui.formatting import text_or_dash
from counter_app.ui.intake import form
from counter_app.ui.intake.form import APPLICANT_FIELDS, FIELD_ORDER, NEEDS_ORGANISATION
from counter_app.ui.intake.layout import VISIBLE_RESULTS, IntakeLayout
from counter_app.ui.intake.questions import (
    confirm_clear,
    confirm_discard_scans,
    confirm_leave_unsaved,
    confirm_leave_with_scans,
    confirm_replace_applicant,
)
from counter_app.ui.intake.values import birth_date_problem, birth_text, due_text
from counter_app.ui.session import Session
from counter_app.ui.signing.papers_offer import PaperOffer
from counter_app.ui.workers import Tasks

SEARCH_LIMIT = 50
VALIDATE_DELAY_MS = 300
DUE_REFRESH_MS = 30_000
SAVED_VISIBLE_MS = 15_000


class IntakePage(IntakeLayout):
    """The intake form at work: searching, checking as the officer types, saving, clearing,
    and the scans of saved dossiers waiting in the spool."""

    sig_saved = Signal(object)
    """A dossier was received and saved (Dossier, with its code and due time)."""
    sig_form_changed = Signal()
    """What the form shows changed (a keystroke, the procedure, papers, fees): the citizen's
    screen follows it (`ui/citizen/view.py` reads the form)."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        self._procedure: Procedure | None = None
        self._card: CitizenIdCard | None = None
        self._show_all = False  # after a refused save, required fields speak up too
        self._asking = False
        self._paper_type_picked = False
        # Scans of saved dossiers the spool refused to keep (dossier code -> staged scans).
        self._unspooled: dict[str, list[Staged]] = {}
        super().__init__(session, parent)
        self.tasks = Tasks(self)
        self.paper_offer = PaperOffer(session, self.fields, self)  # issue 19: papers on file
        self.sig_saved.connect(self.paper_offer.apply)
        self._validate_timer = QTimer(self)
        self._validate_timer.setSingleShot(True)
        self._validate_timer.setInterval(VALIDATE_DELAY_MS)
        self._validate_timer.timeout.connect(self.validate)
        self.due_timer = QTimer(self)
        self.due_timer.setInterval(DUE_REFRESH_MS)
        self._saved_timer = QTimer(self)
        self._saved_timer.setSingleShot(True)
        self._saved_timer.setInterval(SAVED_VISIBLE_MS)
        self._connect()
        self.due_timer.start()

        for keys, slot in (
            (("Ctrl+S", "Ctrl+Return", "Ctrl+Enter"), self.save),
            (("Esc", "Ctrl+N"), self.request_clear),
            (("Ctrl+D",), self.add_paper),
            (("Ctrl+Shift+D",), self.remove_current_paper),
            (("Ctrl+F",), self.activate),
        ):
            for key in keys:
                shortcut = QShortcut(QKeySequence(key), self)
                shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                shortcut.activated.connect(slot)

        self.papers.sig_rows_changed.connect(self._chain_tabs)
        self.papers.sig_rows_changed.connect(self._papers_changed)
        self.papers.sig_names_changed.connect(self._papers_changed)
        self.fees.sig_rows_changed.connect(self._chain_tabs)
        self._type_changed()
        self._search("")
        self._fit_results()
        self._show_procedure()
        self.refresh_due()
        self._chain_tabs()
        self._offer_spooled()

    def _paper_type_chosen(self, _index: int) -> None:
        self._paper_type_picked = True

    def _guess_paper_type(self, text: str) -> None:
        if not self._paper_type_picked:
            self.set_paper_type(guess_id_type(text))

    def _papers_changed(self) -> None:
        self.scan_panel.set_components([row.name() for row in self.papers.rows if row.name()])
        self.sig_form_changed.emit()

    def _connect(self) -> None:
        """What each widget's signals do (the widgets are built by IntakeLayout)."""
        self.search_edit.textChanged.connect(self._search)
        self.search_edit.textEdited.connect(self._search_edited)
        self.results_view.clicked.connect(self._result_clicked)
        self.type_combo.currentIndexChanged.connect(self._type_changed)
        for edit in self.fields.values():
            edit.textChanged.connect(self._typed)
        self.id_type_combo.activated.connect(self._paper_type_chosen)
        self.id_type_combo.currentIndexChanged.connect(self._typed)
        self.fields["id_number"].textChanged.connect(self._guess_paper_type)
        self.fees.sig_total_changed.connect(self._total_changed)
        self.retry_scans_button.clicked.connect(self.retry_pending_scans)
        self.clear_button.clicked.connect(self.request_clear)
        self.save_button.clicked.connect(self.save)
        self.due_timer.timeout.connect(self.refresh_due)
        self._saved_timer.timeout.connect(self.saved_frame.hide)

    # --- the page in the window
    def activate(self) -> None:
        """The page came to the front: the cursor waits in the procedure search."""
        self._focus(self.search_edit)
        self.search_edit.selectAll()

    def _focus(self, widget: QWidget) -> None:
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        content = self.scroll_area.widget()
        if content is not None and content.isAncestorOf(widget):
            self.scroll_area.ensureWidgetVisible(widget, 16, 24)

    # --- procedure
    def _search(self, text: str) -> None:
        """Every keystroke: a search of the in-memory index and a reset of a short list."""
        catalog = self._session.workspace.catalog
        try:
            procedures = catalog.search(text, limit=SEARCH_LIMIT)
            agencies = catalog.agencies()
        except CounterError as error:
            notify.show_counter_error(self, error, self._lang)
            return
        self.results.set_procedures(procedures, agencies)
        if procedures:
            self.results_view.setCurrentIndex(self.results.index(0, 0))
        if not procedures and text.strip():
            found = self.tr("No procedure matches the search.")
        elif not procedures:
            found = self.tr("The catalog is empty: an administrator must import it before intake.")
        elif len(procedures) >= SEARCH_LIMIT:
            found = self.tr("The first {n} found: type more to narrow the list.").format(
                n=len(procedures)
            )
        else:
            found = self.tr("{n} found.").format(n=len(procedures))
        self.results_label.setText(
            self.tr("{found} ↑ ↓ to move, Enter to choose.").format(found=found)
        )

    def _search_edited(self, _text: str) -> None:
        """Typing a new search puts the chosen procedure back: what is saved is what is shown."""
        if self._procedure is not None:
            self._set_procedure(None)

    def _move_result(self, key: int) -> None:
        count = self.results.rowCount()
        if not count:
            return
        step = {
            Qt.Key.Key_Up: -1,
            Qt.Key.Key_Down: 1,
            Qt.Key.Key_PageUp: -VISIBLE_RESULTS,
            Qt.Key.Key_PageDown: VISIBLE_RESULTS,
        }[Qt.Key(key)]
        current = self.results_view.currentIndex()
        row = current.row() + step if current.isValid() else 0
        index = self.results.index(max(0, min(count - 1, row)), 0)
        self.results_view.setCurrentIndex(index)
        self.results_view.scrollTo(index)

    def _pick_current(self) -> None:
        index = self.results_view.currentIndex()
        if index.isValid():
            self.choose(self.results.procedure(index.row()))

    def _result_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.choose(self.results.procedure(index.row()))

    def choose(self, procedure: Procedure) -> None:
        """Take this procedure: its papers, fees and due time; the cursor goes on to the
        first empty field of the applicant."""
        self._set_procedure(procedure)
        self.search_edit.setText(f"{procedure.code} {procedure.name}")
        self._focus(self._next_empty_field())

    def procedure(self) -> Procedure | None:
        return self._procedure

    def _set_procedure(self, procedure: Procedure | None) -> None:
        self._procedure = procedure
        self._show_procedure()
        self.papers.set_components(procedure.components if procedure else None)
        self.fees.set_fees(procedure.fees if procedure else None)
        self.refresh_due()
        if procedure is not None:
            self.messages["procedure"].clear()
        self.sig_form_changed.emit()

    def _show_procedure(self) -> None:
        procedure = self._procedure
        self.procedure_empty_label.setVisible(procedure is None)
        self.procedure_name_label.setVisible(procedure is not None)
        self.facts_widget.setVisible(procedure is not None)
        if procedure is None:
            self.procedure_name_label.clear()
            for label in self.facts.values():
                label.clear()
            return
        self.procedure_name_label.setText(procedure.name)
        agency = self._session.workspace.catalog.agencies().get(procedure.agency_code)
        self.facts["code"].setText(procedure.code)
        self.facts["agency"].setText(
            f"{agency.name} ({procedure.agency_code})" if agency else procedure.agency_code
        )
        self.facts["duration"].setText(text_or_dash(procedure.duration.describe(self._lang)))

    def refresh_due(self) -> None:
        """The appointment as saving now would give it; the timer keeps it true as time runs."""
        if self._procedure is None:
            self.due_label.setText(self.tr("choose a procedure first"))
            return
        try:
            due = self._session.workspace.intake.due_at(self._procedure, self._session.clock())
        except CounterError as error:
            self.due_label.setText(error.message(self._lang))
            return
        self.due_label.setText(due_text(due))

    def _total_changed(self, total: int) -> None:
        if self._procedure is None:
            self.total_label.clear()
            return
        self.total_label.setText(
            self.tr("Fees: {amount}").format(amount=formatting.money(total, self._lang))
        )

    # --- applicant
    def _type_changed(self, _index: int = 0) -> None:
        needed = self.applicant_type() in NEEDS_ORGANISATION
        for widget in (
            self.fields["organisation"],
            self.field_labels["organisation"],
            self.messages["organisation"],
        ):
            widget.setVisible(needed)
        self._validate_timer.start()

    def applicant_type(self) -> ApplicantType:
        return ApplicantType(self.type_combo.currentData())

    def _typed(self, _text: str) -> None:
        self._validate_timer.start()
        self.sig_form_changed.emit()

    def _left_field(self, key: str) -> None:
        """Leaving a field: its text is tidied (NFC) and checked."""
        edit = self.fields[key]
        text = edit.text()
        tidy = nfc(text).strip()
        if key == "birth_date":
            born = form.birth_date_of(text)
            if born is not None:
                tidy = birth_text(born)
        if tidy != text:
            edit.setText(tidy)
        self.validate()

    def applicant(self) -> Applicant:
        """What the applicant block says now, normalised as it will be stored."""
        return form.applicant(
            self._texts(), self.applicant_type(), self.paper_type(), self.consent_box.isChecked()
        )

    def _texts(self) -> dict[str, str]:
        return {key: edit.text() for key, edit in self.fields.items()}

    def fill_applicant(self, card: CitizenIdCard) -> None:
        """A citizen-ID QR was scanned: name, number, birth date and address from the card;
        what the card contradicts is shown above the applicant, and nothing is blocked. The
        applicant type stays: a business's representative shows a card too. An applicant
        typed by hand is replaced only when the officer says so."""
        if self._asking:
            return  # a question is open: this scan is not the answer to it
        typed = form.typed_by_hand(self._texts(), self._card, card)
        if typed:
            self._asking = True
            try:
                if not confirm_replace_applicant(self, typed, card.full_name):
                    return
            finally:
                self._asking = False
        for key, value in form.card_values(card).items():
            self.fields[key].setText(value)
        self._paper_type_picked = False
        self.set_paper_type(IdType.CITIZEN_ID)
        self._card = card
        self.validate()
        self._session.messages.info(self.tr("ID card read: {name}").format(name=card.full_name))
        self.paper_offer.offer(card.id_number)  # papers on file for reuse (issue 19)
        if self._procedure is None:
            self.activate()
        else:
            self._focus(self._next_empty_field())

    def _show_card_warnings(self) -> None:
        warnings = form.card_warnings(self._card, self.applicant())
        self.card_warning_label.setText(
            "\n".join(f"• {warning.message(self._lang)}" for warning in warnings)
        )
        self.card_banner.setVisible(bool(warnings))

    def _next_empty_field(self) -> QWidget:
        for key in APPLICANT_FIELDS:
            edit = self.fields[key]
            if edit.isVisibleTo(self) and not edit.text().strip():
                return edit
        widgets = self.papers.focus_widgets()
        return widgets[0] if widgets else self.save_button

    # --- validation
    def _form_problems(self) -> list[Problem]:
        """What only the form knows: no procedure, an unreadable date, an unnamed paper."""
        problems: list[Problem] = []
        if self._procedure is None:
            problems.append(Problem("procedure", "field.required", {"field": "field.procedure"}))
        birth = birth_date_problem(self.fields["birth_date"].text())
        if birth is not None:
            problems.append(birth)
        ticked = {document.name for document in self.papers.documents()}
        problems += [
            Problem("documents", "scan.staged_unticked", {"paper": paper})
            for paper in self.scan_panel.staged_components()
            if paper not in ticked
        ]
        return problems + self.papers.problems()

    def local_problems(self) -> list[Problem]:
        """Everything the form can tell by itself, the applicant with the domain's checks."""
        today = self._session.clock().date()
        return self._form_problems() + check_applicant(self.applicant(), today=today)

    def validate(self) -> None:
        """Each field says what is wrong with it; "required" only once the officer has tried
        to save (going through an empty field to fill it later is no mistake)."""
        self._validate_timer.stop()
        self._show_problems(self.local_problems() + id_number_notes(self.applicant()))
        self._show_card_warnings()

    def _show_problems(self, problems: list[Problem]) -> list[Problem]:
        """Write each problem under its field; return those with no field on the form."""
        by_field: dict[str, list[Problem]] = {}
        for problem in problems:
            by_field.setdefault(problem.field, []).append(problem)
        for key, label in self.messages.items():
            shown = [
                p for p in by_field.get(key, []) if self._show_all or p.key != "field.required"
            ]
            label.setText(" ".join(p.message(self._lang) for p in shown))
        return [p for p in problems if p.field not in self.messages]

    def _field_widget(self, key: str) -> QWidget | None:
        if key in self.fields:
            return self.fields[key]
        if key == "documents":
            unnamed = self.papers.first_unnamed()
            widgets = self.papers.focus_widgets()
            return unnamed or (widgets[0] if widgets else self.papers.add_button)
        if key == "fees":
            widgets = self.fees.focus_widgets()
            return widgets[0] if widgets else None
        return {
            "procedure": self.search_edit,
            "type": self.type_combo,
            "id_type": self.id_type_combo,
            "sets": self.sets_spin,
            "channel": self.channel_combo,
            "return_method": self.return_combo,
            "return_at": self.return_at_combo,
            "note": self.note_edit,
        }.get(key)

    # --- saving
    def request(self) -> IntakeRequest:
        """What saving sends: only the ticked papers, the fees as edited."""
        return IntakeRequest(
            procedure_code=self._procedure.code if self._procedure else "",
            applicant=self.applicant(),
            documents=self.papers.documents(),
            fees=self.fees.lines(),
            sets=self.sets_spin.value(),
            channel=Channel(self.channel_combo.currentData()),
            return_method=ReturnMethod(self.return_combo.currentData()),
            return_at=self.return_at_combo.currentData() or "",
            note=clean(self.note_edit.text()),
            problems=self._form_problems(),  # the service adds the applicant's
            payment=parse_intake_payment(self.payment.method(), self.payment.reference()),
        )

    def save(self) -> None:
        self._show_all = True
        self._validate_timer.stop()
        workspace = self._session.workspace
        try:
            dossier = workspace.intake.receive(
                self.request(), user=self._session.user, at=self._session.clock()
            )
        except ValidationFailed as failed:
            self._refused(failed.problems)
            return
        except CounterError as error:
            notify.show_error(self, error.message(self._lang))
            return
        self._saved(dossier)

    def _refused(self, problems: list[Problem]) -> None:
        unplaced = self._show_problems(problems)
        lines = [self.tr("Not saved: correct what is marked in red.")]
        lines += [p.message(self._lang) for p in unplaced]
        self.problem_label.setText(" ".join(lines))
        self.problem_label.show()
        fields = {p.field for p in problems}
        for key in FIELD_ORDER:
            widget = self._field_widget(key)
            if key in fields and widget is not None:
                self._focus(widget)
                return

    def _saved(self, dossier: Dossier) -> None:
        code = dossier.code or ""
        if self.scan_panel.staged_count():
            self._unspooled[code] = self.scan_panel.take_staged()
            self.retry_pending_scans()
        self._session.messages.info(self.tr("Saved: {code}").format(code=code))
        self.saved_code_label.setText(code)
        self.saved_due_label.setText(
            self.tr("result due {due}").format(due=due_text(dossier.due_at))
        )
        self.saved_frame.show()
        self._saved_timer.start()
        self.clear_form()
        self.reprint_button.saved(dossier)
        self.sig_saved.emit(dossier)

    # --- scans staged before the save: spooled on disk, attached right after it
    @property
    def pending_scans(self) -> dict[str, int]:
        """Saved dossiers whose scans wait to be attached (code -> number of scans)."""
        waiting = {w.code: w.count for w in self._session.workspace.scan_spool.waiting()}
        return waiting | {code: len(staged) for code, staged in self._unspooled.items()}

    def _offer_spooled(self) -> None:
        """Scans an earlier session kept on disk (it closed or crashed before attaching them)
        are offered again, with the button that attaches them."""
        lines = [
            translate("scan.spooled_waiting", self._lang, code=code, n=count)
            for code, count in self.pending_scans.items()
        ]
        self.pending_label.setText("\n".join(lines))
        self.pending_frame.setVisible(bool(lines))

    def retry_pending_scans(self) -> None:
        """Keep on disk what only memory holds, then attach every dossier's waiting scans (in
        the background), each dossier all or none."""
        session = self._session
        spool = session.workspace.scan_spool
        for code, staged in list(self._unspooled.items()):
            try:
                spool.put(code, staged)
            except CounterError as error:
                self._show_pending([(code, error)])
                return
            del self._unspooled[code]
        if not self.pending_scans:
            return
        self.retry_scans_button.setEnabled(False)

        def work() -> dict[str, CounterError | int]:
            return spool.attach_waiting(user=session.user, at=session.clock())

        self.tasks.run("attach-staged", work, self._pending_answered, self._pending_failed)

    def _pending_answered(self, outcome: dict[str, CounterError | int]) -> None:
        problems: list[tuple[str, Exception]] = []
        for code, result in outcome.items():
            if isinstance(result, CounterError):
                problems.append((code, result))
                continue
            self._session.messages.info(
                self.tr("{n} scanned file(s) attached to dossier {code}.").format(
                    n=result, code=code
                )
            )
        self._show_pending(problems)

    def _pending_failed(self, error: Exception) -> None:
        if not isinstance(error, CounterError):
            raise error
        self._show_pending([(code, error) for code in self.pending_scans])

    def _show_pending(self, problems: list[tuple[str, Exception]]) -> None:
        self.retry_scans_button.setEnabled(True)
        lines = [
            CounterError(
                "scan.staged_kept",
                code=code,
                reason=error.message(self._lang) if isinstance(error, CounterError) else "",
            ).message(self._lang)
            for code, error in problems
        ]
        self.pending_label.setText("\n".join(lines))
        self.pending_frame.setVisible(bool(self.pending_scans))

    # --- closing
    def unattached_scans(self) -> int:
        """Scans only this page's memory holds: staged for the dossier being entered, or of
        saved dossiers the disk refused to spool (a scanner's pages exist nowhere else)."""
        return self.scan_panel.staged_count() + sum(map(len, self._unspooled.values()))

    def may_leave(self, leave: str) -> bool:
        """Asked when the window closes or the officer signs out (`leave`: the button that
        goes on): True when nothing would be lost, or the officer chooses to lose it."""
        count = self.unattached_scans()
        if count:
            return confirm_leave_with_scans(self, count, leave)
        return not self.has_input() or confirm_leave_unsaved(self, leave)

    # --- clearing
    def has_input(self) -> bool:
        """Something the officer typed, that clearing would lose."""
        return (
            any(edit.text().strip() for edit in self.fields.values())
            or bool(self.note_edit.text().strip())
            or self.papers.has_input()
            or bool(self.scan_panel.staged_count())
        )

    def request_clear(self) -> None:
        """Esc or Ctrl+N: a fresh form, after asking if anything typed would be lost."""
        if self._asking:
            return  # a second Esc while the question is open is the question's business
        scans = self.scan_panel.staged_count()
        if scans or self.has_input():
            self._asking = True
            try:
                if not (confirm_discard_scans(self, scans) if scans else confirm_clear(self)):
                    return
            finally:
                self._asking = False
        self.clear_form()

    def clear_form(self) -> None:
        """Everything back to how the next citizen finds it; the cursor in the search."""
        self._focus(self.search_edit)  # first: leaving a field must not mark the new form
        self._validate_timer.stop()
        self._show_all = False
        self._card = None
        self.search_edit.clear()
        self._set_procedure(None)
        self.type_combo.setCurrentIndex(self.type_combo.findData(ApplicantType.CITIZEN.value))
        for edit in self.fields.values():
            edit.clear()
        self.consent_box.setChecked(False)
        self.payment.clear()
        self._paper_type_picked = False
        self.set_paper_type(IdType.CITIZEN_ID)
        self.sets_spin.setValue(1)
        self.channel_combo.setCurrentIndex(0)
        self.return_combo.setCurrentIndex(0)
        self._fill_return_places()
        self.note_edit.clear()
        self.papers.clear()
        self.scan_panel.discard_staged()
        self._validate_timer.stop()
        for label in self.messages.values():
            label.clear()
        self.card_banner.hide()
        self.problem_label.clear()
        self.problem_label.hide()
        self.scroll_area.verticalScrollBar().setValue(0)
        self.activate()

    # --- papers
    def add_paper(self) -> None:
        """Ctrl+D: a row for a paper the catalog does not list, the cursor in its name."""
        row = self.papers.add_paper()
        assert row.name_edit is not None
        self._focus(row.name_edit)

    def remove_current_paper(self) -> None:
        """Ctrl+Shift+D: the paper row with the cursor goes; the cursor to the next one."""
        row = self.papers.row_of(self.focusWidget())
        if row is None:
            return
        index = self.papers.rows.index(row)
        self.papers.remove_row(row)
        if self.papers.rows:
            following = self.papers.rows[min(index, len(self.papers.rows) - 1)]
            self._focus(following.check)
        else:
            self._focus(self.papers.add_button)

    # --- keys in the search
    @unless_collected
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """In the search, ↑ ↓ Page Up/Down move in the results and Enter chooses: the cursor
        never has to leave the text the officer is typing. Leaving a field of the applicant
        tidies and checks it."""
        if event.type() == QEvent.Type.FocusOut:
            for key, edit in self.fields.items():
                if watched is edit:
                    self._left_field(key)
        if (
            watched is self.search_edit
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
        ):
            pressed = event.key()
            plain = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            if plain == Qt.KeyboardModifier.NoModifier:
                if pressed in (
                    Qt.Key.Key_Up,
                    Qt.Key.Key_Down,
                    Qt.Key.Key_PageUp,
                    Qt.Key.Key_PageDown,
                ):
                    self._move_result(pressed)
                    return True
                if pressed in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                    self._pick_current()
                    return True
        return super().eventFilter(watched, event)
