"""CLI for the corpus: ``naba ingest``, ``naba search``, ``naba entity``, ``naba claims``,
``naba export``.
Thin: parse the arguments, call the library, print.

Not for: any work of its own (ingest is :mod:`naba.engines`, the rest :mod:`naba.store`)."""

from __future__ import annotations

import argparse
import json
import sys

from ..errors import StoreError


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("ingest", help="analyse documents into a corpus database (idempotent)")
    p.add_argument("paths", nargs="+", metavar="PATH",
                   help="directories, .html/.htm/.txt, .jsonl(.gz), .warc(.gz)")
    p.add_argument("--db", required=True, help="the SQLite corpus file (created when missing)")
    p.add_argument("--engine", choices=("local", "dask"), default="local",
                   help="local: a process pool on this machine (default); dask: a Dask cluster")
    p.add_argument("--workers", type=int, default=0, help="processes (0: all cores)")
    p.add_argument("--scheduler", help="dask scheduler address (--engine dask)")
    p.add_argument("--lake", help="Parquet shard directory (--engine dask; default: DB.lake)")
    p.add_argument("--partition-size", type=int, help="documents per dask partition (default 200)")
    p.add_argument("--stages", help="comma-separated stages to run (default: NABA_STAGES or all);"
                                    " clean and segment always run")
    p.add_argument("--no-progress", action="store_true", help="no progress bar")
    p.add_argument("--no-cluster", action="store_true", help="skip story clustering and claim linking at the end")
    p.set_defaults(func=_ingest)

    s = sub.add_parser("search", help="full-text search in a corpus database")
    s.add_argument("query", nargs="?", default="", help='words, "a phrase", -excluded')
    s.add_argument("--db", required=True, help="the SQLite corpus file")
    s.add_argument("--outlet", help="only this outlet")
    s.add_argument("--since", help="YYYY-MM-DD (inclusive)")
    s.add_argument("--until", help="YYYY-MM-DD (inclusive)")
    s.add_argument("--entity", help="articles mentioning this entity (any alias)")
    s.add_argument("--speaker", help="articles quoting this speaker")
    s.add_argument("--event-type", help="articles with an event of this PLOVER type")
    s.add_argument("--limit", type=int, default=20, help="hits to show (default 20)")
    s.add_argument("--offset", type=int, default=0, help="hits to skip first")
    s.add_argument("--order", choices=("rank", "date"), default="rank",
                   help="best match first (BM25, the default) or newest first")
    s.add_argument("--dedup", action="store_true", help="one hit per story cluster")
    s.add_argument("--json", action="store_true", help="JSON output")
    s.set_defaults(func=_search)

    e = sub.add_parser("entity", help="what the corpus knows about a person, place or body")
    e.add_argument("name", help="a name or any alias, in any spelling")
    e.add_argument("--db", required=True, help="the SQLite corpus file")
    e.add_argument("--limit", type=int, default=10, help="statements to show")
    e.add_argument("--json", action="store_true", help="JSON output")
    e.set_defaults(func=_entity)

    c = sub.add_parser("claims", help="said before: where each statement of an article was said"
                                      " earlier, in other articles")
    c.add_argument("article", nargs="?", help="the article: its id in the store or its doc id")
    c.add_argument("--db", required=True, help="the SQLite corpus file")
    c.add_argument("--update", action="store_true",
                   help="first link the statements not linked yet (ingest does it; this is for"
                        " stores made before)")
    c.add_argument("--limit", type=int, default=10, help="earlier occurrences shown per statement")
    c.add_argument("--json", action="store_true", help="JSON output")
    c.set_defaults(func=_claims)

    x = sub.add_parser("export", help="export the corpus, one table per record kind")
    src = x.add_mutually_exclusive_group(required=True)
    src.add_argument("--db", help="the SQLite corpus file")
    src.add_argument("--lake", help="a Parquet shard directory written by --engine dask (read"
                                    " directly, without a store)")
    x.add_argument("--format", choices=("jsonl", "csv", "parquet"), default="jsonl")
    x.add_argument("--out", required=True, help="output directory")
    x.add_argument("--tables", help="comma-separated tables (default: all)")
    x.add_argument("--with-record", action="store_true",
                   help="add each article's full record JSON to the articles table")
    x.set_defaults(func=_export)


