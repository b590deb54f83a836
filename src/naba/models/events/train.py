"""``naba train events``: train the event filter (:mod:`.filter`) on arabic_event_gsr dev.

Data: ``assault_gsr*.csv`` / ``protest_gsr*.csv`` (gold = accept > reject votes, ties dropped).
Only the tune part (:func:`naba.evaluate.events.part`: 2/3 of the sentences by a hash of their id)
is trained on; the held-out third is scored once at the end and never used for a choice.
Each lexicon trigger of the file's type is one instance labelled with its sentence's gold (a
sentence is positive when its best trigger scores over the threshold). The L2 strength and the
threshold are chosen by 5-fold cross-validation on the tune part (folds by sentence). The ``*``
model (other PLOVER types) is trained on both files with the type-independent features only.
Prints CV, tune and held-out sentence-level P/R/F1, and writes the weights (rounded, small).

Not for: applying the filter (:mod:`.filter`) or scoring it alone (``naba eval events``).
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import numpy as np

from ...evaluate.events import part
from .features import generic, trigger_features, words_with_offsets
from .filter import MODEL_PATH

TYPES = ("ASSAULT", "PROTEST")
L2S = (0.3, 1.0, 3.0, 10.0)
FOLDS = 5
MIN_COUNT = 2
SOFT = False  # train on the share of accept votes (the votes are noisy: 2-1 and 1-2 sentences often read alike)


def sentences(data: Path, typ: str) -> list[dict]:
    rows = [r for f in sorted(data.glob(f"{typ.lower()}_gsr*.csv")) for r in csv.DictReader(f.open(encoding="utf-8"))]
    out = []
    for r in rows:
        acc, rej = int(r["accept"]), int(r["reject"])
        if acc != rej:
            out.append({"id": r["id"], "text": r["text"], "gold": acc > rej, "part": part(r["id"]),
                        "soft": acc / (acc + rej)})
    return out


def instances(sent: dict, typ: str) -> list[list[str]]:
    """Feature lists of the sentence's triggers of type ``typ``."""
    from ...events import find_triggers
    text = sent["text"]
    trigs = [(t, a, b) for t, a, b in find_triggers(text) if t.type == typ]
    words = words_with_offsets(text)
    return [trigger_features(text, a, b, t.group, t.kind, words) for t, a, b in trigs]


class LogReg:
    """L2 logistic regression on sparse binary features (numpy only, full-batch Adam)."""

    def __init__(self, l2: float, iters: int = 300, lr: float = 0.1):
        self.l2, self.iters, self.lr = l2, iters, lr
        self.vocab: dict[str, int] = {}
        self.w = np.zeros(0)

    def _matrix(self, X: list[list[str]], grow: bool = False):
        rows, cols = [], []
        for i, feats in enumerate(X):
            for f in set(feats):
                j = self.vocab.get(f)
                if j is not None:
                    rows.append(i)
                    cols.append(j)
        return np.array(rows, dtype=np.int64), np.array(cols, dtype=np.int64)

    def fit(self, X: list[list[str]], y: list[int]) -> "LogReg":
        counts: dict[str, int] = {}
        for feats in X:
            for f in set(feats):
                counts[f] = counts.get(f, 0) + 1
        self.vocab = {f: i for i, f in enumerate(sorted(f for f, c in counts.items() if c >= MIN_COUNT or f == "bias"))}
        rows, cols = self._matrix(X)
        n, d = len(X), len(self.vocab)
        yv = np.array(y, dtype=float)
        w, m, v = np.zeros(d), np.zeros(d), np.zeros(d)
        reg = np.full(d, self.l2 / max(n, 1))
        if "bias" in self.vocab:
            reg[self.vocab["bias"]] = 0.0
        for t in range(1, self.iters + 1):
            z = np.bincount(rows, weights=w[cols], minlength=n)
            p = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))
            g = np.bincount(cols, weights=(p - yv)[rows], minlength=d) / n + reg * w
            m = 0.9 * m + 0.1 * g
            v = 0.999 * v + 0.001 * g * g
            w -= self.lr * (m / (1 - 0.9 ** t)) / (np.sqrt(v / (1 - 0.999 ** t)) + 1e-8)
        self.w = w
        return self

    def predict(self, X: list[list[str]]) -> np.ndarray:
        rows, cols = self._matrix(X)
        z = np.bincount(rows, weights=self.w[cols], minlength=len(X))
        return 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))

    def weights(self, digits: int = 2) -> dict[str, float]:
        out = {}
        for f, j in self.vocab.items():
            x = round(float(self.w[j]), digits)
            if abs(x) >= 10 ** -digits * 5:
                out[f] = x
        return out


def _flat(sents: list[dict], feats: list[list[list[str]]], view=None):
    X, y, owner = [], [], []
    for k, (s, fs) in enumerate(zip(sents, feats)):
        for f in fs:
            X.append(view(f) if view else f)
            y.append(s["soft"] if SOFT else int(s["gold"]))
            owner.append(k)
    return X, y, owner


