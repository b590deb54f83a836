"""The corpus store: one SQLite file (WAL mode), written by one process, read by many.

    store = open_store("corpus.db")
    store.write_record(naba.analyze(doc).to_dict())      # idempotent by content hash
    store.write_batch([prepare_article(...), failure_row(...), ...])  # one transaction
    store.search("خامنئي", outlet="bbc", since="2018-01-01")
    store.entity("خامنئي"); store.record(article_id); store.export("out/", "parquet")

Writes are idempotent: an article whose ``hash`` is present is skipped; the same ``doc_id``
arriving with a new hash replaces the old article. Each batch is one transaction, so a process
killed at any moment leaves every committed batch whole and nothing of the others.

Not for: analysis, parallelism (``naba.engines``), the schema itself (:mod:`.schema`),
search (:mod:`.search`), entity views (:mod:`.entity`), clustering (:mod:`.clusters`),
"said before" (:mod:`.claims`),
export (:mod:`.export`).
"""

from __future__ import annotations

import json
import os
import sqlite3
import sys
import zlib
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterable, Iterator

from ..arabic.normalize import normalize
from ..errors import StoreError
from .keys import display_name, entity_key
from .prepare import dumps, failure_row, prepare_article, record_hash
from .schema import SCHEMA_VERSION, current_version, migrate, transaction


def _z(s: str | None) -> bytes | None:
    return None if s is None else zlib.compress(s.encode("utf-8", "surrogatepass"), 6)


def _unz(b: bytes | None) -> str | None:
    return None if b is None else zlib.decompress(b).decode("utf-8", "surrogatepass")


def _now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _span(d: dict | None) -> tuple:
    if not d:
        return (None, None, None)
    return (d.get("start"), d.get("end"), d.get("text"))


def _extra(d: dict, known: Iterable[str]) -> str | None:
    rest = {k: v for k, v in d.items() if k not in known}
    return dumps(rest) if rest else None


def open_store(path: str | Path, *, readonly: bool = False) -> "Store":
    return Store(path, readonly=readonly)


def _catch_up(path: Path) -> None:
    """Before a read-only open (search, serve, export), apply the migrations a store written by an
    older naba lacks (migration 4 joins the entities it split), when the file can be written;
    otherwise say so on stderr and read it as it is."""
    ro = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        has = ro.execute("SELECT 1 FROM sqlite_master WHERE name='schema_migrations'").fetchone()
        version = current_version(ro) if has else 0
    finally:
        ro.close()
    if not has or version >= SCHEMA_VERSION:
        return
    if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
        print(f"naba: {path} is at schema {version} (this naba writes {SCHEMA_VERSION}) and cannot be "
              "written: read as it is", file=sys.stderr)
        return
    rw = sqlite3.connect(path, isolation_level=None, timeout=60)
    try:
        migrate(rw)
    finally:
        rw.close()


