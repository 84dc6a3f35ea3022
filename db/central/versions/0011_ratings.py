"""ratings (issue 18): the citizens' ratings the counters send, one per dossier and occasion,
append-only; on PostgreSQL a counter inserts and reads only rows with its own number

Revision ID: c0011
Revises: c0007
Create Date: 2026-12-06 06:00:00
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "c0011"
down_revision = "c0009"
branch_labels = None
depends_on = None

_MINE = "counter_number = central_my_number()"


def _group() -> str:
    return (
        op.get_bind()
        .execute(
            sa.text(
                "SELECT value ->> 'value' FROM central_settings WHERE key = 'counter_group_role'"
            )
        )
        .scalar_one()
    )


def upgrade() -> None:
    op.create_table(
        "ratings",
        sa.Column("uuid", sa.String(36), primary_key=True),
        sa.Column("counter_number", sa.Integer, nullable=False, index=True),
        sa.Column("dossier_uuid", sa.String(36), nullable=False),
        sa.Column("code", sa.String(40), nullable=False),
        sa.Column("occasion", sa.String(10), nullable=False),
        sa.Column("level", sa.String(20), nullable=False),
        sa.Column("reasons", sa.JSON().with_variant(postgresql.JSONB(), "postgresql")),
        sa.Column("officer", sa.String(32), nullable=False),
        sa.Column("at", sa.DateTime, nullable=False),
        sa.Column("source", sa.String(10), nullable=False),
        sa.UniqueConstraint("dossier_uuid", "occasion"),
    )
    if op.get_bind().dialect.name != "postgresql":
        return  # SQLite has no roles: the repository writes the calling counter's number
    group = _group()
    op.execute(f'REVOKE ALL ON ratings FROM PUBLIC, "{group}"')
    op.execute(f'GRANT SELECT, INSERT ON ratings TO "{group}"')
    op.execute("ALTER TABLE ratings ENABLE ROW LEVEL SECURITY")
    policies = (("SELECT", f"USING ({_MINE})"), ("INSERT", f"WITH CHECK ({_MINE})"))
    for number, (verb, rule) in enumerate(policies):
        op.execute(
            f'CREATE POLICY ratings_counter_{number} ON ratings FOR {verb} TO "{group}" {rule}'
        )


def downgrade() -> None:
    op.drop_table("ratings")
