"""The centre's queue: tickets at the kiosk, calls from the desks, the board, the figures."""

from counter_app.services.queue.service import (
    QueueService,
    TakenTicket,
    called_json,
    open_queue,
    queue_areas,
    record_ticket,
)

__all__ = [
    "QueueService",
    "TakenTicket",
    "called_json",
    "open_queue",
    "queue_areas",
    "record_ticket",
]
