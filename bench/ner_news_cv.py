"""Held-out NER on naba's news gold sets: each set tagged by a model trained without it.

    .venv/bin/python bench/ner_news_cv.py            # all three sets (tests/fixtures/ner_news2018*.conll)
    .venv/bin/python bench/ner_news_cv.py ner_news2018c.conll

``naba train ner`` trains on the three news gold sets (``train.NEWS_GOLD``), so scoring the shipped
model on them is in-sample. For each set asked for, a CRF is trained exactly as the shipped one but
without that set, and the set is scored twice: the tagger alone (as ``naba eval ner``) and the
record's mentions through the entities stage (as ``naba eval ner --stage``). Prints one line a set
and the means. About 90 s a set on one free core; models go to a temporary folder.

Not for: training the shipped model (``naba train ner``) or ANERcorp block CV (``bench/ner_cv.py``).
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

from _common import DEFAULT_DATA


def main() -> None:
    from naba.models.ner import train

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("sets", nargs="*", default=list(train.NEWS_GOLD))
    ap.add_argument("--data", default=str(DEFAULT_DATA))
    args = ap.parse_args()

    from naba.evaluate.ner import evaluate, evaluate_stage, read_gold
    from naba.models.ner import tagger

    sets = train.datasets(Path(args.data))
    res = []
    with tempfile.TemporaryDirectory() as tmp:
        for name in args.sets:
            t0 = time.time()
            parts = {p: sets[p] for p in train.TRAIN_PARTS if p != "news_gold"}
            parts["news_gold"] = train.news_gold(exclude=(name,))
            model = Path(tmp) / f"{name}.crfsuite"
            train.fit(parts, model)
            os.environ["NABA_NER_MODEL"] = str(model)
            tagger.tagger.cache_clear()
            gold = read_gold(train.NEWS_GOLD_DIR / name)
            r, rs = evaluate(gold), evaluate_stage(gold)
            res.append((r["micro_f1"], rs["micro_f1"]))
            per = " ".join(f"{t} {v['f1']:.1f}" for t, v in r["per_type"].items())
            print(f"{name}: tagger {r['micro_f1']:.2f} ({per}), stage {rs['micro_f1']:.2f} {time.time() - t0:.0f}s",
                  flush=True)
    print(f"mean of {len(res)} sets: tagger {sum(a for a, _ in res) / len(res):.2f}, "
          f"stage {sum(b for _, b in res) / len(res):.2f}")


if __name__ == "__main__":
    main()
