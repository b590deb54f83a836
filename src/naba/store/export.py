"""Export the store, one file per table (record kind), as JSONL, CSV or Parquet (pyarrow),
streamed in batches so memory stays flat however large the corpus.

Tables: articles (metadata and clean text; ``record`` JSON with ``with_record=True``), entities,
aliases, roles, mentions, statements, events, times, clusters, failures. Spans are flattened to
``<name>_start``/``<name>_end``/``<name>_text`` and offsets point into the article's ``text``.

Not for: the Parquet lake of a dask run (:mod:`naba.engines.shards`) or importing.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Iterator

from .db import _unz

TABLES = ("articles", "entities", "aliases", "roles", "mentions", "statements", "events", "times",
          "clusters", "failures")
FORMATS = ("jsonl", "csv", "parquet")


def _columns(conn, table: str) -> list[tuple[str, str]]:
    return [(r[1], (r[2] or "").upper()) for r in conn.execute(f"PRAGMA table_info({table})")]


def _batches(conn, table: str, cols: list[str], with_record: bool,
             size: int = 2000) -> Iterator[list[dict]]:
    if table == "articles":  # metadata joined with the clean text (and the record)
        select = ", ".join(f"a.{c}" for c in cols if c != "text") + ", t.text"
        select += ", t.record" if with_record else ""
        sql = (f"SELECT {select} FROM articles a JOIN article_texts t ON t.article_id = a.id"
               " ORDER BY a.id")
        names = [c for c in cols if c != "text"] + ["text"]
    else:
        sql, names = f"SELECT {', '.join(cols)} FROM {table}", cols
    cur = conn.execute(sql)
    while True:
        rows = cur.fetchmany(size)
        if not rows:
            return
        out = []
        for r in rows:
            d = dict(zip(names, r))
            if with_record:
                rec = json.loads(_unz(r[-1]))
                rec["text"] = d.get("text")
                d["record"] = json.dumps(rec, ensure_ascii=False)
            out.append(d)
        yield out


def _arrow_type(decl: str):
    import pyarrow as pa

    if "INT" in decl:
        return pa.int64()
    if "REAL" in decl or "FLOA" in decl or "DOUB" in decl:
        return pa.float64()
    if "BLOB" in decl:
        return pa.binary()
    return pa.string()


def export(store, out: str | Path, format: str = "jsonl", *, tables: list[str] | None = None,
           with_record: bool = False) -> dict[str, int]:
    """Write ``out/<table>.<format>`` for each table; returns rows written per table."""
    if format not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}")
    bad = [t for t in tables or () if t not in TABLES]
    if bad:
        raise ValueError(f"unknown table(s) {', '.join(bad)}; tables are {', '.join(TABLES)}")
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    counts = {}
    for table in tables or TABLES:
        decl = _columns(store.conn, table)
        if table == "articles":
            decl.append(("text", "TEXT"))
        cols = [c for c, _ in decl]
        rec = with_record and table == "articles"
        if rec:
            decl.append(("record", "TEXT"))
        path = out / f"{table}.{format}"
        n = 0
        batches = _batches(store.conn, table, cols, rec)
        if format == "jsonl":
            with open(path, "w", encoding="utf-8") as f:
                for batch in batches:
                    f.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in batch)
                    n += len(batch)
        elif format == "csv":
            with open(path, "w", encoding="utf-8", newline="") as f:
                w = csv.DictWriter(f, fieldnames=[c for c, _ in decl])
                w.writeheader()
                for batch in batches:
                    w.writerows(batch)
                    n += len(batch)
        else:
            import pyarrow as pa
            import pyarrow.parquet as pq

            schema = pa.schema([(c, _arrow_type(t)) for c, t in decl])
            with pq.ParquetWriter(path, schema, compression="zstd") as w:
                for batch in batches:
                    w.write_table(pa.Table.from_pylist(batch, schema=schema))
                    n += len(batch)
                if n == 0:
                    w.write_table(schema.empty_table())
        counts[table] = n
    return counts
