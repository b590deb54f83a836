"""``naba eval events --data DIR``: sentence-level ASSAULT and PROTEST detection on arabic_event_gsr.

DIR holds ``assault_gsr*.csv`` / ``protest_gsr*.csv`` (accept/reject votes; gold = accept > reject,
ties dropped) and ``*_spans*.json`` (gold source/target actor strings). Sentences are split by a
hash of their id into a tune part (2/3, used to build the lexicon) and a held-out part (1/3);
both are reported. Span match: on gold-positive sentences where naba finds the event, the share
whose event actor (target) shares a word with the gold source (target) string. Each sentence runs
through clean, segment, entities (when its model is available), times and events. Two detectors
are scored: ``lexicon`` (any non-negated event of the type) and ``filter`` (such an event that the
learned event filter marks ``specific``; trained on the tune part only, :mod:`naba.models.events`).
``*_annotator_f1`` is how well one annotator agrees with the majority of the others: the ceiling.
``*_filter_tune`` is the filter on the sentences it was trained on (an in-sample fit, not an
estimate); ``*_filter_tune_cv`` is its 5-fold cross-validated F1 on the tune part, from training.
Last line: one JSON.

Not for: training the filter (:mod:`naba.models.events.train`).
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
from pathlib import Path

from ..arabic.normalize import normalize
from ..arabic.tokenize import strip_prefix
from ..errors import NabaError
from ..pipeline import analyze
from . import print_result

_WORD_RE = re.compile(r"\w+")
STAGES = ("clean", "segment", "entities", "times", "events")


def part(sid: str) -> str:
    return "heldout" if int(hashlib.md5(sid.encode()).hexdigest(), 16) % 3 == 0 else "tune"


def _events(text: str, stages: tuple[str, ...]):
    try:
        return analyze(text, stages=stages).events
    except NabaError:
        return []


def _words(s: str) -> set[str]:
    """The words of ``s``, normalized, a glued proclitic stripped as the search index does
    (:func:`naba.arabic.tokenize.strip_prefix`: والجيش -> جيش, للشرطة -> شرطة, بلد and لبنان
    whole; not a run of و ف ب ل letters, which left بلد as د)."""
    return {strip_prefix(w)[1] for w in _WORD_RE.findall(normalize(s)) if len(w) > 1}


def annotator_f1(rows: list[dict]) -> float:
    """Expected F1 of one annotator against the majority of the others (sentences with 3+ votes,
    ties among the others dropped): how far the gold itself agrees, a ceiling for any detector."""
    tp = fp = fn = 0.0
    for r in rows:
        acc, rej = int(r["accept"]), int(r["reject"])
        if acc + rej < 3:
            continue
        for vote, share in ((1, acc / (acc + rej)), (0, rej / (acc + rej))):
            others_acc, others_rej = acc - vote, rej - (1 - vote)
            if others_acc == others_rej:
                continue
            gold = others_acc > others_rej
            tp += share * (vote and gold)
            fp += share * (vote and not gold)
            fn += share * (not vote and gold)
    p, r = tp / (tp + fp) if tp + fp else 0.0, tp / (tp + fn) if tp + fn else 0.0
    return round(2 * p * r / (p + r), 4) if p + r else 0.0


def _filter_cv(typ: str) -> dict | None:
    """The shipped filter's cross-validated scores on the tune part, as recorded by training."""
    from ..models.events import filter as event_filter
    try:
        report = json.loads(event_filter.MODEL_PATH.read_text(encoding="utf-8"))["models"][typ]["report"]
    except (OSError, ValueError, KeyError):
        return None
    return report.get("cv")


def evaluate(data: str | Path, limit: int | None = None) -> dict:
    data = Path(data)
    stages = STAGES
    try:
        analyze("قصفت الطائرات المدينة.", stages=stages)
    except NabaError:
        stages = tuple(s for s in STAGES if s != "entities")
    spans: dict[tuple[str, str], list[dict]] = {}
    for f in sorted(data.glob("*_spans*.json")):
        for d in json.loads(f.read_text(encoding="utf-8")):
            # keyed by the sentence: 22 protest records share one source id with different
            # sentences; a sentence given twice keeps both records (a match on either counts)
            spans.setdefault((d["event_type"], " ".join(d["text"].split())), []).append(d)
    dup = {t: sum(len(v) - 1 for (tt, _), v in spans.items() if tt == t) for t in ("ASSAULT", "PROTEST")}
    out: dict = {"stages": list(stages), "span_records_duplicated": dup}
    for typ in ("ASSAULT", "PROTEST"):
        files = sorted(data.glob(f"{typ.lower()}_gsr*.csv"))
        rows = [r for f in files for r in csv.DictReader(f.open(encoding="utf-8"))]
        out[f"{typ.lower()}_annotator_f1"] = annotator_f1(rows[:limit])
        counts = {(d, p): [0, 0, 0] for d in ("lexicon", "filter") for p in ("tune", "heldout")}
        act = {p: [0, 0] for p in ("tune", "heldout")}
        tgt = {p: [0, 0] for p in ("tune", "heldout")}
        for r in rows[:limit]:
            acc, rej = int(r["accept"]), int(r["reject"])
            if acc == rej:
                continue
            gold, p = acc > rej, part(r["id"])
            evs = [e for e in _events(r["text"], stages) if e.type == typ and not e.negated]
            for d, pred in (("lexicon", bool(evs)), ("filter", any(e.attrs.get("specific") for e in evs))):
                c = counts[(d, p)]
                c[0] += gold and pred
                c[1] += pred and not gold
                c[2] += gold and not pred
            sp = spans.get((typ, " ".join(r["text"].split()))) or []
            if gold and evs and sp:
                for key, role, acc_ in (("source_gold", "actor", act[p]), ("target_gold", "target", tgt[p])):
                    g = set().union(*(_words(d.get(key) or "") for d in sp))
                    if g:
                        acc_[1] += 1
                        acc_[0] += any(getattr(e, role) and _words(getattr(e, role).text) & g for e in evs)
        for (d, p), (tp, fp, fn) in counts.items():
            prec = tp / (tp + fp) if tp + fp else 0.0
            rec = tp / (tp + fn) if tp + fn else 0.0
            out[f"{typ.lower()}_{d}_{p}"] = {
                "tp": tp, "fp": fp, "fn": fn, "precision": round(prec, 4), "recall": round(rec, 4),
                "f1": round(2 * prec * rec / (prec + rec), 4) if prec + rec else 0.0}
        cv = _filter_cv(typ)
        if cv is not None:
            out[f"{typ.lower()}_filter_tune_cv"] = cv
        for p in ("tune", "heldout"):
            out[f"{typ.lower()}_spans_{p}"] = {
                "n": act[p][1], "n_target": tgt[p][1],
                "actor_match": round(act[p][0] / act[p][1], 4) if act[p][1] else None,
                "target_match": round(tgt[p][0] / tgt[p][1], 4) if tgt[p][1] else None}
    return out


def _cli(args) -> int:
    return print_result(evaluate(args.data, args.limit))


def register(sub) -> None:
    p = sub.add_parser("events", help="ASSAULT/PROTEST detection on arabic_event_gsr")
    p.add_argument("--data", required=True, help="the arabic_event_gsr folder")
    p.add_argument("--limit", type=int, default=None, help="first N sentences of each file")
    p.set_defaults(func=_cli)
