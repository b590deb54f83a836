"""The event lexicons, read from ``naba/arabic/data/events``: PLOVER triggers (with generated verb
and noun inflections), countries and their nationality adjectives (the table shared with the
statements stage, :mod:`naba.entities.countries`), actor sector words, and the negation / hedge
words. All keys are in the normalized matching form.

Not for: deciding what a match means in context (:mod:`naba.events.extract`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..arabic.normalize import normalize
from ..arabic.resources import read_tsv
from ..entities.countries import country_table

DATA = "naba.arabic.data.events"
PRONOUNS = ("ه", "ها", "هم", "هما", "هن", "نا")


def _n(s: str) -> str:
    return " ".join(normalize(s).split())


@dataclass(frozen=True, slots=True)
class Trigger:
    type: str
    group: str
    kind: str  # v | w | n | a (a noun naming the actor: "المتظاهرون") | p | r  (x, xp, xr: excluded)


def verb_forms(past: str, present: str) -> set[str]:
    """Common inflections of a verb from its past and present stems (subject and object suffixes)."""
    out = {past}
    for suf in ("ت", "وا", "ا", "تا", "ن", "نا", "تم", "و"):
        out.add(past + suf)
    for suf in PRONOUNS + ("وه", "وها", "وهم"):
        out.add(past + suf)
        out.add(past + "ت" + suf)
    base = present[1:]
    for pre in ("ي", "ت", "ن"):
        out.add(pre + base)
        for suf in ("ون", "ان", "ين", "وا", "ن") + PRONOUNS:
            out.add(pre + base + suf)
    return out


def noun_forms(noun: str) -> set[str]:
    out = {noun}
    stem = noun[:-1] + "ت" if noun.endswith("ه") else noun
    for suf in PRONOUNS:  # not "ي": "اجتماعي" is the adjective "social" far more often than "my meeting"
        out.add(stem + suf)
    if noun.endswith("ه"):
        out.add(stem + "ين")
    else:
        out.add(noun + "ا")  # accusative tanween alif ("هجوما")
    return out


@dataclass(frozen=True)
class Lexicon:
    words: dict[str, Trigger]  # single-word trigger forms
    nouns: dict[str, Trigger]  # the noun forms among them (kinds n, a): what a word with the article can be
    phrases: tuple[tuple[re.Pattern, Trigger, str], ...]  # multi-word triggers (regex, trigger, a literal
    # word every match contains, or "" when there is none: lets a text without it skip the regex)
    countries: dict[str, str]  # name or adjective (with/without ال) -> ISO3
    adjectives: frozenset[str]  # the nationality-adjective forms among ``countries``
    country_names: dict[str, str]  # ISO3 -> display name (the first Arabic name)
    agents: dict[str, str]  # sector word -> CAMEO agent code
    modality: dict[str, str]  # word -> negation | denial | hedge
    excluded: frozenset[str] = frozenset()  # words that look like a trigger form but are not ("وزاره")
    excluded_phrases: tuple[re.Pattern, ...] = ()  # phrases whose trigger words are no event ("رفض الكشف عن اسمه")


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    words: dict[str, Trigger] = {}
    nouns: dict[str, Trigger] = {}
    phrases, excluded, excluded_phrases = [], set(), []
    for typ, group, kind, forms in read_tsv(DATA, "triggers.tsv"):
        trig = Trigger(typ, group, kind)
        if kind == "x":
            excluded |= set(_n(forms).split())
        elif kind == "xp":
            for ph in forms.split("|"):  # "*" stands for up to three words
                pat = r"\s+".join(r"(?:\S+\s+){0,2}\S+" if w == "*" else re.escape(w) for w in _n(ph).split())
                excluded_phrases.append(re.compile(rf"(?<!\w)[وف]?{pat}(?!\w)"))
        elif kind == "xr":
            excluded_phrases.append(re.compile(forms))
        elif kind == "p":
            for ph in forms.split("|"):
                pat = r"\s+".join(re.escape(w) for w in _n(ph).split())
                phrases.append((re.compile(rf"(?<!\w)[وفبلك]?(?:ال)?{pat}(?!\w)"), trig, _n(ph).split()[-1]))
        elif kind == "r":
            phrases.append((re.compile(forms), trig, ""))
        elif kind == "v":
            past, present = _n(forms).split()
            for f in verb_forms(past, present):
                words.setdefault(f, trig)
        else:
            for w in _n(forms).split():
                for f in (noun_forms(w) if kind in ("n", "a") else {w}):
                    words.setdefault(f, trig)
                    if kind in ("n", "a"):
                        nouns.setdefault(f, trig)
    countries = country_table()
    agents = {_n(w): code for code, w in read_tsv(DATA, "agents.tsv")}
    modality = {_n(w): role for role, w in read_tsv(DATA, "modality.tsv")}
    return Lexicon(words, nouns, tuple(phrases), countries.forms, countries.adjectives, countries.names,
                   agents, modality, frozenset(excluded), tuple(excluded_phrases))


@lru_cache(maxsize=1)
def cues() -> dict[str, frozenset[str]]:
    """Context word sets by role, from ``cues.tsv`` (normalized)."""
    return {role: frozenset(_n(words).split()) for role, words in read_tsv(DATA, "cues.tsv")}


@lru_cache(maxsize=None)
def cue_pairs(role: str) -> dict[str, frozenset[str]]:
    """A ``lead+word`` role of ``cues.tsv`` as word -> the leads it needs right before it."""
    pairs: dict[str, set[str]] = {}
    for pair in cues()[role]:
        lead, word = pair.split("+")
        pairs.setdefault(word, set()).add(lead)
    return {w: frozenset(leads) for w, leads in pairs.items()}


@lru_cache(maxsize=1)
def clitics() -> tuple[str, ...]:
    """Glued prefixes tried by :func:`strip_variants`, in the order of ``cues.tsv`` (longest first)."""
    row = next(words for role, words in read_tsv(DATA, "cues.tsv") if role == "proclitic")
    return tuple(row.split())


@lru_cache(maxsize=300_000)
def strip_variants(word: str) -> tuple[str, ...]:
    """``word`` and the forms left after removing a glued clitic prefix (longest first)."""
    out = [word]
    for c in clitics():
        if word.startswith(c) and len(word) - len(c) >= 2:
            rest = word[len(c):]
            out.append(rest)
            if c.endswith("لل"):
                out.append("ال" + rest)
    return tuple(out)
