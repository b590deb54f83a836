"""Features of a token for the NER tagger.

Per word type (cached): the normalized form, the clitic-stripped base and its proclitic, affixes,
shape, gazetteer membership (places, countries, person names, titles and organisation heads) of
the word or any of its clitic splits, the class of name head it often follows in the news
(``head_names.tsv``: "نادي الترسانة" -> club), how much its letters read like a name
(:mod:`.namelike`), and its distributional word clusters (``word_clusters.tsv.gz``,
``naba train embeddings``) at three granularities. Per sentence: the same word features of the
neighbours in a window of two, and word bigrams. Features are plain strings (crfsuite binary features).

Not for: deciding spans or types (the CRF does), or training (``train.py``).
"""

from __future__ import annotations

import gzip
from functools import lru_cache
from pathlib import Path

from ...arabic.normalize import normalize
from ...arabic.tokenize import candidates, strip_prefix
from ...entities import gazetteer, lexicon
from . import namelike

_WINDOW = (-2, -1, 1, 2)
CLUSTERS_PATH = Path(__file__).resolve().parent / "word_clusters.tsv.gz"


@lru_cache(maxsize=1)
def clusters() -> dict[str, tuple[str, ...]]:
    """normalized word -> its cluster ids (coarse to fine); empty when the file is missing."""
    out: dict[str, tuple[str, ...]] = {}
    if not CLUSTERS_PATH.is_file():
        return out
    with gzip.open(CLUSTERS_PATH, "rt", encoding="utf-8") as f:
        for line in f:
            if not line.startswith("#"):
                word, *ids = line.rstrip("\n").split("\t")
                out[word] = tuple(ids)
    return out


def _shape(tok: str) -> str:
    if tok.isdigit():
        return "num"
    ch = tok[0]
    if "\u0600" <= ch <= "\u06ff":
        return "ar"
    if ch.isalpha():
        return "lat"
    if ch.isdigit():
        return "numx"
    return "p:" + tok[:1]


def _gaz(norm: str) -> list[str]:
    out = []
    places, persons = gazetteer.place_words(), gazetteer.person_names()
    titles, heads = lexicon.title_words(), lexicon.org_heads()
    for p, rest in candidates(norm):
        tag = "" if not p else "s"
        if rest in places:
            out.append("gP" + tag)
        if rest in persons:
            out.append("gN" + tag)
        if rest in titles:
            out.append("gT" + tag)
        if rest in heads:
            out.append("gO" + tag)
        place = gazetteer.lookup(rest)
        if place is not None and place.kind in gazetteer.TAGGER_KINDS:  # not "أوروبا" of "دوري أبطال أوروبا"
            out.append("gL" + tag)
    return sorted(set(out))


_QUOTES = str.maketrans({c: '"' for c in "“”«»„‟″"})


# ~3.8 KB an entry: 50,000 word types (most running tokens in news) keep a worker under ~200 MB;
# 300,000 took a 2-worker ingest of the whole corpus past 2.6 GB.
@lru_cache(maxsize=50_000)
def word_features(tok: str) -> tuple[tuple[str, ...], dict[int, tuple[str, ...]]]:
    """(features at the word itself, {offset: features it gives its neighbour at that offset})."""
    n = normalize(tok.translate(_QUOTES))
    p, b = strip_prefix(n) if len(n) > 3 else ("", n)
    shape = _shape(tok)
    gaz = _gaz(n) if shape == "ar" else []
    own = [f"w={n}", f"b={b}", f"p={p}", f"sh={shape}", f"s2={n[-2:]}", f"s3={n[-3:]}",
           f"p2={n[:2]}", f"p3={n[:3]}", f"bs2={b[-2:]}", f"bp2={b[:2]}", f"L={min(len(n), 8)}"]
    if b.startswith("ال"):
        own.append("al")
    heads = lexicon.head_names()
    mh = heads.get(n) or heads.get(b) or (heads.get("ال" + b) if p.endswith("ال") else None)
    if mh:
        own.append("mh=" + mh)
    if tok != n:
        own.append("diac" if normalize(tok) == n and len(tok) > len(n) else "raw")
    own.extend(gaz)
    nl = namelike.score(b) if shape == "ar" and len(b) > 2 else None
    if nl is not None:
        own.append(f"nl={nl}")
    cl = clusters()
    ids = cl.get(n) or cl.get(b)
    clf = [f"c{i}={c}" for i, c in enumerate(ids)] if ids else ["c=unk"]
    if b != n and b in cl:
        clf += [f"bc{i}={c}" for i, c in enumerate(cl[b])]
    own.extend(clf)
    win = {}
    for k in _WINDOW:
        f = [f"{k}w={n}", f"{k}b={b}"]
        if abs(k) == 1:
            f += [f"{k}sh={shape}", f"{k}s2={n[-2:]}"] + [f"{k}{g}" for g in gaz]
            f += [f"{k}{c}" for c in clf]
            if mh:
                f.append(f"{k}mh={mh}")
            if nl is not None:
                f.append(f"{k}nl={nl}")
        win[k] = tuple(f)
    return tuple(own), win


