"""Load the shipped NER weights and tag token sequences.

:func:`tag` takes raw token strings of one sentence and returns IOB2 tags over PERS/LOC/ORG/MISC
(the ANERcorp names); :func:`tag_document` tags the sentences of one text and makes a name's
tags consistent across it (what the entities stage and ``naba eval ner`` use). The model is
loaded once per process from ``ner.crfsuite`` next to this file (or ``$NABA_NER_MODEL``), with
the word clusters and name n-grams its features use (``word_clusters.tsv.gz``, ``name_grams.tsv.gz``).

Not for: turning tags into record mentions (``naba.stages.entities``).
"""

from __future__ import annotations

import os
from collections import Counter
from functools import lru_cache
from pathlib import Path

from ...entities import lexicon
from ...errors import ModelError
from . import namelike
from .features import clusters, document_features, sentence_features, word_features

MODEL_PATH = Path(__file__).resolve().parent / "ner.crfsuite"


def model_path() -> Path:
    return Path(os.environ.get("NABA_NER_MODEL") or MODEL_PATH)


@lru_cache(maxsize=1)
def tagger():
    import pycrfsuite

    path = model_path()
    if not path.is_file():
        raise ModelError(f"the NER model {path} is missing: run `naba train ner`")
    t = pycrfsuite.Tagger()
    try:
        t.open(str(path))
    except Exception as e:  # crfsuite raises a bare ValueError/IOError
        raise ModelError(f"the NER model {path} cannot be loaded: {e}") from e
    clusters()  # the word clusters and name n-grams the features use: load them with the weights
    namelike.score("")
    return t


def tag(tokens: list[str]) -> list[str]:
    if not tokens:
        return []
    return tagger().tag(sentence_features(tokens))


# An untagged word sequence takes the type of the same words tagged as a name within this many
# sentences (a name the CRF found in one sentence of a match report and missed in the next).
# Measured on three 10% blocks of ANERcorp train: +0.1, +1.5, +2.0 micro F1 (window 20).
CONSISTENCY_WINDOW = 20


def tag_document(sentences: list[list[str]], scores: list | None = None) -> list[list[str]]:
    """IOB2 tags of consecutive sentences of one text: the CRF's tags per sentence, then made
    consistent across the text (:func:`propagate`). A ``scores`` list receives, per sentence, each
    token's probability under the CRF of being part of a name (1 - its marginal of "O")."""
    t = tagger()
    tags = []
    for f in document_features(sentences):
        tags.append(t.tag(f) if f else [])
        if scores is not None:
            scores.append([1.0 - t.marginal("O", i) for i in range(len(f))])
    keys = [[word_features(w)[0][1][2:] for w in s] for s in sentences]  # clitic-free bases
    return propagate(keys, tags)


def propagate(keys: list[list[str]], tags: list[list[str]],
              window: int = CONSISTENCY_WINDOW) -> list[list[str]]:
    """Tag every all-``O`` run of word keys that is a name (same keys, majority type) tagged within
    ``window`` sentences, longest names first; a lone organisation head or title ("هيئة") does not
    spread."""
    generic = lexicon.org_heads() | lexicon.title_words()  # a lone "الهيئة" is no name to spread

    def spreads(ph: list[str]) -> bool:
        lone_head = len(ph) == 1 and (ph[0] in generic or "ال" + ph[0] in generic)
        return sum(map(len, ph)) > 2 and not lone_head

    names = [[(tuple(k[a:b]), ty) for a, b, ty in chunks(t) if spreads(k[a:b])]
             for k, t in zip(keys, tags)]
    near: dict[str, Counter] = {}  # first key -> {(name keys, type): times tagged in the window}

    def count(i: int, d: int) -> None:
        for ph, ty in names[i]:
            c = near.setdefault(ph[0], Counter())
            c[(ph, ty)] += d
            if c[(ph, ty)] <= 0:
                del c[(ph, ty)]

    for i in range(min(window, len(keys))):
        count(i, 1)
    out = []
    for i, (k, t) in enumerate(zip(keys, tags)):
        if i + window < len(keys):
            count(i + window, 1)
        if i - window - 1 >= 0:
            count(i - window - 1, -1)
        t = list(t)
        for a in range(len(k)):
            c = near.get(k[a]) if t[a] == "O" else None
            if not c:
                continue
            types: dict[tuple[str, ...], Counter] = {}
            for (ph, ty), m in c.items():
                types.setdefault(ph, Counter())[ty] += m
            for ph in sorted(types, key=len, reverse=True):
                b = a + len(ph)
                if tuple(k[a:b]) == ph and all(x == "O" for x in t[a:b]):
                    ty = types[ph].most_common(1)[0][0]
                    t[a:b] = ["B-" + ty] + ["I-" + ty] * (len(ph) - 1)
                    break
        out.append(t)
    return out


def chunks(tags: list[str]) -> list[tuple[int, int, str]]:
    """CoNLL chunks ``(start, end, type)`` of an IOB2 (or IOB1) tag sequence, in order: an I- that
    does not continue a chunk of its type opens a new one."""
    out, start, typ = [], None, None
    for i, t in enumerate(list(tags) + ["O"]):
        bio, _, ty = t.partition("-")
        if start is not None and (bio != "I" or ty != typ):
            out.append((start, i, typ))
            start = None
        if bio == "B" or (bio == "I" and start is None):
            start, typ = i, ty
    return out
