"""intake payments (issue 18): the fees taken at intake are recorded as payments, like the fees
marked paid later, so the day's cash is the cash recorded. Dossiers received before are given
the payment the daily review counted for them until now: their fees collected at intake, in
cash, unless submitted online or already holding a payment.

Revision ID: 0022
Revises: 0018
Create Date: 2026-12-06 12:45:00
"""

from alembic import op

revision = "0022"
down_revision = "0018"
branch_labels = None
depends_on = None

TAKEN_AT_INTAKE = """
INSERT INTO payments (dossier_uuid, amount, method, reference, "by", at)
SELECT d.uuid, SUM(f.amount * f.quantity), 'cash', '', COALESCE(d.received_by, ''), d.received_at
FROM dossiers AS d JOIN dossier_fees AS f ON f.dossier_uuid = d.uuid
WHERE f.collection = 'before' AND d.channel != 'online' AND d.received_at IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM payments AS p WHERE p.dossier_uuid = d.uuid)
GROUP BY d.uuid
HAVING SUM(f.amount * f.quantity) > 0
"""


def upgrade() -> None:
    op.execute(TAKEN_AT_INTAKE)


def downgrade() -> None:
    """The payments stay: 0018's schema holds them as it holds any payment."""
