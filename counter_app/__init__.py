"""counter_app: the desktop client of a Vietnamese one-stop counter (Bộ phận Một cửa)."""
