"""Pure rules and values: no Qt, no SQL, standard library only."""
