"""Tokenization with clitic awareness, for matching.

:func:`tokenize` splits text into word, number and punctuation tokens with character offsets into
the original text. Each token carries ``norm`` (see :mod:`naba.arabic.normalize`) and ``base``:
``norm`` with a glued proclitic (و ف ب ل ك ال and combinations) stripped when what remains is
still a plausible word. :func:`strip_prefix` is the same split on its own.

Not for: sentences (the ``segment`` stage) or morphological analysis beyond proclitics.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..record import Token
from . import charsets as cs
from .normalize import normalize
from .resources import data_lines

_WORD = f"[{cs.ARABIC_WORD_CLASS}A-Za-z\u00C0-\u024F]+(?:[\u0640][{cs.ARABIC_WORD_CLASS}]+)*"
_NUMBER = r"[0-9٠-٩۰-۹]+(?:[.,٫٬:/][0-9٠-٩۰-۹]+)*"
# An underscore is no token: it joins words as a space would ("#كيم_جونغ_أون" in hashtags).
TOKEN_RE = re.compile(f"{_NUMBER}|{_WORD}|[^\\s_]")


@lru_cache(maxsize=1)
def _prefixes() -> tuple[str, ...]:
    return tuple(sorted(data_lines("clitic_prefixes.txt"), key=len, reverse=True))


@lru_cache(maxsize=200_000)
def strip_prefix(norm: str) -> tuple[str, str]:
    """Split a normalized word into (proclitic, base), conservatively: the definite article and
    what is glued before it (وال، بال، لل...) come off, leaving the bare noun; otherwise only a
    conjunction و/ف comes off, and only when at least 3 letters remain. Ambiguous prepositions
    (ب ل ك) are left on: use :func:`candidates` to try them against a lexicon."""
    for p in _prefixes():
        if "ال" in p or p.endswith("لل"):
            if norm.startswith(p) and len(norm) - len(p) >= 2:
                return p, norm[len(p):]
    if norm[:1] in ("و", "ف") and len(norm) >= 4:
        return norm[0], norm[1:]
    return "", norm


@lru_cache(maxsize=200_000)
def candidates(norm: str) -> tuple[tuple[str, str], ...]:
    """Every plausible (proclitic, rest) split of a normalized word, the unsplit word first.
    "لل" splits as ل + "ال..." (للوزارة -> الوزارة) as well as ل + "ل...". """
    out = [("", norm)]
    for p in _prefixes():
        if norm.startswith(p):
            rest = norm[len(p):]
            if len(rest) >= (3 if len(p) == 1 else 2):
                out.append((p, rest))
                if p.endswith("لل"):
                    out.append((p[:-1], "ال" + rest))
    return tuple(out)


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Tokens of ``text``; offsets are shifted by ``offset``."""
    out = []
    for m in TOKEN_RE.finditer(text):
        t = m.group()
        n, base, prefix = _word_forms(t)
        out.append(Token(m.start() + offset, m.end() + offset, t, n, base, prefix))
    return out


@lru_cache(maxsize=200_000)
def _word_forms(t: str) -> tuple[str, str, str]:
    """(norm, base, prefix) of a token's text; cached, words repeat a lot across articles."""
    n = normalize(t)
    prefix, base = strip_prefix(n) if len(n) > 3 and n[0] in "وفبلكا" else ("", n)
    return n, base, prefix


def words(text: str) -> list[str]:
    """Just the normalized word forms of ``text`` (handy for building matchers)."""
    return [t.norm for t in tokenize(text) if t.norm[:1].isalnum()]
