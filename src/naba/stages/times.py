"""Stage: time expressions (absolute, relative, Hijri) with calendar values.

When the record has no publication date, the date of the first paragraph's dateline ("الرياض 25
شوال 1436 هـ الموافق 10 اغسطس 2015 م واس") becomes it, with a warning; relative expressions are then
resolved against it. The work is in :mod:`naba.times`.

Not for: the page's own publication metadata (``naba.inputs.dates``).
"""

from __future__ import annotations

from ..record import Record
from ..times import dateline_date, extract

DATELINE_CHARS = 200  # a dateline sits at the very start of the first paragraph


def run(record: Record) -> Record:
    if not record.published and record.text:
        body = [p for p in record.paragraphs if p.kind == "body"] or record.paragraphs
        first = record.text[body[0].start:body[0].end] if body else record.text
        for head in (first, record.title or ""):
            found = dateline_date(head[:DATELINE_CHARS])
            if found:
                record.published = found[0]
                record.warnings.append(f"published date {found[0]} taken from the dateline \"{found[1]}\"")
                break
    record.times = extract(record.text, record.published)
    return record
