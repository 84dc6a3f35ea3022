"""the dossier as saved, in its outbox entry (issue 17): a push sends the JSON each change
wrote with it instead of reading every dossier back from its five tables into domain objects
and encoding it again, which was most of a push's time on the counter. Entries written
before this revision have none and are read back as before.

Revision ID: 0024
Revises: 0023
Create Date: 2026-12-07 15:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0024"
down_revision = "0023"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("outbox") as batch:
        batch.add_column(sa.Column("dossier", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("outbox") as batch:
        batch.drop_column("dossier")
