"""A counter that took dossiers alone, then joins central: codes that another counter gave
meanwhile are renumbered (recorded, audited, a corrected receipt names the code it replaces)
and no sync round is ever stuck on them."""

from __future__ import annotations

import pytest

from counter_app.domain.catalog_file import catalog_from_json
from counter_app.domain.codes import DossierCode
from counter_app.store.journal import replaced_codes
from tests.conftest import AGENCY, SMALL_CATALOG
from tests.printing.conftest import flat, pdf_text
from tests.security.test_tamper_audit import run_sql
from tests.sync.helpers import central_rows, local_rows, make_counter, take
from tests.sync.test_sync import counter_url


@pytest.mark.slow
def test_joining_after_working_alone_renumbers_the_codes_central_gave_meanwhile(central, tmp_path):
    online, officer_a = make_counter(tmp_path, "a")
    online.sync.configure(counter_url(central, "Q1", [AGENCY]))
    online.sync.run_once()
    theirs = take(online, officer_a, 2)
    online.sync.run_once()

    alone, officer_b = make_counter(tmp_path, "b")
    alone.catalog.import_catalog(catalog_from_json(SMALL_CATALOG))
    mine = take(alone, officer_b, 3)
    assert [d.code for d in mine[:2]] == [d.code for d in theirs]  # the same codes

    alone.sync.configure(counter_url(central, "Q2", [AGENCY]))
    alone.sync.run_once()
    assert alone.sync.run_once().pending == 0  # and later rounds go through too
    codes = [row["code"] for row in central_rows(central).values()]
    assert len(codes) == len(set(codes)) == 5
    renumbered = {d.uuid: local_rows(alone)[d.uuid]["code"] for d in mine}
    assert renumbered[mine[2].uuid] == mine[2].code  # no clash, kept
    for old in mine[:2]:
        new = renumbered[old.uuid]
        assert new != old.code and DossierCode.parse(new).day == DossierCode.parse(old.code).day
    online.sync.run_once()
    assert len(local_rows(online)) == 5
    online.close()
    alone.close()


def test_a_renumbered_dossier_is_audited_and_its_receipt_names_the_code_it_replaces(
    sqlite_central,
    tmp_path,
):
    online, officer_a = make_counter(tmp_path, "a")
    online.sync.configure(counter_url(sqlite_central, "Q1", [AGENCY]))
    online.sync.run_once()
    take(online, officer_a)
    online.sync.run_once()
    alone, officer_b = make_counter(tmp_path, "b")
    alone.catalog.import_catalog(catalog_from_json(SMALL_CATALOG))
    [dossier] = take(alone, officer_b)
    alone.sync.configure(counter_url(sqlite_central, "Q2", [AGENCY]))
    alone.sync.run_once()

    new_code = local_rows(alone)[dossier.uuid]["code"]
    assert alone.audit.verify() >= 1
    with alone.database.read() as session:
        assert replaced_codes(session, new_code) == [dossier.code]
    text = flat(pdf_text(alone.papers.receipt(new_code).pdf))
    assert new_code in text and f"thay cho mã {dossier.code}" in text
    assert "thay cho" not in flat(pdf_text(online.papers.receipt(dossier.code).pdf))
    online.close()
    alone.close()


def test_a_code_leased_before_the_join_and_pushed_after_it_is_renumbered_not_stuck(
    central,
    tmp_path,
):
    """The counter that joined pushed its code first; the other counter, whose lease was
    granted before the join, finds the clash at push time and renumbers its own dossier."""
    online, officer_a = make_counter(tmp_path, "a")
    online.sync.configure(counter_url(central, "Q1", [AGENCY]))
    online.sync.run_once()
    [late] = take(online, officer_a)  # not pushed yet (offline)

    alone, officer_b = make_counter(tmp_path, "b")
    alone.catalog.import_catalog(catalog_from_json(SMALL_CATALOG))
    [early] = take(alone, officer_b)
    assert early.code == late.code
    alone.sync.configure(counter_url(central, "Q2", [AGENCY]))
    alone.sync.run_once()
    assert local_rows(alone)[early.uuid]["code"] == early.code  # central had not seen it

    result = online.sync.run_once()
    assert result.pending == 0 and result.conflicts == 0
    rows = central_rows(central)
    assert rows[early.uuid]["code"] == early.code
    assert rows[late.uuid]["code"] == local_rows(online)[late.uuid]["code"] != late.code
    assert alone.sync.run_once().pending == 0
    assert len(local_rows(alone)) == 2
    online.close()
    alone.close()


def test_a_pulled_dossier_whose_code_a_local_one_holds_renumbers_the_local_one(
    sqlite_central,
    tmp_path,
):
    """The clash reaches the pull (the local dossier's outbox entry was lost): the local
    dossier is renumbered in the pull's transaction, central's comes in, nothing is stuck."""
    online, officer_a = make_counter(tmp_path, "a")
    online.sync.configure(counter_url(sqlite_central, "Q1", [AGENCY]))
    online.sync.run_once()
    [late] = take(online, officer_a)
    run_sql(online, "DELETE FROM outbox")
    alone, officer_b = make_counter(tmp_path, "b")
    alone.catalog.import_catalog(catalog_from_json(SMALL_CATALOG))
    [early] = take(alone, officer_b)
    alone.sync.configure(counter_url(sqlite_central, "Q2", [AGENCY]))
    alone.sync.run_once()

    assert online.sync.run_once().pulled == 1
    rows = local_rows(online)
    assert rows[early.uuid]["code"] == early.code != rows[late.uuid]["code"]
    online.sync.run_once()
    assert central_rows(sqlite_central)[late.uuid]["code"] == rows[late.uuid]["code"]
    with online.database.read() as session:
        assert replaced_codes(session, rows[late.uuid]["code"]) == [late.code]
    online.close()
    alone.close()
