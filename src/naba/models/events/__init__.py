"""The event filter model: features, weights (``events_filter.json``), training (``naba train events``)."""
