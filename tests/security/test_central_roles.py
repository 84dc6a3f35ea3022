"""What a counter's own PostgreSQL role can and cannot do at central, statement by statement
(docs/SECURITY.md has the table): allowed things work as the counter's role, forbidden ones are
refused (SQLSTATE 42501) or see nothing. Each statement runs in a transaction rolled back."""

from __future__ import annotations

import psycopg
import pytest

from tests.conftest import AGENCY

# A accepts its agency's online submission: one legal move, written as itself.
ACCEPT = """
UPDATE dossiers SET version = version + 1, written_by = %(me)s, status = 'new',
    data = jsonb_set(jsonb_set(data, '{status}', '"new"'), '{history}',
        data -> 'history' || jsonb_build_array(jsonb_build_object('at', '2026-12-06T09:00:00+07:00',
        'actor', 'canbo', 'action', 'accept', 'from', 'receiving', 'to', 'new', 'note', '',
        'place', '')))
WHERE uuid = %(own)s RETURNING seq, (SELECT value FROM change_sequence)
"""

ALLOWED = {
    "reads the catalog": ("SELECT count(*) FROM procedures", lambda rows: rows[0][0] == 4),
    "reads the settings": (
        "SELECT key FROM central_settings WHERE key = 'counter_group_role'",
        lambda rows: len(rows) == 1,
    ),
    "reads its own counter only": (
        "SELECT number FROM counters",
        lambda rows: rows == [(1,)],
    ),
    "reads its own agencies only": (
        "SELECT agency_code FROM counter_agencies",
        lambda rows: rows == [(AGENCY,)],
    ),
    "reads its agencies' dossiers only": (
        "SELECT uuid FROM dossiers",
        lambda rows: len(rows) == 1,
    ),
    "renames its own counter": (
        "UPDATE counters SET name = 'Quầy A' RETURNING number",
        lambda rows: rows == [(1,)],
    ),
    "takes a lease for its agency": (
        "SELECT * FROM take_code_lease(%(mine)s, %(today)s, 50)",
        lambda rows: rows == [(1, 50)],
    ),
    "takes a small share of another agency's numbers (receiving anywhere)": (
        "SELECT * FROM take_code_lease(%(theirs)s, %(today)s, 400)",
        lambda rows: rows == [(51, 350)],  # B holds 1..50; a guest holds at most 300
    ),
    "takes a fallback slot of its agency": (
        "SELECT take_fallback_slot(%(mine)s)",
        lambda rows: rows == [(0,)],
    ),
    "gets no fallback slot of an agency it does not receive for": (
        "SELECT take_fallback_slot(%(theirs)s)",
        lambda rows: rows == [(None,)],
    ),
    "reads the change sequence's top": (
        "SELECT value FROM change_sequence",
        lambda rows: rows[0][0] > 0,
    ),
    "pushes a legal move as itself, numbered by central": (
        ACCEPT,
        # the statement sees the sequence as it stood before its trigger moved it
        lambda rows: len(rows) == 1 and rows[0][0] == rows[0][1] + 1,
    ),
}

INVISIBLE = {
    "another agency's dossiers": "SELECT uuid FROM dossiers WHERE agency_code = %(theirs)s",
    "another agency's attachments": "SELECT sha256 FROM attachments",
    "another agency's scanned files": "SELECT part FROM blob_chunks",
    "another counter's blobs": "SELECT sha256 FROM blobs",
    "another counter's leases": "SELECT id FROM code_leases",
    "another counter's fallback slots": "SELECT slot FROM fallback_slots",
    "another counter's conflicts": "SELECT id FROM conflicts",
    "another agency's lease heads": "SELECT day FROM lease_heads WHERE agency_code = %(theirs)s",
    "another counter's row": "SELECT number FROM counters WHERE number = %(them)s",
    "another agency's dossiers, rewritten": (
        "UPDATE dossiers SET version = version + 1 WHERE uuid = %(victim)s RETURNING uuid"
    ),
}

