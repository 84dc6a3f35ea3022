"""queue ticket: the ticket a dossier's citizen was called with, when taken and when called
(the waiting time), recorded at the desk (issue 20)

Revision ID: 0021
Revises: 0012
Create Date: 2026-12-06 06:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0021"
down_revision = "0013"
branch_labels = None
depends_on = None

COLUMNS = ("queue_ticket", "queue_taken_at", "queue_called_at")


def upgrade() -> None:
    op.add_column("dossiers", sa.Column("queue_ticket", sa.String(10)))
    op.add_column("dossiers", sa.Column("queue_taken_at", sa.DateTime))
    op.add_column("dossiers", sa.Column("queue_called_at", sa.DateTime))


def downgrade() -> None:
    # SQLite's own DROP COLUMN (3.35+): no rebuild of dossiers, so its search triggers stay
    for column in COLUMNS:
        op.execute(f"ALTER TABLE dossiers DROP COLUMN {column}")
