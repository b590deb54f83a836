"""Block cross-validation of the NER recipe on ANERcorp train: how far the dev split's number generalizes.

    .venv/bin/python bench/ner_cv.py                  # blocks 5 7 9 (9 is the dev split)
    .venv/bin/python bench/ner_cv.py 0 1 2 3 4 5 6 8  # any of the ten blocks

ANERcorp train is cut into ten consecutive blocks of sentences; for each block asked for, a CRF is
trained exactly as ``naba train ner`` trains the shipped one (same parts, features and parameters) on
the other nine blocks plus AQMAR and Wojood train, and the block is tagged as ``naba eval ner`` tags a
file. Each block prints its micro F1 and per-type F1, then the mean. About 80 s a block on one free
core; models go to a temporary folder. Block 9 reproduces the shipped model's dev score.

The gazetteers, head names and name n-grams are used as they are in the package (``naba train ner``
rebuilds them first; run it once if they are stale).

Not for: training the shipped model (``naba train ner``) or scoring a gold file (``naba eval ner``).
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

from _common import DEFAULT_DATA


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("blocks", nargs="*", type=int, default=[5, 7, 9])
    ap.add_argument("--data", default=str(DEFAULT_DATA))
    args = ap.parse_args()

    from naba.evaluate.ner import evaluate
    from naba.models.ner import corpora, tagger, train

    data = Path(args.data)
    sents = corpora.anercorp(data / "ner" / "anercorp" / "train.txt")
    sets = train.datasets(data)
    n, res = len(sents), {}
    with tempfile.TemporaryDirectory() as tmp:
        for k in args.blocks:
            t0 = time.time()
            a, b = n * k // 10, n * (k + 1) // 10
            parts = {"anercorp_train": sents[:a] + sents[b:],
                     **{p: sets[p] for p in train.TRAIN_PARTS if p != "anercorp_train"}}
            model = Path(tmp) / f"block{k}.crfsuite"
            train.fit(parts, model)
            os.environ["NABA_NER_MODEL"] = str(model)
            tagger.tagger.cache_clear()
            r = evaluate(sents[a:b])
            res[k] = r["micro_f1"]
            per = " ".join(f"{t} {v['f1']:.1f}" for t, v in r["per_type"].items())
            print(f"block {k}: micro F1 {r['micro_f1']:.2f} ({per}) {time.time() - t0:.0f}s", flush=True)
    print(f"mean of {len(res)} blocks: {sum(res.values()) / len(res):.2f}")


if __name__ == "__main__":
    main()
