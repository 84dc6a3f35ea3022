"""counter security (issue 12): on PostgreSQL every function of the schema looks in pg_temp last
and counters get no TEMP privilege, so temporary tables cannot shadow central's; counters write
dossiers only through the columns the push needs, checked by a trigger against the lifecycle
(a table of the allowed moves, from counter_app/domain/lifecycle.py) and numbered by it (the
change sequence moves only through central's functions); leases are capped in size and days;
lease heads are read per agency; nothing is executable by PUBLIC

Revision ID: c0005
Revises: c0004
Create Date: 2026-12-06 03:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "c0005"
down_revision = "c0004"
branch_labels = None
depends_on = None

# (action, from, to, central's own move) as counter_app/domain/lifecycle.py TRANSITIONS and
# domain/sync.py CENTRAL_MOVES have them; a resubmission goes back to where the supplement was
# asked from. tests/security/test_central_lifecycle.py keeps this list equal to the domain's.
MOVES = (
    ("receive", None, "new", False),
    ("receive", None, "receiving", False),
    ("accept", "receiving", "new", False),
    ("transfer", "new", "processing", False),
    ("request-supplement", "new", "waiting", False),
    ("request-supplement", "processing", "waiting", True),
    ("request-supplement", "receiving", "waiting", False),
    ("resubmit", "waiting", "new", False),
    ("resubmit", "waiting", "processing", False),
    ("resubmit", "waiting", "receiving", False),
    ("request-payment", "processing", "paying", True),
    ("pay", "paying", "processing", False),
    ("refuse", "new", "denied", False),
    ("refuse", "receiving", "denied", False),
    ("withdraw", "new", "cancelled", False),
    ("withdraw", "paying", "cancelled", False),
    ("withdraw", "processing", "cancelled", False),
    ("withdraw", "receiving", "cancelled", False),
    ("withdraw", "waiting", "cancelled", False),
    ("stop", "paying", "unresolved", True),
    ("stop", "processing", "unresolved", True),
    ("stop", "waiting", "unresolved", True),
    ("resolve", "new", "releasing", False),
    ("resolve", "processing", "releasing", True),
    ("return", "releasing", "done", False),
)

# Lease limits (counter_app/store/central/counters.py keeps the same on SQLite): a day from
# yesterday to LEASE_DAYS_AHEAD days ahead in Vietnam time, at most LEASE_MAX_SIZE numbers a
# call (the app asks for its lease target, 100 unless set higher); one counter holds at most
# LEASE_MAX_HELD numbers of an agency's day (a larger ask gets the rest up to it); a head raised
# for numbers given before registering only up to RAISE_MAX_LAST, never for a day after
# tomorrow.
LEASE_MAX_SIZE = 3000
LEASE_MAX_HELD = 4500
LEASE_DAYS_AHEAD = 31
RAISE_MAX_LAST = 4500
_TODAY = "(timezone('UTC', now()) + interval '7 hours')::date"

# What a merge (written_by 0: central's state with the counter's own moves replayed) may change.
_MERGE_KEYS = (
    "status",
    "status_number",
    "history",
    "supplement_rounds",
    "due_at",
    "completed_at",
    "returned_at",
    "timeliness",
    "code",
    "received_at",
    "collector",
)

_DENY = "USING ERRCODE = '42501'"

# A counter's write of a dossier, refused with 42501 ("central.denied") unless the push could
# have made it: the row agrees with its JSON, the version goes up, the old history is kept and
# each new move is allowed by the lifecycle from where the dossier stood; written as central
# (0) only by a merge, which adds the counter's own moves and changes nothing else. Each row
# takes the next number of the change sequence.
CHECK_DOSSIER_WRITE = f"""
CREATE FUNCTION central_check_dossier_write() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    me integer := central_my_number();
    old_history jsonb := '[]'::jsonb;
    new_history jsonb := NEW.data -> 'history';
    known integer := 0;
    standing varchar;
    entry jsonb;
    owned_by_central boolean;