def sentence_scores(model: LogReg, sents, feats, view=None) -> np.ndarray:
    X, _, owner = _flat(sents, feats, view)
    best = np.zeros(len(sents))
    if X:
        p = model.predict(X)
        np.maximum.at(best, np.array(owner), p)
    return best


def prf(gold: list[bool], score: np.ndarray, threshold: float) -> dict:
    pred = score >= threshold
    g = np.array(gold, dtype=bool)
    tp, fp, fn = int((pred & g).sum()), int((pred & ~g).sum()), int((~pred & g).sum())
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": round(p, 4), "recall": round(r, 4),
            "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0}


def best_threshold(gold, score) -> float:
    """The threshold with the best F1 averaged over its neighbours (±0.05): the F1 curve of a few
    hundred sentences is flat and jagged, and its single best point moves with every small change."""
    grid = np.arange(0.05, 0.951, 0.025)
    f1 = np.array([prf(gold, score, t)["f1"] for t in grid])
    smooth = np.convolve(np.pad(f1, 2, mode="edge"), np.ones(5) / 5, mode="valid")
    return float(grid[int(np.argmax(smooth))])


def cross_validate(sents, feats, l2: float, view=None) -> np.ndarray:
    """Out-of-fold sentence scores (fold = index mod FOLDS, after a fixed shuffle)."""
    order = np.random.default_rng(0).permutation(len(sents))
    fold = np.empty(len(sents), dtype=int)
    fold[order] = np.arange(len(sents)) % FOLDS
    out = np.zeros(len(sents))
    for k in range(FOLDS):
        tr = [i for i in range(len(sents)) if fold[i] != k]
        te = [i for i in range(len(sents)) if fold[i] == k]
        X, y, _ = _flat([sents[i] for i in tr], [feats[i] for i in tr], view)
        m = LogReg(l2).fit(X, y)
        out[te] = sentence_scores(m, [sents[i] for i in te], [feats[i] for i in te], view)
    return out


def train_one(name: str, sents: list[dict], feats: list, view=None, log=print) -> dict:
    tune = [i for i, s in enumerate(sents) if s["part"] == "tune"]
    held = [i for i, s in enumerate(sents) if s["part"] == "heldout"]
    ts, tf = [sents[i] for i in tune], [feats[i] for i in tune]
    hs, hf = [sents[i] for i in held], [feats[i] for i in held]
    tgold = [s["gold"] for s in ts]
    best = None
    for l2 in L2S:
        oof = cross_validate(ts, tf, l2, view)
        th = best_threshold(tgold, oof)
        r = prf(tgold, oof, th)
        log(f"{name} cv l2={l2}: threshold {th:.3f} {r}")
        if best is None or r["f1"] > best[2]["f1"]:
            best = (l2, th, r)
    l2, th, cv = best
    X, y, _ = _flat(ts, tf, view)
    model = LogReg(l2).fit(X, y)
    report = {"l2": l2, "threshold": round(th, 3), "cv": cv,
              "tune": prf(tgold, sentence_scores(model, ts, tf, view), th),
              "heldout": prf([s["gold"] for s in hs], sentence_scores(model, hs, hf, view), th)}
    log(f"{name}: {json.dumps(report)}")
    return {"threshold": round(th, 3), "l2": l2, "weights": model.weights(), "report": report}


def train(data: Path, out: Path = MODEL_PATH, log=print) -> dict:
    models, pooled_s, pooled_f = {}, [], []
    for typ in TYPES:
        sents = sentences(data, typ)
        feats = [instances(s, typ) for s in sents]
        models[typ] = train_one(typ, sents, feats, log=log)
        pooled_s += sents
        pooled_f += feats
    models["*"] = train_one("* (type-independent)", pooled_s, pooled_f, view=generic, log=log)
    payload = {"version": 1, "source": "arabic_event_gsr dev, tune part (naba train events)",
               "models": {t: {"threshold": m["threshold"], "l2": m["l2"], "report": m["report"],
                              "weights": m["weights"]} for t, m in models.items()}}
    out.write_text(json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n",
                   encoding="utf-8")
    log(f"wrote {out} ({out.stat().st_size // 1024} KB)")
    return payload


def run_cli(args) -> int:
    data = Path(args.data)
    if not data.is_dir():
        print(f"no such folder: {data}", file=sys.stderr)
        return 2
    train(data, Path(args.out))
    from .filter import load
    load.cache_clear()
    return 0


def register(sub) -> None:
    p = sub.add_parser("events", help="train the event filter on arabic_event_gsr dev (tune part)")
    p.add_argument("--data", default="../shared/data/events/arabic_event_gsr", help="the arabic_event_gsr folder")
    p.add_argument("--out", default=str(MODEL_PATH), help="where to write the weights")
    p.set_defaults(func=run_cli)
