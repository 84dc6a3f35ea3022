"""dossier search: an FTS5 trigram index of the folded name, ID number, phone and code

Revision ID: 0009
Revises: 0010 (after the identity-paper rebuild of `dossiers`, which would drop these triggers)
Create Date: 2026-12-06 03:00:00

The index is kept in step by triggers on `dossiers`, so every write path (intake, moves, sync
pulls, restores of old files once upgraded) keeps it without knowing about it. SQLite's own
`remove_diacritics` option of the trigram tokenizer needs 3.45, newer than the SQLite of
Debian 12's Python and of the PyInstaller bundle built on it (3.40): the name is indexed in
the folded form the store already computes with the domain's `fold` (`applicant_name_folded`).

Each dossier's index row id is its search key from `dossier_search_keys`: the second it was
received times 2**20 plus a serial within that second. Reading the index backwards by row id
is then newest first, so a common name stops after one page instead of sorting every match.
Keys are an INTEGER PRIMARY KEY, which VACUUM keeps (a plain rowid it may renumber).

A later migration that rebuilds `dossiers` (batch mode) drops these triggers with the old
table: it must create them again (tests/store/test_search.py checks they exist at head).
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0010"
branch_labels = None
depends_on = None

KEY_SPAN = 1 << 20  # serials per received second


def _haystack(row: str) -> str:
    """Words padded with spaces, so a short query can ask for a whole word (" an ")."""
    return (
        f"' ' || {row}.applicant_name_folded || ' ' || {row}.id_number || ' ' || {row}.phone"
        f" || ' ' || coalesce({row}.code, '') || ' '"
    )


def _key(row: str) -> str:
    """The next free key in the dossier's received second (second 0 when not received)."""
    base = f"(coalesce(CAST(strftime('%s', {row}.received_at) AS INTEGER), 0) * {KEY_SPAN})"
    return (
        f"coalesce((SELECT max(id) FROM dossier_search_keys"
        f" WHERE id >= {base} AND id < {base} + {KEY_SPAN}), {base} - 1) + 1"
    )


def _index_row(row: str) -> str:
    return (
        f"INSERT INTO dossier_search_keys (id, uuid) VALUES ({_key(row)}, {row}.uuid);\n"
        f"INSERT INTO dossier_search (rowid, haystack) VALUES ("
        f"(SELECT id FROM dossier_search_keys WHERE uuid = {row}.uuid), {_haystack(row)});\n"
    )


def _unindex_row(row: str) -> str:
    return (
        f"DELETE FROM dossier_search WHERE rowid ="
        f" (SELECT id FROM dossier_search_keys WHERE uuid = {row}.uuid);\n"
        f"DELETE FROM dossier_search_keys WHERE uuid = {row}.uuid;\n"
    )


SEARCHED_COLUMNS = ("applicant_name_folded", "id_number", "phone", "code", "received_at")

TRIGGERS = {
    "dossier_search_insert": f"AFTER INSERT ON dossiers BEGIN\n{_index_row('new')}END",
    "dossier_search_update": (
        f"AFTER UPDATE OF {', '.join(SEARCHED_COLUMNS)} ON dossiers WHEN "
        + " OR ".join(f"old.{c} IS NOT new.{c}" for c in SEARCHED_COLUMNS)
        + f" BEGIN\n{_unindex_row('old')}{_index_row('new')}END"
    ),
    "dossier_search_delete": f"AFTER DELETE ON dossiers BEGIN\n{_unindex_row('old')}END",
}


def upgrade() -> None:
    op.create_table(
        "dossier_search_keys",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("uuid"),
    )
    op.execute("CREATE VIRTUAL TABLE dossier_search USING fts5(haystack, tokenize='trigram')")
    # Existing dossiers in received order, so keys within a second follow their codes.
    op.execute(
        "INSERT INTO dossier_search_keys (id, uuid) SELECT"
        f" coalesce(CAST(strftime('%s', received_at) AS INTEGER), 0) * {KEY_SPAN}"
        " + row_number() OVER (PARTITION BY received_at_second ORDER BY received_at, code) - 1,"
        " uuid FROM (SELECT uuid, code, received_at,"
        " strftime('%s', received_at) AS received_at_second FROM dossiers)"
    )
    op.execute(
        "INSERT INTO dossier_search (rowid, haystack) SELECT k.id, "
        + _haystack("d")
        + " FROM dossiers d JOIN dossier_search_keys k ON k.uuid = d.uuid"
    )
    for name, body in TRIGGERS.items():
        op.execute(f"CREATE TRIGGER {name} {body}")


def downgrade() -> None:
    for name in TRIGGERS:  # a later revision's downgrade that rebuilt `dossiers` dropped them
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE dossier_search")
    op.drop_table("dossier_search_keys")
