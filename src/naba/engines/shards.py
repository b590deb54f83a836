"""The Parquet shard layout the dask engine writes (a small data lake), and reading it back.

One shard holds the results of one partition of the input, as one Parquet file per table::

    LAKE/
      shards/<pid>/articles.parquet     one row per analysed document (the record JSON, raw input)
                   mentions.parquet     one row per record item, spans flattened to
                   entities.parquet       <name>_start / <name>_end / <name>_text, as in the store
                   statements.parquet
                   events.parquet
                   times.parquet
                   failures.parquet     documents that could not be analysed (code, message)
                   _SUCCESS             the completion marker (JSON: counts, source range)
      _tmp/                             shards being written; never read, swept at run start

A shard is written under ``_tmp/`` and appears under ``shards/`` by one atomic directory rename,
its marker already inside: a reader sees a whole shard or nothing, and a shard whose writer died
is simply absent (redone by the next run). Every row carries ``hash`` (sha1 of the document as
received, the store's idempotency key) and ``doc_id``, so tables join on ``hash``.

Spark, DuckDB or pandas read a table with a glob, e.g. DuckDB
``SELECT * FROM read_parquet('LAKE/shards/*/articles.parquet')``. This module is the layout and
its readers; it does not know about Dask (see :mod:`naba.engines.dask_engine`) or SQLite.
"""

from __future__ import annotations

import json
import os
import shutil
import uuid
from pathlib import Path
from typing import Any, Iterable, Iterator

MARKER = "_SUCCESS"
SHARDS_DIR = "shards"
TMP_DIR = "_tmp"
LAYOUT_VERSION = 1

_SPAN = ("start", "end", "text")


def _span_cols(name: str) -> list[tuple[str, str]]:
    return [(f"{name}_start", "int64"), (f"{name}_end", "int64"), (f"{name}_text", "string")]


_KEY = [("hash", "string"), ("doc_id", "string")]

# table -> [(column, arrow type name)]; "list" is list<string>
COLUMNS: dict[str, list[tuple[str, str]]] = {
    "articles": _KEY + [
        ("source", "string"), ("url", "string"), ("outlet", "string"), ("title", "string"),
        ("published", "string"), ("author", "string"), ("text", "string"), ("raw", "string"),
        ("source_format", "string"), ("n_chars", "int64"), ("n_sentences", "int64"),
        ("record", "string"), ("stages", "string"),
        ("fts_norm", "string"), ("fts_base", "string"), ("fts_alt", "string"), ("minhash", "binary"),
    ],
    "mentions": _KEY + [("idx", "int64"), ("start", "int64"), ("end", "int64"), ("text", "string"),
                        ("type", "string"), ("entity", "string"), ("attrs", "string")],
    "entities": _KEY + [("idx", "int64"), ("entity", "string"), ("type", "string"),
                        ("name", "string"), ("aliases", "list"), ("roles", "list"),
                        ("attrs", "string")],
    "statements": _KEY + [("idx", "int64")] + _span_cols("speaker") + [
        ("speaker_entity", "string"), ("speaker_name", "string")] + _span_cols("cue") + [
        ("lemma", "string")] + _span_cols("content") + [("kind", "string")] + _span_cols(
        "medium") + [("certainty", "string"), ("attrs", "string")],
    "events": _KEY + [("idx", "int64"), ("type", "string")] + _span_cols("trigger")
    + _span_cols("actor") + [("actor_entity", "string")]
    + _span_cols("target") + [("target_entity", "string")]
    + _span_cols("location") + [("location_entity", "string")]
    + [("time_idx", "int64"), ("time_value", "string"), ("negated", "bool"), ("hedged", "bool"),
       ("attrs", "string")],
    "times": _KEY + [("idx", "int64"), ("start", "int64"), ("end", "int64"), ("text", "string"),
                     ("value", "string"), ("kind", "string"), ("attrs", "string")],
    "failures": _KEY + [("source", "string"), ("code", "string"), ("message", "string")],
}
TABLES = tuple(COLUMNS)


def schema(table: str):
    import pyarrow as pa

    types = {"string": pa.string(), "int64": pa.int64(), "bool": pa.bool_(), "binary": pa.binary(),
             "list": pa.list_(pa.string())}
    return pa.schema([(name, types[t]) for name, t in COLUMNS[table]])