def _ingest(args: argparse.Namespace) -> int:
    if args.engine == "dask":
        try:
            from ..engines import dask_engine
        except ModuleNotFoundError as e:
            raise StoreError(f"the dask engine is not available ({e}); install naba[dask] or use"
                             " --engine local") from e
        result = dask_engine.ingest(args.paths, args.db, scheduler=args.scheduler,
                                    workers=args.workers or None, lake=args.lake,
                                    partition_size=args.partition_size, stages=args.stages,
                                    progress=not args.no_progress, cluster=not args.no_cluster)
        print(result.line(), file=sys.stderr)
        return 1 if result.failed_partitions else 0
    from ..engines.local import ingest

    try:
        summary = ingest(args.paths, args.db, workers=args.workers, stages=args.stages,
                         progress=not args.no_progress, cluster=not args.no_cluster)
    except ValueError as e:  # a bad --stages
        print(f"naba: error: {e}", file=sys.stderr)
        return 2
    print(summary.line(), file=sys.stderr)
    return 0


def _search(args: argparse.Namespace) -> int:
    from .db import open_store
    from .search import FilterError, check_filters

    try:
        check_filters(since=args.since, until=args.until, event_type=args.event_type)
    except FilterError as e:
        print(f"naba: error: {e.as_option()}", file=sys.stderr)
        return 2
    with open_store(args.db, readonly=True) as store:
        res = store.search(args.query, outlet=args.outlet, since=args.since, until=args.until,
                           entity=args.entity, speaker=args.speaker, event_type=args.event_type,
                           limit=args.limit, offset=args.offset, order=args.order,
                           dedup=args.dedup)
    if args.json:
        sys.stdout.write(json.dumps(res.to_dict(), ensure_ascii=False) + "\n")
        return 0
    out = [f"{res.total} articles ({res.stories} stories) for {res.query!r}"]
    for h in res.hits:
        copies = f" [+{h.copies - 1} copies]" if h.copies > 1 else ""
        out.append(f"#{h.id} {h.published or '----------'} {h.outlet or '?'} | {h.title or ''}{copies}")
        if h.snippet:
            out.append(f"    {h.snippet}")
    sys.stdout.write("\n".join(out) + "\n")
    return 0


def _entity(args: argparse.Namespace) -> int:
    from .db import open_store
    from .entity import format_report

    with open_store(args.db, readonly=True) as store:
        rep = store.entity(args.name, limit=args.limit)
    if rep is None:
        print(f"naba: no entity or speaker named {args.name!r} in {args.db}", file=sys.stderr)
        return 1
    if args.json:
        sys.stdout.write(json.dumps(rep, ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(format_report(rep))
    return 0


def _claims(args: argparse.Namespace) -> int:
    from .claims import format_claims
    from .db import open_store

    if args.update:
        with open_store(args.db) as store:
            stats = store.link_claims()
        print("naba claims: " + ", ".join(f"{k} {v}" for k, v in stats.items()), file=sys.stderr)
        if not args.article:
            return 0
    if not args.article:
        print("naba: claims needs an ARTICLE (or --update)", file=sys.stderr)
        return 2
    with open_store(args.db, readonly=True) as store:
        aid = int(args.article) if args.article.isdigit() else None
        if aid is None or store.article(aid) is None:
            aid = store.article_id(args.article)
        if aid is None or store.article(aid) is None:
            print(f"naba: no article {args.article!r} in {args.db}", file=sys.stderr)
            return 1
        rep = store.claims_report(aid, limit=args.limit)
    if args.json:
        sys.stdout.write(json.dumps(rep, ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(format_claims(rep))
    return 0


def _export(args: argparse.Namespace) -> int:
    from .db import open_store

    tables = args.tables.split(",") if args.tables else None
    if args.lake:
        from ..engines.shards import export_lake

        counts = export_lake(args.lake, args.out, args.format, tables=tables)
        print("naba export: " + ", ".join(f"{t} {n}" for t, n in counts.items()) + f" -> {args.out}",
              file=sys.stderr)
        return 0
    with open_store(args.db, readonly=True) as store:
        counts = store.export(args.out, args.format, tables=tables, with_record=args.with_record)
    print("naba export: " + ", ".join(f"{t} {n}" for t, n in counts.items()) + f" -> {args.out}",
          file=sys.stderr)
    return 0
