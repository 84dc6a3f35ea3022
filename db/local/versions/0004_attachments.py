"""attachments: scanned pages of a dossier, originals kept by SHA-256 in the data folder

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-28 03:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "attachments",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("dossier_uuid", sa.String(length=36), nullable=False),
        sa.Column("component", sa.String(length=300), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("media_type", sa.String(length=40), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("pages", sa.Integer(), nullable=False, server_default="1"),
        sa.Column("rotation", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("original_name", sa.String(length=255), nullable=False, server_default=""),
        sa.Column("by", sa.String(length=32), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["dossier_uuid"], ["dossiers.uuid"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("dossier_uuid", "sha256"),
    )
    op.create_index("ix_attachments_dossier_uuid", "attachments", ["dossier_uuid"])
    op.create_index("ix_attachments_sha256", "attachments", ["sha256"])


def downgrade() -> None:
    op.drop_table("attachments")