def known_spans(norms: list[str], bases: list[str]) -> list[str]:
    """Per token: "" or the BIO label of a known entity phrase over it ("kB-ORG", "kI-LOC")."""
    known = lexicon.known_entities()
    n = len(norms)
    out = [""] * n
    i = 0
    while i < n:
        for m in range(min(_MAX_PHRASE, n - i), 0, -1):
            rest = " ".join(norms[i + 1:i + m])
            typ = None
            for first in (norms[i], bases[i]):
                phrase = f"{first} {rest}" if rest else first
                typ = known.get(phrase)
                if typ:
                    break
            if typ:
                out[i] = "kB-" + typ
                for j in range(i + 1, i + m):
                    out[j] = "kI-" + typ
                i += m - 1
                break
        i += 1
    return out


_MAX_PHRASE = 4


def sentence_topics(norms: list[str], bases: list[str]) -> set[str]:
    """The topics (``ner_topics.tsv``: sport, auto, arts) whose cue words a sentence holds, by
    its words' normalized forms and clitic-free bases. (Counting the cues of the sentences around
    it as well was measured worse: mean 72.4 vs 73.0 over three 10% blocks of ANERcorp train.)"""
    cues = lexicon.topic_words()
    return {cues[w] for pair in zip(norms, bases) for w in pair if w in cues}


def document_features(sentences: list[list[str]], domain: str = "news") -> list[list[list[str]]]:
    """:func:`sentence_features` of the consecutive sentences of one text (what training, the
    entities stage and ``naba eval ner`` feed the CRF)."""
    return [sentence_features(s, domain) for s in sentences]


def topic_features(topics: list[str], own: tuple[str, ...]) -> list[str]:
    """The sentence topics, alone and joined with the word's gazetteer flags, its coarsest cluster
    and its being unknown to the clusters (a linear CRF needs the conjunctions spelled out)."""
    keys = [f for f in own if f.startswith(("g", "c0=", "c=unk", "al"))]
    return [f"T={t}" for t in topics] + [f"T={t}&{k}" for t in topics for k in keys]


def sentence_features(tokens: list[str], domain: str = "news") -> list[list[str]]:
    """Feature lists for one sentence of raw token strings. ``domain`` names the training corpus
    (one feature per token, so that each corpus's label priors and conventions get their own
    weights); tagging always uses "news", the ANERcorp side."""
    cached = [word_features(t) for t in tokens]
    norms = [f[0][0][2:] for f in cached]  # the normalized forms
    bases = [f[0][1][2:] for f in cached]
    known = known_spans(norms, bases)
    n = len(tokens)
    dom = "D=" + domain
    topics = sorted(sentence_topics(norms, bases))
    out = []
    for i in range(n):
        feats = list(cached[i][0])
        if topics:
            feats.extend(topic_features(topics, cached[i][0]))
        if known[i]:
            feats.append(known[i])
            if i + 1 < n and known[i + 1]:
                feats.append("1" + known[i + 1])
        if i > 0 and known[i - 1]:
            feats.append("-1" + known[i - 1])
        for k in _WINDOW:
            j = i + k
            if 0 <= j < n:
                feats.extend(cached[j][1][k])
            elif k in (-1, 1):
                feats.append(f"{k}BOS" if k < 0 else f"{k}EOS")
        if i > 0:
            feats.append("bg-" + norms[i - 1] + "|" + norms[i])
        if i + 1 < n:
            feats.append("bg+" + norms[i] + "|" + norms[i + 1])
        feats.append(dom)
        out.append(feats)
    return out
