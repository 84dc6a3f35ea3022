"""ratings and payments (issue 18): the citizen's rating of a dossier's intake or return, once
per occasion and never updated; how fees were paid (cash, transfer, card) and the reference

Revision ID: 0017
Revises: 0012
Create Date: 2026-12-06 06:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0020"
branch_labels = None
depends_on = None

# A rating is the citizen's: nothing may change it once given (only the sync's mark).
NO_CHANGE = (
    "CREATE TRIGGER ratings_no_update BEFORE UPDATE OF dossier_uuid, occasion, level, reasons, "
    "officer, at, source ON ratings BEGIN SELECT RAISE(ABORT, 'ratings are never changed'); END"
)


def upgrade() -> None:
    op.create_table(
        "ratings",
        sa.Column("uuid", sa.String(36), primary_key=True),
        sa.Column("dossier_uuid", sa.String(36), sa.ForeignKey("dossiers.uuid"), nullable=False),
        sa.Column("occasion", sa.String(10), nullable=False),
        sa.Column("level", sa.String(20), nullable=False),
        sa.Column("reasons", sa.JSON, nullable=False),
        sa.Column("officer", sa.String(32), nullable=False),
        sa.Column("at", sa.DateTime, nullable=False),
        sa.Column("source", sa.String(10), nullable=False),
        sa.Column("synced_at", sa.DateTime),
        sa.UniqueConstraint("dossier_uuid", "occasion"),
    )
    op.create_index("ix_ratings_dossier_uuid", "ratings", ["dossier_uuid"])
    op.create_index("ix_ratings_at", "ratings", ["at"])
    op.execute(NO_CHANGE)
    op.create_table(
        "payments",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("dossier_uuid", sa.String(36), sa.ForeignKey("dossiers.uuid"), nullable=False),
        sa.Column("amount", sa.Integer, nullable=False),
        sa.Column("method", sa.String(10), nullable=False),
        sa.Column("reference", sa.String(100), nullable=False),
        sa.Column("by", sa.String(32), nullable=False),
        sa.Column("at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_payments_dossier_uuid", "payments", ["dossier_uuid"])
    op.create_index("ix_payments_at", "payments", ["at"])


def downgrade() -> None:
    op.drop_table("payments")
    op.execute("DROP TRIGGER IF EXISTS ratings_no_update")
    op.drop_table("ratings")
