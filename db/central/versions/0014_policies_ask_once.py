"""policies ask once (issue 17): every row-level security policy that asked
`central_my_number()` asks it once a statement, not once a row. A call of that function is a
query of `counters` behind a SECURITY DEFINER frame; the dossiers' insert policy called it twice
a row, so a push of 500 new dossiers made 1,000 of them. Written `(SELECT central_my_number())`
PostgreSQL plans it as an initial plan, run once, with the same answer (the function is STABLE:
one statement sees one answer). The policies are rewritten from their own text in
`pg_policies`, so this holds for each whatever revision made it.

Revision ID: c0014
Revises: c0013
Create Date: 2026-12-07 15:30:00
"""

from collections.abc import Callable

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


def upgrade() -> None:
    _rewrite(lambda text: text.replace(_ASKED, _ASKED_ONCE))


def downgrade() -> None:
    _rewrite(lambda text: text.replace(_PRINTED_ONCE, _ASKED))
