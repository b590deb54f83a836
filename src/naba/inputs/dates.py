"""Publication-date strings -> "YYYY-MM-DD".

:func:`parse_date` reads metadata values (ISO, RFC-822, "2015-08-06 10:00", "06/08/2015");
:func:`parse_arabic_date` reads an Arabic dateline as pages print it ("الأربعاء، 07 أكتوبر 2020",
"الجمعة 24 نيسان / أبريل 2020"), with the month names of ``arabic/data/page_date_months.tsv``.

Not for: time expressions inside the article text (that is the ``times`` stage).
"""

from __future__ import annotations

import re
from datetime import datetime
from email.utils import parsedate_to_datetime
from functools import lru_cache

from ..arabic.normalize import normalize
from ..arabic.resources import data_tsv

_ISO_RE = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})")
_DMY_RE = re.compile(r"^\s*(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b")


def parse_date(value: str) -> str | None:
    value = str(value).strip()
    m = _ISO_RE.match(value)
    if m:
        y, mo, d = map(int, m.groups())
        return _ok(y, mo, d)
    m = _DMY_RE.match(value)
    if m:
        d, mo, y = map(int, m.groups())
        return _ok(y, mo, d)
    try:
        dt = parsedate_to_datetime(value)
        return dt.date().isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    return parse_arabic_date(value)


@lru_cache(maxsize=1)
def _months() -> tuple[dict[str, int], re.Pattern]:
    months = {" ".join(normalize(name).split()): int(num) for num, name in data_tsv("page_date_months.tsv")}
    names = "|".join(sorted((re.escape(n).replace(r"\ ", r"\s+") for n in months), key=len, reverse=True))
    # 07 أكتوبر 2020 | 24 نيسان / أبريل 2020 | 11 مارس/ آذار 2020 (the day may be glued to the month)
    rx = re.compile(rf"(?<!\d)(\d{{1,2}})\s*(?:من\s+)?({names})(?:\s*[/\-(]\s*(?:{names})\s*\)?)?"
                    rf"\s*[,،]?\s*(\d{{4}})(?!\d)")
    return months, rx


def parse_arabic_date(text: str) -> str | None:
    """The first "day month-name year" date in ``text`` (Arabic month names), or None."""
    months, rx = _months()
    m = rx.search(normalize(text))
    if not m:
        return None
    month = months.get(" ".join(m.group(2).split()))
    return _ok(int(m.group(3)), month, int(m.group(1))) if month else None


def _ok(y: int, mo: int, d: int) -> str | None:
    try:
        return datetime(y, mo, d).date().isoformat()
    except ValueError:
        return None
