"""audit anchors: the heads of the audit chain central acknowledged (append-only, like the log),
and an index to find the audit entries of one action and subject (renumbered dossiers)

Revision ID: 0007
Revises: 0005
Create Date: 2026-12-06 03:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "audit_anchors",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("entries", sa.Integer(), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_audit_log_action_subject", "audit_log", ["action", "subject"])
    op.execute(
        "CREATE TRIGGER audit_anchors_no_update BEFORE UPDATE ON audit_anchors "
        "BEGIN SELECT RAISE(ABORT, 'audit anchors are append-only'); END"
    )
    op.execute(
        "CREATE TRIGGER audit_anchors_no_delete BEFORE DELETE ON audit_anchors "
        "BEGIN SELECT RAISE(ABORT, 'audit anchors are append-only'); END"
    )


def downgrade() -> None:
    op.drop_index("ix_audit_log_action_subject", table_name="audit_log")
    op.drop_table("audit_anchors")
