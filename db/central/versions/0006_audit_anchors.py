"""audit anchors: each counter's audit chain head (entries, last hash), sent every sync round
and kept append-only, so a counter's log cut short or rewritten and hashed again shows against
it; on PostgreSQL a counter adds one only through a SECURITY DEFINER function that records the
calling counter's number itself, and can neither update nor delete them

Revision ID: c0006
Revises: c0005
Create Date: 2026-12-06 03:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "c0006"
down_revision = "c0005"
branch_labels = None
depends_on = None

# Answers 'recorded', 'same' (that head is anchored already), 'behind' (a longer one is) or
# 'differs' (the counter's chain does not hold what was anchored last: nothing recorded).
# The prior anchor is the one the counter checked its chain against (0 and '' for none).
RECORD_ANCHOR = """
CREATE FUNCTION central_record_anchor(
    p_entries bigint, p_hash varchar, p_prior_entries bigint, p_prior_hash varchar
) RETURNS varchar
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    me integer := central_my_number();
    last_entries bigint;
    last_hash varchar;
BEGIN
    IF me IS NULL THEN
        RAISE EXCEPTION 'role % is not a counter of this central', session_user
            USING ERRCODE = '42501';
    END IF;
    IF p_entries IS NULL OR p_entries < 0 OR p_hash IS NULL OR p_hash !~ '^[0-9a-f]{64}$' THEN
        RAISE EXCEPTION 'not an audit chain head' USING ERRCODE = '22023';
    END IF;
    PERFORM 1 FROM counters WHERE number = me FOR UPDATE;  -- one anchor at a time per counter
    SELECT a.entries, a.hash INTO last_entries, last_hash FROM audit_anchors a
        WHERE a.counter_number = me ORDER BY a.entries DESC LIMIT 1;
    IF last_entries IS NOT NULL THEN
        IF p_entries < last_entries THEN
            RETURN 'behind';
        END IF;
        IF p_entries = last_entries THEN
            RETURN CASE WHEN p_hash = last_hash THEN 'same' ELSE 'differs' END;
        END IF;
        IF p_prior_entries IS DISTINCT FROM last_entries
           OR p_prior_hash IS DISTINCT FROM last_hash THEN
            RETURN 'differs';
        END IF;
    END IF;
    INSERT INTO audit_anchors (counter_number, entries, hash, at)
        VALUES (me, p_entries, p_hash, now() AT TIME ZONE 'UTC');
    RETURN 'recorded';
END
$$
"""

_SIGNATURE = "central_record_anchor(bigint, varchar, bigint, varchar)"


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


def upgrade() -> None:
    op.create_table(
        "audit_anchors",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            primary_key=True,
            autoincrement=True,
        ),
        sa.Column("counter_number", sa.Integer, sa.ForeignKey("counters.number"), nullable=False),
        sa.Column("entries", sa.BigInteger, nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
        sa.Column("at", sa.DateTime, nullable=False),
        sa.UniqueConstraint("counter_number", "entries"),
    )
    if op.get_bind().dialect.name != "postgresql":
        return  # SQLite has no roles: the repository checks the same in the same transaction
    group = _group()
    op.execute(RECORD_ANCHOR)
    op.execute(f"REVOKE ALL ON FUNCTION {_SIGNATURE} FROM PUBLIC")
    op.execute(f'GRANT EXECUTE ON FUNCTION {_SIGNATURE} TO "{group}"')
    op.execute(f'REVOKE ALL ON audit_anchors FROM PUBLIC, "{group}"')
    op.execute(f'GRANT SELECT ON audit_anchors TO "{group}"')
    op.execute("ALTER TABLE audit_anchors ENABLE ROW LEVEL SECURITY")
    op.execute(
        f'CREATE POLICY audit_anchors_counter_0 ON audit_anchors FOR SELECT TO "{group}" '
        "USING (counter_number = central_my_number())"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"DROP FUNCTION IF EXISTS {_SIGNATURE}")
    op.drop_table("audit_anchors")
