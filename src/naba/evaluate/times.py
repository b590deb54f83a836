"""``naba eval times --gold FILE``: time expressions against an annotated JSONL file.

The gold file is ../shared/data/attribution/dev.jsonl style: one article a line with ``text``,
``published`` and ``times`` (``text``, ``value``, ``kind``, optional 1-based ``occurrence``). The
extractor runs on the gold ``text`` with the gold ``published`` date, so the numbers measure the
times stage alone. A predicted expression matches a gold one when their spans overlap (``exact``
counts identical spans). Prints the misses, then one JSON object as the last line: detection
precision/recall/F1, value accuracy over matched expressions, and kind accuracy.

Not for: finding or resolving times (:mod:`naba.times`); this only scores them.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..times import extract
from . import print_result


def _gold_span(text: str, t: dict) -> tuple[int, int] | None:
    k, pos = t.get("occurrence", 1), -1
    for _ in range(k):
        pos = text.find(t["text"], pos + 1)
        if pos < 0:
            return None
    return pos, pos + len(t["text"])


def evaluate(path: str | Path, verbose: bool = False) -> dict:
    tp = fp = fn = exact = value_ok = kind_ok = 0
    misses = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        doc = json.loads(line)
        text = doc["text"]
        pred = extract(text, doc.get("published"))
        used = set()
        for t in doc.get("times", []):
            span = _gold_span(text, t)
            if span is None:
                continue
            hit = next((i for i, p in enumerate(pred)
                        if i not in used and p.start < span[1] and span[0] < p.end), None)
            if hit is None:
                fn += 1
                misses.append(("missed", doc["id"], t["text"], t["value"], None))
                continue
            used.add(hit)
            tp += 1
            p = pred[hit]
            exact += (p.start, p.end) == span
            value_ok += p.value == t["value"]
            kind_ok += p.kind == t["kind"]
            if p.value != t["value"]:
                misses.append(("value", doc["id"], t["text"], t["value"], f"{p.text} -> {p.value}"))
        for i, p in enumerate(pred):
            if i not in used:
                fp += 1
                misses.append(("extra", doc["id"], p.text, None, p.value))
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return {"gold": tp + fn, "predicted": tp + fp, "matched": tp,
            "precision": round(prec, 4), "recall": round(rec, 4), "f1": round(f1, 4),
            "exact_span": round(exact / tp, 4) if tp else 0.0,
            "value_accuracy": round(value_ok / tp, 4) if tp else 0.0,
            "kind_accuracy": round(kind_ok / tp, 4) if tp else 0.0,
            "misses": misses}


def _cli(args) -> int:
    res = evaluate(args.gold)
    for m in res.pop("misses"):
        print("\t".join("" if x is None else str(x) for x in m))
    return print_result(res)


def register(sub) -> None:
    p = sub.add_parser("times", help="time expressions against a gold JSONL (attribution/dev.jsonl)")
    p.add_argument("--gold", required=True, help="JSONL with text, published and times")
    p.set_defaults(func=_cli)