class Store:
    def __init__(self, path: str | Path, *, readonly: bool = False):
        self.path = Path(path)
        try:
            if readonly:
                if not self.path.exists():
                    raise StoreError(f"no corpus database at {self.path}")
                _catch_up(self.path)
                self.conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True,
                                            isolation_level=None, check_same_thread=False)
            else:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self.conn = sqlite3.connect(self.path, isolation_level=None, timeout=60,
                                            check_same_thread=False)
                self.conn.execute("PRAGMA journal_mode=WAL")
                self.conn.execute("PRAGMA synchronous=NORMAL")
                migrate(self.conn)
            self.conn.execute("PRAGMA foreign_keys=OFF")
            self.conn.execute("PRAGMA cache_size=-65536")
            self.conn.execute("PRAGMA busy_timeout=60000")
        except sqlite3.DatabaseError as e:
            raise StoreError(f"cannot open the corpus database {self.path}: {e}") from e
        self._entity_ids: dict[str, int] = {}

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- presence ------------------------------------------------------------------------------
    def has(self, hash: str) -> bool:
        """Whether a document with this content hash was stored (or recorded as failed)."""
        q = "SELECT 1 FROM articles WHERE hash=? UNION ALL SELECT 1 FROM failures WHERE hash=? LIMIT 1"
        return self.conn.execute(q, (hash, hash)).fetchone() is not None

    def present(self, hashes: list[str]) -> set[str]:
        """The subset of ``hashes`` already stored or failed."""
        out: set[str] = set()
        for i in range(0, len(hashes), 500):
            part = hashes[i:i + 500]
            marks = ",".join("?" * len(part))
            for table in ("articles", "failures"):
                out.update(h for (h,) in self.conn.execute(
                    f"SELECT hash FROM {table} WHERE hash IN ({marks})", part))
        return out

    # -- writing -------------------------------------------------------------------------------
    def write_record(self, record: dict, *, hash: str | None = None, source: str | None = None,
                     raw: str | None = None) -> bool:
        """Store one record dict (``Record.to_dict()``); True when it was new."""
        return self.write_batch([prepare_article(record, hash=hash or record_hash(record),
                                                 source=source, raw=raw)])[0] == 1

    def write_failure(self, *, hash: str, code: str, message: str, source: str | None = None,
                      doc_id: str | None = None) -> bool:
        return self.write_batch([failure_row(hash=hash, source=source, doc_id=doc_id, code=code,
                                             message=message)])[2] == 1

    def write_batch(self, rows: list[dict]) -> tuple[int, int, int]:
        """Write prepared articles and failure rows in one transaction.
        Returns (articles added, skipped as present, failures added)."""
        added = skipped = failed = 0
        c = self.conn
        try:
            with transaction(c):
                for row in rows:
                    if row.get("failure"):
                        cur = c.execute(
                            "INSERT OR IGNORE INTO failures(hash, doc_id, source, code, message,"
                            " at) SELECT ?,?,?,?,?,? WHERE NOT EXISTS"
                            " (SELECT 1 FROM articles WHERE hash=?)",
                            (row["hash"], row.get("doc_id"), row.get("source"), row["code"],
                             row.get("message"), _now(), row["hash"]))
                        failed += cur.rowcount > 0
                        skipped += cur.rowcount == 0
                    elif self._insert_article(row):
                        added += 1
                    else:
                        skipped += 1
        except BaseException:
            self._entity_ids.clear()  # ids cached in the rolled-back transaction
            raise
        return added, skipped, failed

    def _insert_article(self, row: dict) -> bool:
        c = self.conn
        h = row["hash"]
        if c.execute("SELECT 1 FROM articles WHERE hash=?", (h,)).fetchone():
            return False
        rec = row["record"]
        doc_id = rec.get("id")
        if doc_id:
            for (old,) in c.execute("SELECT id FROM articles WHERE doc_id=?", (doc_id,)).fetchall():
                self._delete_article(old)
        c.execute("DELETE FROM failures WHERE hash=?", (h,))
        text = rec.get("text") or ""
        body = {k: v for k, v in rec.items() if k != "text"}
        cur = c.execute(
            "INSERT INTO articles(hash, doc_id, source, url, outlet, title, published, author,"
            " stages, n_chars, n_sentences, ingested_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            (h, doc_id, row.get("source"), rec.get("url"), rec.get("outlet"), rec.get("title"),
             rec.get("published"), rec.get("author"), row.get("stages"), len(text),
             len(rec.get("sentences") or ()), _now()))
        aid = cur.lastrowid
        c.execute("INSERT INTO article_texts(article_id, text, raw, record) VALUES (?,?,?,?)",
                  (aid, text, _z(row.get("raw")), _z(dumps(body))))
        c.execute("INSERT INTO articles_fts(rowid, norm, base, alt) VALUES (?,?,?,?)",
                  (aid, row["fts_norm"], row["fts_base"], row["fts_alt"]))
        fts = _z(dumps([row["fts_norm"], row["fts_base"], row["fts_alt"]]))
        c.execute("INSERT INTO article_index(article_id, minhash, fts) VALUES (?,?,?)",
                  (aid, row.get("minhash"), fts))
        self._insert_annotations(aid, rec)
        return True

    def _delete_article(self, aid: int) -> None:
        c = self.conn
        for table in ("mentions", "statements", "times", "events", "article_texts"):
            c.execute(f"DELETE FROM {table} WHERE article_id=?", (aid,))
        row = c.execute("SELECT fts FROM article_index WHERE article_id=?", (aid,)).fetchone()
        if row:
            norm, base, alt = json.loads(_unz(row[0]))
            c.execute("INSERT INTO articles_fts(articles_fts, rowid, norm, base, alt)"
                      " VALUES ('delete', ?, ?, ?, ?)", (aid, norm, base, alt))
        c.execute("DELETE FROM article_index WHERE article_id=?", (aid,))
        from .claims import forget_article
        forget_article(c, aid)  # its claim_index rows and their claim_bands
        c.execute("DELETE FROM claim_links WHERE article_id=? OR earlier_article_id=?", (aid, aid))
        c.execute("DELETE FROM articles WHERE id=?", (aid,))

    def _entity_id(self, ent: dict) -> int:
        key = entity_key(ent)  # kb link, else the corpus-wide id, else TYPE|norm (.keys)
        eid = self._entity_ids.get(key)
        if eid is None:
            row = self.conn.execute("SELECT id FROM entities WHERE key=?", (key,)).fetchone()
            if row is None:
                name = display_name(ent.get("type"), ent.get("name") or "")
                norm = normalize(name)
                extra = {k: v for k, v in ent.items()
                         if k not in ("id", "type", "name", "aliases", "roles")}
                cur = self.conn.execute(
                    "INSERT INTO entities(key, type, name, norm, lat, lon, country, attrs)"
                    " VALUES (?,?,?,?,?,?,?,?)",
                    (key, ent.get("type"), name, norm, _num(extra.get("lat")),
                     _num(extra.get("lon")), extra.get("country"), dumps(extra) if extra else None))
                eid = cur.lastrowid
            else:
                eid = row[0]
            self._entity_ids[key] = eid
        return eid

    def _insert_annotations(self, aid: int, rec: dict) -> None:
        c = self.conn
        local: dict[str, int] = {}
        for ent in rec.get("entities") or ():
            eid = self._entity_id(ent)
            if ent.get("id") is not None:
                local[str(ent["id"])] = eid
            forms = {}
            for a in [ent.get("name") or ""] + list(ent.get("aliases") or ()):
                if a:
                    forms.setdefault(normalize(a), a)
            for norm, alias in forms.items():
                c.execute("INSERT INTO aliases(entity_id, alias, norm) VALUES (?,?,?)"
                          " ON CONFLICT(entity_id, norm) DO UPDATE SET count=count+1",
                          (eid, alias, norm))
            for role in {normalize(r): r for r in ent.get("roles") or () if r}.items():
                c.execute("INSERT INTO roles(entity_id, role, norm) VALUES (?,?,?)"
                          " ON CONFLICT(entity_id, norm) DO UPDATE SET count=count+1",
                          (eid, role[1], role[0]))

        def link(x: Any) -> int | None:
            return local.get(str(x)) if x is not None else None

        c.executemany(
            "INSERT INTO mentions VALUES (?,?,?,?,?,?,?,?)",
            [(aid, i, link(m.get("entity")), m.get("type"), m.get("start"), m.get("end"),
              m.get("text"), _extra(m, ("start", "end", "text", "type", "entity")))
             for i, m in enumerate(rec.get("mentions") or ())])
        c.executemany(
            "INSERT INTO statements VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [(aid, i, *_span(s.get("speaker")), link(s.get("speaker_entity")),
              s.get("speaker_name"), normalize(s.get("speaker_name") or "") or None,
              *_span(s.get("cue")), (s.get("cue") or {}).get("lemma"),
              *_span(s.get("content")), s.get("kind"), *_span(s.get("medium")),
              s.get("certainty"),
              _extra(s, ("speaker", "speaker_entity", "speaker_name", "cue", "content", "kind",
                         "medium", "certainty")))
             for i, s in enumerate(rec.get("statements") or ())])
        times = rec.get("times") or []
        c.executemany(
            "INSERT INTO times VALUES (?,?,?,?,?,?,?,?)",
            [(aid, i, t.get("start"), t.get("end"), t.get("text"), t.get("value"), t.get("kind"),
              _extra(t, ("start", "end", "text", "value", "kind")))
             for i, t in enumerate(times)])
        rows = []
        for i, ev in enumerate(rec.get("events") or ()):
            ti = ev.get("time")
            tval = times[ti].get("value") if isinstance(ti, int) and 0 <= ti < len(times) else None
            args = []
            for role in ("actor", "target", "location"):
                sp = ev.get(role) or {}
                args += [*_span(sp or None), link(sp.get("entity"))]
            rows.append((aid, i, ev.get("type"), *_span(ev.get("trigger")), *args, ti, tval, int(bool(ev.get("negated"))),
                         int(bool(ev.get("hedged"))),
                         _extra(ev, ("type", "trigger", "actor", "target", "location", "time",
                                     "negated", "hedged"))))
        c.executemany("INSERT INTO events VALUES (" + ",".join("?" * 23) + ")", rows)

    # -- reading -------------------------------------------------------------------------------
    def record(self, article_id: int) -> dict | None:
        """The full record JSON of an article (as ``Record.to_dict()`` gave it)."""
        row = self.conn.execute("SELECT text, record FROM article_texts WHERE article_id=?",
                                (article_id,)).fetchone()
        if row is None:
            return None
        rec = json.loads(_unz(row[1]))
        rec["text"] = row[0]
        return rec

    def raw(self, article_id: int) -> str | None:
        """The input as received (decoded), when it was kept."""
        row = self.conn.execute("SELECT raw FROM article_texts WHERE article_id=?",
                                (article_id,)).fetchone()
        return _unz(row[0]) if row else None

    def text(self, article_id: int) -> str | None:
        """The clean body (what every offset points into)."""
        row = self.conn.execute("SELECT text FROM article_texts WHERE article_id=?",
                                (article_id,)).fetchone()
        return row[0] if row else None

    def article_id(self, doc_id: str) -> int | None:
        row = self.conn.execute("SELECT id FROM articles WHERE doc_id=? ORDER BY id DESC LIMIT 1",
                                (doc_id,)).fetchone()
        return row[0] if row else None

    def article(self, article_id: int) -> dict | None:
        """Article metadata (no blobs) with its cluster."""
        cur = self.conn.execute(
            "SELECT id, hash, doc_id, source, url, outlet, title, published, author, stages,"
            " n_chars, n_sentences, cluster_id, ingested_at FROM articles WHERE id=?", (article_id,))
        row = cur.fetchone()
        return dict(zip([d[0] for d in cur.description], row)) if row else None

    def failures(self, limit: int | None = None) -> list[dict]:
        cur = self.conn.execute("SELECT id, hash, doc_id, source, code, message, at FROM failures"
                                " ORDER BY id" + (f" LIMIT {int(limit)}" if limit else ""))
        cols = [d[0] for d in cur.description]
        return [dict(zip(cols, r)) for r in cur]

    def counts(self) -> dict[str, int]:
        """Rows per table, plus ``stories``: articles counted once per story cluster."""
        out = {t: self.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
               for t in ("articles", "entities", "aliases", "mentions", "statements", "events",
                         "times", "failures", "clusters")}
        out["stories"] = self.conn.execute(
            "SELECT count(DISTINCT coalesce(cluster_id, -id)) FROM articles").fetchone()[0]
        return out

    def iter_records(self, batch: int = 500) -> Iterator[tuple[int, dict]]:
        """Every article's (id, record dict), in id order, a batch at a time."""
        last = 0
        while True:
            rows = self.conn.execute("SELECT article_id, text, record FROM article_texts"
                                     " WHERE article_id>? ORDER BY article_id LIMIT ?",
                                     (last, batch)).fetchall()
            if not rows:
                return
            for aid, text, blob in rows:
                rec = json.loads(_unz(blob))
                rec["text"] = text
                yield aid, rec
            last = rows[-1][0]

    # -- the rest of the API lives in small modules; these are thin doors to them ----------------
    def search(self, query: str = "", **filters: Any):
        from .search import search
        return search(self, query, **filters)

    def entity(self, name: str, **opts: Any):
        from .entity import entity_report
        return entity_report(self, name, **opts)

    def cluster(self, **opts: Any):
        from .clusters import recluster
        return recluster(self, **opts)

    def link_claims(self, **opts: Any):
        from .claims import link_claims
        return link_claims(self, **opts)

    def said_before(self, article_id: int, **opts: Any):
        from .claims import said_before
        return said_before(self.conn, article_id, **opts)

    def claims_report(self, article_id: int, **opts: Any):
        from .claims import claims_report
        return claims_report(self, article_id, **opts)

    def export(self, out: str | Path, format: str = "jsonl", **opts: Any):
        from .export import export
        return export(self, out, format, **opts)

    def load_parquet(self, paths: Iterable[str | Path], batch: int = 500) -> tuple[int, int, int]:
        """Load Parquet shards written by an engine. Each row is either a prepared article
        (the keys of :func:`naba.store.prepare.prepare_article`, with ``record`` as a JSON
        string) or a failure (``hash``, ``source``, ``doc_id``, ``code``, ``message``; ``code``
        not null). Rows with a ``record`` but no ``fts_norm`` are prepared here."""
        import pyarrow.parquet as pq

        total = [0, 0, 0]
        for path in paths:
            pf = pq.ParquetFile(path)
            for rb in pf.iter_batches(batch_size=batch):
                rows = []
                for r in rb.to_pylist():
                    if r.get("code"):
                        rows.append(failure_row(hash=r["hash"], source=r.get("source"),
                                                doc_id=r.get("doc_id"), code=r["code"],
                                                message=r.get("message") or ""))
                        continue
                    rec = r["record"]
                    rec = json.loads(rec) if isinstance(rec, (str, bytes)) else rec
                    if not r.get("fts_norm"):
                        stages = tuple(r["stages"].split(",")) if r.get("stages") else None
                        rows.append(prepare_article(rec, hash=r["hash"], source=r.get("source"),
                                                    raw=r.get("raw"), stages=stages))
                    else:
                        rows.append({**r, "record": rec})
                for i, n in enumerate(self.write_batch(rows)):
                    total[i] += n
        return tuple(total)


def _num(x: Any) -> float | None:
    try:
        return float(x) if x is not None else None
    except (TypeError, ValueError):
        return None
