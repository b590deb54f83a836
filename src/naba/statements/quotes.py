"""Quotation spans in a paragraph, with the marks Arabic news actually uses.

Pairs « », “ ”, ” “ (reversed), " " and any mix of them: an opening mark is closed by the next
quote mark in the paragraph (« waits for » when there is one). A quote left open runs to the end
of its paragraph, as happens in real pages ("قائلاً:” لم نأت ..." in the seed).

Not for: deciding whether a quote is a statement (:mod:`naba.statements.extract`).
"""

from __future__ import annotations

QUOTE_MARKS = "\"“”«»„‟″"


def quote_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(open, close) offsets of each quotation in ``text[start:end]``: ``open`` is the index of
    the opening mark, ``close`` the index of the closing mark, or ``end`` when it is unclosed."""
    spans = []
    i = start
    while i < end:
        ch = text[i]
        if ch in QUOTE_MARKS and ch != "»" and _can_open(text, i, end):
            close = -1
            if ch == "«":
                close = text.find("»", i + 1, end)
            if close < 0:
                close = next((j for j in range(i + 1, end) if text[j] in QUOTE_MARKS), -1)
            if close < 0:
                close = end
            spans.append((i, close))
            i = close + 1
        else:
            i += 1
    return spans


def _can_open(text: str, i: int, end: int) -> bool:
    """A mark followed by a word can open a quote; one followed by a space or punctuation
    (a stray closing mark, 'على التلة"، مشيراً') cannot."""
    if i > 0 and text[i - 1] == ":":
        return True  # 'قائلاً:” لم نأت ...'
    if i + 1 < end and text[i + 1].isspace() and (i == 0 or text[i - 1].isspace()):
        # a mark standing alone between spaces ('في بيان " قتل تسعة ..."') opens when a word
        # follows and another mark closes it later in the paragraph
        j = i + 1
        while j < end and text[j].isspace():
            j += 1
        return j < end and text[j].isalnum() and any(text[m] in QUOTE_MARKS for m in range(j, end))
    return i + 1 < end and not text[i + 1].isspace() and text[i + 1] not in "،,.:؛;)"
