"""Statements over a sample of the news corpus: how many, how many with a speaker, and a look.

    python bench/statements_corpus.py ../shared/data/news/articles.jsonl.gz [--n 1000] [--seed 4]
        [--stages clean,segment,entities,times,statements] [--show 30]

Samples ``--n`` articles (seeded), runs the pipeline up to the statements stage, and prints:
statements per article, the share with a speaker span, with a resolved speaker name, and with a
linked entity (needs the entities stage), kinds and certainties, articles per second (noisy on a
shared machine), then ``--show`` random statements with their speaker, cue, medium and content
for a human look. The last line is one JSON object with the numbers.

Not for: scores against gold (``naba eval statements``); this shows what the corpus gets.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from pathlib import Path

from _common import analyze_sample, read_sample

from naba.pipeline import STAGES


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=4)
    ap.add_argument("--show", type=int, default=30)
    ap.add_argument("--stages", default=None, help="comma-separated stages (default: up to statements)")
    args = ap.parse_args(argv)
    stages = tuple(args.stages.split(",")) if args.stages else STAGES[:STAGES.index("statements") + 1]

    articles = read_sample(args.corpus, args.n, args.seed)
    run = analyze_sample(articles, stages)
    found = [(rec, st) for rec in run.records for st in rec.statements]
    failed, errors, secs = run.failed, run.errors, run.seconds
    done = len(articles) - failed
    n = len(found) or 1
    stats = {
        "articles": len(articles), "failed": failed, "errors": dict(errors), "statements": len(found),
        "per_article": round(len(found) / done, 2) if done else 0.0,
        "articles_with_statements": len({id(r) for r, _ in found}),
        "share_speaker_span": round(sum(st.speaker is not None for _, st in found) / n, 3),
        "share_speaker_name": round(sum(bool(st.speaker_name) for _, st in found) / n, 3),
        "share_linked_entity": round(sum(st.speaker_entity is not None for _, st in found) / n, 3),
        "share_medium": round(sum(st.medium is not None for _, st in found) / n, 3),
        "kinds": dict(Counter(st.kind for _, st in found)),
        "certainty": dict(Counter(st.certainty for _, st in found)),
        "articles_per_second": round(done / secs, 1) if secs else 0.0,
        "stages": ",".join(stages),
    }
    rng = random.Random(args.seed + 1)
    for i, (rec, st) in enumerate(rng.sample(found, min(args.show, len(found))), 1):
        print(f"[{i}] {rec.id}  {st.kind}/{st.certainty}  cue={st.cue.text}  lemma={st.cue.attrs.get('lemma')}")
        print(f"    speaker: {st.speaker.text if st.speaker else None}  ->  {st.speaker_name}"
              f"{'  [' + st.speaker_entity + ']' if st.speaker_entity else ''}")
        if st.medium:
            print(f"    medium:  {st.medium.text}")
        print(f"    content: {st.content.text[:220]}")
    print(json.dumps(stats, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
