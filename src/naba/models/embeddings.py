"""``naba train embeddings``: distributional word clusters from the news corpus, for the NER tagger.

Word vectors are a truncated SVD of the positive PMI matrix of word/context counts (window of
two, context distribution smoothed with 0.75; Levy, Goldberg & Dagan 2015), over the normalized
words of the ANT news articles (Apache-2.0) in ``../shared/data/news/articles.jsonl.gz``. The
vectors are then clustered with k-means at several granularities (64/256/1024 by default) and
only the cluster ids are shipped: ``ner/word_clusters.tsv.gz``, one line per normalized word
(the most frequent ``--vocab`` words): ``word<TAB>c64<TAB>c256<TAB>c1024``.

The CRF uses the cluster ids of a word and of its neighbours as features (:mod:`.ner.features`),
which lets it generalise from names seen in training to names of the same distributional kind.

Not for: runtime lookups (:func:`.ner.features.clusters` reads the file).
"""

from __future__ import annotations

import gzip
import json
import sys
import time
from collections import Counter
from pathlib import Path

CLUSTERS_PATH = Path(__file__).resolve().parent / "ner" / "word_clusters.tsv.gz"
SOURCES = ("ant_multisource", "ant_jawharafm")
WINDOW = 2


def news_words(path: Path, sources=SOURCES, limit: int | None = None):
    """Per article, its normalized word tokens (title and text), in order."""
    from ..arabic.tokenize import TOKEN_RE, _word_forms

    with gzip.open(path, "rt", encoding="utf-8") as f:
        for i, line in enumerate(f):
            if limit is not None and i >= limit:
                break
            d = json.loads(line)
            if d.get("source") not in sources:
                continue
            text = (d.get("title") or "") + "\n" + (d.get("text") or "")
            yield [_word_forms(m.group())[0] for m in TOKEN_RE.finditer(text)]


def ppmi_vectors(docs: list[list[str]], vocab: int, contexts: int, dim: int, *, window: int = WINDOW,
                 mincount: int = 5, seed: int = 7):
    """(words, unit-length vectors) of the ``vocab`` most frequent words (that occur ``mincount``+
    times), from contexts within ``window`` words."""
    import numpy as np
    from scipy import sparse

    counts = Counter(w for d in docs for w in d)
    words = [w for w, c in counts.most_common(vocab) if c >= mincount]
    index = {w: i for i, w in enumerate(words)}
    ids = np.fromiter((index.get(w, -1) for d in docs for w in d + [""] * window), dtype=np.int32)
    rows, cols = [], []
    for k in range(1, window + 1):
        a, b = ids[:-k], ids[k:]
        for t, c in ((a, b), (b, a)):
            keep = (t >= 0) & (c >= 0) & (c < contexts)
            rows.append(t[keep])
            cols.append(c[keep])
    r, c = np.concatenate(rows), np.concatenate(cols)
    m = sparse.coo_matrix((np.ones(len(r), dtype=np.float32), (r, c)),
                          shape=(len(words), min(contexts, len(words)))).tocsr()
    m.sum_duplicates()
    total = m.sum()
    row = np.asarray(m.sum(axis=1)).ravel()
    col = np.asarray(m.sum(axis=0)).ravel() ** 0.75
    col /= col.sum()
    coo = m.tocoo()
    pmi = np.log(coo.data / total / (row[coo.row] / total) / col[coo.col])
    keep = pmi > 0
    x = sparse.csr_matrix((pmi[keep].astype(np.float32), (coo.row[keep], coo.col[keep])), shape=m.shape)
    # randomized SVD (Halko et al.): two power iterations are plenty for clustering
    rng = np.random.default_rng(seed)
    q = x @ rng.standard_normal((x.shape[1], dim + 20)).astype(np.float32)
    for _ in range(2):
        q, _r = np.linalg.qr(q)
        q = x @ (x.T @ q)
    q, _r = np.linalg.qr(q)
    u, s, _vt = np.linalg.svd((x.T @ q).T, full_matrices=False)
    vec = (q @ u[:, :dim]) * np.sqrt(s[:dim])
    vec /= np.linalg.norm(vec, axis=1, keepdims=True) + 1e-9
    return words, vec.astype(np.float32)


