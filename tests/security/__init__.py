"""The attack suite of issue 12: each test reproduces an attack first, then shows it fails."""
