"""Many documents through :func:`naba.pipeline.analyze`, in order, on a process pool.

A document that fails becomes ``{"id": ..., "error": "code: reason"}`` and the batch goes on; so
does a blank line with more input after it (``empty-line``), so output line N answers input line N.

Not for: writing a store (``naba ingest`` is :mod:`.local` or :mod:`.dask_engine`).
"""

from __future__ import annotations

import json
import os
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from typing import Iterable, Iterator

from ..errors import NabaError


EMPTY_LINE = "empty-line: the line is blank"


def analyze_one(obj_or_line: str | dict, defaults: dict | None = None) -> dict:
    """One JSONL line (or parsed object) -> the record's dict, or an error object. ``defaults``
    (``published``, ``url``, ``outlet`` from the command line) fill fields the object lacks."""
    from ..pipeline import analyze

    doc_id = None
    if isinstance(obj_or_line, str) and not obj_or_line.strip():
        return {"id": None, "error": EMPTY_LINE}
    try:
        obj = json.loads(obj_or_line.lstrip("\ufeff")) if isinstance(obj_or_line, str) else obj_or_line
        if not isinstance(obj, dict):
            return {"id": None, "error": "invalid-json: line is not a JSON object"}
        doc_id = obj.get("id")
        for k, v in (defaults or {}).items():
            if v is not None and obj.get(k) in (None, "") and not (k == "published" and obj.get("date")):
                obj[k] = v
        return analyze(obj).to_dict()
    except json.JSONDecodeError as e:
        return {"id": None, "error": f"invalid-json: {e.msg}"}
    except NabaError as e:
        return {"id": doc_id, "error": f"{e.code}: {e}"}
    except Exception as e:  # a bug must not stop a batch: record it with its type
        return {"id": doc_id, "error": f"internal: {type(e).__name__}: {e}"}


def _not_trailing_blank(lines: Iterable[str]) -> Iterator[str]:
    """The lines, less the blank ones at the end (held back until a non-blank line follows)."""
    blank = 0
    for line in lines:
        if not line.strip():
            blank += 1
            continue
        for _ in range(blank):
            yield ""
        blank = 0
        yield line


def default_workers(workers: int | None) -> int:
    return workers if workers and workers > 0 else (os.cpu_count() or 1)


def analyze_jsonl(lines: Iterable[str], workers: int | None = None,
                  chunksize: int = 16, defaults: dict | None = None) -> Iterator[dict]:
    """Results in input order, one per input line: a blank line followed by more input gives an
    ``empty-line`` error; blank lines at the end (a final newline, trailing empty lines) give none.
    ``defaults``: metadata for objects that lack it (:func:`analyze_one`)."""
    items = _not_trailing_blank(lines)
    one = partial(analyze_one, defaults=defaults or None)
    n = default_workers(workers)
    if n == 1:
        yield from map(one, items)
        return
    with ProcessPoolExecutor(max_workers=n) as pool:
        yield from pool.map(one, items, chunksize=chunksize)
