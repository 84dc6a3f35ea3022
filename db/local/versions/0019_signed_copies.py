"""signed copies: which electronic copies of a dossier were signed, by whom and with which
certificate (the signed file itself is an attachment, so it syncs like any scan) (issue 19)

Revision ID: 0019
Revises: 0012
Create Date: 2026-12-06 06:10:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0019"
down_revision = "0021"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "signed_copies",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("dossier_uuid", sa.String(36), sa.ForeignKey("dossiers.uuid"), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("what", sa.String(16), nullable=False),
        sa.Column("component", sa.String(300), nullable=False, server_default=""),
        sa.Column("signer", sa.String(200), nullable=False),
        sa.Column("unit", sa.String(200), nullable=False, server_default=""),
        sa.Column("signed_at", sa.DateTime(), nullable=False),
        sa.Column("by", sa.String(32), nullable=False),
        sa.UniqueConstraint("dossier_uuid", "sha256"),
    )
    op.create_index("ix_signed_copies_dossier_uuid", "signed_copies", ["dossier_uuid"])


def downgrade() -> None:
    op.drop_index("ix_signed_copies_dossier_uuid", table_name="signed_copies")
    op.drop_table("signed_copies")
