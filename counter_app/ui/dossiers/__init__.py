"""The dossiers: the list and its search, the detail with its moves, correcting an intake."""
