"""``naba eval statements --gold FILE``: statements against a gold file in the dev set's format.

The gold file is JSON lines, one article each: ``text``, ``title``, ``outlet``, ``published`` and
``statements`` (speaker, speaker_canonical, cue, content, kind, medium, certainty, with
``*_occurrence`` where a string repeats; see ../shared/data/attribution/GUIDELINES.md).

A predicted statement matches a gold one when their contents overlap by at least half of the
shorter one (one-to-one, best overlap first, a shared cue breaking ties). Reported: precision,
recall and F1 of statements; on matched pairs, speaker accuracy (the canonical names agree: one's
words contain the other's, after normalization), certainty, kind, cue and medium accuracy.
``--split even|odd`` keeps every other article, to tune on one half and report on the other.
The last line printed is one JSON object with the totals.

Not for: finding statements (:mod:`naba.statements`); this only scores them.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from ..errors import NabaError
from ..statements.speakers import content_words
from . import print_result

MIN_OVERLAP = 0.5


def register(sub) -> None:
    p = sub.add_parser("statements", help="statements (who said what) against a gold JSONL file")
    p.add_argument("--gold", required=True, help="gold JSONL file (the dev set's format)")
    p.add_argument("--split", choices=("all", "even", "odd"), default="all",
                   help="every other article: even = 0,2,4... odd = 1,3,5...")
    p.add_argument("--stages", default=None,
                   help="comma-separated stages to run (default: the whole pipeline)")
    p.add_argument("--verbose", action="store_true", help="print each missed and spurious statement")
    p.set_defaults(func=_main)


def _main(args) -> int:
    stages = tuple(args.stages.split(",")) if args.stages else None
    result = evaluate_file(Path(args.gold), split=args.split, stages=stages, verbose=args.verbose)
    return print_result(result)


def _find(text: str, s: str, occurrence: int | None, near: int | None = None) -> int:
    """Offset of ``s`` in ``text``: its ``occurrence``-th place, or the one nearest ``near``."""
    hits, i = [], text.find(s)
    while i >= 0:
        hits.append(i)
        i = text.find(s, i + 1)
    if not hits:
        return -1
    if occurrence:
        return hits[min(occurrence, len(hits)) - 1]
    if near is not None:
        return min(hits, key=lambda h: abs(h - near))
    return hits[0]


def gold_spans(article: dict) -> list[dict]:
    text, out = article["text"], []
    for g in article["statements"]:
        c = _find(text, g["content"], g.get("content_occurrence"))
        k = _find(text, g["cue"], g.get("cue_occurrence"), near=c)
        out.append({**g, "content_span": (c, c + len(g["content"])), "cue_span": (k, k + len(g["cue"]))})
    return out


def _find_spaced(text: str, s: str) -> tuple[int, int]:
    """(start, end) of ``s`` in ``text`` with any run of spaces in it matching any run there
    (the clean stage folds "  " to " "); (-1, -1) when it is not there."""
    words = s.split()
    if not words:
        return -1, -1
    m = re.search(r"\s+".join(map(re.escape, words)), text)
    return (m.start(), m.end()) if m else (-1, -1)


def _spaces_folded(text: str) -> str:
    """``text`` with every whitespace character but a newline or carriage return a plain space
    (same length): the clean stage turns a no-break space into a space, and the gold text keeps it."""
    return "".join(" " if ch.isspace() and ch not in "\n\r" else ch for ch in text)


def _offset_map(record, text: str):
    """A function from offsets in ``record.text`` to offsets in the gold ``text`` (the clean
    stage may drop or move text; each paragraph is found again in the original)."""
    shifts, pos = [], 0
    for p in record.paragraphs:
        i = text.find(p.text, pos)
        if i < 0:
            i = text.find(p.text)
        if i >= 0:
            shifts.append((p.start, p.end, i - p.start))
            pos = i + len(p.text)

    def to_gold(x: int) -> int:
        for a, b, d in shifts:
            if a <= x <= b:
                return x + d
        return -1
    return to_gold


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = min(a[1], b[1]) - max(a[0], b[0])
    shorter = min(a[1] - a[0], b[1] - b[0])
    return inter / shorter if inter > 0 and shorter > 0 else 0.0


def same_speaker(pred: str | None, gold: str | None) -> bool:
    if not pred or not gold:
        return False
    p, g = set(content_words(pred)), set(content_words(gold))
    return bool(p and g) and (p <= g or g <= p)


def match(gold: list[dict], pred: list[dict]) -> list[tuple[int, int]]:
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            ov = _overlap(g["content_span"], p["content_span"])
            if ov >= MIN_OVERLAP:
                bonus = 0.5 if _overlap(g["cue_span"], p["cue_span"]) > 0 else 0.0
                pairs.append((ov + bonus, gi, pi))
    used_g, used_p, out = set(), set(), []
    for _, gi, pi in sorted(pairs, reverse=True):
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            out.append((gi, pi))
    return out


def evaluate_article(article: dict, stages=None) -> dict:
    import naba
    from ..pipeline import STAGES

    record = naba.analyze(article["text"], stages=stages or STAGES, id=article.get("id"),
                          title=article.get("title"), outlet=article.get("outlet"),
                          published=article.get("published"))
    folded = _spaces_folded(article["text"])
    to_gold = _offset_map(record, folded)
    pred = []
    for st in record.statements:
        c0, k0 = to_gold(st.content.start), to_gold(st.cue.start)
        content, cue = _spaces_folded(st.content.text), _spaces_folded(st.cue.text)
        c1 = c0 + len(content)
        if folded[c0:c1] != content:  # the clean stage moved it
            c0 = _find(folded, content, None, near=c0)
            c1 = c0 + len(content)
            if c0 < 0:  # or folded a run of spaces in it ("المتردي \xa0لن")
                c0, c1 = _find_spaced(folded, content)
            k0 = _find(folded, cue, None, near=c0)
        pred.append({"content_span": (c0, c1), "cue_span": (k0, k0 + len(st.cue.text)),
                     "speaker_name": st.speaker_name, "speaker": st.speaker.text if st.speaker else None,
                     "certainty": st.certainty, "kind": st.kind, "cue": st.cue.text,
                     "content": st.content.text, "medium": st.medium.text if st.medium else None})
    gold = gold_spans(article)
    pairs = match(gold, pred)
    counts = {"gold": len(gold), "pred": len(pred), "matched": len(pairs), "speaker": 0,
              "certainty": 0, "kind": 0, "cue": 0, "medium": 0}
    for gi, pi in pairs:
        g, p = gold[gi], pred[pi]
        counts["speaker"] += same_speaker(p["speaker_name"], g["speaker_canonical"])
        counts["certainty"] += p["certainty"] == g["certainty"]
        counts["kind"] += p["kind"] == g["kind"]
        counts["cue"] += _overlap(g["cue_span"], p["cue_span"]) > 0
        gm, pm = g.get("medium"), p["medium"]
        counts["medium"] += (gm is None and pm is None) or bool(gm and pm and (gm in pm or pm in gm))
    matched_g = {gi for gi, _ in pairs}
    matched_p = {pi for _, pi in pairs}
    return {"counts": counts,
            "missed": [gold[i] for i in range(len(gold)) if i not in matched_g],
            "spurious": [pred[i] for i in range(len(pred)) if i not in matched_p],
            "wrong_speaker": [(gold[gi]["speaker_canonical"], pred[pi]["speaker_name"]) for gi, pi in pairs
                              if not same_speaker(pred[pi]["speaker_name"], gold[gi]["speaker_canonical"])]}


def evaluate_file(path: Path, split: str = "all", stages=None, verbose: bool = False) -> dict:
    articles = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    if split != "all":
        articles = articles[(0 if split == "even" else 1)::2]
    total = {"gold": 0, "pred": 0, "matched": 0, "speaker": 0, "certainty": 0, "kind": 0, "cue": 0, "medium": 0}
    failed = 0
    for art in articles:
        try:
            res = evaluate_article(art, stages)
        except NabaError as e:
            failed += 1
            print(f"{art.get('id')}: failed: {e}", file=sys.stderr)
            continue
        c = res["counts"]
        for k in total:
            total[k] += c[k]
        print(f"{art.get('id')}: gold {c['gold']} pred {c['pred']} matched {c['matched']} speaker {c['speaker']}")
        if verbose:
            for g in res["missed"]:
                print(f"  MISSED  [{g['cue']}] {g['speaker_canonical']}: {g['content'][:90]}")
            for p in res["spurious"]:
                print(f"  EXTRA   [{p['cue']}] {p['speaker_name']}: {p['content'][:90]}")
            for g, p in res["wrong_speaker"]:
                print(f"  SPEAKER gold {g!r} pred {p!r}")
    m = total["matched"]
    prec = m / total["pred"] if total["pred"] else 0.0
    rec = m / total["gold"] if total["gold"] else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    ratio = (lambda k: round(total[k] / m, 4) if m else 0.0)
    return {"articles": len(articles), "failed": failed, "gold": total["gold"], "pred": total["pred"],
            "matched": m, "precision": round(prec, 4), "recall": round(rec, 4), "f1": round(f1, 4),
            "speaker_accuracy": ratio("speaker"), "certainty_accuracy": ratio("certainty"),
            "kind_accuracy": ratio("kind"), "cue_accuracy": ratio("cue"), "medium_accuracy": ratio("medium"),
            "f1_with_speaker": round(2 * (total["speaker"] / total["pred"]) * (total["speaker"] / total["gold"])
                                     / ((total["speaker"] / total["pred"]) + (total["speaker"] / total["gold"])), 4)
            if total["speaker"] else 0.0}