# -- record -> rows ------------------------------------------------------------------------------

def _attrs(d: dict, known: Iterable[str]) -> str | None:
    extra = {k: v for k, v in d.items() if k not in known}
    return json.dumps(extra, ensure_ascii=False, sort_keys=True) if extra else None


def _flat(row: dict, name: str, span: dict | None) -> None:
    span = span or {}
    for part in _SPAN:
        row[f"{name}_{part}"] = span.get(part)


def record_rows(prepared: dict, source_format: str | None = None) -> dict[str, list[dict]]:
    """The rows of every table for one analysed record. ``prepared`` is what
    :func:`naba.store.prepare.prepare_article` returns (the record's dict under ``record``, the
    store's index terms and MinHash signature beside it)."""
    rec = prepared["record"]
    hash, source, raw = prepared["hash"], prepared.get("source"), prepared.get("raw")
    key = {"hash": hash, "doc_id": rec.get("id")}
    rows: dict[str, list[dict]] = {t: [] for t in TABLES}
    rows["articles"].append({
        **key, "source": source, "url": rec.get("url"), "outlet": rec.get("outlet"),
        "title": rec.get("title"), "published": rec.get("published"), "author": rec.get("author"),
        "text": rec.get("text", ""), "raw": raw, "source_format": source_format,
        "n_chars": len(rec.get("text", "")), "n_sentences": len(rec.get("sentences", [])),
        "record": json.dumps(rec, ensure_ascii=False),
        **{k: prepared.get(k) for k in ("stages", "fts_norm", "fts_base", "fts_alt", "minhash")},
    })
    for i, m in enumerate(rec.get("mentions", [])):
        rows["mentions"].append({**key, "idx": i, **{k: m.get(k) for k in _SPAN},
                                 "type": m.get("type"), "entity": m.get("entity"),
                                 "attrs": _attrs(m, (*_SPAN, "type", "entity"))})
    for i, e in enumerate(rec.get("entities", [])):
        rows["entities"].append({**key, "idx": i, "entity": e.get("id"), "type": e.get("type"),
                                 "name": e.get("name"), "aliases": list(e.get("aliases", [])),
                                 "roles": list(e.get("roles", [])),
                                 "attrs": _attrs(e, ("id", "type", "name", "aliases", "roles"))})
    for i, s in enumerate(rec.get("statements", [])):
        row = {**key, "idx": i}
        for name in ("speaker", "cue", "content", "medium"):
            _flat(row, name, s.get(name))
        row.update(speaker_entity=s.get("speaker_entity"), speaker_name=s.get("speaker_name"),
                   lemma=(s.get("cue") or {}).get("lemma"), kind=s.get("kind"),
                   certainty=s.get("certainty"),
                   attrs=_attrs(s, ("speaker", "speaker_entity", "speaker_name", "cue", "content",
                                    "kind", "medium", "certainty")))
        rows["statements"].append(row)
    times = rec.get("times", [])
    for i, ev in enumerate(rec.get("events", [])):
        row = {**key, "idx": i, "type": ev.get("type")}
        for name in ("trigger", "actor", "target", "location"):
            _flat(row, name, ev.get(name))
            if name != "trigger":
                row[f"{name}_entity"] = (ev.get(name) or {}).get("entity")
        t = ev.get("time")
        row.update(time_idx=t, time_value=times[t].get("value") if isinstance(t, int)
                   and 0 <= t < len(times) else None,
                   negated=bool(ev.get("negated")), hedged=bool(ev.get("hedged")),
                   attrs=_attrs(ev, ("type", "trigger", "actor", "target", "location", "time",
                                     "negated", "hedged")))
        rows["events"].append(row)
    for i, t in enumerate(times):
        rows["times"].append({**key, "idx": i, **{k: t.get(k) for k in _SPAN},
                              "value": t.get("value"), "kind": t.get("kind"),
                              "attrs": _attrs(t, (*_SPAN, "value", "kind"))})
    return rows


