"""attachments: scanned originals stored once by SHA-256 in chunks (resumable uploads, the
content checked server-side before a blob is complete), and each dossier's attachment rows;
on PostgreSQL row-level security limits a counter to its agencies' dossiers

Revision ID: c0003
Revises: c0002
Create Date: 2026-11-30 12:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "c0003"
down_revision = "c0002"
branch_labels = None
depends_on = None

# The assembled content of a blob: its parts below the count its size and chunk size give.
_CONTENT = """
    parts := GREATEST(1, (b.size + b.chunk_size - 1) / b.chunk_size);
    SELECT count(*), string_agg(c.data, ''::bytea ORDER BY c.part) INTO present, content
        FROM blob_chunks c WHERE c.sha256 = p_sha AND c.part < parts;
"""

# Marks the blob complete when its parts hash to its name; parts that do not are dropped so the
# upload starts again. Answers 'complete', 'incomplete' (parts missing) or 'mismatch'.
COMPLETE_BLOB = f"""
CREATE FUNCTION central_complete_blob(p_sha varchar) RETURNS varchar
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public AS $$
DECLARE
    b blobs%ROWTYPE;
    parts bigint;
    present bigint;
    content bytea;
BEGIN
    SELECT * INTO b FROM blobs WHERE sha256 = p_sha FOR UPDATE;
    IF NOT FOUND OR b.uploaded_by IS DISTINCT FROM central_my_number() THEN
        RAISE EXCEPTION 'blob % is not uploaded by this counter', p_sha USING ERRCODE = '42501';
    END IF;
    IF b.complete THEN
        RETURN 'complete';
    END IF;
    {_CONTENT}
    IF present < parts THEN
        RETURN 'incomplete';
    END IF;
    IF length(content) = b.size AND encode(sha256(content), 'hex') = p_sha THEN
        UPDATE blobs SET complete = true, completed_at = timezone('UTC', now())
            WHERE sha256 = p_sha;
        DELETE FROM blob_chunks WHERE sha256 = p_sha AND part >= parts;
        RETURN 'complete';
    END IF;
    DELETE FROM blob_chunks WHERE sha256 = p_sha;
    RETURN 'mismatch';
END
$$
"""

# A counter that holds content another counter uploaded proves it (the SHA-256 of its login
# name followed by the content) and may then use the blob without sending it again.
CLAIM_BLOB = f"""
CREATE FUNCTION central_claim_blob(p_sha varchar, p_proof varchar) RETURNS boolean
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public AS $$
DECLARE
    me integer := central_my_number();
    b blobs%ROWTYPE;
    parts bigint;
    present bigint;
    content bytea;
BEGIN
    IF me IS NULL THEN
        RAISE EXCEPTION 'role % is not a counter of this central', session_user
            USING ERRCODE = '42501';
    END IF;
    SELECT * INTO b FROM blobs WHERE sha256 = p_sha;
    IF NOT FOUND OR NOT b.complete THEN
        RETURN false;
    END IF;
    {_CONTENT}
    IF encode(sha256(convert_to(session_user::text, 'UTF8') || content), 'hex') <> p_proof THEN
        RAISE EXCEPTION 'counter % did not prove it holds blob %', me, p_sha
            USING ERRCODE = '42501';
    END IF;
    INSERT INTO blob_holders (sha256, counter_number) VALUES (p_sha, me) ON CONFLICT DO NOTHING;
    RETURN true;
END
$$
"""

# Outside row-level security (no policy may read a table whose policy reads it back): the
# counter uploaded the blob, proved it holds it, or a dossier of its agencies names it.
BLOB_VISIBLE = """
CREATE FUNCTION central_blob_visible(p_sha varchar) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
    SELECT EXISTS (SELECT 1 FROM blobs b
                   WHERE b.sha256 = p_sha AND b.uploaded_by = central_my_number())
        OR EXISTS (SELECT 1 FROM blob_holders h
                   WHERE h.sha256 = p_sha AND h.counter_number = central_my_number())
        OR EXISTS (SELECT 1 FROM attachments a JOIN dossiers d ON d.uuid = a.dossier_uuid
                   WHERE a.sha256 = p_sha AND d.agency_code IN (SELECT central_my_agencies()))
$$
"""

BLOB_USABLE = """
CREATE FUNCTION central_blob_usable(p_sha varchar) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
    SELECT EXISTS (SELECT 1 FROM blobs b WHERE b.sha256 = p_sha AND b.complete)
        AND central_blob_visible(p_sha)
