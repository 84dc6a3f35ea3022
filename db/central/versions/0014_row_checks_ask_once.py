"""row checks ask once (issue 17): what central checks for each dossier row a counter writes
costs less, with the same answers.

- Every row-level security policy that asked `central_my_number()` asks it once a statement,
  not once a row. A call of that function is a query of `counters` behind a SECURITY DEFINER
  frame; the dossiers' insert policy called it twice a row, so a push of 500 new dossiers made
  1,000 of them. Written `(SELECT central_my_number())` PostgreSQL plans it as an initial plan,
  run once, with the same answer (the function is STABLE: one statement sees one answer). The
  policies are rewritten from their own text in `pg_policies`, so this holds for each whatever
  revision made it.
- The dossiers' trigger (c0005) walks a row's new moves by their position in the history
  instead of running a query with a sort for them; everything it checks is unchanged.

Revision ID: c0014
Revises: c0013
Create Date: 2026-12-07 15:30:00
"""

import importlib.util
from collections.abc import Callable
from pathlib import Path

import sqlalchemy as sa
from alembic import op

revision = "c0014"
down_revision = "c0013"
branch_labels = None
depends_on = None

_ASKED = "central_my_number()"
_ASKED_ONCE = "(SELECT central_my_number())"
_PRINTED_ONCE = "( SELECT central_my_number() AS central_my_number)"  # as pg_policies shows it


def _rewrite(rewritten: Callable[[str], str]) -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return  # SQLite has no policies: the repository checks the same rules in Python
    policies = bind.execute(
        sa.text(
            "SELECT policyname, tablename, qual, with_check FROM pg_policies "
            "WHERE schemaname = current_schema() "
            "AND (qual LIKE '%central_my_number()%' OR with_check LIKE '%central_my_number()%')"
        )
    ).all()
    for name, table, using, check in policies:
        clauses = [
            f"{keyword} ({rewritten(text)})"
            for keyword, text in (("USING", using), ("WITH CHECK", check))
            if text is not None
        ]
        op.execute(f'ALTER POLICY "{name}" ON "{table}" ' + " ".join(clauses))


def _c0005_check() -> str:
    """The dossiers' trigger function as revision c0005 made it."""
    path = Path(__file__).with_name("0005_counter_security.py")
    spec = importlib.util.spec_from_file_location("central_c0005", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return str(module.CHECK_DOSSIER_WRITE).replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION")


_BY_QUERY = """    FOR entry IN SELECT value FROM jsonb_array_elements(new_history) WITH ORDINALITY
                 WHERE ordinality > known ORDER BY ordinality LOOP
"""
_BY_POSITION = """    FOR position IN known .. jsonb_array_length(new_history) - 1 LOOP
        entry := new_history -> position;
"""


def _check_by_position() -> str:
    before = _c0005_check()
    assert _BY_QUERY in before
    return before.replace(_BY_QUERY, _BY_POSITION).replace(
        "    entry jsonb;\n", "    entry jsonb;\n    position integer;\n"
    )


def upgrade() -> None:
    _rewrite(lambda text: text.replace(_ASKED, _ASKED_ONCE))
    if op.get_bind().dialect.name == "postgresql":
        op.execute(_check_by_position())


def downgrade() -> None:
    _rewrite(lambda text: text.replace(_PRINTED_ONCE, _ASKED))
    if op.get_bind().dialect.name == "postgresql":
        op.execute(_c0005_check())
