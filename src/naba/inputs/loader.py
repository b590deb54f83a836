"""Build an uncleaned :class:`Record` from bytes, a string, a file path or a news JSON record.

The record's ``raw`` is the decoded input as received; its ``text`` is the body still to be
cleaned (trafilatura's main text for HTML, the ``text`` field for JSON records). Metadata given
by the caller wins over metadata found in the document.

Not for: decoding bytes (:mod:`.decode`), extracting HTML (:mod:`.html`) or cleaning
(:mod:`naba.stages.clean`).
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

from ..errors import EmptyInput, InputTooLarge, InvalidJSON
from ..record import Record
from . import html as html_mod
from .dates import parse_date
from .decode import decode

MAX_BYTES = int(os.environ.get("NABA_MAX_BYTES", 16 * 1024 * 1024))
_META_KEYS = ("id", "title", "url", "outlet", "published", "author")


def load_bytes(data: bytes, **meta: Any) -> Record:
    if len(data) > MAX_BYTES:
        raise InputTooLarge(
            f"input is {len(data) / 1e6:.1f} MB; the limit for one document is {MAX_BYTES / 1e6:.0f} MB"
            " (set NABA_MAX_BYTES to change it)")
    text, encoding = decode(data)
    rec = load(text, **meta)
    rec.meta["encoding"] = encoding
    return rec


def load_path(path: str | Path, **meta: Any) -> Record:
    p = Path(path)
    size = p.stat().st_size
    if size > MAX_BYTES:
        raise InputTooLarge(
            f"{p.name} is {size / 1e6:.1f} MB; the limit for one document is {MAX_BYTES / 1e6:.0f} MB")
    meta.setdefault("id", p.stem)
    return load_bytes(p.read_bytes(), **meta)


def load(doc: str | dict, **meta: Any) -> Record:
    """``doc`` is plain text, HTML, a JSON string of a news record, or such a record as a dict."""
    if isinstance(doc, dict):
        return _from_json_record(doc, meta)
    if not isinstance(doc, str):
        raise TypeError(f"naba.analyze takes str, bytes or dict, not {type(doc).__name__}")
    if len(doc.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        raise InputTooLarge(f"input is larger than {MAX_BYTES / 1e6:.0f} MB")
    doc = doc.replace("\x00", "")
    if not doc.strip():
        raise EmptyInput("empty input")
    stripped = doc.lstrip("\ufeff \t\r\n")
    if stripped.startswith("{"):
        try:
            obj = json.loads(stripped)
        except json.JSONDecodeError as e:
            raise InvalidJSON(f"input starts like JSON but is not valid JSON: {e.msg} at line {e.lineno}")
        if not isinstance(obj, dict):
            raise InvalidJSON("JSON input must be an object with a 'text' or 'html' field")
        return _from_json_record(obj, meta)
    if html_mod.looks_like_html(stripped):
        return _from_html(doc, meta)
    return _finish(Record(text=doc, raw=doc, source_format="text"), meta)


def _from_html(doc: str, meta: dict, found: dict | None = None) -> Record:
    ex = html_mod.extract(doc, url=meta.get("url"))
    rec = Record(text=ex["text"], raw=doc, source_format="html")
    rec.title, rec.author, rec.url = ex["title"], ex["author"], ex["url"]
    rec.outlet = ex["sitename"]
    rec.published = ex["date"]
    rec.related = list(ex.get("related") or [])
    if ex.get("description"):
        rec.meta["description"] = ex["description"]
    return _finish(rec, {**(found or {}), **meta})


def _from_json_record(obj: dict, meta: dict) -> Record:
    found = {k: obj.get(k) for k in _META_KEYS if obj.get(k) is not None}
    if "published" not in found and obj.get("date"):
        found["published"] = obj["date"]
    for k in ("abstract", "category", "source", "crawled", "license"):
        if obj.get(k) is not None:
            meta.setdefault("_meta", {})[k] = obj[k]
    if isinstance(obj.get("html"), str) and obj["html"].strip():
        return _from_html(obj["html"], {**meta}, found)
    text = obj.get("text")
    if not isinstance(text, str):
        raise InvalidJSON("JSON record has no 'text' or 'html' string field")
    if not text.strip():
        raise EmptyInput("JSON record has an empty 'text' field")
    rec = Record(text=text, raw=text, source_format="json")
    return _finish(rec, {**found, **meta})


def _finish(rec: Record, meta: dict) -> Record:
    extra = meta.pop("_meta", None)
    if extra:
        rec.meta.update(extra)
    for k in _META_KEYS:
        v = meta.get(k)
        if isinstance(v, (list, dict)):  # "outlet": ["x"] would read "['x']"
            rec.warnings.append(f"metadata {k!r} is a {type(v).__name__}, not text: dropped")
        elif v is not None and v != "":
            setattr(rec, k, str(v))
    if rec.published:
        parsed = parse_date(rec.published)
        if parsed is None:
            rec.warnings.append(f"unparsed publication date {rec.published!r} dropped")
        rec.published = parsed
    if not rec.id:
        rec.id = "sha1:" + hashlib.sha1(rec.raw.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return rec
