"""Stage: PLOVER events with actor, target, location, time, negation and hedging.

Uses the record's mentions (entities stage), times (times stage) and statements (an event inside a
hedged statement is hedged) when they are there; works from its own actor lexicon when they are
not. Each event carries ``attrs["confidence"]`` from the learned event filter
(:mod:`naba.models.events`) and, for ASSAULT and PROTEST, ``attrs["specific"]`` (a real, specific
event by the filter's tuned threshold); nothing is dropped by it. The work is in :mod:`naba.events`.

Not for: event rules or lexicons (:mod:`naba.events`).
"""

from __future__ import annotations

from ..events import extract
from ..record import Record


def run(record: Record) -> Record:
    record.events = extract(record)
    return record
