"""Return of results (trả kết quả): the page at the desk, and the hand-back form that the
dossier detail dialog reuses."""
