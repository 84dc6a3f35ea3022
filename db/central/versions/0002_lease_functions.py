"""code leases handed by central: on PostgreSQL counters take leases and raise lease heads only
through SECURITY DEFINER functions that check the agencies of the calling counter's role;
their direct INSERT/UPDATE on lease_heads and code_leases is revoked. A calendar day removed
centrally stays as a row marked removed, so counters pull the removal too

Revision ID: c0002
Revises: c0001
Create Date: 2026-11-30 09:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "c0002"
down_revision = "c0001"
branch_labels = None
depends_on = None

# The first number of the fallback zone (central_settings 'fallback_zone', default 9000):
# leases stay below it.
_ZONE_FIRST = (
    "COALESCE((SELECT (value -> 'value' ->> 'first')::integer FROM central_settings "
    "WHERE key = 'fallback_zone'), 9000)"
)

# Refuses with SQLSTATE 42501 (insufficient privilege), which the app shows as "central.denied".
_CHECK_SCOPE = """
    me := central_my_number();
    IF me IS NULL THEN
        RAISE EXCEPTION 'role % is not a counter of this central', session_user
            USING ERRCODE = '42501';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM counter_agencies
                   WHERE counter_number = me AND agency_code = p_agency) THEN
        RAISE EXCEPTION 'counter % does not serve agency %', me, p_agency
            USING ERRCODE = '42501';
    END IF;
    INSERT INTO lease_heads (agency_code, day, next_first) VALUES (p_agency, p_day, 1)
        ON CONFLICT DO NOTHING;
"""

TAKE_CODE_LEASE = f"""
CREATE FUNCTION take_code_lease(p_agency varchar, p_day date, p_size integer)
RETURNS TABLE (lease_first integer, lease_last integer)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public AS $$
DECLARE
    me integer;
    head integer;
    top integer;
BEGIN
    IF p_size IS NULL OR p_size < 1 THEN
        RAISE EXCEPTION 'lease size must be positive' USING ERRCODE = '22023';
    END IF;
    {_CHECK_SCOPE}
    SELECT h.next_first INTO head FROM lease_heads h
        WHERE h.agency_code = p_agency AND h.day = p_day FOR UPDATE;
    top := LEAST(head::bigint + p_size - 1, {_ZONE_FIRST} - 1)::integer;
    IF top < head THEN
        RETURN;  -- the day's leasable numbers are all out: the fallback slices remain
    END IF;
    INSERT INTO code_leases (agency_code, day, counter_number, first, last, granted_at)
        VALUES (p_agency, p_day, me, head, top, LOCALTIMESTAMP);
    UPDATE lease_heads h SET next_first = top + 1
        WHERE h.agency_code = p_agency AND h.day = p_day;
    lease_first := head;
    lease_last := top;
    RETURN NEXT;
END
$$
"""

RAISE_CODE_HEAD = f"""
CREATE FUNCTION raise_code_head(p_agency varchar, p_day date, p_last_used integer)
RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public AS $$
DECLARE
    me integer;
BEGIN
    {_CHECK_SCOPE}
    UPDATE lease_heads h SET next_first = LEAST(p_last_used, {_ZONE_FIRST} - 1) + 1
        WHERE h.agency_code = p_agency AND h.day = p_day AND h.next_first <= p_last_used;
END
$$
"""

_SIGNATURES = (
    "take_code_lease(varchar, date, integer)",
    "raise_code_head(varchar, date, integer)",
)


def _group() -> str:
    bind = op.get_bind()
    return bind.execute(
        sa.text("SELECT value ->> 'value' FROM central_settings WHERE key = 'counter_group_role'")
    ).scalar_one()


def upgrade() -> None:
    with op.batch_alter_table("calendar_overrides") as table:
        table.add_column(
            sa.Column("removed", sa.Boolean, nullable=False, server_default=sa.false())
        )
    if op.get_bind().dialect.name != "postgresql":
        return  # SQLite has no roles: the repository checks the scope in the same transaction
    group = _group()
    op.execute(TAKE_CODE_LEASE)
    op.execute(RAISE_CODE_HEAD)
    for signature in _SIGNATURES:
        op.execute(f"REVOKE ALL ON FUNCTION {signature} FROM PUBLIC")
        op.execute(f'GRANT EXECUTE ON FUNCTION {signature} TO "{group}"')
    op.execute(f'REVOKE INSERT, UPDATE ON lease_heads FROM "{group}"')
    op.execute(f'REVOKE INSERT ON code_leases FROM "{group}"')
    op.execute("DROP POLICY IF EXISTS code_leases_counter_1 ON code_leases")


def downgrade() -> None:
    with op.batch_alter_table("calendar_overrides") as table:
        table.drop_column("removed")
    if op.get_bind().dialect.name != "postgresql":
        return
    group = _group()
    for signature in _SIGNATURES:
        op.execute(f"DROP FUNCTION IF EXISTS {signature}")
    op.execute(f'GRANT INSERT, UPDATE ON lease_heads TO "{group}"')
    op.execute(f'GRANT INSERT ON code_leases TO "{group}"')
    op.execute(
        f'CREATE POLICY code_leases_counter_1 ON code_leases FOR INSERT TO "{group}" '
        "WITH CHECK (counter_number = central_my_number())"
    )