BEGIN
    IF me IS NULL THEN
        RETURN NEW;  -- central's own commands; a role that is no counter passes no policy
    END IF;
    IF jsonb_typeof(new_history) IS DISTINCT FROM 'array'
       OR NEW.data ->> 'uuid' IS DISTINCT FROM NEW.uuid
       OR NEW.data ->> 'agency' IS DISTINCT FROM NEW.agency_code
       OR NEW.data ->> 'status' IS DISTINCT FROM NEW.status
       OR NEW.data ->> 'code' IS DISTINCT FROM NEW.code THEN
        RAISE EXCEPTION 'dossier % does not agree with its data', NEW.uuid {_DENY};
    END IF;
    IF TG_OP = 'UPDATE' THEN
        IF NEW.uuid <> OLD.uuid OR NEW.agency_code <> OLD.agency_code
           OR NEW.origin_counter IS DISTINCT FROM OLD.origin_counter
           OR NEW.version <= OLD.version THEN
            RAISE EXCEPTION 'dossier % is not a newer version of itself', NEW.uuid {_DENY};
        END IF;
        IF NEW.written_by NOT IN (me, 0) OR (NEW.written_by = 0 AND OLD.written_by = me) THEN
            RAISE EXCEPTION 'counter % writes dossier % only as itself', me, NEW.uuid {_DENY};
        END IF;
        old_history := COALESCE(OLD.data -> 'history', '[]'::jsonb);
        known := jsonb_array_length(old_history);
        IF NEW.written_by = 0 AND (jsonb_array_length(new_history) <= known
           OR (NEW.data - ARRAY{list(_MERGE_KEYS)}) <> (OLD.data - ARRAY{list(_MERGE_KEYS)})) THEN
            RAISE EXCEPTION 'a merge of dossier % is more than its moves', NEW.uuid {_DENY};
        END IF;
        standing := OLD.status;
        IF jsonb_array_length(new_history) < known
           OR EXISTS (SELECT 1 FROM generate_series(0, known - 1) AS i
                      WHERE new_history -> i IS DISTINCT FROM old_history -> i) THEN
            RAISE EXCEPTION 'dossier % loses history', NEW.uuid {_DENY};
        END IF;
    ELSIF NEW.written_by <> me OR NEW.origin_counter IS DISTINCT FROM me THEN
        RAISE EXCEPTION 'counter % writes dossier % only as itself', me, NEW.uuid {_DENY};
    END IF;
    FOR entry IN SELECT value FROM jsonb_array_elements(new_history) WITH ORDINALITY
                 WHERE ordinality > known ORDER BY ordinality LOOP
        SELECT m.central_move INTO owned_by_central FROM public.central_lifecycle_moves m
            WHERE m.action = entry ->> 'action' AND m.to_status = entry ->> 'to'
              AND m.from_status IS NOT DISTINCT FROM entry ->> 'from'
              AND m.from_status IS NOT DISTINCT FROM standing;
        IF NOT FOUND OR (owned_by_central AND NEW.written_by = 0) THEN
            RAISE EXCEPTION 'dossier %: % from % is not a move the counter may make',
                NEW.uuid, entry ->> 'action', COALESCE(standing, 'nothing') {_DENY};
        END IF;
        standing := entry ->> 'to';
    END LOOP;
    IF standing IS DISTINCT FROM NEW.status THEN
        RAISE EXCEPTION 'dossier %: its history ends in %, not %',
            NEW.uuid, COALESCE(standing, 'nothing'), NEW.status {_DENY};
    END IF;
    UPDATE public.change_sequence SET value = value + 1 WHERE id = 1 RETURNING value INTO NEW.seq;
    RETURN NEW;
END
$$
"""

# The days (in Vietnam time) and sizes a counter may lease or raise a head for; else 42501.
CHECK_LEASE = f"""
CREATE FUNCTION central_check_lease(p_day date, p_size integer, p_last integer) RETURNS void
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF p_day IS NULL OR p_day > {_TODAY} + {LEASE_DAYS_AHEAD}
       OR (p_size IS NOT NULL AND p_day < {_TODAY} - 1)
       OR (p_last IS NOT NULL AND p_day > {_TODAY} + 1) THEN
        RAISE EXCEPTION 'no lease for day %', p_day {_DENY};
    END IF;
    IF p_size > {LEASE_MAX_SIZE} OR p_last > {RAISE_MAX_LAST} THEN
        RAISE EXCEPTION 'a lease of % numbers is too large', COALESCE(p_size, p_last) {_DENY};
    END IF;
