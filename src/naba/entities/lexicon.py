"""Hand-written entity word lists (``data/titles.txt``, ``data/org_heads.txt``,
``data/title_aliases.tsv``), normalized on load."""

from __future__ import annotations

from functools import lru_cache

from ..arabic.normalize import normalize
from ..arabic.resources import read_lines, read_tsv

PKG = "naba.entities.data"


@lru_cache(maxsize=1)
def title_words() -> frozenset[str]:
    return frozenset(normalize(w) for w in read_lines(PKG, "titles.txt"))


@lru_cache(maxsize=1)
def party_heads() -> frozenset[str]:
    """normalized heads of a party or movement's name (``name_heads.tsv`` class "party": حزب، حركة ...)."""
    return frozenset(normalize(h) for h, cls in read_tsv(PKG, "name_heads.tsv") if cls == "party")


@lru_cache(maxsize=1)
def org_heads() -> frozenset[str]:
    return frozenset(normalize(w) for w in read_lines(PKG, "org_heads.txt"))


@lru_cache(maxsize=1)
def title_aliases() -> dict[str, tuple[str, str]]:
    """normalized title phrase -> (person's canonical name, country code)."""
    return {normalize(t): (p, cc) for t, p, cc in read_tsv(PKG, "title_aliases.tsv")}


@lru_cache(maxsize=1)
def known_entities() -> dict[str, str]:
    """normalized entity phrase -> type (PERS/LOC/ORG/MISC): WikiFANE's gold phrases seen twice or
    more, and the hand-written news list (which wins)."""
    out = {}
    for phrase, typ, n in read_tsv(PKG, "known_entities.tsv"):
        if int(n) >= 2:
            out[phrase] = typ
    out.update(news_entities())
    return out


@lru_cache(maxsize=1)
def news_entities() -> dict[str, str]:
    """normalized name -> type of the hand-written list of well-known organisations in Arabic news
    (``news_entities.tsv``)."""
    return {normalize(name): "PERS" if typ == "PER" else typ for name, typ in read_tsv(PKG, "news_entities.tsv")}


@lru_cache(maxsize=1)
def topic_words() -> dict[str, str]:
    """normalized cue word -> topic (sport/auto/arts) for the NER tagger's sentence topic feature."""
    return {normalize(w): t for w, t in read_tsv(PKG, "ner_topics.tsv")}


@lru_cache(maxsize=1)
def head_names() -> dict[str, str]:
    """normalized word -> class (club, company, party, media, org, work, product) of the name heads
    it often follows in the news corpus (``head_names.tsv``, built by ``naba train ner``)."""
    return {w: cls for w, cls, *_ in read_tsv(PKG, "head_names.tsv")}
