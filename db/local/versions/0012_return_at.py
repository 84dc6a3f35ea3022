"""return at: the agency whose one-stop desk hands a dossier's result back ("" = the counter that
received it), since a dossier may be received at any counter of the province (issue 14)

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-06 04:30:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("dossiers") as batch:
        batch.add_column(sa.Column("return_at", sa.String(13), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("dossiers") as batch:
        batch.drop_column("return_at")
