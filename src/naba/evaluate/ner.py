"""``naba eval ner --gold FILE``: CoNLL entity-level scores of the NER tagger.

FILE is ``token TAG`` IOB2 (blank line between sentences; PERS/LOC/ORG/MISC, PER is read as
PERS). The tagger sees the gold tokens, the file's sentences in order as one text
(:func:`naba.models.ner.tagger.tag_document`: topic cues, and a name tagged in one sentence is
tagged where it recurs within 20 sentences, which may cross article boundaries a CoNLL file does
not mark; in ``analyze`` the text is one article). The last printed line is one JSON object with
``micro_f1`` (0-100, exact span and type) and ``per_type``.

``--stage`` scores what a record holds instead: the file's sentences, one a line, go through
``naba analyze``'s clean, segment and entities stages as one text, and each mention is read back
as the tags of the gold tokens it covers (PER as PERS). The stage's span repairs count (a
surname alone, a place grown to "قطاع غزة", an organisation with its head "حركة طالبان" or nisba)
and so does its cleaning: a line the clean stage drops (a repeated one) leaves its tokens
untagged (``unaligned`` counts them).
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from pathlib import Path

from ..models.ner.tagger import chunks

TYPES = ("PERS", "LOC", "ORG", "MISC")


def spans(tags: list[str]) -> set[tuple[int, int, str]]:
    """CoNLL chunks (start, end, type) of an IOB2 (or IOB1) tag sequence."""
    return set(chunks(tags))


def score(gold: list[list[str]], pred: list[list[str]]) -> dict:
    tp: dict[str, int] = {t: 0 for t in TYPES}
    ng, np_ = dict(tp), dict(tp)
    for g, p in zip(gold, pred):
        gs, ps = spans(g), spans(p)
        for s in gs:
            ng[s[2]] = ng.get(s[2], 0) + 1
        for s in ps:
            np_[s[2]] = np_.get(s[2], 0) + 1
        for s in gs & ps:
            tp[s[2]] = tp.get(s[2], 0) + 1

    def prf(t, g, p):
        pr = t / p if p else 0.0
        rc = t / g if g else 0.0
        return {"precision": round(100 * pr, 2), "recall": round(100 * rc, 2),
                "f1": round(200 * pr * rc / (pr + rc), 2) if pr + rc else 0.0, "support": g}

    per_type = {t: prf(tp.get(t, 0), ng.get(t, 0), np_.get(t, 0)) for t in sorted(set(ng) | set(np_))}
    micro = prf(sum(tp.values()), sum(ng.values()), sum(np_.values()))
    return {"micro_f1": micro["f1"], "precision": micro["precision"], "recall": micro["recall"],
            "entities": micro["support"], "per_type": per_type}


_TAG = re.compile(r"^(O|[BIES]-\S+)$")
MAX_BAD_SHARE = 0.1  # a stray tagless line is tolerated (AQMAR has one), a file of them is not IOB


def read_gold(path: Path) -> list[list[tuple[str, str]]]:
    """Raises InputError when the file holds no tokens or is mostly not ``token TAG`` lines."""
    from ..errors import InputError
    from ..models.ner.corpora import read_conll, repair_iob

    sents = list(read_conll(path))
    n = sum(map(len, sents))
    bad = [c for s in sents for c in s if len(c) < 2 or not _TAG.match(c[1])]
    if not n:
        raise InputError(f"gold file {path} has no `token TAG` lines")
    if len(bad) > MAX_BAD_SHARE * n:
        raise InputError(f"gold file {path}: {len(bad)} of {n} lines are not `token TAG` IOB2"
                         f" (first: {' '.join(bad[0])[:60]!r})")
    out = []
    for sent in sents:
        toks = [c[0] for c in sent]
        tags = [(c[1] if len(c) > 1 else "O").replace("-PER", "-PERS").replace("-PERSS", "-PERS")
                for c in sent]
        out.append(list(zip(toks, repair_iob(tags))))
    return out


def evaluate(sentences: list[list[tuple[str, str]]]) -> dict:
    from ..models.ner.tagger import tag_document

    gold = [[t for _, t in s] for s in sentences]
    pred = tag_document([[w for w, _ in s] for s in sentences])  # the file's sentences in order
    result = score(gold, pred)
    result["sentences"] = len(sentences)
    result["tokens"] = sum(map(len, sentences))
    return result


STAGE_TITLE = "-"


def _find_token(text: str, w: str, pos: int) -> int:
    """Where the token ``w`` is in ``text`` from ``pos`` on as a whole word (not "زيارة" inside
    "الزيارة"; a side of a token that is punctuation needs no boundary), or -1."""
    i = text.find(w, pos)
    while i >= 0 and ((w[0].isalnum() and i > 0 and text[i - 1].isalnum())
                      or (w[-1].isalnum() and i + len(w) < len(text) and text[i + len(w)].isalnum())):
        i = text.find(w, i + 1)
    return i


def stage_tags(sentences: list[list[tuple[str, str]]]) -> tuple[list[list[str]], int]:
    """IOB2 tags of the gold tokens from the entities stage's mentions of the sentences' text, and
    the number of tokens not found in the record's text (dropped by the clean stage)."""
    import naba

    # a title of its own, or the clean stage takes a first line without a final stop as the title
    rec = naba.analyze("\n".join(" ".join(w for w, _ in s) for s in sentences), title=STAGE_TITLE,
                       stages=("clean", "segment", "entities"))
    found, pos, unaligned = [], 0, 0  # (start, end, sentence, token) of each token found in order
    for si, sent in enumerate(sentences):
        for ti, (w, _) in enumerate(sent):
            i = _find_token(rec.text, w, pos)
            if i < 0 or i - pos > 50:
                unaligned += 1
                continue
            found.append((i, i + len(w), si, ti))
            pos = i + len(w)
    starts = [f[0] for f in found]
    pred = [["O"] * len(s) for s in sentences]
    for m in rec.mentions:
        k = max(bisect_right(starts, m.start) - 1, 0)
        covered = []
        while k < len(found) and found[k][0] < m.end:
            if found[k][1] > m.start:
                covered.append(found[k])
            k += 1
        si = covered[0][2] if covered else None
        if si is None or any(c[2] != si or pred[si][c[3]] != "O" for c in covered):
            continue
        typ = "PERS" if m.type == "PER" else m.type
        for j, c in enumerate(covered):
            pred[si][c[3]] = ("B-" if j == 0 else "I-") + typ
    return pred, unaligned


def evaluate_stage(sentences: list[list[tuple[str, str]]]) -> dict:
    pred, unaligned = stage_tags(sentences)
    result = score([[t for _, t in s] for s in sentences], pred)
    result.update(sentences=len(sentences), tokens=sum(map(len, sentences)), unaligned=unaligned)
    return result


def run_cli(args) -> int:
    result = (evaluate_stage if args.stage else evaluate)(read_gold(Path(args.gold)))
    for t, r in result["per_type"].items():
        print(f"{t:5} P {r['precision']:6.2f} R {r['recall']:6.2f} F1 {r['f1']:6.2f} ({r['support']})")
    print(json.dumps(result, ensure_ascii=False))
    return 0


def register(sub) -> None:
    p = sub.add_parser("ner", help="CoNLL F1 of the NER tagger on a `token TAG` IOB2 file")
    p.add_argument("--gold", required=True, help="IOB2 file, PERS/LOC/ORG/MISC")
    p.add_argument("--stage", action="store_true",
                   help="score the entities stage's mentions of the text (what a record holds), not the tagger")
    p.set_defaults(func=run_cli)
