"""a province on one central (issue 17): the fallback zone of each (agency, day) is cut into
slots handed per (agency, counter), for good, only to counters that receive for the agency, so
the number of counters has no cap of its own (it was 50: one 20-number slice per counter of
every agency); the counters registered before keep the slice of every agency their number gave
them (`legacy` in central_settings 'fallback_zone'), so nothing issued is renumbered. A counter
may lease numbers of any agency of the catalog (receiving anywhere, with a smaller share of an
agency it does not serve), may insert a dossier of another agency numbered from its own
leases or slot, and sends the scans of the dossiers it received for other agencies. On
PostgreSQL a counter takes a slot only through `take_fallback_slot` and sees only its own

Revision ID: c0009
Revises: c0007
Create Date: 2026-12-06 06:00:00
"""

import importlib.util
from pathlib import Path

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "c0009"
down_revision = "c0007"
branch_labels = None
depends_on = None

# The largest share of an agency's day a counter holds in leases: its own agencies (c0005's
# LEASE_MAX_HELD) and another agency it receives for (counter_app/store/central/counters.py
# keeps the same on SQLite).
LEASE_MAX_HELD = 4500
LEASE_MAX_HELD_GUEST = 300

_DENY = "USING ERRCODE = '42501'"

_ZONE = """
    zone jsonb := (SELECT value -> 'value' FROM public.central_settings
                   WHERE key = 'fallback_zone');
    zone_first integer := COALESCE((zone ->> 'first')::integer, 9000);
    slice_size integer := COALESCE((zone ->> 'slice_size')::integer, 20);
    legacy integer := COALESCE((zone ->> 'legacy')::integer, 0);
"""

# The slot of an agency's fallback zone the calling counter owns (NULL: none).
MY_SLOT = f"""
CREATE FUNCTION central_my_slot(p_agency varchar) RETURNS integer
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    me integer := public.central_my_number();
    {_ZONE}
BEGIN
    IF me IS NULL THEN
        RETURN NULL;
    END IF;
    IF me <= legacy THEN
        RETURN me - 1;
    END IF;
    RETURN (SELECT f.slot FROM public.fallback_slots f
            WHERE f.agency_code = p_agency AND f.counter_number = me);
END
$$
"""

# A slot of the agency for the calling counter, the lowest free one after the legacy slots;
# NULL when all are taken or the counter neither serves the agency nor received one of its
# dossiers.
TAKE_FALLBACK_SLOT = f"""
CREATE FUNCTION take_fallback_slot(p_agency varchar) RETURNS integer
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    me integer := public.central_my_number();
    {_ZONE}
    found_slot integer;
BEGIN
    IF me IS NULL THEN
        RAISE EXCEPTION 'role % is not a counter of this central', session_user {_DENY};
    END IF;
    found_slot := public.central_my_slot(p_agency);
    IF found_slot IS NOT NULL THEN
        RETURN found_slot;
    END IF;
    IF p_agency NOT IN (SELECT public.central_my_agencies()) AND NOT EXISTS (
        SELECT 1 FROM public.dossiers d WHERE d.agency_code = p_agency AND d.origin_counter = me
    ) THEN
        RETURN NULL;  -- no slot of an agency the counter does not receive for
    END IF;
    PERFORM pg_advisory_xact_lock(hashtext('fallback_slots'), hashtext(p_agency));
    SELECT min(g) INTO found_slot
        FROM generate_series(legacy, (9999 - zone_first + 1) / slice_size - 1) AS g
        WHERE NOT EXISTS (SELECT 1 FROM public.fallback_slots f
                          WHERE f.agency_code = p_agency AND f.slot = g);
    IF found_slot IS NOT NULL THEN
        INSERT INTO public.fallback_slots (agency_code, slot, counter_number, granted_at)
            VALUES (p_agency, found_slot, me, now() AT TIME ZONE 'UTC');
    END IF;
    RETURN found_slot;
END
$$
"""

# Whether a code's number is the calling counter's to give for the agency: in its fallback
# slot, or in one of its leases of the code's day.
OWNS_CODE = f"""
CREATE FUNCTION central_owns_code(p_agency varchar, p_code varchar) RETURNS boolean
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    me integer := public.central_my_number();
    {_ZONE}
    number_text varchar := split_part(p_code, '-', 3);
    day_text varchar := split_part(p_code, '-', 2);
    number integer;
    slot integer;
    code_day date;
BEGIN
    IF me IS NULL OR number_text !~ '^[0-9]{{1,6}}$' OR day_text !~ '^[0-9]{{6}}$' THEN
        RETURN false;
    END IF;
    number := number_text::integer;
    slot := public.central_my_slot(p_agency);
    IF slot IS NOT NULL
       AND number BETWEEN zone_first + slot * slice_size
                      AND zone_first + (slot + 1) * slice_size - 1 THEN
        RETURN true;
    END IF;
    BEGIN
        code_day := to_date('20' || day_text, 'YYYYMMDD');
    EXCEPTION WHEN others THEN
        RETURN false;
    END;
    RETURN EXISTS (SELECT 1 FROM public.code_leases l
                   WHERE l.counter_number = me AND l.agency_code = p_agency
                     AND l.day = code_day AND number BETWEEN l.first AND l.last);
END
$$
"""