def failure_rows(*, hash: str, doc_id: str | None, source: str | None, code: str,
                 message: str) -> dict[str, list[dict]]:
    rows: dict[str, list[dict]] = {t: [] for t in TABLES}
    rows["failures"].append({"hash": hash, "doc_id": doc_id, "source": source, "code": code,
                             "message": message})
    return rows


# -- writing -------------------------------------------------------------------------------------

def shard_dir(lake: str | Path, pid: str) -> Path:
    return Path(lake) / SHARDS_DIR / pid


def is_finished(lake: str | Path, pid: str) -> bool:
    return (shard_dir(lake, pid) / MARKER).is_file()


def finished_shards(lake: str | Path) -> set[str]:
    root = Path(lake) / SHARDS_DIR
    if not root.is_dir():
        return set()
    return {p.name for p in root.iterdir() if (p / MARKER).is_file()}


def write_shard(lake: str | Path, pid: str, rows: dict[str, list[dict]],
                marker: dict[str, Any] | None = None) -> bool:
    """Write one shard: every table under ``_tmp/``, the marker, then one atomic rename.

    Returns False when the shard was already there (another attempt of the same partition got
    there first; its content is the same), True when this call committed it."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    lake = Path(lake)
    final = shard_dir(lake, pid)
    if (final / MARKER).is_file():
        return False
    tmp = lake / TMP_DIR / f"{pid}.{uuid.uuid4().hex[:12]}"
    tmp.mkdir(parents=True)
    counts = {}
    try:
        for table in TABLES:
            t = pa.Table.from_pylist(rows.get(table, []), schema=schema(table))
            pq.write_table(t, tmp / f"{table}.parquet", compression="zstd")
            counts[table] = t.num_rows
        info = {"pid": pid, "layout": LAYOUT_VERSION, "counts": counts, **(marker or {})}
        _write_atomic(tmp / MARKER, json.dumps(info, ensure_ascii=False, sort_keys=True))
        _fsync_dir(tmp)
        final.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.rename(tmp, final)
        except OSError:  # another attempt renamed first (ENOTEMPTY / EEXIST)
            if (final / MARKER).is_file():
                return False
            raise
        _fsync_dir(final.parent)
        return True
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)


def _write_atomic(path: Path, text: str) -> None:
    part = path.with_name(path.name + ".part")
    with open(part, "w", encoding="utf-8") as f:
        f.write(text)
        f.flush()
        os.fsync(f.fileno())
    os.replace(part, path)


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def sweep_tmp(lake: str | Path) -> int:
    """Remove shards left half-written under ``_tmp/`` by killed writers (call when no writer
    of this lake is running). Returns how many were removed."""
    root = Path(lake) / TMP_DIR
    if not root.is_dir():
        return 0
    n = 0
    for p in root.iterdir():
        shutil.rmtree(p, ignore_errors=True)
        n += 1
    return n


def read_marker(lake: str | Path, pid: str) -> dict:
    return json.loads((shard_dir(lake, pid) / MARKER).read_text(encoding="utf-8"))


# -- reading -------------------------------------------------------------------------------------

def shard_files(lake: str | Path, table: str, pids: Iterable[str] | None = None) -> list[str]:
    """The Parquet files of ``table`` in finished shards (sorted by shard id)."""
    if table not in COLUMNS:
        raise ValueError(f"unknown table {table!r}; tables are {', '.join(TABLES)}")
    done = finished_shards(lake)
    chosen = sorted(done if pids is None else (set(pids) & done))
    return [str(shard_dir(lake, pid) / f"{table}.parquet") for pid in chosen]


def open_dataset(lake: str | Path, table: str = "articles", pids: Iterable[str] | None = None):
    """``table`` over every finished shard as a :class:`pyarrow.dataset.Dataset` (lazy, filterable:
    ``open_dataset(lake, "events").to_table(filter=pc.field("type") == "ASSAULT")``).

    Rows are as written: a document that is in two shards (the same content in two inputs)
    appears twice; :func:`read_table` drops such repeats."""
    import pyarrow.dataset as ds

    return ds.dataset(shard_files(lake, table, pids), schema=schema(table), format="parquet")


def read_table(lake: str | Path, table: str = "articles", columns: list[str] | None = None,
               dedupe: bool = True):
    """``table`` over every finished shard as a pandas DataFrame, one row per (document, item):
    a document analysed in more than one shard counts once (by ``hash``)."""
    dset = open_dataset(lake, table)
    cols = None if columns is None else list(dict.fromkeys(["hash", *(
        ["idx"] if "idx" in dset.schema.names else []), *columns]))
    df = dset.to_table(columns=cols).to_pandas()
    if dedupe and len(df):
        keys = ["hash", "idx"] if "idx" in df.columns else ["hash"]
        df = df.drop_duplicates(subset=keys, keep="first").reset_index(drop=True)
    if columns is not None:
        df = df[columns]
    return df


def iter_articles(lake: str | Path, pids: Iterable[str] | None = None,
                  batch_size: int = 256) -> Iterator[dict]:
    """Article rows of finished shards, in shard order, without loading the lake in memory:
    dicts with ``hash``, ``doc_id``, ``source``, ``raw`` and ``record`` (the record's dict)."""
    import pyarrow.parquet as pq

    for path in shard_files(lake, "articles", pids):
        pf = pq.ParquetFile(path)
        for batch in pf.iter_batches(batch_size=batch_size,
                                     columns=["hash", "doc_id", "source", "raw", "record"]):
            for row in batch.to_pylist():
                row["record"] = json.loads(row["record"])
                yield row


def iter_records(lake: str | Path, pids: Iterable[str] | None = None) -> Iterator[dict]:
    """The record dicts (``Record.to_dict()``) of finished shards, each document once."""
    seen: set[str] = set()
    for row in iter_articles(lake, pids):
        if row["hash"] in seen:
            continue
        seen.add(row["hash"])
        yield row["record"]


# -- export --------------------------------------------------------------------------------------

EXPORT_FORMATS = ("parquet", "jsonl", "csv")


def export_lake(lake: str | Path, out: str | Path, format: str = "parquet",
                tables: Iterable[str] | None = None) -> dict[str, int]:
    """Write each table of the lake's finished shards to ``out/<table>.<format>``, streaming
    shard by shard; a document found in several shards is written once (from the first).
    Returns the rows written per table. (``naba export`` reads the SQLite store; this reads the
    lake directly, without a store.)"""
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    if format not in EXPORT_FORMATS:
        raise ValueError(f"format must be one of {', '.join(EXPORT_FORMATS)}")
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    pids = sorted(finished_shards(lake))
    owner: dict[str, str] = {}  # hash -> the first shard that has it
    for pid in pids:
        for table in ("articles", "failures"):
            for h in pq.read_table(shard_dir(lake, pid) / f"{table}.parquet",
                                   columns=["hash"]).column("hash").to_pylist():
                owner.setdefault(h, pid)
    written: dict[str, int] = {}
    for table in (list(tables) if tables else TABLES):
        path = out / f"{table}.{format}"
        n = 0
        writer = None
        with open(path, "wb") as f:
            for pid in pids:
                t = pq.read_table(shard_dir(lake, pid) / f"{table}.parquet", schema=schema(table))
                mine = pa.array([h for h, p in owner.items() if p == pid], pa.string())
                t = t.filter(pc.is_in(t.column("hash"), value_set=mine))
                n += t.num_rows
                if format == "parquet":
                    writer = writer or pq.ParquetWriter(f, schema(table), compression="zstd")
                    writer.write_table(t)
                elif format == "jsonl":
                    for row in t.to_pylist():
                        if "minhash" in row:
                            row["minhash"] = row["minhash"].hex() if row["minhash"] else None
                        f.write((json.dumps(row, ensure_ascii=False) + "\n").encode("utf-8"))
                else:
                    import pyarrow.csv as pcsv

                    flat = t.drop_columns([c for c in ("minhash",) if c in t.column_names])
                    flat = pa.table({c: (pc.binary_join(flat[c], "|") if pa.types.is_list(
                        flat[c].type) else flat[c]) for c in flat.column_names})
                    pcsv.write_csv(flat, f, pcsv.WriteOptions(include_header=n == t.num_rows))
            if format == "parquet":
                (writer or pq.ParquetWriter(f, schema(table))).close()
        written[table] = n
    return written
