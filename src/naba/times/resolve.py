"""From a found time expression to its calendar value, against the publication date.

Values are "YYYY-MM-DD", "YYYY-MM", "YYYY", "YYYY-Www" (ISO week) or None. A value that cannot be
resolved comes back as None with the reason ("no publication date", "vague", "no earlier date").
Conventions (../shared/data/attribution/GUIDELINES.md): a day-month without a year takes the year
that puts it nearest the publication date; "الماضي" looks back, "المقبل" forward; a bare weekday is
the last such day on or before the publication date; a range gives its start; Hijri dates are
converted with hijridate (Umm al-Qura).

Hijri conventions (the guidelines only say "converted to Gregorian"; these are naba's): a Hijri month
without a day ("شوال 1434هـ", "رمضان المقبل") is the Gregorian month ("YYYY-MM") holding its 15th day,
as the text names no day; a single Hijri year ("عام 1397 هـ") is the Gregorian year holding most of it
(that of its mid-point, 1 Rajab: 1397 AH = 1976-12-22..1977-12-10 gives "1977"); a range of Hijri years
("للعام الدراسي 1436-1437هـ") is the Gregorian year where the two meet (1 Muharram of the second). A
numeric date without هـ ("14/ 10/ 1436") is Hijri only when its year is within ``HIJRI_NEAR`` years of
the publication date's Hijri year, or, with no publication date, inside ``HIJRI_UNMARKED``; so
"29/5/1453" in a "this day in history" piece is 1453 CE.

Not for: finding expressions in text (:mod:`naba.times.grammar`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from .grammar import HIJRI_YEARS, Match, lexicon

NO_PUBLISHED = "no publication date"
HIJRI_NEAR = 3  # an unmarked numeric date this near the publication's Hijri year is Hijri
HIJRI_UNMARKED = (1380, 1450)  # without a publication date: the modern Hijri years (1960-2029)
WEEKDAY_NUMERIC_DAYS = 120  # "الثلاثاء 10/12": a date this near the publication date that is a Tuesday


@dataclass(slots=True)
class Resolved:
    value: str | None
    kind: str  # absolute | relative | hijri | year | month
    reason: str | None = None


def parse_iso(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _day(d: date) -> str:
    return d.isoformat()


def _month(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}"


def _week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def _add_months(y: int, m: int, n: int) -> tuple[int, int]:
    k = y * 12 + (m - 1) + n
    return k // 12, k % 12 + 1


def _direction(word: str | None) -> str | None:
    return lexicon().modifiers.get(word) if word else None


def _first_month(name: str) -> int | None:
    """The month number of "حزيران/يونيو" or "مارس" (the first name of a pair)."""
    lx = lexicon()
    for n in sorted(lx.months, key=len, reverse=True):
        if name.startswith(n):
            return lx.months[n][1]
    return None


def _number(word: str | None) -> int | None:
    if word is None:
        return None
    if word.isdigit():
        return int(word)
    lx = lexicon()
    return lx.ordinals.get(word) or lx.numbers.get(word)


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _day_month(day: int, month: int, pub: date, direction: str | None) -> date | None:
    options = [x for x in (_safe_date(pub.year + k, month, day) for k in (-1, 0, 1)) if x]
    if not options:
        return None
    if direction == "past":
        before = [x for x in options if x <= pub]
        return max(before) if before else None
    if direction == "future":
        after = [x for x in options if x >= pub]
        return min(after) if after else None
    if direction == "current":
        return _safe_date(pub.year, month, day)
    return min(options, key=lambda x: (abs((x - pub).days), x > pub))


def _month_year(month: int, pub: date, direction: str | None) -> tuple[int, int]:
    here = pub.year * 12 + pub.month - 1
    opts = [(pub.year + k) * 12 + month - 1 for k in (-1, 0, 1)]
    if direction == "past":
        k = max(o for o in opts if o < here) if month != pub.month else here - 12
    elif direction == "future":
        k = min(o for o in opts if o > here) if month != pub.month else here + 12
    elif direction == "current":
        k = pub.year * 12 + month - 1
    else:
        k = min(opts, key=lambda o: (abs(o - here), o > here))
    return k // 12, k % 12 + 1


def _hijri_to_gregorian(y: int, m: int, d: int) -> date | None:
    from hijridate import Hijri  # pinned dependency; imported here to keep start-up light

    try:
        return Hijri(y, m, d).to_gregorian()
    except (ValueError, OverflowError):
        return None


def _hijri_year_for(pub: date) -> int | None:
    """The Hijri year of a Gregorian date, or None outside hijridate's range (1924-2077)."""
    from hijridate import Gregorian

    try:
        return Gregorian(pub.year, pub.month, pub.day).to_hijri().year
    except (ValueError, OverflowError):
        return None


