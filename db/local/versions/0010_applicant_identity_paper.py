"""applicant's identity paper: the paper type next to the number, numbers up to 30 characters

Revision ID: 0010
Revises: 0008
Create Date: 2026-12-06 04:20:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # "" until the app reads the row: the paper is then guessed from the number, as before.
    with op.batch_alter_table("dossiers") as batch:
        batch.add_column(sa.Column("id_type", sa.String(20), nullable=False, server_default=""))
        batch.alter_column("id_number", type_=sa.String(30), existing_type=sa.String(12))


def downgrade() -> None:
    with op.batch_alter_table("dossiers") as batch:
        batch.alter_column("id_number", type_=sa.String(12), existing_type=sa.String(30))
        batch.drop_column("id_type")
