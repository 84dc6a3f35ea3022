"""officers' titles, and each move's officer by name and title as they were at the time of the
move, for the national portal's progress records (QuaTrinhXuLy: NguoiXuLy, ChucDanh; issue 14).
Moves recorded before keep "" (the export then names the login, as before).

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-06 06:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("users", sa.Column("title", sa.String(200), nullable=False, server_default=""))
    for column in ("actor_name", "actor_title"):
        op.add_column(
            "dossier_history",
            sa.Column(column, sa.String(200), nullable=False, server_default=""),
        )


def downgrade() -> None:
    with op.batch_alter_table("dossier_history") as batch:
        batch.drop_column("actor_title")
        batch.drop_column("actor_name")
    with op.batch_alter_table("users") as batch:
        batch.drop_column("title")
