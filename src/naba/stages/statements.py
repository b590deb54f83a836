"""Stage 6, statements: who said what, with cue, content, medium and certainty (issue 4).

Runs after ``segment`` (tokens, sentences), ``entities`` (mentions, used for speaker names when
present) and ``times``. The work is in :mod:`naba.statements`.

Not for: statement rules or lexicons (:mod:`naba.statements`).
"""

from __future__ import annotations

from ..record import Record
from ..statements import find_statements


def run(record: Record) -> Record:
    record.statements = find_statements(record)
    return record
