"""Stage: Time expressions: absolute, relative, Hijri dates with values (issue 5).

Placeholder wiring: returns the record unchanged until the stage is built.
"""

from __future__ import annotations

from ..record import Record


def run(record: Record) -> Record:
    return record