def kmeans(vec, k: int, iterations: int = 15, seed: int = 7):
    """Cluster ids of unit vectors (spherical k-means, Lloyd iterations, chunked)."""
    import numpy as np

    rng = np.random.default_rng(seed)
    cent = vec[rng.choice(len(vec), k, replace=False)].copy()
    assign = np.zeros(len(vec), dtype=np.int32)
    for _ in range(iterations):
        for a in range(0, len(vec), 20_000):
            assign[a:a + 20_000] = np.argmax(vec[a:a + 20_000] @ cent.T, axis=1)
        sums = np.zeros_like(cent)
        np.add.at(sums, assign, vec)
        empty = np.bincount(assign, minlength=k) == 0
        sums[empty] = vec[rng.choice(len(vec), int(empty.sum()), replace=False)]
        cent = sums / (np.linalg.norm(sums, axis=1, keepdims=True) + 1e-9)
    return assign


def train(news: Path, out: Path = CLUSTERS_PATH, *, vocab: int = 100_000, contexts: int = 20_000,
          dim: int = 100, ks: tuple[int, ...] = (64, 256, 1024), window: int = WINDOW, mincount: int = 5,
          sources: tuple[str, ...] = SOURCES, log=print) -> dict:
    t0 = time.time()
    docs = list(news_words(news, sources))
    log(f"{len(docs)} articles, {sum(map(len, docs))} tokens ({time.time() - t0:.0f}s)")
    words, vec = ppmi_vectors(docs, vocab, contexts, dim, window=window, mincount=mincount)
    log(f"{len(words)} word vectors ({time.time() - t0:.0f}s)")
    assigns = [kmeans(vec, k) for k in ks]
    log(f"k-means {ks} ({time.time() - t0:.0f}s)")
    out.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(out, "wt", encoding="utf-8", compresslevel=9) as f:
        f.write("# Derived by naba.models.embeddings (`naba train embeddings`) from the ANT news articles\n"
                "# (Apache-2.0) in ../shared/data/news: k-means clusters of PPMI-SVD word vectors.\n"
                f"# word\t{chr(9).join(f'c{k}' for k in ks)}\n")
        for i, w in enumerate(words):
            f.write(w + "\t" + "\t".join(str(a[i]) for a in assigns) + "\n")
    return {"words": len(words), "ks": list(ks), "bytes": out.stat().st_size}


def run_cli(args) -> int:
    news = Path(args.data) / "news" / "articles.jsonl.gz"
    if not news.is_file():
        print(f"no {news}", file=sys.stderr)
        return 2
    res = train(news, Path(args.out), vocab=args.vocab, dim=args.dim,
                ks=tuple(int(k) for k in args.ks.split(",")), window=args.window, mincount=args.mincount, sources=tuple(args.sources.split(",")))
    print(json.dumps(res))
    return 0


def register(sub) -> None:
    p = sub.add_parser("embeddings", help="word clusters (PPMI-SVD + k-means) from the ANT news, for NER")
    p.add_argument("--data", default="../shared/data", help="the shared data folder")
    p.add_argument("--out", default=str(CLUSTERS_PATH))
    p.add_argument("--vocab", type=int, default=100_000)
    p.add_argument("--dim", type=int, default=100)
    p.add_argument("--ks", default="64,256,1024")
    p.add_argument("--window", type=int, default=WINDOW)
    p.add_argument("--mincount", type=int, default=5)
    p.add_argument("--sources", default=",".join(SOURCES), help="news sources (the ANT ones are Apache-2.0)")
    p.set_defaults(func=run_cli)
