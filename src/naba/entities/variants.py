"""Spelling variants of full person names, mined from a corpus store: ``naba train variants``.

Foreign names reach Arabic news transliterated, and outlets spell them their own way: "دونالد
ترمب" (aawsat) and "دونالد ترامب", "هيذر ناورت" and "هيذر نويرت", "جيرمي كوربن" and "جيريمي
كوربين". :mod:`.ids` gives the forms of one name one corpus-wide id when a table lists them:
``data/known_names.tsv`` by hand (44 well-known names and their short forms), and
``data/name_variants.tsv``, written by this module from the aliases of a store that ingested the
news corpus (``naba ingest ../shared/data/news/articles.jsonl.gz --db all.db`` then
``naba train variants --db all.db``).

Two person names of as many words are variants when each pair of words that differ
(:func:`word_variants`):
- has the same consonant skeleton (the letters left when long vowels and hamza seats go,
  ``charsets.VOWEL_LETTERS``), of three letters at least, and words of four letters at least;
- differs by at most two letters, one written as the other with vowel letters left out or close
  to it (difflib ratio 0.8): "خامنئي" and "خميني" share a skeleton and are two men;
- is no Arabic-native pair: not definite ("الناصر"/"النويصر", "الثاني"/"الثني"), not a nisba or
  feminine ending apart ("يعقوب"/"يعقوبي"), not both in the Arabic given-name list, and not both
  words that stand in five or more different names of the corpus ("سلمان"/"سليمان",
  "محمد"/"محمود", "صلاح"/"صالح") unless both read like foreign names by their letters
  (:mod:`naba.models.ner.namelike`: "فرانسوا"/"فرنسوا", "جاستن"/"جاستين" are one name);
- a word with و glued before it ("وباراك") is its bare form only as a name's first word;
- is not a pair of ``data/name_variants_rejected.tsv`` (read by a person: the few the rules let by).
Each name is written two or more times in the store. A group's canonical name is its most
frequent spelling. Short forms (a surname alone) are not merged: "كونتي" may be Conte or Kanté.

Not for: within-article grouping of mentions (:mod:`.group`), places (the gazetteer's ids).
"""

from __future__ import annotations

import re
import sqlite3
import sys
from collections import Counter, defaultdict
from difflib import SequenceMatcher
from pathlib import Path

from ..arabic.charsets import VOWEL_LETTERS
from ..arabic.normalize import dediac, normalize
from ..arabic.resources import read_lines, read_tsv

DATA = Path(__file__).resolve().parent / "data"
OUT = DATA / "name_variants.tsv"
_VOWELS = re.compile(f"[{VOWEL_LETTERS}]")
MIN_WORD = 4        # letters of a differing word
MIN_SKELETON = 3    # consonants of a differing word
MAX_EDITS = 2       # letters apart
RATIO = 0.8         # difflib similarity when neither is the other with vowel letters left out
ESTABLISHED = 5     # names of the corpus a word stands in for it to be a name of its own
MIN_COUNT = 2       # times a spelling is written in the store
FOREIGN = 2         # namelike score of a word that reads like a transliterated foreign name


def skeleton(word: str) -> str:
    """The consonants of a normalized word (long vowels, hamza seats and ة's dots gone)."""
    return _VOWELS.sub("", word.replace("ة", "ه"))


def _foreign(word: str) -> bool:
    """A word whose letters read like a transliterated foreign name (:mod:`naba.models.ner.namelike`)."""
    from ..models.ner import namelike

    return (namelike.score(word) or 0) >= FOREIGN


def _edits(a: str, b: str) -> int:
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
    return row[-1]


def _vowels_left_out(short: str, long: str) -> bool:
    """``long`` is ``short`` with only vowel letters added."""
    i = 0
    for ch in long:
        if i < len(short) and short[i] == ch:
            i += 1
        elif not _VOWELS.match(ch):
            return False
    return i == len(short)


def word_variants(x: str, y: str, arabic_names: frozenset[str] = frozenset(),
                  established: frozenset[str] = frozenset()) -> bool:
    """Whether two different normalized words may spell one transliterated name (module doc)."""
    if skeleton(x) != skeleton(y) or len(skeleton(x)) < MIN_SKELETON or min(len(x), len(y)) < MIN_WORD:
        return False
    if x.startswith("ال") or y.startswith("ال") or x.rstrip("يه") == y.rstrip("يه"):
        return False
    if (x in arabic_names and y in arabic_names) or (x in established and y in established
                                                       and not (_foreign(x) and _foreign(y))):
        return False
    if _edits(x, y) > MAX_EDITS:
        return False
    return (_vowels_left_out(x, y) or _vowels_left_out(y, x)
            or SequenceMatcher(None, x, y).ratio() >= RATIO)


def _glued_wa(word: str) -> bool:
    """A word that may be a name with the conjunction و glued ("وباراك"): a و-word is a variant of
    its bare form only as a name's first word ("كيم وترامب" is two people)."""
    return word.startswith("و") and len(word) > 4


