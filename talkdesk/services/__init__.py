"""Use cases: one call per user action, one transaction each, returning what changed."""
