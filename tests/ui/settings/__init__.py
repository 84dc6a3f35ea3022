"""The administrator's settings page and the idle lock."""
