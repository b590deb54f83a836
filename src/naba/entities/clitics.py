"""Taking glued proclitics off a mention's first word ("وبغداد" -> "بغداد", "لوزارة" -> "وزارة").

A split is taken when the rest is a known name word (gazetteers, person names, organisation
heads) and the whole word is not, or when the article itself uses the rest as a word of its own.
Offsets are mapped back onto the raw token, whose diacritics and tatweel the normalized form lacks.
"""

from __future__ import annotations

from functools import lru_cache

from ..arabic.normalize import normalize
from ..arabic.tokenize import candidates
from . import gazetteer, lexicon

_SINGLE = ("و", "ف", "ب", "ل", "ك")


@lru_cache(maxsize=1)
def _known() -> frozenset[str]:
    return gazetteer.place_words() | gazetteer.person_names() | lexicon.org_heads() | lexicon.title_words()


def raw_offset(raw: str, n_chars: int) -> int:
    """Index in ``raw`` after its first ``n_chars`` normalized characters."""
    if n_chars <= 0:
        return 0
    seen, i = 0, 0
    while i < len(raw) and seen < n_chars:
        if normalize(raw[i]):
            seen += 1
        i += 1
    while i < len(raw) and not normalize(raw[i]):  # the prefix letter's diacritics
        i += 1
    return i


def proclitic(norm: str, article_words: frozenset[str] = frozenset()) -> str:
    """The normalized proclitic to strip from a mention's first word ("" for none). The article
    ال stays on the name; "لل" gives "" (the name's ال is fused with the ل). When the rest after
    some strip is a known place, the shortest such strip wins ("وباريس" -> "باريس", not "اريس")."""
    if len(norm) < 4 or norm[0] not in _SINGLE or "لل" in norm[:3]:
        return ""
    known = _known()
    if norm in known or gazetteer.lookup(norm):
        return ""
    best, place = "", None
    for p, rest in candidates(norm):
        if not p or p.endswith("لل"):
            continue
        if p.endswith("ال"):  # كالأردن: take off ك, keep the article on the name
            p, rest = p[:-2], "ال" + rest
        if any(c not in _SINGLE for c in p):
            continue
        if gazetteer.lookup(rest) and (place is None or len(p) < len(place)):
            place = p  # the shortest strip that leaves a place: "ولبنان" -> "لبنان", not "بنان"
        if rest in known or rest in article_words or gazetteer.lookup(rest):
            best = p if len(p) > len(best) else best
        elif rest.startswith("ال") and len(rest) > 3 and p in ("و", "ف", "ب", "ك", "وب", "فب", "ول", "ل"):
            best = p if len(p) > len(best) else best
    return place if place is not None else best


def place_reading(first: str, words: tuple[str, ...]) -> tuple[int, tuple[str, ...]] | None:
    """(normalized characters to take off the first word, the words then) when a place run read as
    ``words`` is no place and another reading of its raw first word ``first`` (normalized) is: a
    one-letter proclitic off a name of several words ("وتل أبيب") or off one word that then is a
    country or a definite name ("بروسيا"، "بالقصيم"; not "بايدن", Biden, as Aydın), or ل + a name
    where لل + ال was read ("للبنان" is ل + لبنان, not "البنان"). None when the run is a place as
    read or no other reading is."""
    if gazetteer.lookup(" ".join(words)):
        return None
    splits = [(p, rest) for p, rest in candidates(first) if p == "ل"]
    if first[:1] in _SINGLE and len(first) > 2:
        splits.append((first[0], first[1:]))
    for p, rest in splits:
        alt = (rest,) + words[1:]
        place = gazetteer.lookup(" ".join(alt))
        if place and (len(alt) > 1 or place.kind == "country" or first.startswith("لل")
                      or (rest.startswith("ال") and len(rest) > 4)):
            return len(p), alt
    return None

