"""Safe highlighting: article text plus character-offset marks -> escaped HTML.

Every piece of article text goes through :func:`html.escape` (quotes included); the only markup
this module writes is a fixed set of tags (``span``, ``mark``, ``a``) whose attribute values are
escaped too.
Nothing from the corpus is ever inserted as HTML. Marks may overlap in any way: a mark that
crosses the end of an enclosing one is split into pieces, and only the first piece carries the
mark's anchor ``id`` (the rest get ``cont`` in their class).

Not for: deciding what to highlight (that is :mod:`naba.web.views`) or matching query words
(:func:`query_hits` only finds where they are, using the store's normal forms).
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass, field
from html import escape as _escape

from markupsafe import Markup

from ..arabic.tokenize import TOKEN_RE
from ..arabic.normalize import normalize

# tag for each kind of mark (the class is given by the caller and escaped)
TAGS = {"mention": "a", "hit": "mark"}
# the outer layer first when two marks cover exactly the same text
LAYERS = {"content": 0, "speaker": 1, "cue": 1, "medium": 1, "event": 2, "mention": 3,
          "time": 3, "hit": 4}
ALLOWED_ATTRS = ("id", "class", "href", "title", "data-n", "data-type", "data-entity")


@dataclass(slots=True)
class Mark:
    start: int
    end: int
    kind: str
    attrs: dict[str, str] = field(default_factory=dict)
    first: bool = True

    def piece(self, start: int, end: int) -> "Mark":
        return Mark(start, end, self.kind, self.attrs, self.first and start == self.start)


def _open_tag(m: Mark) -> str:
    tag = TAGS.get(m.kind, "span")
    parts = [tag]
    for name in ALLOWED_ATTRS:
        value = m.attrs.get(name)
        if value is None or (name == "id" and not m.first):
            continue
        if name == "class" and not m.first:
            value = f"{value} cont"
        parts.append(f'{name}="{escape(str(value))}"')
    return "<" + " ".join(parts) + ">"


def escape(s: str) -> str:
    return _escape(s, quote=True)


def _key(m: Mark, seq: int) -> tuple:
    return (m.start, -m.end, LAYERS.get(m.kind, 5), seq)


def render(text: str, marks: list[Mark], start: int = 0, end: int | None = None) -> Markup:
    """``text[start:end]`` as escaped HTML with ``marks`` (offsets into ``text``) as nested tags."""
    end = len(text) if end is None else end
    heap: list[tuple] = []
    for seq, m in enumerate(marks):
        if m.end <= start or m.start >= end:
            continue
        s, e = max(m.start, start), min(m.end, end)
        if s < e:
            p = m.piece(s, e)
            heapq.heappush(heap, (_key(p, seq), p))
    out: list[str] = []
    _emit(text, start, end, heap, out, len(marks))
    return Markup("".join(out))


def _emit(text: str, lo: int, hi: int, heap: list, out: list[str], seq: int) -> int:
    """Write ``text[lo:hi]`` with every mark in ``heap`` (all inside [lo, hi])."""
    pos = lo
    while heap:
        _, m = heapq.heappop(heap)
        if m.end <= pos:
            continue
        if m.start < pos:  # overlapped by an earlier sibling: keep the rest
            seq += 1
            rest = m.piece(pos, m.end)
            heapq.heappush(heap, (_key(rest, seq), rest))
            continue
        out.append(escape(text[pos:m.start]))
        inner: list[tuple] = []
        leftovers: list[Mark] = []
        while heap and heap[0][1].start < m.end:
            _, c = heapq.heappop(heap)
            if c.end <= m.end:
                inner.append((_key(c, seq), c))
            else:  # crosses our end: the inside part nests, the rest waits
                inner.append((_key(c.piece(c.start, m.end), seq), c.piece(c.start, m.end)))
                leftovers.append(c.piece(m.end, c.end))
            seq += 1
        heapq.heapify(inner)
        out.append(_open_tag(m))
        seq = _emit(text, m.start, m.end, inner, out, seq)
        out.append(f"</{TAGS.get(m.kind, 'span')}>")
        for c in leftovers:
            seq += 1
            heapq.heappush(heap, (_key(c, seq), c))
        pos = m.end
    out.append(escape(text[pos:hi]))
    return seq


def query_hits(text: str, terms: set[str], start: int = 0, end: int | None = None) -> list[Mark]:
    """Marks over the words of ``text[start:end]`` whose normal form, or a clitic split of it,
    is one of ``terms`` (already in the store's normal forms)."""
    from ..store.prepare import query_terms

    end = len(text) if end is None else end
    hits = []
    if not terms:
        return hits
    for m in TOKEN_RE.finditer(text, start, end):
        word = m.group()
        if not word[:1].isalnum():
            continue
        n = normalize(word)
        if n in terms or any(t in terms for t in query_terms(word)):
            hits.append(Mark(m.start(), m.end(), "hit", {"class": "hit"}))
    return hits


def snippet_window(text: str, hits: list[Mark], width: int = 240) -> tuple[int, int]:
    """A window of about ``width`` characters around the first hit, cut at word boundaries."""
    if not text:
        return 0, 0
    centre = hits[0].start if hits else 0
    lo = max(0, centre - width // 3)
    hi = min(len(text), lo + width)
    if lo > 0:
        sp = text.find(" ", lo)
        lo = sp + 1 if 0 <= sp < centre else lo
    if hi < len(text):
        sp = text.rfind(" ", centre, hi)
        hi = sp if sp > centre else hi
    return lo, hi
