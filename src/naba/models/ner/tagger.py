"""Load the shipped NER weights and tag token sequences.

:func:`tag` takes raw token strings of one sentence and returns IOB2 tags over PERS/LOC/ORG/MISC
(the ANERcorp names). The model is loaded once per process from ``ner.crfsuite`` next to this
file (or ``$NABA_NER_MODEL``), with the word clusters its features use (``word_clusters.tsv.gz``).

Not for: turning tags into record mentions (``naba.stages.entities``).
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from ...errors import ModelError
from .features import clusters, document_features, sentence_features

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
    clusters()  # the word clusters the features use: load them with the weights
    return t


def tag(tokens: list[str]) -> list[str]:
    if not tokens:
        return []
    return tagger().tag(sentence_features(tokens))


def tag_document(sentences: list[list[str]]) -> list[list[str]]:
    """IOB2 tags of consecutive sentences of one text (topic cues are shared between neighbours)."""
    t = tagger()
    return [t.tag(f) if f else [] for f in document_features(sentences)]


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
