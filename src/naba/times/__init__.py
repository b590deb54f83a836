"""Time expressions in Arabic news: find them, resolve them against the publication date, and read
the publication date from a dateline when the page gave none.

:func:`extract` is the library entry point (text + publication date -> TimeExpr list);
:func:`dateline_date` reads "الرياض 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م" style datelines. The
``times`` stage (:mod:`naba.stages.times`) wires both into the pipeline.

Not for: the pipeline wiring (:mod:`naba.stages.times`) or scoring (:mod:`naba.evaluate.times`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..arabic.normalize import normalize
from ..arabic.resources import read_lines
from ..record import TimeExpr
from .grammar import DATA, Match, find
from .resolve import Resolved, parse_iso, resolve

__all__ = ["extract", "dateline_date", "find", "resolve"]

# a future-tense verb shortly before a bare weekday ("وسيعود الوفد إلى سيؤول الثلاثاء") makes it the
# next such day; the stoplist (data/times/not_future.tsv) holds words that also start with سي/ست/سن.
_FUTURE_RE = re.compile(r"(?<!\w)(?:[وف]?سوف|[وف]?(?:سي|ست|سن)[^\sاءؤةه]\w{2,}|المقبل|القادم)(?!\w)")


@lru_cache(maxsize=1)
def _not_future() -> frozenset[str]:
    return frozenset(" ".join(normalize(w).split()) for w in read_lines(DATA, "not_future.tsv"))


def _future_before(text: str, start: int) -> bool:
    window = normalize(text[max(0, start - 80):start])
    window = re.split(r"[.!?؟\n]", window)[-1]
    return any(m.group().lstrip("وف") not in _not_future() for m in _FUTURE_RE.finditer(window))


OUT_OF_RANGE = "out of the calendar's range"


def extract(text: str, published: str | None) -> list[TimeExpr]:
    """Every time expression of ``text`` with its value; relative ones resolved against
    ``published`` (YYYY-MM-DD) or left None with ``attrs["unresolved"]`` saying why."""
    pub = parse_iso(published)
    context: dict = {}
    out = []
    for m in find(text):
        if m.rule in ("weekday", "weekday_range", "weekday_numeric"):
            context["future"] = _future_before(text, m.start)
        try:
            r = resolve(m, pub, context)
        except OverflowError:  # counted from a publication date at the calendar's ends (0001-01-01)
            r = Resolved(None, "relative", OUT_OF_RANGE)
        attrs = {"rule": m.rule}
        if r.value is None and r.reason:
            attrs["unresolved"] = r.reason
        out.append(TimeExpr(m.start, m.end, text[m.start:m.end], r.value, r.kind, attrs))
        if r.value and len(r.value) == 10:
            context["day"] = r.value
        if r.value and len(r.value) >= 7 and r.value[4] == "-" and r.value[5] != "W":
            context["month"] = (int(r.value[:4]), int(r.value[5:7]))
    return out


# A publication date outside these years is a misread (e.g. "15/9/1436هـ" read as Gregorian).
PLAUSIBLE_YEARS = (1900, 2100)


def dateline_date(text: str) -> tuple[str, str] | None:
    """The date of a dateline ("الرياض 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م"): a full Gregorian
    date with a year if there is one, else a full Hijri one converted; with the matched text."""
    best = None
    for m in find(text):
        if m.rule not in ("date", "numeric", "iso", "hijri") or not m.parts.get("year"):
            continue
        r: Resolved = resolve(m, None, {})
        if r.value and len(r.value) == 10 and PLAUSIBLE_YEARS[0] <= int(r.value[:4]) <= PLAUSIBLE_YEARS[1]:
            if r.kind != "hijri":
                return r.value, text[m.start:m.end]
            best = best or (r.value, text[m.start:m.end])
    return best


__all__ += ["Match"]
