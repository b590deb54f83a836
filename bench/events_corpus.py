"""Events over a sample of the news corpus: how many per article, of which types, and a look.

    python bench/events_corpus.py ../shared/data/news/articles.jsonl.gz [--n 1000] [--seed 5]
        [--stages clean,segment,entities,times,statements,events] [--show 30]

Samples ``--n`` articles (seeded), runs the pipeline (all stages by default; the entities stage is
left out when its model cannot load), and prints: events per article, per PLOVER type, the share
with an actor / target / location / time, negated and hedged, the share the event filter marks
``specific`` (ASSAULT, PROTEST), articles per second (noisy on a shared machine); then ``--show``
random events with their sentence for a human look. The last line is one JSON object.

Not for: scores against gold (``naba eval events``); this shows what the corpus gets.
"""

from __future__ import annotations

import argparse
import json
import random
from collections import Counter
from pathlib import Path

from _common import analyze_sample, read_sample

import naba
from naba.errors import NabaError
from naba.pipeline import STAGES


def _stages(arg: str | None) -> tuple[str, ...]:
    if arg:
        return tuple(arg.split(","))
    try:
        naba.analyze("قصفت الطائرات المدينة.", stages=STAGES)
        return STAGES
    except NabaError:
        return tuple(s for s in STAGES if s != "entities")


def _sentence(rec, ev) -> str:
    for s in rec.sentences:
        if s.start <= ev.trigger.start < s.end:
            return rec.text[s.start:s.end]
    return rec.text[max(0, ev.trigger.start - 120):ev.trigger.end + 120]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=5)
    ap.add_argument("--show", type=int, default=30)
    ap.add_argument("--stages", default=None, help="comma-separated stages (default: all)")
    args = ap.parse_args(argv)
    stages = _stages(args.stages)

    articles = read_sample(args.corpus, args.n, args.seed)
    run = analyze_sample(articles, stages)
    found = [(rec, ev) for rec in run.records for ev in rec.events]
    failed, errors, secs = run.failed, run.errors, run.seconds
    done = len(articles) - failed
    n = len(found) or 1
    trained = [ev for _, ev in found if "specific" in ev.attrs]
    stats = {
        "articles": len(articles), "failed": failed, "errors": dict(errors), "events": len(found),
        "per_article": round(len(found) / done, 2) if done else 0.0,
        "articles_with_events": len({id(r) for r, _ in found}),
        "types": dict(Counter(ev.type for _, ev in found).most_common()),
        "per_article_by_type": {t: round(c / done, 3) for t, c in Counter(ev.type for _, ev in found).most_common()} if done else {},
        "share_actor": round(sum(ev.actor is not None for _, ev in found) / n, 3),
        "share_target": round(sum(ev.target is not None for _, ev in found) / n, 3),
        "share_location": round(sum(ev.location is not None for _, ev in found) / n, 3),
        "share_time": round(sum(ev.time is not None for _, ev in found) / n, 3),
        "share_negated": round(sum(ev.negated for _, ev in found) / n, 3),
        "share_hedged": round(sum(ev.hedged for _, ev in found) / n, 3),
        "assault_protest_specific": round(sum(bool(ev.attrs["specific"]) for ev in trained) / len(trained), 3) if trained else None,
        "articles_per_second": round(done / secs, 1) if secs else 0.0,
        "stages": ",".join(stages),
    }
    rng = random.Random(args.seed + 1)
    for i, (rec, ev) in enumerate(rng.sample(found, min(args.show, len(found))), 1):
        def t(span):
            return span.text if span is not None else "-"
        when = rec.times[ev.time].text if ev.time is not None else "-"
        flags = " ".join(f for f, on in (("NEG", ev.negated), ("HEDGED", ev.hedged)) if on)
        print(f"[{i}] {rec.id}  {ev.type} '{ev.trigger.text}' conf={ev.attrs.get('confidence')}"
              f"{' specific=' + str(ev.attrs['specific']) if 'specific' in ev.attrs else ''} {flags}")
        print(f"    actor={t(ev.actor)} [{ev.attrs.get('actor_code', '')}]  target={t(ev.target)}"
              f" [{ev.attrs.get('target_code', '')}]  where={t(ev.location)}  when={when}")
        print(f"    {_sentence(rec, ev).strip()[:400]}")
    print(json.dumps(stats, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
