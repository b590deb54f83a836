"""The event filter model: features, weights (``events_filter.json``), training (``naba train events``).

Not for: finding events (:mod:`naba.events`); the filter only scores them.
"""
