"""Readers for the NER corpora in ../shared/data/ner, all mapped to the four CoNLL types.

Each reader yields sentences as ``list[(token, tag)]`` with IOB2 tags over PERS/LOC/ORG/MISC (the
ANERcorp names; the record uses PER). Fine classes are mapped with the tables below:

- ANERcorp: already PERS/LOC/ORG/MISC.
- AQMAR: PER/LOC/ORG and MIS0..MIS3 (plus typos) -> MISC.
- NewsFANE / WikiFANE: 50 fine classes -> coarse (GPE and FAC go to LOC, like ANERcorp).
  NewsFANE is ANERcorp itself, re-tokenized (و split off) and re-annotated: use
  :func:`fane_without` to drop its sentences that are in a held-out ANERcorp part.
- Wojood: 21 types, first (outer) column only; PERS/ORG/GPE/LOC/FAC kept, NORP/OCC/dates/numbers -> O.

Not for: features or training (``features.py``, ``train.py``).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Iterator

from ...arabic.normalize import normalize

Sentence = list[tuple[str, str]]

# WikiFANE/NewsFANE fine class -> coarse type (None = not an entity for CoNLL purposes).
FANE_MAP = {
    # persons
    "Politician": "PERS", "Athlete": "PERS", "Businessman": "PERS", "Artist": "PERS",
    "Scientist": "PERS", "Police": "PERS", "Religious_PER": "PERS", "Engineer": "PERS",
    "Businessperson": "PERS", "Lawyer": "PERS", "Other_PER": "PERS",
    # organisations
    "Government": "ORG", "Commercial": "ORG", "Educational": "ORG", "Media": "ORG",
    "Religious_ORG": "ORG", "Sports": "ORG", "Non-Governmental": "ORG", "Medical-Science": "ORG",
    "Entertainment": "ORG", "Party": "ORG", "Terrorist": "ORG", "Other_ORG": "ORG",
    # places (GPE, LOC, FAC all LOC, as in ANERcorp)
    "Nation": "LOC", "Population-Center": "LOC", "State-or-Province": "LOC", "County-or-District": "LOC",
    "Continent": "LOC", "GPE-Cluster": "LOC", "Special": "LOC", "Celestial": "LOC",
    "Water-Body": "LOC", "Land-Region-Natural": "LOC", "Address": "LOC", "Boundary": "LOC",
    "Building-Grounds": "LOC", "Subarea-Facility": "LOC", "Path": "LOC", "Airport": "LOC",
    "Plant": "LOC", "Region-General": "LOC", "Region-International": "LOC",
    # the rest
    "Sharp": "MISC", "Blunt": "MISC", "Projectile": "MISC", "Exploding": "MISC",
    "Chemical": "MISC", "Nuclear": "MISC", "Biological": "MISC", "Shooting": "MISC",
    "Land": "MISC", "Air": "MISC", "Water": "MISC", "Subarea-Vehicle": "MISC",
    "Food": "MISC", "Drug": "MISC", "Software": "MISC", "Book": "MISC", "Movie": "MISC",
    "Sound": "MISC", "Hardware": "MISC", "Other_PRO": "MISC",
}
WOJOOD_MAP = {"PERS": "PERS", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC",
              "EVENT": "MISC", "PRODUCT": "MISC", "LANGUAGE": "MISC", "LAW": "MISC", "WEBSITE": "MISC"}
_CLEAN = re.compile("[\u200e\u200f\ufeff]")


def read_conll(path: Path, sep: str | None = None) -> Iterator[list[list[str]]]:
    """Sentences of a column file as lists of columns (blank line between sentences)."""
    sent: list[list[str]] = []
    with open(path, encoding="utf-8-sig", errors="replace") as f:
        for line in f:
            line = _CLEAN.sub("", line).rstrip("\r\n")
            cols = line.split(sep) if line.strip() else []
            cols = [c for c in cols if c != ""] if sep is None else cols
            if not cols or not cols[0].strip():
                if sent:
                    yield sent
                sent = []
                continue
            sent.append(cols)
    if sent:
        yield sent


def _iob(tag: str, mapping) -> str:
    if tag in ("O", "") or "-" not in tag:
        return "O"
    bio, _, cls = tag.partition("-")
    bio = bio if bio in ("B", "I") else "B"
    coarse = mapping(cls.strip("-`"))
    return f"{bio}-{coarse}" if coarse else "O"


def repair_iob(tags: list[str]) -> list[str]:
    """I-X after O or after another type becomes B-X (IOB2)."""
    out = []
    for i, t in enumerate(tags):
        if t.startswith("I-") and (i == 0 or out[-1][2:] != t[2:]):
            t = "B-" + t[2:]
        out.append(t)
    return out


def _sentences(rows, mapping, col: int = 1) -> Iterator[Sentence]:
    for sent in rows:
        toks = [r[0] for r in sent]
        tags = repair_iob([_iob(r[col] if len(r) > col else "O", mapping) for r in sent])
        yield list(zip(toks, tags))


def anercorp(path: Path) -> list[Sentence]:
    return list(_sentences(read_conll(path), lambda c: c if c in ("PERS", "LOC", "ORG", "MISC") else None))


def aqmar_map(cls: str) -> str | None:
    if cls in ("PER", "LOC", "ORG"):
        return "PERS" if cls == "PER" else cls
    if cls.startswith("MIS"):
        return "MISC"
    return None


def aqmar(folder: Path, articles: tuple[str, ...] | None = None) -> list[Sentence]:
    out = []
    for p in sorted(folder.glob("*.txt")):
        if p.name == "SOURCE.txt" or (articles is not None and p.stem not in articles):
            continue
        out.extend(_sentences(read_conll(p), aqmar_map))
    return out


def fane(path: Path) -> list[Sentence]:
    return list(_sentences(read_conll(path, "\t"), FANE_MAP.get))


def wojood(path: Path) -> list[Sentence]:
    return list(_sentences(read_conll(path), WOJOOD_MAP.get))


def sentence_key(tokens) -> str:
    """A tokenization-independent key of a sentence (normalized letters only), to find the same
    sentence in ANERcorp and NewsFANE."""
    return re.sub(r"[^\w]|\d|_", "", normalize("".join(tokens)))[:80]


def fane_without(fane_sents: list[Sentence], held_out: list[Sentence]) -> list[Sentence]:
    keys = {sentence_key(t for t, _ in s) for s in held_out}
    return [s for s in fane_sents if sentence_key(t for t, _ in s) not in keys]
