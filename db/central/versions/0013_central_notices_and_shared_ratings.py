"""central notices, ratings shared by agency (issue 18): the notices of decisions taken at
central, queued there and sent by central's sender (counters read their agencies'); the
ratings numbered on the change sequence, and readable by every counter of the dossier's agency,
so a dossier received at one counter and rated at another is seen at both

Revision ID: c0013
Revises: c0012
Create Date: 2026-12-06 13:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "c0013"
down_revision = "c0012"
branch_labels = None
depends_on = None

_AGENCIES = "agency_code IN (SELECT central_my_agencies())"
_RATED_FOR_MY_AGENCIES = (
    "EXISTS (SELECT 1 FROM dossiers AS d WHERE d.uuid = ratings.dossier_uuid "
    "AND d.agency_code IN (SELECT central_my_agencies()))"
)
# A rating takes the next number of the change sequence, whoever inserts it (counters cannot
# move the sequence themselves, revision c0005).
NUMBER_RATING = """
CREATE FUNCTION central_number_rating() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    UPDATE public.change_sequence SET value = value + 1 WHERE id = 1 RETURNING value INTO NEW.seq;
    RETURN NEW;
END
$$
"""


def _group() -> str:
    return (
        op.get_bind()
        .execute(
            sa.text(
                "SELECT value ->> 'value' FROM central_settings WHERE key = 'counter_group_role'"
            )
        )
        .scalar_one()
    )


def _number_existing_ratings() -> None:
    """The ratings central holds get numbers after the sequence's top, oldest first."""
    bind = op.get_bind()
    top = bind.execute(sa.text("SELECT value FROM change_sequence WHERE id = 1")).scalar_one()
    uuids = bind.execute(sa.text("SELECT uuid FROM ratings ORDER BY at, uuid")).scalars().all()
    if not uuids:
        return
    bind.execute(
        sa.text("UPDATE ratings SET seq = :seq WHERE uuid = :uuid"),
        [{"seq": top + number, "uuid": uuid} for number, uuid in enumerate(uuids, start=1)],
    )
    bind.execute(
        sa.text("UPDATE change_sequence SET value = :value WHERE id = 1"),
        {"value": top + len(uuids)},
    )


def upgrade() -> None:
    op.create_table(
        "notices",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), primary_key=True),
        sa.Column("dossier_uuid", sa.String(36), nullable=False),
        sa.Column("code", sa.String(40), nullable=False),
        sa.Column("agency_code", sa.String(13), nullable=False),
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
    op.add_column("ratings", sa.Column("seq", sa.BigInteger))
    _number_existing_ratings()
    op.create_index("ix_ratings_seq", "ratings", ["seq"])
    if op.get_bind().dialect.name != "postgresql":
        return  # SQLite has no roles: the repository numbers ratings and keeps to the agencies
    group = _group()
    op.execute(f'REVOKE ALL ON notices FROM PUBLIC, "{group}"')
    op.execute(f'GRANT SELECT ON notices TO "{group}"')
    op.execute("ALTER TABLE notices ENABLE ROW LEVEL SECURITY")
    op.execute(
        f'CREATE POLICY notices_counter ON notices FOR SELECT TO "{group}" USING ({_AGENCIES})'
    )
    op.execute(NUMBER_RATING)
    op.execute(
        "CREATE TRIGGER ratings_numbered BEFORE INSERT ON ratings "
        "FOR EACH ROW EXECUTE FUNCTION central_number_rating()"
    )
    op.execute(
        f'CREATE POLICY ratings_agencies ON ratings FOR SELECT TO "{group}" '
        f"USING ({_RATED_FOR_MY_AGENCIES})"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP POLICY ratings_agencies ON ratings")
        op.execute("DROP TRIGGER ratings_numbered ON ratings")
        op.execute("DROP FUNCTION central_number_rating()")
    op.drop_index("ix_ratings_seq", "ratings")
    op.drop_column("ratings", "seq")
    op.drop_table("notices")
