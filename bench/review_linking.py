"""Linking review: analyse N news articles and list entity groups a reader might split or merge.

    .venv/bin/python bench/review_linking.py ../shared/data/news/sample.jsonl --docs 200 --seed 3 > linking.txt

The N articles are drawn from the file with a fixed ``--seed`` (``--seed -1``: the first N lines).
Flags, per article: *merge?* two entities of one type that share a name word (ال ignored),
*split?* one entity whose aliases share no word with its name (a title alias or a wrong join), and
*types?* one normalized name given two types in the article. Each place shows its gazetteer link
(id, English name, country) for a reader to check. ``--track`` names words whose entities are listed
across the articles at the end (id, canonical name, count): one canonical entity should have one id.

Not for: a score (NER F1 is ``naba eval ner``); a reader decides each flag.
"""

from __future__ import annotations

import argparse
import json
import random
from collections import Counter, defaultdict

from naba.arabic.normalize import normalize
from naba.entities.group import _strip_al

TRACK = ("ترامب", "بوتين", "السعودية", "الأمم المتحدة", "واشنطن", "عمان", "إسرائيل", "الأسد")


def _words(s: str) -> set[str]:
    return {_strip_al(w) for w in normalize(s).split() if len(w) > 2}


def _docs(path: str, n: int, seed: int) -> list[str]:
    with open(path, encoding="utf-8") as f:
        lines = f.readlines()
    if seed < 0:
        return lines[:n]
    idx = sorted(random.Random(seed).sample(range(len(lines)), min(n, len(lines))))
    return [lines[i] for i in idx]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("jsonl")
    ap.add_argument("--docs", type=int, default=200)
    ap.add_argument("--seed", type=int, default=3)
    ap.add_argument("--track", nargs="*", default=list(TRACK))
    args = ap.parse_args()
    import naba
    from naba.errors import NabaError

    n = merges = splits = groups = type_conflicts = places = 0
    tracked: dict[str, Counter] = defaultdict(Counter)
    for line in _docs(args.jsonl, args.docs, args.seed):
        doc = json.loads(line)
        try:
            rec = naba.analyze(doc, stages=("clean", "segment", "entities"))
        except NabaError:
            continue
        n += 1
        groups += len(rec.entities)
        print(f"\n## {doc.get('id')} {doc.get('outlet')}: {rec.title or ''}")
        for e in rec.entities:
            link = ""
            if e.attrs.get("gazetteer"):
                places += 1
                link = f" -> {e.attrs['gazetteer']} {e.attrs.get('name_en')} {e.attrs.get('country')}"
            print(f"  {e.type} {e.name} | {' / '.join(e.aliases)} | roles: {'; '.join(e.roles)}{link}")
            if not all(_words(a) & _words(e.name) for a in e.aliases if _words(a)):
                splits += 1
                print(f"  !! split? {e.name}: {e.aliases}")
            for w in args.track:
                if any(normalize(w) in normalize(a) for a in e.aliases):
                    tracked[w][(e.id, e.type, e.name)] += 1
        per = [e for e in rec.entities if e.type in ("PER", "ORG")]
        for i, a in enumerate(per):
            for b in per[i + 1:]:
                if a.type == b.type and _words(a.name) & _words(b.name):
                    merges += 1
                    print(f"  !! merge? {a.name} <> {b.name}")
        typed: dict[str, set[str]] = defaultdict(set)
        for m in rec.mentions:
            typed[" ".join(_strip_al(w) for w in normalize(m.text).split())].add(m.type)
        for name, types in typed.items():
            if len(types) > 1:
                type_conflicts += 1
                print(f"  !! types? {name}: {sorted(types)}")
    print("\n## tracked entities across articles (id, type, canonical name: articles)")
    for w, c in tracked.items():
        print(f"  {w}: " + "; ".join(f"{i} {t} {nm}: {k}" for (i, t, nm), k in c.most_common()))
    print(json.dumps({"docs": n, "entity_groups": groups, "places_linked": places, "flagged_split": splits,
                      "flagged_merge": merges, "type_conflicts": type_conflicts}))


if __name__ == "__main__":
    main()
