"""receiving anywhere (issue 14, Decree 118/2025/NĐ-CP): a counter may receive a dossier for any
agency of the province, whatever the applicant's residence, and forward it to the handling
agency. A counter still reads and writes its own agencies' dossiers; besides, it may insert a
dossier of another agency that it received itself (origin_counter) numbered from its own
fallback slice (it holds no leases for that agency, so the number cannot be another counter's),
and go on reading and moving the dossiers it received (the forward, the return of the result)

Revision ID: c0007
Revises: c0006
Create Date: 2026-12-06 04:30:00
"""

import sqlalchemy as sa
from alembic import op

revision = "c0007"
down_revision = "c0006"
branch_labels = None
depends_on = None

# Whether a dossier code's number (its last part) lies in the calling counter's fallback slice
# (central_settings 'fallback_zone', as counter_app/domain/codes.py FallbackZone.slice_for).
IN_MY_SLICE = """
CREATE FUNCTION central_in_my_slice(p_code varchar) RETURNS boolean
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    me integer := central_my_number();
    zone jsonb := (SELECT value -> 'value' FROM central_settings WHERE key = 'fallback_zone');
    zone_first integer := COALESCE((zone ->> 'first')::integer, 9000);
    slice_size integer := COALESCE((zone ->> 'slice_size')::integer, 20);
    number_text varchar := split_part(p_code, '-', 3);
    first integer;
BEGIN
    IF me IS NULL OR number_text !~ '^[0-9]{1,6}$' THEN
        RETURN false;
    END IF;
    first := zone_first + (me - 1) * slice_size;
    RETURN number_text::integer BETWEEN first AND first + slice_size - 1;
END
$$
"""

_MINE = "agency_code IN (SELECT central_my_agencies())"
_ME = "central_my_number()"
_MINE_OR_RECEIVED = f"({_MINE} OR origin_counter = {_ME})"

POLICIES = (
    f"FOR SELECT TO {{group}} USING {_MINE_OR_RECEIVED}",
    f"FOR INSERT TO {{group}} WITH CHECK (written_by = {_ME} AND origin_counter = {_ME} "
    f"AND ({_MINE} OR central_in_my_slice(code)))",
    f"FOR UPDATE TO {{group}} USING {_MINE_OR_RECEIVED} "
    f"WITH CHECK ({_MINE_OR_RECEIVED} AND written_by IN (0, {_ME}))",
)

# revision c0001's, put back by the downgrade
FORMER_POLICIES = (
    f"FOR SELECT TO {{group}} USING ({_MINE})",
    f"FOR INSERT TO {{group}} WITH CHECK ({_MINE} AND written_by = {_ME} "
    f"AND origin_counter = {_ME})",
    f"FOR UPDATE TO {{group}} USING ({_MINE}) WITH CHECK ({_MINE} AND written_by IN (0, {_ME}))",
)


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


def _replace_policies(policies: tuple[str, ...]) -> None:
    group = f'"{_group()}"'
    for number, template in enumerate(policies):
        rule = template.format(group=group)
        op.execute(f"DROP POLICY dossiers_counter_{number} ON dossiers")
        op.execute(f"CREATE POLICY dossiers_counter_{number} ON dossiers {rule}")


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return  # SQLite has no roles: the repository checks the same rules in Python
    op.execute(IN_MY_SLICE)
    op.execute("REVOKE EXECUTE ON FUNCTION central_in_my_slice(varchar) FROM PUBLIC")
    op.execute(f'GRANT EXECUTE ON FUNCTION central_in_my_slice(varchar) TO "{_group()}"')
    _replace_policies(POLICIES)


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    _replace_policies(FORMER_POLICIES)
    op.execute("DROP FUNCTION central_in_my_slice(varchar)")
