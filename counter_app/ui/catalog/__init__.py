"""The catalog of procedures as the counter shows it."""
