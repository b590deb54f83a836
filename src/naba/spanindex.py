"""Offset lookups over many spans (mentions, actor candidates) without scanning them all.

A long one-line document has thousands of mentions; a stage that asks "which mentions overlap this
phrase?" once per phrase by scanning them all is quadratic (a 5 MB text ran for many minutes).
:class:`SpanIndex` sorts the spans by start once and answers each question by bisection over the
starts, within the longest span's length, so a lookup costs O(log n + hits). Answers come in the
order of the list given, as the list comprehensions they replace returned them.

The index sorts by the starts it reads when it is built (spans moved afterwards are not re-sorted);
its answers test the spans' current bounds.

Not for: spans that change while they are looked up (build a new index), or annotation logic.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import Callable, Generic, Sequence, TypeVar

T = TypeVar("T")


class SpanIndex(Generic[T]):
    """Spans (anything with ``start`` and ``end``, or what ``bounds(item)`` gives) indexed by start."""

    __slots__ = ("items", "_bounds", "_order", "_starts", "_maxlen", "_in_order")

    def __init__(self, items: Sequence[T], bounds: Callable[[T], tuple[int, int]] | None = None):
        self.items = list(items)
        self._bounds = bounds or _start_end
        spans = [self._bounds(it) for it in self.items]
        order = sorted(range(len(spans)), key=lambda i: spans[i][0])
        self._order = order
        self._starts = [spans[i][0] for i in order]
        self._maxlen = max((max(0, b - a) for a, b in spans), default=0)
        self._in_order = all(i == k for k, i in enumerate(order))

    def _ids(self, lo: int, hi: int) -> list[int]:
        """Positions in the list of the spans with ``lo <= start < hi``, in list order."""
        a, b = bisect_left(self._starts, lo), bisect_left(self._starts, hi)
        idx = self._order[a:b]
        return idx if self._in_order else sorted(idx)

    def _between(self, lo: int, hi: int) -> list[T]:
        return [self.items[i] for i in self._ids(lo, hi)]

    def overlapping(self, a: int, b: int) -> list[T]:
        """The spans with ``start < b and a < end``."""
        f = self._bounds
        return [s for s in self._between(a - self._maxlen, b) if f(s)[0] < b and a < f(s)[1]]

    def within_ids(self, a: int, b: int) -> list[int]:
        """Positions of the spans with ``a <= start and end <= b``."""
        f = self._bounds
        return [i for i in self._ids(a, b + 1) if f(self.items[i])[1] <= b]

    def within(self, a: int, b: int) -> list[T]:
        """The spans with ``a <= start and end <= b``."""
        return [self.items[i] for i in self.within_ids(a, b)]

    def covering(self, a: int, b: int) -> list[T]:
        """The spans with ``start <= a and b <= end``."""
        f = self._bounds
        return [s for s in self._between(b - self._maxlen, a + 1) if f(s)[0] <= a and b <= f(s)[1]]

    def starting(self, lo: int, hi: int) -> list[T]:
        """The spans with ``lo <= start <= hi``."""
        return self._between(lo, hi + 1)

    def at(self, start: int) -> list[T]:
        """The spans that start at ``start``."""
        return self._between(start, start + 1)

    def __iter__(self):
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)


def _start_end(span) -> tuple[int, int]:
    return span.start, span.end


class TakenSpans:
    """A growing set of (start, end) spans that answers "does this span overlap one taken?" (the
    longest-first selection of triggers and time expressions) in O(log n + nearby) instead of a
    scan of all taken spans."""

    __slots__ = ("_starts", "_ends", "_maxlen")

    def __init__(self, spans: Sequence[tuple[int, int]] = ()):
        self._starts: list[int] = []
        self._ends: list[int] = []
        self._maxlen = 0
        for a, b in spans:
            self.add(a, b)

    def add(self, start: int, end: int) -> None:
        i = bisect_right(self._starts, start)
        self._starts.insert(i, start)
        self._ends.insert(i, end)
        self._maxlen = max(self._maxlen, end - start)

    def overlaps(self, start: int, end: int) -> bool:
        """Whether a taken span (ta, tb) has ``start < tb and ta < end``."""
        lo, hi = bisect_left(self._starts, start - self._maxlen), bisect_left(self._starts, end)
        ends = self._ends
        return any(ends[k] > start for k in range(lo, hi))