REFUSED = {
    "create a temporary table": "CREATE TEMP TABLE counters (number integer)",
    "create a table in the schema": "CREATE TABLE public.mine (x integer)",
    "move the change sequence": "UPDATE change_sequence SET value = 0",
    "set a dossier's number in the sequence": "UPDATE dossiers SET seq = 1 WHERE uuid = %(own)s",
    "pose as central": (
        "UPDATE dossiers SET written_by = 0, version = version + 1 WHERE uuid = %(own)s"
    ),
    "jump the lifecycle": (
        "UPDATE dossiers SET status = 'done', version = version + 1, written_by = %(me)s, "
        "data = jsonb_set(data, '{status}', '\"done\"') WHERE uuid = %(own)s"
    ),
    "rewrite the history": (
        "UPDATE dossiers SET version = version + 1, written_by = %(me)s, "
        "data = jsonb_set(data, '{history}', '[]') WHERE uuid = %(own)s"
    ),
    "change a dossier's agency": (
        "UPDATE dossiers SET agency_code = %(theirs)s, version = version + 1, "
        "written_by = %(me)s WHERE uuid = %(own)s"
    ),
    "insert a dossier without a receipt": (
        "INSERT INTO dossiers (uuid, agency_code, status, version, written_by, origin_counter, "
        "updated_at, data) VALUES ('00000000-0000-0000-0000-00000000000f', %(mine)s, 'done', 1, "
        "%(me)s, %(me)s, now(), jsonb_build_object('uuid', '00000000-0000-0000-0000-00000000000f',"
        " 'agency', %(mine)s::varchar, 'status', 'done', 'code', NULL, 'history', '[]'::jsonb))"
    ),
    "delete a dossier": "DELETE FROM dossiers WHERE uuid = %(own)s",
    "empty a table": "TRUNCATE conflicts",
    "take a lease of an agency central does not know": (
        "SELECT * FROM take_code_lease('999.99.99.H99', %(today)s, 50)"
    ),
    "write a fallback slot directly": (
        "INSERT INTO fallback_slots VALUES (%(mine)s, 0, %(me)s, now())"
    ),
    "ask whether another counter owns a code": "SELECT central_my_slot(%(theirs)s)",
    "take a lease in 2099": "SELECT * FROM take_code_lease(%(mine)s, '2099-01-01', 50)",
    "take a lease for a past day": ("SELECT * FROM take_code_lease(%(mine)s, %(today)s - 7, 50)"),
    "take a whole day in one lease": "SELECT * FROM take_code_lease(%(mine)s, %(today)s, 8999)",
    "burn a day by raising its head": "SELECT raise_code_head(%(mine)s, %(today)s, 8990)",
    "raise a head for a day to come": "SELECT raise_code_head(%(mine)s, %(today)s + 7, 10)",
    "call the unbounded lease function": (
        "SELECT * FROM central_take_code_lease(%(mine)s, %(today)s, 8999)"
    ),
    "call the dossiers' trigger function": "SELECT central_check_dossier_write()",
    "write a lease directly": (
        "INSERT INTO code_leases (agency_code, day, counter_number, first, last, granted_at) "
        "VALUES (%(mine)s, %(today)s, %(me)s, 1, 9000, now())"
    ),
    "write a lease head directly": ("INSERT INTO lease_heads VALUES (%(mine)s, %(today)s, 9000)"),
    "serve another agency": "INSERT INTO counter_agencies VALUES (%(me)s, %(theirs)s)",
    "take another counter's login": "UPDATE counters SET role = 'x' WHERE number = %(me)s",
    "record a conflict as another counter": (
        "INSERT INTO conflicts (at, counter_number, dossier_uuid, pushed_version, reason, pushed) "
        "VALUES (now(), %(them)s, %(victim)s, 9, 'x', '{}')"
    ),
    "record a conflict already resolved": (
        "INSERT INTO conflicts (at, counter_number, dossier_uuid, pushed_version, reason, pushed,"
        " resolved_at) VALUES (now(), %(me)s, %(own)s, 9, 'x', '{}', now())"
    ),
    "resolve a conflict directly": "UPDATE conflicts SET resolved_at = now()",
    "mark a blob complete itself": (
        "INSERT INTO blobs VALUES (repeat('a', 64), 1, 1, true, %(me)s, now(), now())"
    ),
    "claim a blob without proof": "SELECT central_claim_blob(%(sha)s, repeat('0', 64))",
    "read who holds blobs": "SELECT * FROM blob_holders",
    "read the lifecycle table": "SELECT * FROM central_lifecycle_moves",
    "read the migrations' state": "SELECT * FROM alembic_version",
}


def _run(province, sql: str):  # type: ignore[no-untyped-def]
    connection = province.connect()
    try:
        cursor = connection.execute(sql, province.values)
        return cursor.fetchall() if cursor.description else []
    finally:
        connection.rollback()
        connection.close()


@pytest.mark.parametrize("what", ALLOWED)
def test_a_counter_may(province, what):
    sql, check = ALLOWED[what]
    rows = _run(province, sql)
    assert check(rows), rows


@pytest.mark.parametrize("what", INVISIBLE)
def test_a_counter_sees_nothing_of(province, what):
    assert _run(province, INVISIBLE[what]) == []


@pytest.mark.parametrize("what", REFUSED)
def test_a_counter_may_not(province, what):
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        _run(province, REFUSED[what])


def test_no_function_of_the_schema_is_executable_by_public(province):
    """Functions are made executable by PUBLIC unless revoked: every one of the schema,
    including one the administrator makes later, must be granted on purpose."""
    with province.admin() as connection:
        connection.execute("CREATE FUNCTION later() RETURNS integer LANGUAGE sql AS 'SELECT 1'")
        try:
            open_to_all = connection.execute(
                "SELECT p.oid::regprocedure::text FROM pg_proc p "
                "WHERE p.pronamespace = 'public'::regnamespace "
                "AND has_function_privilege('public', p.oid, 'EXECUTE')"
            ).fetchall()
        finally:
            connection.execute("DROP FUNCTION later()")
    assert open_to_all == []
