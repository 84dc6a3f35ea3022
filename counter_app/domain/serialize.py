"""The dossier as JSON: what `show` prints and what the outbox carries to central.

Language-neutral on purpose (states and actions by their codes); the command line adds labels.
"""

from __future__ import annotations

from typing import Any

from counter_app.domain.clock import iso
from counter_app.domain.dossier import Dossier

# The shape of `dossier_to_json` (its keys and the values its enums take), raised with any
# change of it: a dossier the counter saved as JSON in its outbox under another shape is read
# back from its rows instead (tests/sync/test_saved_push.py holds the shape's fingerprint).
DOSSIER_JSON_FORMAT = 1


def dossier_to_json(dossier: Dossier) -> dict[str, Any]:
    applicant = dossier.applicant
    return {
        "uuid": dossier.uuid,
        "code": dossier.code,
        "status": dossier.status.value,
        "status_number": dossier.status.number,
        "procedure": {"code": dossier.procedure_code, "name": dossier.procedure_name},
        "agency": dossier.agency_code,
        "applicant": {
            "type": applicant.type.value,
            "full_name": applicant.full_name,
            "id_number": applicant.id_number,
            "id_type": applicant.paper_type.value,
            "birth_date": applicant.birth_date.isoformat() if applicant.birth_date else None,
            "phone": applicant.phone,
            "email": applicant.email,
            "address": applicant.address,
            "organisation": applicant.organisation,
            "consent": {"notices": applicant.consents_to_notices},
        },
        "documents": [
            {
                "name": doc.name,
                "form": doc.form.value,
                "count": doc.count,
                "component_code": doc.component_code,
            }
            for doc in dossier.documents
        ],
        "sets": dossier.sets,
        "channel": dossier.channel.value,
        "return_method": dossier.return_method.value,
        "return_at": dossier.return_at,
        "fees": [
            {
                "name": line.name,
                "amount": line.amount,
                "quantity": line.quantity,
                "collection": line.collection.value,
                "total": line.total,
            }
            for line in dossier.fees
        ],
        "fee_total": dossier.fee_total,
        "note": dossier.note,
        "received_at": iso(dossier.received_at),
        "due_at": iso(dossier.due_at),
        "completed_at": iso(dossier.completed_at),
        "returned_at": iso(dossier.returned_at),
        "collector": (
            {
                "full_name": dossier.collector.full_name,
                "id_number": dossier.collector.id_number,
                "authorised": dossier.collector.authorised,
            }
            if dossier.collector
            else None
        ),
        "timeliness": dossier.timeliness.value if dossier.timeliness else None,
        "received_by": dossier.received_by,
        "history": [
            {
                "at": iso(entry.at),
                "actor": entry.actor,
                "actor_name": entry.actor_name,
                "actor_title": entry.actor_title,
                "action": entry.action,
                "from": entry.from_status.value if entry.from_status else None,
                "to": entry.to_status.value,
                "note": entry.note,
                "place": entry.place,
            }
            for entry in dossier.history
        ],
        "supplement_rounds": [
            {
                "requested_at": iso(r.requested_at),
                "old_due": iso(r.old_due),
                "resubmitted_at": iso(r.resubmitted_at),
                "new_due": iso(r.new_due),
            }
            for r in dossier.supplement_rounds
        ],
    }
