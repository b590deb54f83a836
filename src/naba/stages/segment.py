"""Stage 2, segment: sentences and tokens over the clean text.

Sentences end at . ! ? ؟ … (and runs of them), with a closing quote or bracket kept in the
sentence; a dot after an abbreviation or a single letter ("د." "أ.", also "د ."), a list number
("1. البند") or inside a number or a domain ("العربية.نت", "3.5") does not end one; after a
one-digit number it does ("بلغ عددهم 3. وأضاف"); a paragraph always does. Tokens come from
:func:`naba.arabic.tokenize.tokenize` with offsets into ``record.text``.

Not for: deciding what a heading is (``clean``) or where a quotation ends (``statements``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..arabic.normalize import normalize
from ..arabic.resources import data_lines
from ..arabic.tokenize import tokenize
from ..record import Record, Span, trim

_END_RE = re.compile(r"[.!?؟…]+[\"'»”“)\]]*(?=\s|$)")
# the word before the final stop, also when a space parts them ("هادئ . وأضاف" as scraped pages have it)
_LAST_WORD_RE = re.compile(r"(\S+?)\s*[.!?؟…]+[\"'»”“)\]]*$")


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    return frozenset(data_lines("abbreviations.txt"))


def split_sentences(text: str, offset: int = 0) -> list[tuple[int, int]]:
    """(start, end) of each sentence in ``text`` (one paragraph), offsets shifted by ``offset``."""
    spans, start = [], 0
    for m in _END_RE.finditer(text):
        end = m.end()
        if m.group().startswith(".") and not m.group().startswith(".."):
            w = _LAST_WORD_RE.search(text[start:end])
            word = normalize(w.group(1)).strip("(\"'«“") if w else ""
            if word in _abbreviations():
                continue
            # one letter is an initial ("ج. بوش"); one digit ends a sentence ("بلغ عددهم 3. وأضاف")
            # unless it is all the sentence has so far (a list number, "1. البند الأول")
            if len(word) <= 1 and not (word.isdigit() and text[start:start + w.start()].strip()):
                continue
        if text[start:end].strip():
            spans.append(trim(text, start, end))
        start = end
    if text[start:].strip():
        spans.append(trim(text, start, len(text)))
    return [(a + offset, b + offset) for a, b in spans]


def run(record: Record) -> Record:
    sentences: list[Span] = []
    tokens = []
    for p in record.paragraphs:
        for a, b in split_sentences(p.text, p.start):
            sentences.append(record.span(a, b))
        tokens.extend(tokenize(p.text, p.start))
    record.sentences = sentences
    record.tokens = tokens
    return record
