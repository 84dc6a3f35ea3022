"""Temporary tables and functions cannot stand in for central's. A SECURITY DEFINER function
whose search_path is only `public` looks in pg_temp first: a counter's temporary `counters` and
`counter_agencies` made it serve any agency. Counters get no TEMP privilege, and every function
of the schema looks in pg_temp last; the shadows are taken from the catalog, so a function or
table a later revision adds is tried too."""

from __future__ import annotations

import psycopg
import pytest

from tests.conftest import AGENCY, OTHER_AGENCY


def test_a_counter_cannot_make_temporary_tables(province):
    with province.connect() as connection, pytest.raises(psycopg.errors.InsufficientPrivilege):
        connection.execute("CREATE TEMP TABLE counters (number integer)")


def test_every_function_of_the_schema_looks_in_pg_temp_last(province):
    with province.admin() as connection:
        rows = connection.execute(
            "SELECT p.oid::regprocedure::text, p.proconfig FROM pg_proc p "
            "WHERE p.pronamespace = 'public'::regnamespace"
        ).fetchall()
    assert rows
    unsafe = [name for name, config in rows if "search_path=public, pg_temp" not in (config or [])]
    assert unsafe == []


def test_policies_name_only_functions_of_the_schema(province):
    """Policies are bound to the functions they name when made, but those functions then run
    with their own search_path: each must be one the test above covers."""
    with province.admin() as connection:
        named = connection.execute(
            "SELECT DISTINCT n.nspname, p.proname FROM pg_policy pol "
            "JOIN pg_depend d ON d.classid = 'pg_policy'::regclass AND d.objid = pol.oid "
            "JOIN pg_proc p ON d.refclassid = 'pg_proc'::regclass AND p.oid = d.refobjid "
            "JOIN pg_namespace n ON n.oid = p.pronamespace"
        ).fetchall()
    assert {schema for schema, _ in named} == {"public"}
    assert {"central_my_number", "central_my_agencies"} <= {name for _, name in named}


def _shadow_everything(connection, province) -> None:  # type: ignore[no-untyped-def]
    """Temporary copies of every table of the schema, the counter tables saying this counter
    serves every agency, and a temporary twin of every function that fails when called."""
    tables = connection.execute(
        "SELECT c.relname, string_agg(format('%I %s', a.attname, "
        "format_type(a.atttypid, a.atttypmod)), ', ' ORDER BY a.attnum) "
        "FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid "
        "WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r' "
        "AND a.attnum > 0 AND NOT a.attisdropped GROUP BY c.relname"
    ).fetchall()
    assert {"counters", "counter_agencies", "dossiers", "blobs"} <= {name for name, _ in tables}
    for name, columns in tables:
        connection.execute(f'CREATE TEMP TABLE "{name}" ({columns})')
    connection.execute(
        "INSERT INTO pg_temp.counters (number, counter_id, name, role, created_at) "
        "VALUES (%(me)s, 'A', 'A', session_user, now())",
        province.values,
    )
    connection.execute(
        "INSERT INTO pg_temp.counter_agencies VALUES (%(me)s, %(mine)s), (%(me)s, %(theirs)s)",
        province.values,
    )
    functions = connection.execute(
        "SELECT p.proname, pg_get_function_identity_arguments(p.oid), "
        "pg_get_function_result(p.oid) FROM pg_proc p "
        "WHERE p.pronamespace = 'public'::regnamespace"
    ).fetchall()
    assert len(functions) >= 10
    for name, arguments, result in functions:
        connection.execute(
            f"CREATE FUNCTION pg_temp.{name}({arguments}) RETURNS {result} LANGUAGE plpgsql "
            f"AS $$ BEGIN RAISE EXCEPTION 'the shadow of {name} ran'; END $$"
        )


def test_shadow_tables_and_functions_give_no_other_agency(province):
    """Even with TEMP granted back (a mistake by an administrator), the shadows change
    nothing: the counter keeps its own agency and can still work for it."""
    with province.admin() as connection:
        connection.execute(
            f'GRANT TEMPORARY ON DATABASE "{_database(province)}" TO "{province.a_role}"'
        )
    try:
        connection = province.connect()
        try:
            _shadow_everything(connection, province)
            values = province.values

            def rows(sql: str) -> list:
                return connection.execute(sql, values).fetchall()

            assert rows("SELECT public.central_my_agencies()") == [(AGENCY,)]
            assert rows("SELECT uuid FROM public.dossiers WHERE uuid = %(victim)s") == []
            assert rows("SELECT sha256 FROM public.attachments") == []
            assert rows("SELECT part FROM public.blob_chunks") == []
            assert rows("SELECT public.central_blob_visible(%(sha)s)") == [(False,)]
            assert (
                rows(
                    "UPDATE public.dossiers SET version = version + 1 WHERE uuid = %(victim)s "
                    "RETURNING uuid"
                )
                == []
            )
            leased = rows("SELECT * FROM public.take_code_lease(%(mine)s, %(today)s, 50)")
            assert len(leased) == 1  # its own work goes on
            connection.execute("SAVEPOINT other")
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                rows("SELECT public.raise_code_head(%(theirs)s, %(today)s, 10)")
            connection.execute("ROLLBACK TO SAVEPOINT other")
            assert {r[0] for r in rows("SELECT agency_code FROM public.code_leases")} == {AGENCY}
        finally:
            connection.rollback()
            connection.close()
    finally:
        with province.admin() as connection:
            connection.execute(
                f'REVOKE TEMPORARY ON DATABASE "{_database(province)}" FROM "{province.a_role}"'
            )
    with province.admin() as connection:
        leases = connection.execute(
            "SELECT count(*) FROM code_leases WHERE agency_code = %s", (OTHER_AGENCY,)
        ).fetchone()
    assert leases == (1,)  # B's own lease only


def _database(province) -> str:  # type: ignore[no-untyped-def]
    return province.admin_url.rsplit("/", 1)[1]
