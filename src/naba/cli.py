"""The ``naba`` command: parses arguments and calls the library; nothing else lives here.

Subcommands other than ``analyze`` are registered by their own packages through a
``register(subparsers)`` function (see ``COMMAND_MODULES``), so each area owns its CLI.

Not for: any logic of its own; a sub-command's work is a library function.
"""

from __future__ import annotations

import argparse
import json
import os
import sys

from .errors import InputError, NabaError
from .subcommands import register_modules

COMMAND_MODULES = (
    "naba.store.commands",     # ingest, search, entity, export
    "naba.web.commands",       # serve
    "naba.models.commands",    # train
    "naba.evaluate.commands",  # eval
)


def _analyze_cmd(args: argparse.Namespace) -> int:
    from .engines.batch import analyze_jsonl
    from .inputs.dates import parse_date
    from .pipeline import analyze
    from .report import format_text

    if args.published and parse_date(args.published) is None:
        raise InputError(f"--published {args.published!r} is not a date (YYYY-MM-DD)")
    if args.jsonl:
        src = sys.stdin if args.jsonl == "-" else open(args.jsonl, encoding="utf-8", errors="replace")
        with src:
            defaults = {"published": args.published, "url": args.url, "outlet": args.outlet}
            for out in analyze_jsonl(src, workers=args.workers, defaults=defaults):
                sys.stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
        return 0
    if args.file in (None, "-"):
        data = sys.stdin.buffer.read()
        meta_id = None
    else:
        with open(args.file, "rb") as f:
            data = f.read()
        from pathlib import Path

        meta_id = Path(args.file).stem
    record = analyze(data, id=meta_id, published=args.published, url=args.url, outlet=args.outlet)
    fmt = args.format or ("text" if sys.stdout.isatty() else "json")
    if fmt == "text":
        sys.stdout.write(format_text(record))
    else:
        sys.stdout.write(json.dumps(record.to_dict(), ensure_ascii=False, indent=1) + "\n")
    return 0


class _Parser(argparse.ArgumentParser):
    """argparse with a usage error on one line (``naba: error: reason``, exit 2) instead of the
    usage block; sub-command parsers are of this class too. ``--help`` is unchanged."""

    def error(self, message: str):
        self.exit(2, f"naba: error: {' '.join(message.split())}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="naba", description="Offline Arabic news intelligence.")
    sub = parser.add_subparsers(dest="command", required=True)
    a = sub.add_parser("analyze", help="analyse one document (or many with --jsonl)")
    a.add_argument("file", nargs="?", help="HTML, text or JSON file; - or nothing for stdin")
    a.add_argument("--published", help="publication date YYYY-MM-DD (resolves relative dates; "
                   "with --jsonl, for lines that have none)")
    a.add_argument("--url", help="the page's address (kept in the record; with --jsonl, for lines that have none)")
    a.add_argument("--outlet", help="the publishing outlet (kept in the record; with --jsonl, for lines that have none)")
    a.add_argument("--format", choices=("json", "text"),
                   help="JSON record or a readable report (default: text on a terminal, else json)")
    a.add_argument("--jsonl", metavar="FILE", help="many documents, one JSON object a line (- for stdin)")
    a.add_argument("--workers", type=int, default=0, help="processes for --jsonl (0: all cores)")
    a.set_defaults(func=_analyze_cmd)
    register_modules(sub, COMMAND_MODULES)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args) or 0
    except NabaError as e:
        print(f"naba: error: {e.code}: {e}", file=sys.stderr)
        return 2
    except (OSError, UnicodeError) as e:
        print(f"naba: error: {type(e).__name__}: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("naba: interrupted", file=sys.stderr)
        return 130
    except Exception as e:  # a bug: still one line (NABA_DEBUG=1 shows the traceback)
        if os.environ.get("NABA_DEBUG"):
            raise
        msg = " ".join(str(e).split())[:300]
        print(f"naba: error: internal: {type(e).__name__}: {msg} (NABA_DEBUG=1 for the traceback)",
              file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