# c0002's lease work, for any agency of the catalog (c0005's checks stay in front of it).
TAKE_LEASE_WORK = """
CREATE OR REPLACE FUNCTION central_take_code_lease(p_agency varchar, p_day date, p_size integer)
RETURNS TABLE (lease_first integer, lease_last integer)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    me integer := public.central_my_number();
    zone_first integer := COALESCE((SELECT (value -> 'value' ->> 'first')::integer
        FROM public.central_settings WHERE key = 'fallback_zone'), 9000);
    head integer;
    top integer;
BEGIN
    IF p_size IS NULL OR p_size < 1 THEN
        RAISE EXCEPTION 'lease size must be positive' USING ERRCODE = '22023';
    END IF;
    IF me IS NULL THEN
        RAISE EXCEPTION 'role % is not a counter of this central', session_user
            USING ERRCODE = '42501';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM public.agencies a WHERE a.code = p_agency)
       AND p_agency NOT IN (SELECT public.central_my_agencies()) THEN
        RAISE EXCEPTION 'agency % is not in the catalog', p_agency USING ERRCODE = '42501';
    END IF;
    INSERT INTO public.lease_heads (agency_code, day, next_first) VALUES (p_agency, p_day, 1)
        ON CONFLICT DO NOTHING;
    SELECT h.next_first INTO head FROM public.lease_heads h
        WHERE h.agency_code = p_agency AND h.day = p_day FOR UPDATE;
    top := LEAST(head::bigint + p_size - 1, zone_first - 1)::integer;
    IF top < head THEN
        RETURN;  -- the day's leasable numbers are all out: the fallback slots remain
    END IF;
    INSERT INTO public.code_leases (agency_code, day, counter_number, first, last, granted_at)
        VALUES (p_agency, p_day, me, head, top, LOCALTIMESTAMP);
    UPDATE public.lease_heads h SET next_first = top + 1
        WHERE h.agency_code = p_agency AND h.day = p_day;
    lease_first := head;
    lease_last := top;
    RETURN NEXT;
END
$$
"""

TAKE_CODE_LEASE = f"""
CREATE OR REPLACE FUNCTION take_code_lease(p_agency varchar, p_day date, p_size integer)
RETURNS TABLE (lease_first integer, lease_last integer)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    held bigint;
    share integer := CASE WHEN p_agency IN (SELECT public.central_my_agencies())
                          THEN {LEASE_MAX_HELD} ELSE {LEASE_MAX_HELD_GUEST} END;
BEGIN
    PERFORM public.central_check_lease(p_day, p_size, NULL);
    SELECT COALESCE(sum(l.last - l.first + 1), 0) INTO held FROM public.code_leases l
        WHERE l.counter_number = public.central_my_number()
          AND l.agency_code = p_agency AND l.day = p_day;
    IF held >= share THEN
        RETURN;  -- the counter holds its share of the day: its fallback slot remains
    END IF;
    RETURN QUERY SELECT * FROM public.central_take_code_lease(
        p_agency, p_day, LEAST(COALESCE(p_size, 0), share - held)::integer);
END
$$
"""

_MINE = "agency_code IN (SELECT central_my_agencies())"
_ME = "central_my_number()"
INSERT_POLICY = (
    f"FOR INSERT TO {{group}} WITH CHECK (written_by = {_ME} AND origin_counter = {_ME} "
    f"AND ({_MINE} OR central_owns_code(agency_code, code)))"
)

_COUNTER_FUNCTIONS = ("take_fallback_slot(varchar)", "central_owns_code(varchar, varchar)")

# The attachments of a dossier the counter received for another agency go up with it (c0003
# knew only the counter's agencies): a dossier is the counter's when it serves the agency or
# received it. Correlated, one look-up by primary key a row.
_MINE_BEFORE = "d.agency_code IN (SELECT central_my_agencies())"
_MINE_NOW = f"({_MINE_BEFORE} OR d.origin_counter = central_my_number())"


def _blob_visible(mine: str) -> str:
    return f"""
CREATE OR REPLACE FUNCTION central_blob_visible(p_sha varchar) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT EXISTS (SELECT 1 FROM blobs b
                   WHERE b.sha256 = p_sha AND b.uploaded_by = central_my_number())
        OR EXISTS (SELECT 1 FROM blob_holders h
                   WHERE h.sha256 = p_sha AND h.counter_number = central_my_number())
        OR EXISTS (SELECT 1 FROM attachments a JOIN dossiers d ON d.uuid = a.dossier_uuid
                   WHERE a.sha256 = p_sha AND {mine})
$$
"""


