"""who collected the result

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28 01:26:55.441295
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN: SQLite adds a column with a constant default in place, without
    # copying a table of hundreds of thousands of dossiers.
    op.add_column(
        "dossiers",
        sa.Column("collector_name", sa.String(length=200), nullable=False, server_default=""),
    )
    op.add_column(
        "dossiers",
        sa.Column("collector_id_number", sa.String(length=12), nullable=False, server_default=""),
    )
    op.add_column(
        "dossiers",
        sa.Column("collector_authorised", sa.Boolean(), nullable=False, server_default=sa.false()),
    )


def downgrade() -> None:
    with op.batch_alter_table("dossiers", schema=None) as batch_op:
        batch_op.drop_column("collector_authorised")
        batch_op.drop_column("collector_id_number")
        batch_op.drop_column("collector_name")