def _unmarked_hijri(year: int, pub: date | None) -> bool:
    """Is the year of a numeric date without هـ Hijri? Near the publication date's Hijri year, or
    (no publication date, or one outside hijridate's range) a modern Hijri year."""
    if not HIJRI_YEARS[0] <= year <= HIJRI_YEARS[1]:
        return False
    here = _hijri_year_for(pub) if pub else None
    if here is not None:
        return abs(year - here) <= HIJRI_NEAR
    return HIJRI_UNMARKED[0] <= year <= HIJRI_UNMARKED[1]


def _weekday_numeric(wd: int, a: int, b: int, pub: date) -> Resolved | None:
    """"الثلاثاء 10/12" (no year): the nearest date within ``WEEKDAY_NUMERIC_DAYS`` of the publication
    date that falls on the weekday, reading a/b as day/month or month/day, Gregorian or Hijri (Saudi
    pages write "الأحد 17/10" for 17 Shawwal and "الثلاثاء 10/12" for 12 Shawwal). None when none fits."""
    here = _hijri_year_for(pub)
    found = []
    for day, month in ((a, b), (b, a)):
        if not (1 <= month <= 12 and 1 <= day <= 31):
            continue
        for y in (pub.year - 1, pub.year, pub.year + 1):
            found.append((_safe_date(y, month, day), "absolute"))
        if here is not None and day <= 30:
            for y in (here - 1, here, here + 1):
                found.append((_hijri_to_gregorian(y, month, day), "hijri"))
    ok = sorted((abs((g - pub).days), g > pub, g, kind) for g, kind in found
                if g and g.isoweekday() == wd and abs((g - pub).days) <= WEEKDAY_NUMERIC_DAYS)
    return Resolved(_day(ok[0][2]), ok[0][3]) if ok else None


def _day_word_direction(rel: str | None, lx) -> str | None:
    """"past" or "future" for a relative day word before a weekday ("امس", "غد", "بعد غدا"), by the
    sign of its day offset in relative.tsv (غد and بعد غدا read as غدا and بعد غد); None otherwise."""
    for form in (rel, f"{rel}ا", (rel or "").removesuffix("ا")) if rel else ():
        meaning = lx.relative.get(form, "")
        if meaning.startswith("day") and meaning[3:] not in ("+0", "-0"):
            return "past" if meaning[3] == "-" else "future"
    return None


