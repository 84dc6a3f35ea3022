"""The citizen's screen: what the person across the desk sees (issue 18)."""
