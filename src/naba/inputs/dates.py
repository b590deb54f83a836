"""Publication-date strings from metadata (ISO, RFC-822, "2015-08-06 10:00") -> "YYYY-MM-DD"."""

from __future__ import annotations

import re
from datetime import datetime
from email.utils import parsedate_to_datetime

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
        return None


def _ok(y: int, mo: int, d: int) -> str | None:
    try:
        return datetime(y, mo, d).date().isoformat()
    except ValueError:
        return None
