"""How much a word looks like a (mostly transliterated) personal name, by its letters.

A character n-gram naive Bayes (2- to 4-grams with word boundaries) of name tokens (the one-word
Arabic sides of the Google ar2en transliteration pairs in ../shared/data/gazetteers, mostly foreign
names written in Arabic) against the 40,000 most frequent news words that are not such names (the
word list of ``word_clusters.tsv.gz``, most frequent first). Its length-normalised log-odds,
rounded and clamped to -3..3, is a feature of the word and its neighbours in :mod:`.features`: it tells the CRF that
"إيتو", "بنفيكا" or "راوول", seen in no list and no training sentence, read like foreign names, and
"أهدافا" does not. Measured with the rest of the recipe: ANERcorp blocks 5/7/9 (9 is the dev split)
68.7/80.8/72.07 -> 69.3/81.2/72.5 micro F1 (PERS 72.3 -> 74.0 on dev); a single retrain moves a block
by up to ±1, and the gain had the same sign on every block and variant tried.

Words of either list are scored by a model trained without their fifth of the lists (by a hash
of the word), at training and at tagging time alike, so that the CRF never learns from scores that
merely remember the list. Built by :func:`build` into ``name_grams.tsv.gz`` next to this file:
``g<TAB>gram<TAB>log-odds`` rows, ``w<TAB>word<TAB>score`` rows for listed words and one
``p<TAB>prior<TAB>unseen-gram log-odds`` row.

Not for: deciding that a word is a name (the CRF weighs this with everything else).
"""

from __future__ import annotations

import gzip
import io
import math
import zlib
from collections import Counter
from functools import lru_cache
from pathlib import Path

PATH = Path(__file__).resolve().parent / "name_grams.tsv.gz"
COMMON_WORDS = 40_000
FOLDS = 5
_ALPHA = 0.5  # additive smoothing of the gram counts


def grams(word: str) -> list[str]:
    s = f"^{word}$"
    return [s[i:i + n] for n in (2, 3, 4) for i in range(len(s) - n + 1)]


class _NaiveBayes:
    def __init__(self, names: list[str], common: list[str]):
        self.counts = (Counter(g for w in common for g in grams(w)), Counter(g for w in names for g in grams(w)))
        totals = [sum(c.values()) for c in self.counts]
        vocab = len(set(self.counts[0]) | set(self.counts[1])) + 1
        self.denominators = [t + _ALPHA * vocab for t in totals]
        self.prior = math.log(len(names) / len(common))
        self.unseen = math.log(self.denominators[0] / self.denominators[1])

    def log_odds(self, gram: str) -> float:
        (c0, c1), (d0, d1) = (self.counts[0][gram], self.counts[1][gram]), self.denominators
        return math.log((c1 + _ALPHA) / d1) - math.log((c0 + _ALPHA) / d0)

    def score(self, word: str) -> int:
        return _bucket(self.prior, [self.log_odds(g) for g in grams(word)], len(word))


def _bucket(prior: float, odds: list[float], length: int) -> int:
    return max(-3, min(3, round((prior + sum(odds)) / max(1, length) * 4)))


def _fold(word: str) -> int:
    return zlib.crc32(word.encode("utf-8")) % FOLDS


def transliterated_names(gazetteers: Path) -> set[str]:
    """The normalized one-word Arabic sides of the Google ar2en transliteration pairs."""
    from ...arabic.normalize import normalize

    out = set()
    with open(gazetteers / "ar2en_transliteration_google" / "ar2en.txt", encoding="utf-8") as f:
        for line in f:
            word = line.split("\t")[0].strip()
            if word and " " not in word:
                out.add(normalize(word))
    return out


def build(names: set[str], frequent_words: list[str], out: Path = PATH) -> int:
    """Write the gram table and the out-of-fold scores of the listed words; returns the gram count."""
    names_l = sorted(w for w in names if len(w) > 1)
    common = [w for w in frequent_words if w not in names and len(w) > 1][:COMMON_WORDS]
    full = _NaiveBayes(names_l, common)
    folds = [_NaiveBayes([w for w in names_l if _fold(w) != k], [w for w in common if _fold(w) != k])
             for k in range(FOLDS)]
    table = sorted(set(full.counts[0]) | set(full.counts[1]))
    # mtime 0: the same lists give the same bytes (the file is committed)
    with open(out, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9, mtime=0) as gz, \
            io.TextIOWrapper(gz, encoding="utf-8") as f:
        f.write("# Derived by naba.models.ner.namelike (`naba train ner`) from google/transliteration ar2en.txt\n"
                "# (Apache-2.0) and the word list of word_clusters.tsv.gz: char n-gram naive Bayes, name vs\n"
                "# common word.\n")
        f.write(f"p\t{full.prior:.5f}\t{full.unseen:.5f}\n")
        for g in table:
            f.write(f"g\t{g}\t{full.log_odds(g):.4f}\n")
        for w in sorted(set(names_l) | set(common)):
            f.write(f"w\t{w}\t{folds[_fold(w)].score(w)}\n")
    return len(table)


@lru_cache(maxsize=1)
def _table() -> tuple[float, float, dict[str, float], dict[str, int]]:
    prior, unseen, odds, listed = 0.0, 0.0, {}, {}
    if not PATH.is_file():
        return prior, unseen, odds, listed
    with gzip.open(PATH, "rt", encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            kind, key, value = line.rstrip("\n").split("\t")
            if kind == "g":
                odds[key] = float(value)
            elif kind == "w":
                listed[key] = int(value)
            elif kind == "p":
                prior, unseen = float(key), float(value)
    return prior, unseen, odds, listed


def score(word: str) -> int | None:
    """-3 (reads like a common word) .. 3 (reads like a name); None without the table."""
    prior, unseen, odds, listed = _table()
    if not odds:
        return None
    if word in listed:
        return listed[word]
    return _bucket(prior, [odds.get(g, unseen) for g in grams(word)], len(word))
