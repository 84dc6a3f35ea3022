"""the citizen's paper store: each signed paper filed under its owner's identity number and
its kind, with its validity; the citizen's consent to reuse; reuses recorded (issue 19)

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-06 06:12:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "citizen_papers",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("uuid", sa.String(36), nullable=False, unique=True),
        sa.Column("owner_id", sa.String(30), nullable=False),
        sa.Column("kind", sa.String(300), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("agency_code", sa.String(13), nullable=False),
        sa.Column("dossier_uuid", sa.String(36), nullable=False),
        sa.Column("issued_on", sa.Date(), nullable=True),
        sa.Column("expires_on", sa.Date(), nullable=True),
        sa.Column("signer", sa.String(200), nullable=False, server_default=""),
        sa.Column("filed_at", sa.DateTime(), nullable=False),
        sa.Column("filed_by", sa.String(32), nullable=False),
        sa.Column("source", sa.String(8), nullable=False, server_default="local"),
    )
    op.create_index("ix_citizen_papers_owner", "citizen_papers", ["owner_id", "kind"])
    op.create_table(
        "paper_consents",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("owner_id", sa.String(30), nullable=False),
        sa.Column("dossier_uuid", sa.String(36), nullable=False),
        sa.Column("given", sa.Boolean(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("by", sa.String(32), nullable=False),
    )
    op.create_index("ix_paper_consents_owner", "paper_consents", ["owner_id"])
    with op.batch_alter_table("signed_copies") as batch:
        batch.add_column(sa.Column("reused_from", sa.String(36), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("signed_copies") as batch:
        batch.drop_column("reused_from")
    op.drop_index("ix_paper_consents_owner", table_name="paper_consents")
    op.drop_table("paper_consents")
    op.drop_index("ix_citizen_papers_owner", table_name="citizen_papers")
    op.drop_table("citizen_papers")
