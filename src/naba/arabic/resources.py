"""Loading naba's language data files (``naba/arabic/data`` and other ``data/`` folders).

Data files are UTF-8 text, one entry a line, ``#`` starts a comment. TSV files have tab-separated
columns. Loading is cached: a file is read once per process.

Not for: what the data means; each stage parses its own files.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=None)
def read_lines(package: str, name: str) -> tuple[str, ...]:
    """Non-empty, non-comment lines of data file ``name`` in ``package`` (e.g. "naba.arabic.data")."""
    text = resources.files(package).joinpath(name).read_text(encoding="utf-8")
    out = []
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return tuple(out)


@lru_cache(maxsize=None)
def read_tsv(package: str, name: str) -> tuple[tuple[str, ...], ...]:
    """Rows of a TSV data file (comment and blank lines skipped)."""
    return tuple(tuple(c.strip() for c in line.split("\t")) for line in read_lines(package, name))


def data_lines(name: str) -> tuple[str, ...]:
    """Lines of a file in ``naba/arabic/data``."""
    return read_lines("naba.arabic.data", name)


def data_tsv(name: str) -> tuple[tuple[str, ...], ...]:
    return read_tsv("naba.arabic.data", name)


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """Arabic function words (``naba/arabic/data/stopwords.txt``: prepositions, conjunctions,
    particles, pronouns ...), in the normalized matching form."""
    from .normalize import normalize

    return frozenset(normalize(w) for w in data_lines("stopwords.txt"))