def _attachment_policies(group: str, mine: str) -> None:
    me = "central_my_number()"
    owned = f"EXISTS (SELECT 1 FROM dossiers d WHERE d.uuid = attachments.dossier_uuid AND {mine})"
    rules = (
        f'FOR SELECT TO "{group}" USING ({owned})',
        f'FOR INSERT TO "{group}" WITH CHECK ({owned} AND written_by = {me} '
        "AND central_blob_usable(sha256))",
        f'FOR UPDATE TO "{group}" USING ({owned}) WITH CHECK ({owned} '
        f"AND written_by = {me} AND central_blob_usable(sha256))",
    )
    for number, rule in enumerate(rules):
        op.execute(f"DROP POLICY attachments_counter_{number} ON attachments")
        op.execute(f"CREATE POLICY attachments_counter_{number} ON attachments {rule}")


def _earlier(filename: str):  # type: ignore[no-untyped-def]
    """An earlier revision's module, for the definitions the downgrade puts back."""
    path = Path(__file__).with_name(filename)
    spec = importlib.util.spec_from_file_location(f"central_{path.stem}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


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
        "fallback_slots",
        sa.Column("agency_code", sa.String(13), primary_key=True),
        sa.Column("slot", sa.Integer, primary_key=True),
        sa.Column("counter_number", sa.Integer, sa.ForeignKey("counters.number"), nullable=False),
        sa.Column("granted_at", sa.DateTime, nullable=False),
        sa.UniqueConstraint("agency_code", "counter_number"),
    )
    bind = op.get_bind()
    legacy = bind.execute(sa.text("SELECT COALESCE(max(number), 0) FROM counters")).scalar_one()
    settings = sa.table(
        "central_settings",
        sa.column("key"),
        sa.column("value", sa.JSON().with_variant(JSONB(), "postgresql")),
    )
    op.execute(settings.delete().where(settings.c.key == "fallback_zone"))
    op.bulk_insert(
        settings,
        [
            {
                "key": "fallback_zone",
                "value": {"value": {"first": 9000, "slice_size": 20, "legacy": int(legacy)}},
            }
        ],
    )
    if bind.dialect.name != "postgresql":
        return  # SQLite has no roles: the repository checks the same rules in Python
    group = _group()
    op.execute(f'GRANT SELECT ON fallback_slots TO "{group}"')
    op.execute("ALTER TABLE fallback_slots ENABLE ROW LEVEL SECURITY")
    op.execute(
        f'CREATE POLICY fallback_slots_counter_0 ON fallback_slots FOR SELECT TO "{group}" '
        f"USING (counter_number = {_ME})"
    )
    for function in (MY_SLOT, TAKE_FALLBACK_SLOT, OWNS_CODE, TAKE_LEASE_WORK, TAKE_CODE_LEASE):
        op.execute(function)
    op.execute("REVOKE EXECUTE ON FUNCTION central_my_slot(varchar) FROM PUBLIC")
    for signature in _COUNTER_FUNCTIONS:
        op.execute(f"REVOKE EXECUTE ON FUNCTION {signature} FROM PUBLIC")
        op.execute(f'GRANT EXECUTE ON FUNCTION {signature} TO "{group}"')
    op.execute("DROP POLICY dossiers_counter_1 ON dossiers")
    for (role,) in bind.execute(sa.text("SELECT role FROM counters WHERE role IS NOT NULL")):
        op.execute(f"ALTER ROLE \"{role}\" SET statement_timeout = '60s'")  # as add-counter
    rule = INSERT_POLICY.format(group=f'"{group}"')
    op.execute(f"CREATE POLICY dossiers_counter_1 ON dossiers {rule}")
    op.execute(_blob_visible(_MINE_NOW))
    _attachment_policies(group, _MINE_NOW)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        group = _group()
        receiving = _earlier("0007_receiving_anywhere.py")
        security = _earlier("0005_counter_security.py")
        leases = _earlier("0002_lease_functions.py")
        op.execute("DROP POLICY dossiers_counter_1 ON dossiers")
        op.execute(
            "CREATE POLICY dossiers_counter_1 ON dossiers "
            + receiving.POLICIES[1].format(group=f'"{group}"')
        )
        op.execute(
            security.TAKE_CODE_LEASE.replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION")
        )
        work = leases.TAKE_CODE_LEASE.replace(
            "CREATE FUNCTION take_code_lease", "CREATE OR REPLACE FUNCTION central_take_code_lease"
        ).replace("SET search_path = public AS", "SET search_path = public, pg_temp AS")
        op.execute(work)
        for signature in (*_COUNTER_FUNCTIONS, "central_my_slot(varchar)"):
            op.execute(f"DROP FUNCTION {signature}")
        op.execute(_blob_visible(_MINE_BEFORE))
        _attachment_policies(group, _MINE_BEFORE)
    settings = sa.table("central_settings", sa.column("key"))
    op.execute(settings.delete().where(settings.c.key == "fallback_zone"))
    op.drop_table("fallback_slots")
