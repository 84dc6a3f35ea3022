"""early sign-off reason: why a supervisor signed a day off before the counter closed

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-06 03:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("day_sign_offs") as batch:
        batch.add_column(sa.Column("early_reason", sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("day_sign_offs") as batch:
        batch.drop_column("early_reason")
