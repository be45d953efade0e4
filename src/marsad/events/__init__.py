"""Events: the project's event taxonomy, the events gold set and its scorer."""
