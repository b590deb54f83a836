"""The statement lexicons (``naba/arabic/data/statements/``), loaded once and normalized for matching.

Not for: deciding anything about a text; :mod:`naba.statements.cues` and friends do that.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..arabic.normalize import normalize
from ..arabic.resources import read_lines, read_tsv

PACKAGE = "naba.arabic.data"


def _lines(name: str) -> tuple[str, ...]:
    return read_lines(PACKAGE, f"statements/{name}")


def _tsv(name: str) -> tuple[tuple[str, ...], ...]:
    return read_tsv(PACKAGE, f"statements/{name}")


@lru_cache(maxsize=1)
def _context() -> dict[str, tuple[str, ...]]:
    return {role: tuple(words.split()) for role, words in _tsv("context.tsv")}


def context_words(role: str) -> tuple[str, ...]:
    """A small closed word set of ``context.tsv`` by role, the words as written there."""
    return _context()[role]


@dataclass(frozen=True, slots=True)
class Cue:
    lemma: str
    certainty: str
    participle: bool  # a continuation cue (قائلا، مضيفا ...)


@dataclass(frozen=True, slots=True)
class Lexicon:
    cues: dict[str, Cue]  # normalized form -> cue
    according: dict[tuple[str, ...], tuple[str, tuple[str, ...]]]  # words -> (lemma, particles)
    complementizers: frozenset[tuple[str, ...]]
    hedges: frozenset[str]
    negations: frozenset[str]
    media: frozenset[str]
    media_preps: dict[tuple[str, ...], bool]  # words -> keep the preposition in the span
    sources: dict[str, tuple[str, str]]  # normalized word without ال -> (kind, group)
    function_words: frozenset[str]
    relays: dict[str, str]  # cue lemma -> the particle before the real source ("نقلت ... عن")

    def source_kind(self, base: str) -> str | None:
        hit = self.sources.get(base)
        return hit[0] if hit else None

    def source_group(self, base: str) -> str:
        hit = self.sources.get(base)
        return hit[1] if hit and hit[1] else base


def _forms(cell: str) -> list[str]:
    return [normalize(f.strip()) for f in cell.split(",") if f.strip()]


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    cues: dict[str, Cue] = {}
    for row in _tsv("cues.tsv"):
        lemma, certainty = row[0], row[1]
        for form in _forms(row[2] if len(row) > 2 else ""):
            cues.setdefault(form, Cue(lemma, certainty, False))
        for form in _forms(row[3] if len(row) > 3 else ""):
            cues.setdefault(form, Cue(lemma, certainty, True))
    according = {}
    for row in _tsv("according.tsv"):
        parts = tuple(normalize(w) for w in row[0].split())
        particles = () if row[2] == "-" else tuple(normalize(p) for p in row[2].split(","))
        according[parts] = (row[1], particles)
    sources = {}
    for row in _tsv("sources.tsv"):
        word = normalize(row[0])
        sources[word] = (row[1], normalize(row[2]) if len(row) > 2 else "")
    return Lexicon(
        cues=cues,
        according=according,
        complementizers=frozenset(tuple(normalize(w) for w in ln.split()) for ln in _lines("complementizers.txt")),
        hedges=frozenset(normalize(w) for w in _lines("hedges.txt")),
        negations=frozenset(normalize(w) for w in _lines("negations.txt")),
        media=frozenset(normalize(w) for w in _lines("media.txt")),
        media_preps={tuple(normalize(w) for w in r[0].split()): r[1] == "keep"
                     for r in _tsv("media_prepositions.txt")},
        sources=sources,
        function_words=frozenset(normalize(w) for w in _lines("function_words.txt")),
        relays={r[0]: normalize(r[1]) for r in _tsv("relays.tsv")},
    )
