"""Features of one event trigger in its sentence, for the event filter (:mod:`.filter`).

A trigger found by the lexicon is a candidate; whether the sentence reports a real, specific event
of that type depends on the words around it (who is the subject, casualties, a place and a day),
on modality (negation, future, condition, a question) and on the topic of the sentence (sport
"احتجاج اللاعبين", economy "ضربة قوية"). The features are strings; lexical ones use a light stem.
The window words and the sentence's words also give their distributional word cluster (the finest
level of the NER word clusters, :func:`naba.models.ner.features.clusters`, 1,024 clusters of the news
corpus): a few hundred training sentences see few of the words, the clusters let the filter
generalise to words of the same kind (5-fold CV F1 on the tune part, ASSAULT 0.78 -> 0.81 over three
fold seeds; PROTEST unchanged within noise).

Not for: finding the triggers (:func:`naba.events.find_triggers`).
"""

from __future__ import annotations

import re

from ...arabic.normalize import normalize
from ...events.lexicon import cues

_WORD_RE = re.compile(r"\w+")
_PREFIXES = ("وبال", "فبال", "وال", "فال", "بال", "كال", "لل", "ال", "وب", "ول", "وس", "و", "ف", "ب", "ل")
WINDOW = 4
CLUSTER_LEVEL = 2  # index into the cluster ids (64 / 256 / 1024 clusters): the finest


def stem(word: str) -> str:
    """A light stem: the normalized word without a glued conjunction, preposition or article."""
    for p in _PREFIXES:
        if word.startswith(p) and len(word) - len(p) >= 3:
            return word[len(p):]
    return word


def words_with_offsets(text: str) -> list[tuple[str, int, int]]:
    norm = normalize(text)
    if len(norm) != len(text):  # normalize removed characters (diacritics): map back word by word
        out = []
        for m in _WORD_RE.finditer(text):
            w = normalize(m.group())
            if w:
                out.append((w, m.start(), m.end()))
        return out
    return [(m.group(), m.start(), m.end()) for m in _WORD_RE.finditer(norm)]


def trigger_features(sentence: str, start: int, end: int, group: str, kind: str,
                     words: list | None = None) -> list[str]:
    """Features of the trigger at ``sentence[start:end]`` (offsets inside ``sentence``). Counts of
    triggers, sentence length and position are left out on purpose: in arabic_event_gsr they reflect
    how the sentences were sampled, not whether an event happened."""
    words = words if words is not None else words_with_offsets(sentence)
    idx = [i for i, (_, a, b) in enumerate(words) if a < end and start < b]
    if not idx:
        return ["bias"]
    i0, i1 = idx[0], idx[-1]
    toks = [w for w, _, _ in words]
    stems = [stem(w) for w in toks]
    head = toks[i0]
    f = ["bias", f"g={group}", f"k={kind}", f"w={stems[i0]}", f"wg={group}|{kind}|{'def' if 'ال' in head[:4] else 'ndef'}"]
    if kind in ("v", "w") and (head[:1] in ("ي", "ت", "ن") or head.startswith(("وي", "وت", "في", "فت"))):
        f.append("present")
    if head.startswith(("سي", "ست", "وسي", "وست")):
        f.append("future")
    for d in range(1, WINDOW + 1):
        if i0 - d >= 0:
            f.append(f"L{min(d, 3)}={stems[i0 - d]}")
        if i1 + d < len(toks):
            f.append(f"R{min(d, 3)}={stems[i1 + d]}")
    cue = cues()
    left = set(toks[max(0, i0 - 3):i0])
    before = set(toks[max(0, i0 - 12):i0])
    if left & cue["filter_negation"]:
        f.append("neg")
    if left & cue["filter_future"]:
        f.append("modal")
    if before & cue["filter_condition"]:
        f.append("cond")
    if before & cue["filter_plan"] or set(toks[i1 + 1:i1 + 3]) & cue["filter_plan"]:
        f.append("plan")
    if before & cue["filter_speech"]:
        f.append("speech")
    sent_words = set(toks)
    if sent_words & cue["filter_time"]:
        f.append("time")
    if any(w.isdigit() for w in toks):
        f.append("num")
    if "؟" in sentence or "?" in sentence:
        f.append("question")
    if "«" in sentence[:start] and "»" in sentence[end:]:
        f.append("quoted")
    f.extend(f"s={s}" for s in set(stems) if len(s) >= 3)
    f.extend(_cluster_features(toks, i0, i1))
    return f


def _cluster_features(toks: list[str], i0: int, i1: int) -> list[str]:
    from ..ner.features import clusters  # the shipped NER word clusters (empty when the file is missing)
    cl = clusters()
    out = []
    for d in range(1, WINDOW + 1):
        for j, side in ((i0 - d, "L"), (i1 + d, "R")):
            c = cl.get(toks[j]) if 0 <= j < len(toks) else None
            if c:
                out.append(f"c{side}{min(d, 3)}={c[CLUSTER_LEVEL]}")
    out.extend(f"cs={c[CLUSTER_LEVEL]}" for c in {cl.get(t) for t in toks} if c)
    return out


GENERIC = ("bias", "k=", "present", "future", "neg", "modal", "cond", "plan", "speech", "time", "num",
           "question", "quoted", "wg=")


def generic(features: list[str]) -> list[str]:
    """The type-independent features (modality, tense, time, numbers), for the types
    the filter has no training data for; ``wg=`` keeps only its kind and definiteness."""
    out = []
    for x in features:
        if x.startswith("wg="):
            out.append("wg=" + x.split("|", 1)[1])
        elif x.startswith(GENERIC):
            out.append(x)
    return out
