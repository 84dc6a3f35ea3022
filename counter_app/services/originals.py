"""A dossier's scanned originals as the commands list them: in the order of its papers, as
JSON. Kept apart from the digitising service so that `show` reads them without importing it
(its checks, its PDF binding, its picture libraries)."""

from __future__ import annotations

from typing import Any

from counter_app.domain.clock import iso
from counter_app.domain.dossier import Dossier
from counter_app.store.attachments import Attachment, attachments_of
from counter_app.store.database import Database


def originals_of(database: Database, dossier: Dossier) -> list[Attachment]:
    with database.read() as session:
        return in_component_order(dossier, attachments_of(session, dossier.uuid))


def in_component_order(dossier: Dossier, found: list[Attachment]) -> list[Attachment]:
    """In the dossier's component order, then page order."""
    rank = {document.name: index for index, document in enumerate(dossier.documents)}
    return sorted(found, key=lambda a: (rank.get(a.component, len(rank)), a.position, a.id))


def attachment_json(item: Attachment) -> dict[str, Any]:
    return {
        "id": item.id,
        "sha256": item.sha256,
        "component": item.component,
        "order": item.position,
        "pages": item.pages,
        "by": item.by,
        "at": iso(item.at),
        "media_type": item.media_type,
        "size": item.size,
        "original_name": item.original_name,
        "rotation": item.rotation,
    }
