"""Speed of the entities stage inside analyze: model load time, tokens/s on one core, RSS.

    .venv/bin/python bench/bench_ner.py ../shared/data/news/sample.jsonl --docs 300

Runs clean+segment once per document (not timed), then times the entities stage alone and the
whole pipeline, and prints one JSON line.
"""

from __future__ import annotations

import argparse
import json
import resource
import time


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("jsonl")
    ap.add_argument("--docs", type=int, default=300)
    args = ap.parse_args()

    from naba.errors import NabaError
    from naba.inputs.loader import load
    from naba.models.ner import features, tagger
    from naba.pipeline import run_stages
    from naba.stages import entities

    t0 = time.perf_counter()
    tagger.tagger()
    features.clusters()
    from naba.entities import gazetteer, lexicon
    gazetteer.places(), lexicon.known_entities()
    load_s = time.perf_counter() - t0

    records = []
    with open(args.jsonl, encoding="utf-8") as f:
        for line in f:
            if len(records) >= args.docs:
                break
            try:
                records.append(run_stages(load(line), ("clean", "segment")))
            except NabaError:
                continue
    n_tok = sum(len(r.tokens) for r in records)
    t0 = time.perf_counter()
    for r in records:
        entities.run(r)
    dt = time.perf_counter() - t0
    print(json.dumps({"docs": len(records), "tokens": n_tok, "entities_s": round(dt, 2),
                      "tokens_per_s": round(n_tok / dt), "model_load_s": round(load_s, 2),
                      "mentions": sum(len(r.mentions) for r in records),
                      "rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}))


if __name__ == "__main__":
    main()