def rejected() -> set[frozenset[str]]:
    """Pairs of normalized names a reader rejected (``data/name_variants_rejected.tsv``)."""
    return {frozenset(normalize(n) for n in row[:2]) for row in read_tsv("naba.entities.data",
                                                                         "name_variants_rejected.tsv")}


def arabic_given_names(gazetteers: Path | None) -> frozenset[str]:
    """The AKhateeb lists of Arabic first and last names (normalized), when ../shared/data is there."""
    base = gazetteers / "arabic_names_AKhateeb" if gazetteers else None
    if base is None or not base.is_dir():
        return frozenset()
    return frozenset(normalize(x.strip()) for p in sorted(base.glob("*-in-arabic.txt"))
                     for x in p.read_text(encoding="utf-8-sig").splitlines() if x.strip())


def person_spellings(conn: sqlite3.Connection) -> tuple[Counter, dict]:
    """Times each multi-word person alias (as normalized words) is written in the store, and its
    most frequent surface spelling (without diacritics)."""
    count: Counter = Counter()
    surfaces: dict[tuple[str, ...], Counter] = defaultdict(Counter)
    for alias, n in conn.execute("SELECT a.alias, a.count FROM aliases a JOIN entities e"
                                 " ON e.id = a.entity_id WHERE e.type = 'PER'"):
        words = tuple(normalize(alias).split())
        if len(words) >= 2 and all(len(w) > 1 and w.isalpha() for w in words):
            count[words] += n
            surfaces[words][" ".join(dediac(alias).split())] += n  # a stray haraka: "ُتيريزا"
    return count, {w: c.most_common(1)[0][0] for w, c in surfaces.items()}


def mine(conn: sqlite3.Connection, arabic_names: frozenset[str] = frozenset(),
         no: set[frozenset[str]] | None = None) -> list[tuple[str, list[str]]]:
    """(canonical spelling, [variant spellings]) of the person names of a store, biggest first."""
    no = rejected() if no is None else no
    count, surface = person_spellings(conn)
    names = [w for w, n in count.items() if n >= MIN_COUNT]
    contexts: dict[str, set] = defaultdict(set)
    for words in names:
        for i, w in enumerate(words):
            contexts[w].add(words[:i] + words[i + 1:])
    established = frozenset(w for w, c in contexts.items() if len(c) >= ESTABLISHED)
    by_skeleton: dict[tuple[str, ...], list] = defaultdict(list)
    for words in names:
        by_skeleton[tuple(map(skeleton, words))].append(words)
    out = []
    for group in by_skeleton.values():
        if len(group) < 2:
            continue
        # the canonical spelling: the most frequent, but not one with a glued و ("وروسلان بوشيروف")
        head, *rest = sorted(group, key=lambda w: (_glued_wa(w[0]), -count[w], w))
        same = [w for w in rest
                if frozenset((" ".join(head), " ".join(w))) not in no
                and all(a == b or (word_variants(a, b, arabic_names, established)
                                   and (i == 0 or not (_glued_wa(a) or _glued_wa(b))))
                        for i, (a, b) in enumerate(zip(head, w)))]
        if same:
            out.append((count[head] + sum(count[w] for w in same), surface[head], [surface[w] for w in same]))
    out.sort(key=lambda g: (-g[0], g[1]))
    return [(name, forms) for _, name, forms in out]


def write(groups: list[tuple[str, list[str]]], out: Path = OUT) -> None:
    with open(out, "w", encoding="utf-8") as f:
        f.write("# Derived by naba.entities.variants (naba train variants) from the person aliases of a store\n"
                "# that ingested ../shared/data/news/articles.jsonl.gz: spellings of one transliterated\n"
                "# full name (see the module's rules). Read by naba.entities.ids after known_names.tsv.\n"
                "# type<TAB>canonical name<TAB>other spellings (|-joined)\n")
        for name, forms in groups:
            f.write(f"PER\t{name}\t{'|'.join(forms)}\n")


def run_cli(args) -> int:
    db = Path(args.db)
    if not db.is_file():
        print(f"no store at {db}: run `naba ingest ../shared/data/news/articles.jsonl.gz --db {db}` first",
              file=sys.stderr)
        return 2
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    groups = mine(conn, arabic_given_names(Path(args.data) / "gazetteers"))
    write(groups, Path(args.out))
    print(f"{len(groups)} names, {sum(len(f) for _, f in groups)} variant spellings -> {args.out}")
    for name, forms in groups[:args.show]:
        print(f"{name} <= {' | '.join(forms)}")
    return 0


def register(sub) -> None:
    p = sub.add_parser("variants", help="mine spelling variants of person names from a corpus store")
    p.add_argument("--db", required=True, help="a store that ingested ../shared/data/news")
    p.add_argument("--data", default="../shared/data", help="the shared data folder (Arabic name lists)")
    p.add_argument("--out", default=str(OUT))
    p.add_argument("--show", type=int, default=20, help="print this many of the biggest groups")
    p.set_defaults(func=run_cli)