END
$$
"""

# The functions of c0002 keep their work under another name; the names counters call check the
# limits first.
TAKE_CODE_LEASE = f"""
CREATE FUNCTION take_code_lease(p_agency varchar, p_day date, p_size integer)
RETURNS TABLE (lease_first integer, lease_last integer)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    held bigint;
BEGIN
    PERFORM public.central_check_lease(p_day, p_size, NULL);
    SELECT COALESCE(sum(l.last - l.first + 1), 0) INTO held FROM public.code_leases l
        WHERE l.counter_number = public.central_my_number()
          AND l.agency_code = p_agency AND l.day = p_day;
    IF held >= {LEASE_MAX_HELD} THEN
        RETURN;  -- the counter holds its share of the day: its fallback slice remains
    END IF;
    RETURN QUERY SELECT * FROM public.central_take_code_lease(
        p_agency, p_day, LEAST(COALESCE(p_size, 0), {LEASE_MAX_HELD} - held)::integer);
END
$$
"""

RAISE_CODE_HEAD = """
CREATE FUNCTION raise_code_head(p_agency varchar, p_day date, p_last_used integer)
RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    PERFORM public.central_check_lease(p_day, NULL, p_last_used);
    PERFORM public.central_raise_code_head(p_agency, p_day, p_last_used);
END
$$
"""

_LEASE_FUNCTIONS = (
    ("take_code_lease", "central_take_code_lease", "(varchar, date, integer)"),
    ("raise_code_head", "central_raise_code_head", "(varchar, date, integer)"),
)

# What counters may write of a dossier: everything but its number in the change sequence.
_DOSSIER_COLUMNS = (
    "uuid, code, agency_code, status, version, written_by, origin_counter, received_at, "
    "updated_at, data"
)
_CONFLICT_COLUMNS = (
    "at, counter_number, dossier_uuid, code, pushed_version, central_version, reason, pushed, "
    "central"
)

# Every function of the schema: no pg_temp table may stand in for a table it reads.
_SAFE_SEARCH_PATH = """
DO $$
DECLARE f regprocedure;
BEGIN
    FOR f IN SELECT p.oid::regprocedure FROM pg_proc p
             WHERE p.pronamespace = 'public'::regnamespace LOOP
        EXECUTE format('ALTER FUNCTION %s SET search_path = public, pg_temp', f);
    END LOOP;
