"""notices (issue 18): the applicant's consent to notices, asked at intake, and the notices
queued for the background worker (e-mail, SMS), each sent at most once

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-06 06:30:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # a plain ADD COLUMN: no batch rebuild of dossiers, so the search triggers stay
    op.add_column(
        "dossiers",
        sa.Column("notice_consent", sa.Boolean, nullable=False, server_default="0"),
    )
    op.create_table(
        "notices",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("dossier_uuid", sa.String(36), sa.ForeignKey("dossiers.uuid"), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("channel", sa.String(10), nullable=False),
        sa.Column("recipient", sa.String(200), nullable=False),
        sa.Column("subject", sa.Text, nullable=False),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("state", sa.String(10), nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("next_try_at", sa.DateTime, nullable=False),
        sa.Column("last_error", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("sent_at", sa.DateTime),
    )
    op.create_index("ix_notices_dossier_uuid", "notices", ["dossier_uuid"])
    op.create_index("ix_notices_state_next", "notices", ["state", "next_try_at"])


def downgrade() -> None:
    op.drop_table("notices")
    op.drop_column("dossiers", "notice_consent")  # SQLite 3.35+: no rebuild, triggers stay
