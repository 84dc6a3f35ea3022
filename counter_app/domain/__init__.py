"""Plain-Python rules of the one-stop counter: no Qt, no SQLAlchemy (import-linter keeps it so)."""
