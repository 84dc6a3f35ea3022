"""The centre's queue: tickets at the kiosk, calls from the desks, the board, the figures."""

from counter_app.services.queue.service import (
    DossierTicket,
    QueueService,
    TakenTicket,
    called_json,
    dossier_ticket,
    open_queue,
    queue_areas,
    record_ticket,
)

__all__ = [
    "DossierTicket",
    "QueueService",
    "TakenTicket",
    "called_json",
    "dossier_ticket",
    "open_queue",
    "queue_areas",
    "record_ticket",
]
