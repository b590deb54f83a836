"""Small opt-in ``str -> str`` normalizers for *matching* (never for display).

Each function does one thing; :func:`normalize` composes the ones naba matches on. All of them
map one character to at most one character, so ``len(normalize(s)) <= len(s)``; callers that
need offsets keep them on the original text (tokens do).

One exception, :func:`unshape`: a repair rather than a matching form (the clean stage applies it
to the text people read, search to the query, so that both see the same letters), and a ligature
glyph may give several letters.

Not for: display text (never store a normalized form for people to read) or tokenizing
(:mod:`.tokenize`).
"""

from __future__ import annotations

import re
import unicodedata

from . import charsets as cs

_DIAC_RE = re.compile(f"[{cs.DIACRITICS}{cs.TATWEEL}]")
_ALEF_TABLE = str.maketrans({c: cs.ALEF for c in cs.ALEF_FORMS})
_YA_TABLE = str.maketrans({cs.ALEF_MAQSURA: cs.YA, cs.FARSI_YA: cs.YA})
_TA_TABLE = str.maketrans({cs.TA_MARBUTA: cs.HA})
_HAMZA_TABLE = str.maketrans({cs.HAMZA_ON_WAW: "\u0621", cs.HAMZA_ON_YA: "\u0621"})
_DIGIT_TABLE = str.maketrans({**{c: str(i) for i, c in enumerate(cs.EASTERN_DIGITS)},
                              **{c: str(i) for i, c in enumerate(cs.PERSIAN_DIGITS)}})
_MISC_TABLE = str.maketrans({cs.KEHEH: "\u0643"})
# normalize() in one pass: the tables above (their keys are disjoint and no output is another
# table's key, so one table gives the same result) plus diacritics and tatweel deleted.
_MATCH_MAP = {**_ALEF_TABLE, **_YA_TABLE, **_TA_TABLE, **_DIGIT_TABLE, **_MISC_TABLE,
              **{ord(c): None for c in cs.DIACRITICS + cs.TATWEEL}}
# As a tuple indexed by code point up to the Arabic block's end: str.translate looks a tuple up
# faster than a dict, and leaves characters past its end (an IndexError) unchanged.
_MATCH_TABLE = tuple(_MATCH_MAP.get(i, i) for i in range(max(_MATCH_MAP) + 1))


# Arabic Presentation Forms A (U+FB50-U+FDFF) and B (U+FE70-U+FEFE; U+FEFF is the BOM, not a form)
_PRESENTATION_RE = re.compile("[\uFB50-\uFDFF\uFE70-\uFEFE]+")


def _unshape_run(m: re.Match) -> str:
    # lstrip: an isolated haraka form (U+FE70..) is NFKC " " + the haraka
    return "".join(unicodedata.normalize("NFKC", c).lstrip(" ") for c in m.group())


def unshape(s: str) -> str:
    """Arabic Presentation Forms (shaped glyphs from PDFs and old pages) -> the letters they draw
    (ﺧﺎﻣﻨﺌﻲ -> خامنئي, ﻻ -> لا); every other character is left as it is."""
    if not _PRESENTATION_RE.search(s):
        return s
    return _PRESENTATION_RE.sub(_unshape_run, s)


def dediac(s: str) -> str:
    """Remove diacritics (harakat, shadda, tanween) and tatweel."""
    return _DIAC_RE.sub("", s)


def normalize_alef(s: str) -> str:
    """أ إ آ ٱ -> ا"""
    return s.translate(_ALEF_TABLE)


def normalize_ya(s: str) -> str:
    """ى (alef maqsura) and Farsi ya -> ي"""
    return s.translate(_YA_TABLE)


def normalize_ta(s: str) -> str:
    """ة (ta marbuta) -> ه"""
    return s.translate(_TA_TABLE)


def normalize_hamza(s: str) -> str:
    """ؤ ئ -> ء"""
    return s.translate(_HAMZA_TABLE)


def normalize_digits(s: str) -> str:
    """Eastern Arabic and Persian digits -> ASCII digits."""
    return s.translate(_DIGIT_TABLE)


def normalize(s: str) -> str:
    """The matching form naba uses everywhere: no diacritics/tatweel, one alef, ي for ى, ه for ة,
    ASCII digits, lower-case Latin."""
    if s.isascii():
        return s.lower()
    return s.translate(_MATCH_TABLE).lower()


_ARABIC_LETTER_RE = re.compile("[\u0621-\u064A\u0671-\u06D3]")
_LETTER_RE = re.compile(r"[^\W\d_]")


def arabic_ratio(s: str) -> float:
    """Share of Arabic letters among all letters in ``s`` (0.0 when there are none)."""
    letters = len(_LETTER_RE.findall(s))
    return len(_ARABIC_LETTER_RE.findall(s)) / letters if letters else 0.0


_CHAR_NORM: dict[str, str] = {}


def normalized_with_offsets(text: str) -> tuple[str, list[int]]:
    """``normalize(text)`` one character at a time, and for each character of it the offset of the
    character of ``text`` it came from (plus ``len(text)`` at the end)."""
    fast = normalize(text)
    if len(fast) == len(text) and "\u0130" not in text:  # nothing dropped: offsets are the identity
        return fast, list(range(len(text) + 1))
    out, offs = [], []
    cache = _CHAR_NORM
    for i, ch in enumerate(text):
        n = cache.get(ch)
        if n is None:
            n = normalize(ch)
            n = n if len(n) <= 1 else ch
            cache[ch] = n
        if n:
            out.append(n)
            offs.append(i)
    offs.append(len(text))
    return "".join(out), offs