END
$$
"""

_COUNTER_FUNCTIONS = (
    "central_my_number()",
    "central_my_agencies()",
    "take_code_lease(varchar, date, integer)",
    "raise_code_head(varchar, date, integer)",
    "central_complete_blob(varchar)",
    "central_claim_blob(varchar, varchar)",
    "central_blob_visible(varchar)",
    "central_blob_usable(varchar)",
    "central_resolve_conflict(varchar, integer, varchar, varchar, timestamp)",
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


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return  # SQLite has no roles: the repository checks the same rules in Python
    group = _group()
    database = op.get_bind().exec_driver_sql("SELECT current_database()").scalar()
    op.execute(f'REVOKE TEMPORARY ON DATABASE "{database}" FROM PUBLIC, "{group}"')
    op.execute(f'REVOKE CREATE ON SCHEMA public FROM PUBLIC, "{group}"')

    op.create_table(
        "central_lifecycle_moves",
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("from_status", sa.String(20)),
        sa.Column("to_status", sa.String(20), nullable=False),
        sa.Column("central_move", sa.Boolean, nullable=False),
        sa.UniqueConstraint("action", "from_status", "to_status"),
    )
    op.bulk_insert(
        sa.table(
            "central_lifecycle_moves",
            sa.column("action"),
            sa.column("from_status"),
            sa.column("to_status"),
            sa.column("central_move"),
        ),
        [
            dict(zip(("action", "from_status", "to_status", "central_move"), m, strict=True))
            for m in MOVES
        ],
    )

    op.execute(CHECK_DOSSIER_WRITE)
    op.execute(
        "CREATE TRIGGER dossiers_counter_write BEFORE INSERT OR UPDATE ON dossiers "
        "FOR EACH ROW EXECUTE FUNCTION central_check_dossier_write()"
    )
    op.execute(f'REVOKE INSERT, UPDATE ON dossiers FROM "{group}"')
    op.execute(f'GRANT INSERT ({_DOSSIER_COLUMNS}) ON dossiers TO "{group}"')
    op.execute(f'GRANT UPDATE ({_DOSSIER_COLUMNS}) ON dossiers TO "{group}"')
    op.execute(f'REVOKE UPDATE ON change_sequence FROM "{group}"')
    op.execute(f'REVOKE INSERT ON conflicts FROM "{group}"')
    op.execute(f'GRANT INSERT ({_CONFLICT_COLUMNS}) ON conflicts TO "{group}"')
    op.execute(
        f"""DO $$ BEGIN EXECUTE format('REVOKE ALL ON SEQUENCE %s FROM "{group}"',
        pg_get_serial_sequence('code_leases', 'id')); END $$"""
    )

    op.execute("ALTER TABLE lease_heads ENABLE ROW LEVEL SECURITY")
    op.execute(
        f'CREATE POLICY lease_heads_counter_0 ON lease_heads FOR SELECT TO "{group}" '
        "USING (agency_code IN (SELECT central_my_agencies()))"
    )

    for name, kept, arguments in _LEASE_FUNCTIONS:
        op.execute(f"ALTER FUNCTION {name}{arguments} RENAME TO {kept}")
    op.execute(CHECK_LEASE)
    op.execute(TAKE_CODE_LEASE)
    op.execute(RAISE_CODE_HEAD)

    op.execute(_SAFE_SEARCH_PATH)
    op.execute("REVOKE EXECUTE ON ALL FUNCTIONS IN SCHEMA public FROM PUBLIC")
    op.execute(f'REVOKE EXECUTE ON ALL FUNCTIONS IN SCHEMA public FROM "{group}"')
    # in this database, for the functions the administrator makes later (a per-schema default
    # cannot take back a global one)
    op.execute("ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC")
    for signature in _COUNTER_FUNCTIONS:
        op.execute(f'GRANT EXECUTE ON FUNCTION {signature} TO "{group}"')


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    group = _group()
    database = op.get_bind().exec_driver_sql("SELECT current_database()").scalar()
    op.execute("DROP FUNCTION take_code_lease(varchar, date, integer)")
    op.execute("DROP FUNCTION raise_code_head(varchar, date, integer)")
    op.execute("DROP FUNCTION central_check_lease(date, integer, integer)")
    for name, kept, arguments in _LEASE_FUNCTIONS:
        op.execute(f"ALTER FUNCTION {kept}{arguments} RENAME TO {name}")
        op.execute(f"ALTER FUNCTION {name}{arguments} SET search_path = public")
        op.execute(f'GRANT EXECUTE ON FUNCTION {name}{arguments} TO "{group}"')
    op.execute("DROP POLICY lease_heads_counter_0 ON lease_heads")
    op.execute("ALTER TABLE lease_heads DISABLE ROW LEVEL SECURITY")
    op.execute("DROP TRIGGER dossiers_counter_write ON dossiers")
    op.execute("DROP FUNCTION central_check_dossier_write()")
    op.drop_table("central_lifecycle_moves")
    op.execute(f'GRANT INSERT, UPDATE ON dossiers TO "{group}"')
    op.execute(f'GRANT UPDATE ON change_sequence TO "{group}"')
    op.execute(f'GRANT INSERT ON conflicts TO "{group}"')
    op.execute(f'GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO "{group}"')
    op.execute("ALTER DEFAULT PRIVILEGES GRANT EXECUTE ON FUNCTIONS TO PUBLIC")
    op.execute(f'GRANT TEMPORARY ON DATABASE "{database}" TO PUBLIC')