def resolve(m: Match, pub: date | None, context: dict) -> Resolved:
    """The value of ``m``; ``context`` carries the last resolved day and month for "اليوم نفسه"
    and "25 منه" (updated by the caller)."""
    p, rule, lx = m.parts, m.rule, lexicon()
    if rule == "hijri_year":
        if p.get("year2"):  # a school or fiscal year: the Gregorian year where the two meet
            g = _hijri_to_gregorian(max(int(p["year"]), int(p["year2"])), 1, 1)
        else:  # the Gregorian year holding most of it: that of its mid-point, 1 Rajab
            g = _hijri_to_gregorian(int(p["year"]), 7, 1)
        return Resolved(f"{g.year:04d}", "hijri") if g else Resolved(None, "hijri", "not a Hijri date")
    if rule in ("hijri", "hijri_month", "hijri_named"):
        # a Hijri month without a day spans two Gregorian months: the one holding its 15th day
        month = lx.months[p["month"]][1]
        day = _number(p.get("day")) or 1
        if p.get("year"):
            hy = int(p["year"])
        elif pub:
            hy = _hijri_year_for(pub)
            if hy is None:
                return Resolved(None, "hijri", "publication date outside the Hijri calendar's range")
            direction = _direction(p.get("dir"))
            g = _hijri_to_gregorian(hy, month, day)
            if g is not None and direction == "past" and g > pub:
                hy -= 1
            elif g is not None and direction == "future" and g < pub:
                hy += 1
        else:
            return Resolved(None, "hijri", NO_PUBLISHED)
        if not p.get("day"):
            g = _hijri_to_gregorian(hy, month, 15)
            return Resolved(_month(g.year, g.month), "hijri") if g else Resolved(None, "hijri", "not a Hijri date")
        g = _hijri_to_gregorian(hy, month, day)
        if g is None:
            return Resolved(None, "hijri", "not a Hijri date")
        return Resolved(_day(g), "hijri")
    # "14/ 10/ 1436" without هـ is Hijri all the same when its year is a plausible Hijri one
    if rule == "numeric" and (p.get("hmark") or _unmarked_hijri(int(p["year"]), pub)):
        g = _hijri_to_gregorian(int(p["year"]), int(p["mon"]), int(p["day"]))
        return Resolved(_day(g), "hijri") if g else Resolved(None, "hijri", "not a Hijri date")
    if rule in ("date", "numeric", "iso"):
        day = _number(p.get("day"))
        month = _first_month(p["month"]) if rule == "date" else int(p["mon"])
        if not day or not month:
            return Resolved(None, "absolute", "not a date")
        if p.get("year"):
            d = _safe_date(int(p["year"]), month, day)
        elif p.get("yrel") and pub:
            d = _safe_date(pub.year + int(lx.relative[p["yrel"]][4:]), month, day)
        elif pub:
            d = _day_month(day, month, pub, _direction(p.get("dir")))
        else:
            return Resolved(None, "absolute", NO_PUBLISHED)
        return Resolved(_day(d), "absolute") if d else Resolved(None, "absolute", "not a date")
    if rule == "ordinal_month":
        day = _number(p.get("day"))
        if not pub:
            return Resolved(None, "relative", NO_PUBLISHED)
        y, mo = pub.year, pub.month
        shift = {"past": -1, "future": 1}.get(_direction(p.get("dir")) or "current", 0)
        y, mo = _add_months(y, mo, shift)
        d = _safe_date(y, mo, day or 0)
        return Resolved(_day(d), "relative") if d else Resolved(None, "relative", "not a date")
    if rule == "of_it":
        day = _number(p.get("day"))
        ym = context.get("month")
        if not ym:
            return Resolved(None, "absolute", "no earlier month")
        d = _safe_date(ym[0], ym[1], day or 0)
        return Resolved(_day(d), "absolute") if d else Resolved(None, "absolute", "not a date")
    if rule == "month":
        month = _first_month(p["month"])
        if p.get("year"):
            return Resolved(_month(int(p["year"]), month), "month")
        if p.get("yrel") and pub:
            return Resolved(_month(pub.year + int(lx.relative[p["yrel"]][4:]), month), "month")
        if not pub:
            return Resolved(None, "month", NO_PUBLISHED)
        return Resolved(_month(*_month_year(month, pub, _direction(p.get("dir")))), "month")
    if rule == "year":
        return Resolved(p["year"], "year")
    if rule in ("weekday", "weekday_range", "weekday_numeric"):  # a range: its first day
        if not pub:
            return Resolved(None, "relative", NO_PUBLISHED)
        wd = lx.weekdays[p["wd"]]
        if rule == "weekday_numeric":
            found = _weekday_numeric(wd, int(p["a"]), int(p["b"]), pub)
            if found:
                return found
        direction = _direction(p.get("dir"))
        # "امس الخميس": papers print the day before; the named weekday is the surer guide
        direction = _day_word_direction(p.get("rel"), lx) or direction
        back = (pub.isoweekday() - wd) % 7
        if p.get("rel") == "اليوم":
            # "اليوم الأربعاء" in a page dated (or crawled) on Thursday: the named weekday wins
            return Resolved(_day(pub - timedelta(days=back if back <= 2 else 0)), "relative")
        if direction == "past":
            d = pub - timedelta(days=back or 7)
        elif direction == "future":
            d = pub + timedelta(days=(wd - pub.isoweekday()) % 7 or 7)
        elif context.get("future"):
            d = pub + timedelta(days=(wd - pub.isoweekday()) % 7)
        else:
            d = pub - timedelta(days=back)
        return Resolved(_day(d), "relative")
    if rule == "relative":
        meaning = lx.relative[p["rel"]]
        if meaning == "vague":
            return Resolved(None, "relative", "vague")
        if meaning == "same_day":
            last = context.get("day")
            return Resolved(last, "relative") if last else Resolved(None, "relative", "no earlier date")
        if not pub:
            return Resolved(None, "relative", NO_PUBLISHED)
        unit, n = meaning[:-2], int(meaning[-2:])
        return Resolved(_shift(pub, unit, n, p.get("lead")), "relative")
    if rule in ("counted", "span"):
        if not pub:
            return Resolved(None, "relative", NO_PUBLISHED)
        unit, implied = lx.units[p["unit"]]
        n = _number(p.get("num")) or implied
        if not n:  # "قبل أيام", "منذ سنوات", "الأسابيع الماضية": a plural with no number
            return Resolved(None, "relative", "vague")
        if rule == "counted":
            sign = 1 if p["prep"] == "بعد" else -1
            return Resolved(_shift(pub, unit, sign * n, None), "relative")
        direction = "past" if p["dir"].startswith(("الماضي", "المنصرم")) else "future"
        return Resolved(_shift(pub, unit, -n if direction == "past" else 1, None), "relative")
    return Resolved(None, "relative", "unknown")


def _shift(pub: date, unit: str, n: int, lead: str | None) -> str:
    if unit == "hour":
        return _day(pub + timedelta(days=int(n / 24)))
    if unit == "decade":
        return f"{pub.year + 10 * n:04d}"
    if unit == "day":
        return _day(pub + timedelta(days=n))
    if unit == "week":
        return _week(pub + timedelta(weeks=n))
    if unit == "month":
        return _month(*_add_months(pub.year, pub.month, n))
    return f"{pub.year + n:04d}"
