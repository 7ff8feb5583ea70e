"""Qt table models over immutable service rows, read a page at a time."""