$$
"""

_SIGNATURES = (
    "central_complete_blob(varchar)",
    "central_claim_blob(varchar, varchar)",
    "central_blob_visible(varchar)",
    "central_blob_usable(varchar)",
)


def upgrade() -> None:
    op.create_table(
        "blobs",
        sa.Column("sha256", sa.String(64), primary_key=True),
        sa.Column("size", sa.BigInteger, nullable=False),
        sa.Column("chunk_size", sa.Integer, nullable=False),
        sa.Column("complete", sa.Boolean, nullable=False),
        sa.Column("uploaded_by", sa.Integer, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("completed_at", sa.DateTime),
        sa.CheckConstraint("size > 0 AND chunk_size > 0", name="ck_blobs_sizes"),
    )
    op.create_table(
        "blob_chunks",
        sa.Column(
            "sha256",
            sa.String(64),
            sa.ForeignKey("blobs.sha256", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("part", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("data", sa.LargeBinary, nullable=False),
    )
    op.create_table(
        "blob_holders",
        sa.Column(
            "sha256",
            sa.String(64),
            sa.ForeignKey("blobs.sha256", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("counter_number", sa.Integer, primary_key=True, autoincrement=False),
    )
    op.create_table(
        "attachments",
        sa.Column("dossier_uuid", sa.String(36), sa.ForeignKey("dossiers.uuid"), primary_key=True),
        sa.Column("sha256", sa.String(64), sa.ForeignKey("blobs.sha256"), primary_key=True),
        sa.Column("component", sa.String(300), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("rotation", sa.Integer, nullable=False),
        sa.Column("media_type", sa.String(40), nullable=False),
        sa.Column("size", sa.BigInteger, nullable=False),
        sa.Column("pages", sa.Integer, nullable=False),
        sa.Column("original_name", sa.String(255), nullable=False),
        sa.Column("added_by", sa.String(32), nullable=False),
        sa.Column("added_at", sa.DateTime, nullable=False),
        sa.Column("removed", sa.Boolean, nullable=False),
        sa.Column("removed_at", sa.DateTime),
        sa.Column("written_by", sa.Integer, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_central_attachments_sha256", "attachments", ["sha256"])
    if op.get_bind().dialect.name == "postgresql":
        _security()


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


def _security() -> None:
    """A counter reads and writes the attachments of its agencies' dossiers only; it sends the
    chunks of blobs it started, and completes or claims a blob through functions that check
    the content, never by writing the flag itself."""
    group = _group()
    # scans are already compressed: stored out of line without another try at compressing
    op.execute("ALTER TABLE blob_chunks ALTER COLUMN data SET STORAGE EXTERNAL")
    for function in (BLOB_VISIBLE, BLOB_USABLE, COMPLETE_BLOB, CLAIM_BLOB):
        op.execute(function)
    for signature in _SIGNATURES:
        op.execute(f"REVOKE ALL ON FUNCTION {signature} FROM PUBLIC")
        op.execute(f'GRANT EXECUTE ON FUNCTION {signature} TO "{group}"')
    op.execute(f'GRANT SELECT, INSERT ON blobs, blob_chunks TO "{group}"')
    op.execute(f'GRANT SELECT, INSERT, UPDATE ON attachments TO "{group}"')
    me = "central_my_number()"
    # correlated, so each row costs one look-up by primary key however many dossiers there are
    mine = (
        "EXISTS (SELECT 1 FROM dossiers d WHERE d.uuid = attachments.dossier_uuid "
        "AND d.agency_code IN (SELECT central_my_agencies()))"
    )
    policies = {
        "blobs": [
            # the new row's own uploader counts: an insert's new row must be visible
            f'FOR SELECT TO "{group}" USING (uploaded_by = {me} OR central_blob_visible(sha256))',
            f'FOR INSERT TO "{group}" WITH CHECK (uploaded_by = {me} AND NOT complete)',
        ],
        "blob_chunks": [
            f'FOR SELECT TO "{group}" USING (central_blob_visible(sha256))',
            f'FOR INSERT TO "{group}" WITH CHECK (EXISTS (SELECT 1 FROM blobs b '
            f"WHERE b.sha256 = blob_chunks.sha256 AND b.uploaded_by = {me} AND NOT b.complete))",
        ],
        "blob_holders": [],
        "attachments": [
            f'FOR SELECT TO "{group}" USING ({mine})',
            f'FOR INSERT TO "{group}" WITH CHECK ({mine} AND written_by = {me} '
            "AND central_blob_usable(sha256))",
            f'FOR UPDATE TO "{group}" USING ({mine}) WITH CHECK ({mine} '
            f"AND written_by = {me} AND central_blob_usable(sha256))",
        ],
    }
    for table, rules in policies.items():
        op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        for i, rule in enumerate(rules):
            op.execute(f"CREATE POLICY {table}_counter_{i} ON {table} {rule}")


def downgrade() -> None:
    for table in ("attachments", "blob_holders", "blob_chunks", "blobs"):
        op.drop_table(table)  # with their policies, which name the functions
    if op.get_bind().dialect.name == "postgresql":
        for signature in _SIGNATURES:
            op.execute(f"DROP FUNCTION IF EXISTS {signature}")
