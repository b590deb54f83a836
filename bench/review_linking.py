"""Linking review: analyse N news articles and list entity groups a reader might split or merge.

    .venv/bin/python bench/review_linking.py ../shared/data/news/sample.jsonl --docs 200 > linking.txt

Flags, per article: *merge?* two entities of one type that share a name word (ال ignored) and
*split?* one entity whose aliases share no word with its name (a title alias or a wrong join).
The flags are leads for a reader, who decides; the summary line counts them.

Not for: a score (NER F1 is ``naba eval ner``); a reader decides each flag.
"""

from __future__ import annotations

import argparse
import json

from naba.arabic.normalize import normalize
from naba.entities.group import _strip_al


def _words(s: str) -> set[str]:
    return {_strip_al(w) for w in normalize(s).split() if len(w) > 2}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("jsonl")
    ap.add_argument("--docs", type=int, default=200)
    args = ap.parse_args()
    import naba
    from naba.errors import NabaError

    n = merges = splits = groups = 0
    with open(args.jsonl, encoding="utf-8") as f:
        for line in f:
            if n >= args.docs:
                break
            doc = json.loads(line)
            try:
                rec = naba.analyze(doc, stages=("clean", "segment", "entities"))
            except NabaError:
                continue
            n += 1
            groups += len(rec.entities)
            print(f"\n## {doc.get('id')} {doc.get('outlet')}: {rec.title or ''}")
            for e in rec.entities:
                print(f"  {e.type} {e.name} | {' / '.join(e.aliases)} | roles: {'; '.join(e.roles)}")
                if not all(_words(a) & _words(e.name) for a in e.aliases if _words(a)):
                    splits += 1
                    print(f"  !! split? {e.name}: {e.aliases}")
            per = [e for e in rec.entities if e.type in ("PER", "ORG")]
            for i, a in enumerate(per):
                for b in per[i + 1:]:
                    if a.type == b.type and _words(a.name) & _words(b.name):
                        merges += 1
                        print(f"  !! merge? {a.name} <> {b.name}")
    print(json.dumps({"docs": n, "entity_groups": groups, "flagged_split": splits, "flagged_merge": merges}))


if __name__ == "__main__":
    main()
