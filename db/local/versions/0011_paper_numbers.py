"""paper numbers: the "Số" each paper of a dossier was given from its kind's register

Revision ID: 0011
Revises: 0009
Create Date: 2026-12-06 04:20:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "paper_numbers",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("dossier_uuid", sa.String(36), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("symbol", sa.String(100), nullable=False),
        sa.Column("given_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("dossier_uuid", "kind"),
        sa.UniqueConstraint("kind", "year", "number"),
    )
    op.create_index("ix_paper_numbers_dossier_uuid", "paper_numbers", ["dossier_uuid"])


def downgrade() -> None:
    op.drop_index("ix_paper_numbers_dossier_uuid", table_name="paper_numbers")
    op.drop_table("paper_numbers")
