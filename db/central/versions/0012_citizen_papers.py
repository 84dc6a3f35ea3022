"""the citizen's paper store at central (issue 19): each signed paper a counter files goes up
with the sync, so that every counter of the paper's agency offers it at intake; on PostgreSQL a
counter reads, files and corrects (the validity) only its own agencies' papers

Revision ID: c0012
Revises: c0011
Create Date: 2026-12-06 09:30:00
"""

import sqlalchemy as sa
from alembic import op

revision = "c0012"
down_revision = "c0011"
branch_labels = None
depends_on = None

_MINE = "agency_code IN (SELECT central_my_agencies())"


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
        "citizen_papers",
        sa.Column("uuid", sa.String(36), primary_key=True),
        sa.Column("owner_id", sa.String(30), nullable=False),
        sa.Column("kind", sa.String(300), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("agency_code", sa.String(13), nullable=False),
        sa.Column("dossier_uuid", sa.String(36), nullable=False),
        sa.Column("issued_on", sa.Date(), nullable=True),
        sa.Column("expires_on", sa.Date(), nullable=True),
        sa.Column("signer", sa.String(200), nullable=False),
        sa.Column("filed_at", sa.DateTime(), nullable=False),
        sa.Column("filed_by", sa.String(32), nullable=False),
        sa.Column("counter_number", sa.Integer(), nullable=False),
    )
    op.create_index("ix_citizen_papers_owner_id", "citizen_papers", ["owner_id"])
    if op.get_bind().dialect.name != "postgresql":
        return  # SQLite has no roles: the repository keeps a counter to its agencies
    group = _group()
    op.execute(f'REVOKE ALL ON citizen_papers FROM PUBLIC, "{group}"')
    op.execute(f'GRANT SELECT, INSERT ON citizen_papers TO "{group}"')
    op.execute(f'GRANT UPDATE (issued_on, expires_on) ON citizen_papers TO "{group}"')
    op.execute("ALTER TABLE citizen_papers ENABLE ROW LEVEL SECURITY")
    policies = (
        ("SELECT", f"USING ({_MINE})"),
        ("INSERT", f"WITH CHECK ({_MINE} AND counter_number = central_my_number())"),
        ("UPDATE", f"USING ({_MINE}) WITH CHECK ({_MINE})"),
    )
    for number, (verb, rule) in enumerate(policies):
        op.execute(
            f"CREATE POLICY citizen_papers_counter_{number} ON citizen_papers FOR {verb} "
            f'TO "{group}" {rule}'
        )


def downgrade() -> None:
    op.drop_table("citizen_papers")
