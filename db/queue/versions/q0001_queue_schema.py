"""the shared queue of a centre: daily numbers per series, tickets, call events

Revision ID: q0001
Revises:
Create Date: 2026-12-06 06:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "q0001"
down_revision = None
branch_labels = None
depends_on = None

BIG_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "queue_numbers",
        sa.Column("day", sa.Date, primary_key=True),
        sa.Column("series", sa.String(10), primary_key=True),
        sa.Column("last", sa.Integer, nullable=False),
    )
    op.create_table(
        "queue_tickets",
        sa.Column("id", BIG_ID, primary_key=True, autoincrement=True),
        sa.Column("day", sa.Date, nullable=False),
        sa.Column("series", sa.String(10), nullable=False),
        sa.Column("number", sa.Integer, nullable=False),
        sa.Column("area", sa.String(40), nullable=False),
        sa.Column("priority", sa.String(20)),
        sa.Column("state", sa.String(10), nullable=False),
        sa.Column("taken_at", sa.DateTime, nullable=False),
        sa.Column("desk", sa.Integer),
        sa.Column("called_at", sa.DateTime),
        sa.Column("finished_at", sa.DateTime),
        sa.Column("calls", sa.Integer, nullable=False, server_default="0"),
        sa.Column("transferred_from", sa.String(40)),
        sa.UniqueConstraint("day", "series", "number", name="uq_queue_ticket_number"),
    )
    op.create_index("ix_queue_tickets_waiting", "queue_tickets", ["day", "state", "area"])
    op.create_index("ix_queue_tickets_desk", "queue_tickets", ["day", "desk", "state"])
    op.create_table(
        "queue_events",
        sa.Column("id", BIG_ID, primary_key=True, autoincrement=True),
        sa.Column("at", sa.DateTime, nullable=False),
        sa.Column("kind", sa.String(12), nullable=False),
        sa.Column("ticket_id", BIG_ID),
        sa.Column("desk", sa.Integer),
    )


def downgrade() -> None:
    op.drop_table("queue_events")
    op.drop_index("ix_queue_tickets_desk", "queue_tickets")
    op.drop_index("ix_queue_tickets_waiting", "queue_tickets")
    op.drop_table("queue_tickets")
    op.drop_table("queue_numbers")
