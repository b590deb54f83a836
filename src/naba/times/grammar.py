"""The patterns that find time expressions in Arabic news text (what is a time, not what it means).

Everything is matched on a normalized copy of the text (:func:`naba.arabic.normalize.normalize`,
one character at a time, with a map back to the original offsets), so "أمس"/"امس",
"آذار"/"اذار" and "٢٠١٥"/"2015" meet. The words come from the data files in
``naba/arabic/data/times`` (months of every family, weekdays, ordinals, counts, units, fixed
relative words, modifiers); the code only arranges them into a few regular expressions.

Not for: turning a match into a calendar value (:mod:`naba.times.resolve`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..arabic.normalize import normalize, normalized_with_offsets
from ..arabic.resources import read_lines, read_tsv, stopwords
from ..spanindex import TakenSpans

DATA = "naba.arabic.data.times"

# The years read as Hijri: a four-digit year marked هـ in this range is a Hijri year (the hijri_year rule);
# :mod:`naba.times.resolve` reads an unmarked numeric date as Hijri only inside it (and nearer still).
HIJRI_YEARS = (1200, 1599)


def _norm(s: str) -> str:
    return " ".join(normalize(s).split())


def _alt(words) -> str:
    """A regex alternation of normalized words, longest first, spaces matching any run of spaces,
    a leading article "ال" also matching the "ل" left after a glued ل ("للعام")."""
    pats = []
    for w in sorted(set(words), key=len, reverse=True):
        p = re.escape(w).replace(r"\ ", r"\s+")
        if w.startswith("ال"):
            p = "(?:ا|(?<=ل))" + p[1:]
        pats.append(p)
    return "(?:" + "|".join(pats) + ")"


@dataclass(frozen=True)
class Lexicon:
    months: dict[str, tuple[str, int]]  # normalized name -> (calendar g|h, month)
    ambiguous_months: frozenset[str]
    weekdays: dict[str, int]
    ordinals: dict[str, int]
    numbers: dict[str, int]
    units: dict[str, tuple[str, int]]  # word -> (unit, implied count; 0 = from a number)
    relative: dict[str, str]  # expression -> meaning (day-1, week+0, vague, same_day ...)
    modifiers: dict[str, str]  # word -> lead | past | future | current | epithet | year_kind | day_range | event_after | not_event | after_count | noun_next | superlative | construct_head | duration_adjective
    names: tuple[str, ...]  # names holding a time word ("روسيا اليوم"): no time expression
    written_names: frozenset[str]  # names that normalize to a time word ("آلان" -> الان): compared as written
    general_heads: frozenset[str]  # "المدعي العام السابق": العام = general after these
    approx: tuple[str, ...]  # "نحو", "حوالي": a bare four-digit number after these is a count


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    months, ambiguous = {}, set()
    for row in read_tsv(DATA, "months.tsv"):
        name = _norm(row[2])
        months[name] = (row[0], int(row[1]))
        if len(row) > 3 and row[3] == "ambiguous":
            ambiguous.add(name)
    return Lexicon(
        months=months,
        ambiguous_months=frozenset(ambiguous),
        weekdays={_norm(w): int(n) for n, w in read_tsv(DATA, "weekdays.tsv")},
        ordinals={_norm(w): int(n) for n, w in read_tsv(DATA, "ordinals.tsv")},
        numbers={_norm(w): int(n) for n, w in read_tsv(DATA, "numbers.tsv")},
        units={_norm(w): (u, int(c)) for u, c, w in read_tsv(DATA, "units.tsv")},
        relative={_norm(w): m for m, w in read_tsv(DATA, "relative.tsv")},
        modifiers={_norm(w): r for r, w in read_tsv(DATA, "modifiers.tsv")},
        names=tuple(_norm(w) for w in read_lines(DATA, "names.tsv")),
        written_names=frozenset(read_lines(DATA, "written_names.tsv")),
        general_heads=frozenset(_norm(w) for w in read_lines(DATA, "general_heads.tsv")),
        approx=tuple(_norm(w) for w in read_lines(DATA, "approx.tsv")),
    )


@dataclass(slots=True)
class Match:
    """One time expression found: where (offsets into the original text) and its parts."""

    start: int
    end: int
    rule: str  # hijri | hijri_month | hijri_named | hijri_year | date | numeric | ordinal_month | of_it | month | year | weekday_numeric | weekday_range | weekday | relative | counted | span
    parts: dict[str, str | None] = field(default_factory=dict)


_L = r"(?<![\w/])"  # left edge of a word (glued clitics are matched by _CLITIC outside the span)
_R = r"(?!\w)"
_CLITIC = r"(?:[وف]?[بلك]?)"


@lru_cache(maxsize=1)
def patterns() -> tuple[tuple[str, re.Pattern], ...]:
    lx = lexicon()
    greg = _alt(n for n, (cal, _) in lx.months.items() if cal == "g")
    hijri = _alt(n for n, (cal, _) in lx.months.items() if cal == "h")
    # "حزيران/يونيو", "يونيو (حزيران)", and the agencies' "يونيو حزيران" (two names, only a space between)
    pair = rf"{greg}(?:\s*[/\-(]\s*{greg}\s*\)?|\s+{greg}(?!\w))?"
    wd = _alt(lx.weekdays)
    ordw = _alt(lx.ordinals)
    mods = lx.modifiers
    lead = _alt(w for w, r in mods.items() if r == "lead")
    direction = _alt(w for w, r in mods.items() if r in ("past", "future", "current"))
    epithet = _alt(w for w, r in mods.items() if r == "epithet")
    past_future = _alt(w for w, r in mods.items() if r in ("past", "future"))
    numw = _alt(lx.numbers)
    units = _alt(lx.units)
    year_kind = _alt(w for w, r in mods.items() if r == "year_kind")
    day_join = _alt(w for w, r in mods.items() if r == "day_range")
    event_after = _alt(w for w, r in mods.items() if r == "event_after")
    not_event = _alt(w for w, r in mods.items() if r == "not_event")
    approx = _alt(lx.approx)
    noun_next = _alt(w for w, r in mods.items() if r == "noun_next")
    after_count = rf"(?:{_alt(w for w, r in mods.items() if r == 'after_count')}\s+)?"
    leads = frozenset(w for w, r in mods.items() if r == "lead")
    year_kind_words = frozenset(w for w, r in mods.items() if r == "year_kind")
    rel = _alt(lx.relative)
    day = rf"(?P<day>\d{{1,2}}(?!\d)|{ordw})"
    year = r"(?P<year>\d{4})(?!\d)"
    ad = r"(?:\s*م(?!\w))?"
    # "11 و12 تموز/يوليو", "11-12 يوليو": a range of days gives its first
    day_range = rf"{day}(?:\s*(?:-|{day_join})\s*\d{{1,2}}(?!\d))?"
    # "نوفمبر/تشرين الثاني العام الماضي", "15 يونيو من العام المقبل": the year named relatively
    # (not a school year, nor "بداية العام": the year of a day-month is the calendar year itself)
    yrel = _alt(w for w, m in lx.relative.items() if m.startswith("year")
                and not any(x in year_kind_words for x in w.split()) and w.split()[0] not in leads)
    year_rel = rf"(?:\s+(?:من\s+)?(?P<yrel>{yrel}))"
    wd_lead = rf"(?:(?:يوم\s+)?(?P<wd>{wd})\s*[,،]?\s*(?:الموافق\s+)?)"
    sep = r"(?:\s*[/\-–]\s*|\.)"  # "8/ 11/ 1436هـ", "4 – 9 - 1436هـ"
    rules = [
        ("hijri", rf"{_L}{_CLITIC}(?P<t>{day}\s*(?:من\s+)?(?:شهر\s+)?(?P<month>{hijri})"
                  rf"(?:\s*[,،]?\s*(?:(?:من\s+)?(?:عام|سنه)\s+)?{year})?(?:\s*ه{_R})?"
                  rf"(?:(?:\s+{epithet})?\s+(?P<dir>{direction}){_R})?)"),
        ("hijri_month", rf"{_L}{_CLITIC}(?P<t>(?:شهر\s+)?(?P<month>{hijri})\s+{year}\s*ه{_R})"),
        # "شهر رمضان المبارك الماضي", "رمضان المقبل": a Hijri month without a year (the name alone is
        # also a person's name or a word, so "شهر" or a direction word is required)
        ("hijri_named", rf"{_L}{_CLITIC}(?P<t>(?:(?P<word>شهر)\s+)?(?P<month>{hijri})"
                        rf"(?:\s+{epithet})?(?:\s+(?P<dir>{direction}))?){_R}"),
        ("date", rf"{_L}{_CLITIC}(?P<t>{wd_lead}?{day_range}\s*(?:من\s+)?(?:شهر\s+)?"
                 rf"(?P<month>{pair})(?:\s*[,،]?\s*(?:(?:من\s+)?(?:عام|سنه)\s+)?{year}{ad})?"
                 rf"(?:\s+(?P<dir>{direction})|{year_rel})?){_R}"),
        # "12/2/1439هـ": the Hijri marker makes a numeric date Hijri
        # "يوم الأحد 8/ 11/ 1436هـ", "23/ 8/ 2015م": spaces after a slash, a weekday before
        ("numeric", rf"(?<![\d/.])(?P<t>{wd_lead}?(?P<day>\d{{1,2}}){sep}(?P<mon>\d{{1,2}}){sep}{year}"
                    rf"(?:(?P<hmark>\s*ه){_R}|\s*م(?!\w))?)"),
        ("iso", rf"(?<![\d/.])(?P<t>{year}-(?P<mon>\d{{2}})-(?P<day>\d{{2}}))(?!\d)"),
        ("ordinal_month", rf"{_L}{_CLITIC}(?P<t>{day}\s+(?:من\s+)?(?:هذا\s+)?(?:ا?لشهر)"
                          rf"(?:\s+(?P<dir>{direction}))?){_R}"),
        ("of_it", rf"{_L}(?P<t>{day}\s+منه){_R}"),
        ("month", rf"{_L}(?:(?P<prep>[وف]?(?:في|خلال|منذ|حتي|قبل|بعد))\s+)?{_CLITIC}(?P<t>(?:(?P<lead>{lead})\s+)?"
                  rf"(?P<word>شهر\s+)?(?P<month>{pair})(?:\s*[,،]?\s*(?:(?:من\s+)?(?:عام|سنه)\s+)?{year}{ad})?"
                  rf"(?:\s+(?P<dir>{direction})|{year_rel})?){_R}"),
        # "عام 1396هـ", "للعام الدراسي 1436-1437هـ": a Hijri year (a range: the Gregorian year where they meet)
        ("hijri_year", rf"(?<![\w/.,\-]){_CLITIC}(?P<t>(?:(?:ا?لعام|عام|سنه|ا?لسنه)(?:\s+{year_kind})?\s+)?"
                       rf"(?P<year>\d{{4}})(?:\s*[-/]\s*(?P<year2>\d{{4}}))?\s*ه){_R}"),
        ("year", rf"(?<![\w/.,\-])(?P<pre>(?:[وف]?(?:في|منذ|حتي|خلال|قبل|بعد))\s+)?{_CLITIC}(?P<t>(?:(?P<lead>{lead})\s+)?"
                 rf"(?:(?P<word>ا?لعام|عام|سنه|ا?لسنه)\s+)?{year}{ad})(?![\d%٪]|\s*[.,]\d)"),
        # "الثلاثاء 10/12", "يوم السبت ٢ / ١٠": a weekday with a day and month and no year; which is the
        # day and whether the calendar is Hijri is settled by the weekday (naba.times.resolve)
        ("weekday_numeric", rf"{_L}{_CLITIC}(?P<t>(?:(?P<rel>امس|غدا|اليوم)\s+)?(?:يوم\s+)?(?P<wd>{wd})\s*[,،]?\s*(?:الموافق\s+)?"
                            rf"(?P<a>\d{{1,2}})\s*/\s*(?P<b>\d{{1,2}}))(?![\d/]|\s*/\s*\d)"),
        # "يومي الثلاثاء والأربعاء", "من الاثنين إلى الأربعاء", "ليل الخميس - الجمعة": a range of weekdays is one expression,
        # resolved as its first day (with و only two days in a row: "الجمعة والأحد" are two days)
        ("weekday_range", rf"{_L}{_CLITIC}(?P<t>(?:يومي?\s+)?(?P<wd>{wd})\s*(?P<join>{day_join}|[-–])\s*(?:يوم\s+)?"
                          rf"(?P<wd2>{wd})(?:\s+(?P<dir>{past_future}))?){_R}"),
        # "اليوم (الأحد)", "أمس، الخميس،": the weekday in brackets or after a comma is the same day;
        # "يوم غد الاثنين", "غد السبت", "بعد غد الأربعاء" (غد alone only before a weekday: "نحو غد أفضل" is no time)
        ("weekday", rf"{_L}{_CLITIC}(?P<t>(?:(?:يوم\s+)?(?P<rel>امس|(?:بعد\s+)?غدا?|اليوم)(?:\s*(?P<paren>\()\s*|\s*[,،]\s*|\s+))?"
                    rf"(?:يوم\s+)?(?P<wd>{wd})(?(paren)\s*\)|(?:\s+(?P<dir>{past_future}))?{_R}))"),
        ("relative", rf"{_L}{_CLITIC}(?P<t>(?:(?P<lead>{lead})\s+)?(?P<rel>{rel})){_R}(?!\s+(?:{ordw}|{noun_next}))"),
        # not "منذ يوم الجمعة" (a weekday or date follows) nor "بعد أربع سنوات من وفاة" (counted
        # from an event, not from the publication date; "من الزمن" and "من الآن" are kept)
        # "قبل أكثر من أسبوعين", "منذ نحو عامين": an approximator before the count (approx.tsv; not
        # after بعد: "بعد أكثر من 22 عاما قضاها" looks back from an event);
        # "بعد ثلاث سنوات تقريبا على إطلاق النار", "قبل أسبوع واحد من": an after_count word does not hide
        # the event; "منذ يوم أمس" is أمس
        ("counted", rf"{_L}[وف]?(?P<t>(?P<prep>قبل|بعد|منذ)\s+(?:(?<!بعد\s){approx}\s+|نحو\s+|حوالي\s+)?(?:(?P<num>\d+|{numw})\s*)?"
                    rf"(?P<unit>{units})){_R}(?!\s+{after_count}(?:{wd}|\d|ا?ل?امس(?!\w))|\s+{after_count}{event_after}\s+(?!{not_event}(?!\w)))"),
        ("span", rf"{_L}{_CLITIC}(?P<t>(?P<unit>{units})\s+(?:(?:ا?ل)?(?P<num>{numw})\s+)?"
                 rf"(?P<dir>المقبله|المقبلتين|المقبلين|القادمه|الماضيه|الماضيين|المنصرمه)){_R}"),
    ]
    return tuple((name, re.compile(p)) for name, p in rules)


def _canon(v: str | None) -> str | None:
    """A matched word in the form the lexicon keys use (spaces collapsed, the article's alef back
    when a glued ل swallowed it: "للعام" -> "العام")."""
    if not v:
        return v
    v = " ".join(v.split())
    return "ا" + v if v.startswith("ل") and not v.startswith("ال") and "ا" + v in _all_words() else v


@lru_cache(maxsize=1)
def _all_words() -> frozenset[str]:
    lx = lexicon()
    return frozenset([*lx.months, *lx.weekdays, *lx.ordinals, *lx.numbers, *lx.units,
                      *lx.relative, *lx.modifiers])


def _accept(rule: str, m: re.Match, lx: Lexicon) -> bool:
    g = m.groupdict()
    if rule == "month":
        name = _canon(g["month"])
        single = name in lx.months
        if single and name in lx.ambiguous_months and not (g.get("prep") or g.get("lead") or g.get("word")
                                                            or g.get("year") or g.get("dir")):
            return False
        return True
    if rule == "year":
        y = int(g["year"])
        # "نحو 2000 من المصلين": a count, not a year
        if not (g.get("word") or g.get("lead") or g.get("pre")) and re.search(
                rf"(?<!\w)(?:{_alt(lx.approx)})\s*$", m.string[max(0, m.start("t") - 20):m.start("t")]):
            return False
        if g.get("word") or g.get("lead") or g.get("pre"):
            return 1000 <= y <= 2100
        return 1900 <= y <= 2050
    if rule == "counted" and not g.get("num"):
        unit, implied = lx.units[_canon(g["unit"])]
        before = m.string[max(0, m.start("t") - 20):m.start("t")].split()
        # "يوما بعد يوم", "عاما بعد عام": day after day, no time
        if before and lx.units.get(_canon(before[-1].strip("وف")), ("", 0))[0] == unit:
            return False
        # "بعد يوم الراحة", "قبل يوم التصويت", "بعد شهر الصيام": a singular day or month before a definite
        # noun names that day or month (not a week or year: "ويحل بعد أسبوع الموعد النهائي" is a week on)
        if implied == 1 and unit in ("day", "month") and re.match(r"\s+ال\w", m.string[m.end("t"):m.end("t") + 4]):
            return False
    if rule == "weekday_range":
        a, b = lx.weekdays[_canon(g["wd"])], lx.weekdays[_canon(g["wd2"])]
        return a != b and (g["join"] != "و" or b == a % 7 + 1)
    if rule == "weekday":
        return True
    if rule == "hijri_year":
        return all(HIJRI_YEARS[0] <= int(y) <= HIJRI_YEARS[1] for y in (g["year"], g["year2"]) if y)
    # "يعتبر اليوم الأكثر دموية": a bare اليوم before a superlative is the noun "the day"
    if rule == "relative" and g["rel"] == "اليوم" and not g.get("lead") and re.match(
            rf"\s+(?:{_alt(w for w, r in lx.modifiers.items() if r == 'superlative')})(?!\w)", m.string[m.end("t"):m.end("t") + 20]):
        return False
    # "خلال أيام (عيد) الفطر": the expression's last noun is in construct with what follows
    if rule == "relative" and lx.modifiers.get(g["rel"].split()[-1]) == "construct_head":
        nxt = re.match(r"\s+(?:([^\W\d_]+)\s+)?ال", m.string[m.end("t"):m.end("t") + 40])
        if nxt and (not nxt.group(1) or (_norm(nxt.group(1)) not in stopwords()  # not "قبل مدة من الزمن"
                                         and lx.modifiers.get(_norm(nxt.group(1))) != "duration_adjective")):
            return False
    # "لامس" (touched) normalizes as "لأمس": أمس takes no glued ب/ل/ك (only و/ف: "وأمس")
    if rule == "relative" and g["rel"] == "امس" and m.string[max(0, m.start("t") - 1):m.start("t")] in ("ب", "ل", "ك"):
        return False
    if rule == "relative" and not g.get("lead") and g["rel"].lstrip("ل").startswith(("العام", "عام")):
        before = m.string[max(0, m.start("t") - 30):m.start("t")].split()
        if before:
            word = re.sub(r"^[وفبل]?(?:ال)?", "", before[-1])
            if word in lx.general_heads or before[-1] in lx.general_heads:
                return False
    if rule == "hijri_named":
        return bool(g.get("word") or g.get("dir"))
    return True


@lru_cache(maxsize=1)
def _name_patterns() -> tuple[re.Pattern, ...]:
    return tuple(re.compile(("(?<!\\w)" if n[0].isalnum() else "") + re.escape(n).replace(r"\ ", r"\s+")
                            + ("(?!\\w)" if n[-1].isalnum() else "")) for n in lexicon().names)


def find(text: str) -> list[Match]:
    """Every time expression in ``text``, left to right, without overlaps (the longest wins)."""
    norm, offs = normalized_with_offsets(text)
    lx = lexicon()
    cands = []
    for prio, (rule, rx) in enumerate(patterns()):
        for m in rx.finditer(norm):
            if not m.group("t").strip() or not _accept(rule, m, lx):
                continue
            a, b = m.span("t")
            while b > a and norm[b - 1].isspace():
                b -= 1
            parts = {k: _canon(v) for k, v in m.groupdict().items() if k != "t"}
            cands.append((a, b, prio, rule, parts))
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
    taken = TakenSpans([m.span() for rx in _name_patterns() for m in rx.finditer(norm)])
    out = []
    for a, b, _, rule, parts in cands:
        if taken.overlaps(a, b):
            continue
        taken.add(a, b)
        end = offs[b - 1] + 1
        while end < len(text) and not normalize(text[end]):
            end += 1  # keep a trailing tatweel or diacritic ("هـ") in the span
        if text[offs[a]:end] in lx.written_names:
            continue
        out.append(Match(offs[a], end, rule, parts))
    out.sort(key=lambda x: x.start)
    return out
