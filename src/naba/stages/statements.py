"""Stage: Statements: who said what, cue, content, medium, certainty (issue 4).

Placeholder wiring: returns the record unchanged until the stage is built.
"""

from __future__ import annotations

from ..record import Record


def run(record: Record) -> Record:
    return record
