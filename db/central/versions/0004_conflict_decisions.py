"""conflict decisions: a supervisor's resolution of a conflict (who, when, which) recorded on
central's `conflicts` row; on PostgreSQL a counter records it only through a SECURITY DEFINER
function that checks the conflict is its own and the dossier one of its agencies'

Revision ID: c0004
Revises: c0003
Create Date: 2026-11-30 15:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "c0004"
down_revision = "c0003"
branch_labels = None
depends_on = None

# Refuses with SQLSTATE 42501 (insufficient privilege), which the app shows as "central.denied".
# Answers 'resolved', 'already' (an earlier decision stands: a repeat changes nothing) or
# 'unknown' (central kept no such conflict).
RESOLVE_CONFLICT = """
CREATE FUNCTION central_resolve_conflict(
    p_uuid varchar, p_version integer, p_resolution varchar, p_by varchar, p_at timestamp
) RETURNS varchar
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public AS $$
DECLARE
    me integer := central_my_number();
    mine bigint;
    changed bigint;
BEGIN
    IF me IS NULL THEN
        RAISE EXCEPTION 'role % is not a counter of this central', session_user
            USING ERRCODE = '42501';
    END IF;
    IF p_resolution NOT IN ('keep-central', 'reapply') THEN
        RAISE EXCEPTION 'unknown resolution %', p_resolution USING ERRCODE = '22023';
    END IF;
    IF EXISTS (SELECT 1 FROM dossiers d WHERE d.uuid = p_uuid
               AND d.agency_code NOT IN (SELECT central_my_agencies())) THEN
        RAISE EXCEPTION 'counter % does not serve the agency of dossier %', me, p_uuid
            USING ERRCODE = '42501';
    END IF;
    SELECT count(*) INTO mine FROM conflicts c
        WHERE c.dossier_uuid = p_uuid AND c.pushed_version = p_version AND c.counter_number = me;
    IF mine = 0 THEN
        IF EXISTS (SELECT 1 FROM conflicts c
                   WHERE c.dossier_uuid = p_uuid AND c.pushed_version = p_version) THEN
            RAISE EXCEPTION 'the conflict of dossier % is not counter %''s', p_uuid, me
                USING ERRCODE = '42501';
        END IF;
        RETURN 'unknown';
    END IF;
    UPDATE conflicts SET resolved_at = p_at, resolved_by = p_by, resolution = p_resolution
        WHERE dossier_uuid = p_uuid AND pushed_version = p_version AND counter_number = me
          AND resolved_at IS NULL;
    GET DIAGNOSTICS changed = ROW_COUNT;
    RETURN CASE WHEN changed > 0 THEN 'resolved' ELSE 'already' END;
END
$$
"""

_SIGNATURE = "central_resolve_conflict(varchar, integer, varchar, varchar, timestamp)"


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
    with op.batch_alter_table("conflicts") as table:
        table.add_column(sa.Column("resolved_by", sa.String(32)))
        table.add_column(sa.Column("resolution", sa.String(20)))
    if op.get_bind().dialect.name != "postgresql":
        return  # SQLite has no roles: the repository checks the scope in the same transaction
    op.execute(RESOLVE_CONFLICT)
    op.execute(f"REVOKE ALL ON FUNCTION {_SIGNATURE} FROM PUBLIC")
    op.execute(f'GRANT EXECUTE ON FUNCTION {_SIGNATURE} TO "{_group()}"')


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"DROP FUNCTION IF EXISTS {_SIGNATURE}")
    with op.batch_alter_table("conflicts") as table:
        table.drop_column("resolution")
        table.drop_column("resolved_by")
