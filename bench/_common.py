"""What the bench scripts share: where the repository and ../shared/data are, a seeded sample
of a news corpus, and ``naba.analyze`` run over a sample with its rejections counted.

Importing it puts the repository's ``src`` first on ``sys.path``, so a bench measures the
working tree. Not for: measuring anything; each bench script says what it measures.
"""

from __future__ import annotations

import gzip
import json
import random
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data"
if str(ROOT / "src") not in sys.path:
    sys.path.insert(0, str(ROOT / "src"))


def read_sample(path: Path, n: int, seed: int) -> list[dict]:
    """``n`` news records drawn from a .jsonl or .jsonl.gz file with ``seed`` (all when fewer)."""
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as f:
        lines = f.readlines()
    rng = random.Random(seed)
    return [json.loads(line) for line in rng.sample(lines, min(n, len(lines)))]


@dataclass
class Analyzed:
    """The records of a sample's articles that ``naba.analyze`` accepted, its rejections by error
    class, and the wall seconds it took."""

    records: list = field(default_factory=list)
    errors: Counter = field(default_factory=Counter)
    seconds: float = 0.0

    @property
    def failed(self) -> int:
        return sum(self.errors.values())


def analyze_sample(articles: list[dict], stages: tuple[str, ...]) -> Analyzed:
    """Run ``naba.analyze`` on each article; a named naba error is counted, not raised."""
    import naba
    from naba.errors import NabaError

    out = Analyzed()
    t0 = time.perf_counter()
    for art in articles:
        try:
            out.records.append(naba.analyze(art, stages=stages))
        except NabaError as e:
            out.errors[type(e).__name__] += 1
    out.seconds = time.perf_counter() - t0
    return out
