"""Turn one record (its JSON dict) into what the store writes: a pure, picklable function that
engines run next to the analysis, in the worker, so the single writer only inserts.

What :func:`prepare_article` returns (a plain dict; the Dask engine may write these same keys as
Parquet columns, see :meth:`naba.store.db.Store.load_parquet`):

``hash`` (sha1 hex of the document as received), ``source``, ``doc_id``, ``record`` (the
record's JSON dict), ``raw`` (str or None), ``stages`` (comma-separated), ``fts_norm``,
``fts_base``, ``fts_alt`` (space-separated index terms), ``minhash`` (bytes, uint32 LE).

Not for: analysis (that is :mod:`naba.pipeline`) or SQL (that is :mod:`naba.store.db`).
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from ..arabic.normalize import normalize
from ..arabic.tokenize import TOKEN_RE, candidates, strip_prefix

NUM_PERM = 64
SHINGLE = 3  # words per shingle for near-duplicate detection
MINHASH_SEED = 1
MINHASH_SCHEME = "affine32"  # datasketch >= 2.0: uint32 hash values


def content_hash(data: bytes | str) -> str:
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogatepass")
    return hashlib.sha1(data).hexdigest()


def record_hash(record: dict) -> str:
    """A content hash for a record given without its raw input (id + title + clean text)."""
    return content_hash("record\0" + (record.get("id") or "") + "\0" + (record.get("title") or "")
                        + "\0" + (record.get("text") or ""))


def index_terms(text: str) -> tuple[list[str], list[str], list[str]]:
    """(norm, base, alt) term lists of ``text`` for the FTS index: ``norm`` and ``base`` are
    aligned one per word; ``alt`` holds the other clitic splits (ب ل ك...), deduplicated."""
    norms, bases, alts = [], [], {}
    for m in TOKEN_RE.finditer(text):
        n = normalize(m.group())
        if not n[:1].isalnum():
            continue
        b = strip_prefix(n)[1] if len(n) > 3 and n[0] in "وفبلكا" else n
        norms.append(n)
        bases.append(b)
        if n[0] in "وفبلك" and len(n) > 3:
            for _, rest in candidates(n)[1:]:
                if rest != b:
                    alts[rest] = None
    return norms, bases, list(alts)


def query_terms(word: str) -> list[str]:
    """Every index form a query word may match: its normal form, its clitic-stripped base and
    the other plausible clitic splits (so بالرئيس، للرئيس، ورئيس find الرئيس / رئيس)."""
    n = normalize(word)
    out = {n: None}
    if len(n) > 3 and n[0] in "وفبلكا":
        out[strip_prefix(n)[1]] = None
    if n[:1] in "وفبلك" and len(n) > 3:
        for _, rest in candidates(n)[1:]:
            out[rest] = None
    return [t for t in out if t]


def _permutations(num_perm: int = NUM_PERM, seed: int = MINHASH_SEED) -> "numpy.ndarray":
    from datasketch import MinHash

    return MinHash(num_perm=num_perm, seed=seed, scheme=MINHASH_SCHEME).permutations


_PERMS = None  # the permutations, made once per process


def minhash_signature(bases: list[str], num_perm: int = NUM_PERM) -> bytes:
    """MinHash (datasketch's, same seed and permutations) over word ``SHINGLE``-grams."""
    from datasketch import MinHash

    global _PERMS
    if _PERMS is None:
        _PERMS = _permutations(num_perm)
    if len(bases) >= SHINGLE:
        shingles = {" ".join(bases[i:i + SHINGLE]).encode("utf-8")
                    for i in range(len(bases) - SHINGLE + 1)}
    else:
        shingles = {" ".join(bases).encode("utf-8")}
    mh = MinHash(num_perm=num_perm, seed=MINHASH_SEED, permutations=_PERMS,
                 scheme=MINHASH_SCHEME)
    mh.update_batch(list(shingles))
    return mh.hashvalues.astype("<u4").tobytes()


def prepare_article(record: dict, *, hash: str | None = None, source: str | None = None,
                    raw: str | None = None, stages: tuple[str, ...] | None = None) -> dict[str, Any]:
    title = record.get("title") or ""
    text = record.get("text") or ""
    norms, bases, alts = index_terms(title + "\n" + text)
    return {
        "hash": hash or record_hash(record),
        "source": source,
        "doc_id": record.get("id"),
        "record": record,
        "raw": raw,
        "stages": ",".join(stages) if stages else None,
        "fts_norm": " ".join(norms),
        "fts_base": " ".join(bases),
        "fts_alt": " ".join(alts),
        "minhash": minhash_signature(bases),
    }


def failure_row(*, hash: str, source: str | None, doc_id: str | None, code: str,
                message: str) -> dict[str, Any]:
    return {"hash": hash, "source": source, "doc_id": doc_id, "code": code, "message": message,
            "failure": True}


def dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
