"""Stage: Entities: NER mentions, grouping into entities within the article, roles, gazetteer links (issue 3).

Placeholder wiring: returns the record unchanged until the stage is built.
"""

from __future__ import annotations

from ..record import Record


def run(record: Record) -> Record:
    return record
