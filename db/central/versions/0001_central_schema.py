"""central schema: catalog, counters, dossiers with a change sequence, code leases, conflicts;
on PostgreSQL a group role for the counters and row-level security

Revision ID: c0001
Revises:
Create Date: 2026-11-29 09:00:00
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "c0001"
down_revision = None
branch_labels = None
depends_on = None

DOC = sa.JSON().with_variant(JSONB(), "postgresql")
BIG_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "central_settings",
        sa.Column("key", sa.String(100), primary_key=True),
        sa.Column("value", DOC, nullable=False),
    )
    op.create_table(
        "change_sequence",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("value", sa.BigInteger, nullable=False),
    )
    op.execute("INSERT INTO change_sequence (id, value) VALUES (1, 0)")
    op.create_table(
        "counters",
        sa.Column("number", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("counter_id", sa.String(60), nullable=False, unique=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("role", sa.String(63), unique=True),
        sa.Column("install_id", sa.String(36), unique=True),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("registered_at", sa.DateTime),
    )
    op.create_table(
        "counter_agencies",
        sa.Column(
            "counter_number",
            sa.Integer,
            sa.ForeignKey("counters.number", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("agency_code", sa.String(13), primary_key=True),
    )
    op.create_table(
        "agencies",
        sa.Column("code", sa.String(13), primary_key=True),
        sa.Column("name", sa.String(300), nullable=False),
        sa.Column("parent_code", sa.String(13)),
        sa.Column("short_name", sa.String(100), nullable=False),
        sa.Column("seq", sa.BigInteger, nullable=False, index=True),
    )
    op.create_table(
        "procedures",
        sa.Column("code", sa.String(60), primary_key=True),
        sa.Column("agency_code", sa.String(13), nullable=False),
        sa.Column("field", sa.String(300), nullable=False),
        sa.Column("data", DOC, nullable=False),
        sa.Column("seq", sa.BigInteger, nullable=False, index=True),
    )
    op.create_table(
        "calendar_overrides",
        sa.Column("agency_code", sa.String(13), primary_key=True),
        sa.Column("day", sa.Date, primary_key=True),
        sa.Column("working", sa.Boolean, nullable=False),
        sa.Column("note", sa.Text, nullable=False),
        sa.Column("seq", sa.BigInteger, nullable=False, index=True),
    )
    op.create_table(
        "dossiers",
        sa.Column("uuid", sa.String(36), primary_key=True),
        sa.Column("code", sa.String(40), unique=True),
        sa.Column("agency_code", sa.String(13), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("written_by", sa.Integer, nullable=False),
        sa.Column("origin_counter", sa.Integer),
        sa.Column("received_at", sa.DateTime),
        sa.Column("updated_at", sa.DateTime, nullable=False),
        sa.Column("seq", sa.BigInteger, nullable=False, unique=True),
        sa.Column("data", DOC, nullable=False),
    )
    op.create_index("ix_central_dossiers_received", "dossiers", ["received_at"])
    op.create_index("ix_central_dossiers_agency_status", "dossiers", ["agency_code", "status"])
    op.create_table(
        "lease_heads",
        sa.Column("agency_code", sa.String(13), primary_key=True),
        sa.Column("day", sa.Date, primary_key=True),
        sa.Column("next_first", sa.Integer, nullable=False),
    )
    op.create_table(
        "code_leases",
        sa.Column("id", BIG_ID, primary_key=True, autoincrement=True),
        sa.Column("agency_code", sa.String(13), nullable=False),
        sa.Column("day", sa.Date, nullable=False),
        sa.Column("counter_number", sa.Integer, sa.ForeignKey("counters.number"), nullable=False),
        sa.Column("first", sa.Integer, nullable=False),
        sa.Column("last", sa.Integer, nullable=False),
        sa.Column("granted_at", sa.DateTime, nullable=False),
        sa.UniqueConstraint("agency_code", "day", "first"),
    )
    op.create_index("ix_code_leases_counter_day", "code_leases", ["counter_number", "day"])
    op.create_table(
        "conflicts",
        sa.Column("id", BIG_ID, primary_key=True, autoincrement=True),
        sa.Column("at", sa.DateTime, nullable=False),
        sa.Column("counter_number", sa.Integer, nullable=False, index=True),
        sa.Column("dossier_uuid", sa.String(36), nullable=False, index=True),
        sa.Column("code", sa.String(40)),
        sa.Column("pushed_version", sa.Integer, nullable=False),
        sa.Column("central_version", sa.Integer),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("pushed", DOC, nullable=False),
        sa.Column("central", DOC),
        sa.Column("resolved_at", sa.DateTime),
    )
    if op.get_bind().dialect.name == "postgresql":
        _security()


def _security() -> None:
    """Counters log in as their own roles, members of one group role per database; they read
    the catalog, their own counter and leases, their agencies' dossiers, and write only as
    themselves (`central add-counter` makes the roles)."""
    bind = op.get_bind()
    database = bind.exec_driver_sql("SELECT current_database()").scalar()
    group = _group_role(database)
    op.execute(
        sa.text(
            "INSERT INTO central_settings (key, value) VALUES ('counter_group_role', :v)"
        ).bindparams(sa.bindparam("v", {"value": group}, type_=DOC))
    )
    op.execute(
        f"DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{group}') "
        f'THEN CREATE ROLE "{group}" NOLOGIN; END IF; END $$'
    )
    op.execute(
        "CREATE FUNCTION central_my_number() RETURNS integer LANGUAGE sql STABLE "
        "SECURITY DEFINER SET search_path = public AS "
        "$$ SELECT number FROM counters WHERE role = session_user $$"
    )
    op.execute(
        "CREATE FUNCTION central_my_agencies() RETURNS SETOF varchar LANGUAGE sql STABLE "
        "SECURITY DEFINER SET search_path = public AS "
        "$$ SELECT a.agency_code FROM counter_agencies a JOIN counters c "
        "ON c.number = a.counter_number WHERE c.role = session_user $$"
    )
    op.execute(f'GRANT USAGE ON SCHEMA public TO "{group}"')
    op.execute(
        "GRANT SELECT ON central_settings, agencies, procedures, calendar_overrides, "
        f'counters, counter_agencies, lease_heads, code_leases, conflicts TO "{group}"'
    )
    op.execute(f'GRANT SELECT, UPDATE ON change_sequence TO "{group}"')
    op.execute(f'GRANT UPDATE (install_id, registered_at, name) ON counters TO "{group}"')
    op.execute(f'GRANT SELECT, INSERT, UPDATE ON dossiers TO "{group}"')
    op.execute(f'GRANT INSERT, UPDATE ON lease_heads TO "{group}"')
    op.execute(f'GRANT INSERT ON code_leases, conflicts TO "{group}"')
    op.execute(f'GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO "{group}"')
    op.execute(f'GRANT EXECUTE ON FUNCTION central_my_number(), central_my_agencies() TO "{group}"')
    mine = "agency_code IN (SELECT central_my_agencies())"
    me = "central_my_number()"
    policies = {
        "counters": [
            f'FOR SELECT TO "{group}" USING (role = session_user)',
            f'FOR UPDATE TO "{group}" USING (role = session_user)',
        ],
        "counter_agencies": [f'FOR SELECT TO "{group}" USING (counter_number = {me})'],
        "dossiers": [
            f'FOR SELECT TO "{group}" USING ({mine})',
            f'FOR INSERT TO "{group}" WITH CHECK ({mine} AND written_by = {me} '
            f"AND origin_counter = {me})",
            f'FOR UPDATE TO "{group}" USING ({mine}) '
            f"WITH CHECK ({mine} AND written_by IN (0, {me}))",
        ],
        "code_leases": [
            f'FOR SELECT TO "{group}" USING (counter_number = {me})',
            f'FOR INSERT TO "{group}" WITH CHECK (counter_number = {me})',
        ],
        "conflicts": [
            f'FOR SELECT TO "{group}" USING (counter_number = {me})',
            f'FOR INSERT TO "{group}" WITH CHECK (counter_number = {me})',
        ],
    }
    for table, rules in policies.items():
        op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        for i, rule in enumerate(rules):
            op.execute(f"CREATE POLICY {table}_counter_{i} ON {table} {rule}")


def _group_role(database: str) -> str:
    safe = "".join(c if c.isalnum() else "_" for c in database.lower())
    return f"ca_{safe}"[:50] + "_counters"


def downgrade() -> None:
    for table in (
        "conflicts",
        "code_leases",
        "lease_heads",
        "dossiers",
        "calendar_overrides",
        "procedures",
        "agencies",
        "counter_agencies",
        "counters",
        "change_sequence",
        "central_settings",
    ):
        op.drop_table(table)
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS central_my_number()")
        op.execute("DROP FUNCTION IF EXISTS central_my_agencies()")
