"""Reprints through the paper service: counted per dossier and kind in the audit log, and
marked across the top of the paper, without moving anything else on it."""

from __future__ import annotations

import pytest

from counter_app.services.printing import PaperKind
from counter_app.services.printing.service import reprint_mark
from tests.printing.conftest import pdf_text, pdf_words
from tests.ui.conftest import NOW
from tests.ui.printing.conftest import prints_of


def test_prints_are_counted_per_dossier_and_kind(session, workspace, staff, dossier):
    papers = workspace.papers
    receipt = papers.receipt(dossier.code)
    assert papers.print_count(dossier.code, PaperKind.RECEIPT) == 0

    assert papers.record_print(receipt, staff, printer="A4") == 1
    assert papers.record_print(papers.receipt(dossier.code, reprint=True), staff, printer="A4") == 2
    label = papers.label(dossier.code)
    assert papers.record_print(label, staff, printer="Zebra") == 1

    assert papers.print_count(dossier.code, "receipt") == 2
    assert papers.print_count(dossier.code, "label") == 1
    assert papers.print_count(dossier.code, "control-sheet") == 0
    assert prints_of(workspace, dossier.code) == [
        ("paper.print", {"kind": "receipt", "printer": "A4", "pages": 1, "copy": 1}),
        ("paper.reprint", {"kind": "receipt", "printer": "A4", "pages": 1, "copy": 2}),
        ("paper.print", {"kind": "label", "printer": "Zebra", "pages": 1, "copy": 1}),
    ]
    assert workspace.audit.verify() >= 3


@pytest.mark.parametrize("kind", ["receipt", "control-sheet", "apology"])
def test_a_reprint_is_marked_on_every_page_and_nothing_else_moves(
    session, workspace, dossier, kind
):
    options = (
        {"new_due": dossier.due_at.replace(day=dossier.due_at.day + 1)} if kind == "apology" else {}
    )
    papers = workspace.papers
    original = papers.render(kind, dossier.code, **options)
    again = papers.render(kind, dossier.code, reprint=True, **options)

    assert again.reprint and not original.reprint
    assert again.pages == original.pages
    mark = reprint_mark(NOW)
    assert mark == "BẢN IN LẠI – in lúc 10:00 ngày 25/11/2026"
    for page in range(1, again.pages + 1):
        assert mark in " ".join(pdf_text(again.pdf, page=page).split())
    assert "BẢN IN LẠI" not in pdf_text(original.pdf)
    before, _ = pdf_words(original.pdf)
    after, _ = pdf_words(again.pdf)
    top = min(w.y0 for w in before)  # where the original's text begins
    in_margin = [w for w in after if w.y1 <= top]
    assert " ".join(w.text for w in in_margin if w.page == 1) == mark
    assert [w for w in after if w.y1 > top] == before  # every word where it was
