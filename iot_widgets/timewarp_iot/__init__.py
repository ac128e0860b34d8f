"""Serial sensors as live widgets, readable from BASIC, Logo, PILOT and Python."""
