"""Walk ingest inputs and yield one :class:`Item` per document, without analysing anything.

Inputs: directories (walked recursively, in sorted order), ``.html``/``.htm``/``.txt`` files (one
document each), ``.jsonl``/``.jsonl.gz`` (one news record a line), ``.warc``/``.warc.gz`` (HTTP
responses and resources with an HTML or text payload). Each item carries the sha1 of the document
as received (its ``hash``: what makes ingest idempotent) and a ``source`` saying where it came
from (``path:line`` for JSONL). JSON is parsed in the workers, not here: walking stays cheap.

:class:`Sources` also knows how many input bytes there are and how many have been read, for a
progress bar with an ETA.

Not for: analysis, idempotence checks against a store (:mod:`.local`) or parsing JSON.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, Iterator

DOC_SUFFIXES = (".html", ".htm", ".xhtml", ".txt")
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")
WARC_SUFFIXES = (".warc", ".warc.gz")


@dataclass(slots=True)
class Item:
    hash: str
    source: str
    kind: str  # "json" (payload: one JSONL line, bytes) | "doc" (payload: file or WARC bytes)
    #            | "unreadable" (payload: the reason, UTF-8; meta["code"]: its failure code)
    payload: bytes
    meta: dict[str, Any] = field(default_factory=dict)


def kind_of(path: Path) -> str | None:
    name = path.name.lower()
    if name.endswith(JSONL_SUFFIXES):
        return "jsonl"
    if name.endswith(WARC_SUFFIXES):
        return "warc"
    if name.endswith(DOC_SUFFIXES):
        return "doc"
    return None


def sha1(data: bytes) -> str:
    return hashlib.sha1(data).hexdigest()


class NotWarc(ValueError):
    """A file named .warc that holds no WARC record."""


# what a file that cannot be read or decoded raises (gzip.BadGzipFile is an OSError)
_INPUT_ERRORS = (OSError, EOFError, zlib.error, UnicodeError, NotWarc)


def is_input_error(error: BaseException) -> bool:
    """Whether ``error`` says the file is unreadable (I/O, a cut or corrupt compression, bad
    bytes, or warcio failing on a malformed WARC, whatever it raises) rather than naba's own bug."""
    if isinstance(error, _INPUT_ERRORS):
        return True
    tb = error.__traceback__
    while tb is not None and tb.tb_next is not None:
        tb = tb.tb_next
    return tb is not None and str(tb.tb_frame.f_globals.get("__name__", "")).startswith("warcio")


def unreadable(path: Path, size: int, source: str, read: str, error: Exception) -> Item:
    """The item standing for the unread rest of ``path``: ``error`` stopped the read after
    ``read`` (e.g. "line 27"). Its hash names the file by name, size and place, so a rerun skips
    it like any stored item. An ``error`` that is not :func:`is_input_error` is naba's own bug:
    recorded as ``internal``, not as a bad file."""
    if not is_input_error(error):
        reason = f"internal error reading {path.name} after {read}: {type(error).__name__}: {error}"
        return Item(sha1(f"unreadable\0{path.name}\0{size}\0{read}".encode("utf-8")),
                    source, "unreadable", reason.encode("utf-8"), {"code": "internal"})
    code = "truncated" if isinstance(error, EOFError) else "bad-input"
    reason = f"cannot read {path.name} after {read}: {type(error).__name__}: {error}"
    return Item(sha1(f"unreadable\0{path.name}\0{size}\0{read}".encode("utf-8")),
                source, "unreadable", reason.encode("utf-8"), {"code": code})


class Sources:
    """The documents under ``paths``; iterate it once."""

    def __init__(self, paths: list[str | Path]):
        self.files: list[tuple[Path, str]] = []
        for p in map(Path, paths):
            if p.is_dir():
                for f in sorted(x for x in p.rglob("*") if x.is_file()):
                    k = kind_of(f)
                    if k:
                        self.files.append((f, k))
            elif p.exists():
                self.files.append((p, kind_of(p) or "doc"))
            else:
                raise FileNotFoundError(f"no such file or directory: {p}")
        self.total_bytes = sum(f.stat().st_size for f, _ in self.files)
        self._done_before = 0  # bytes of the files already finished
        self._current: BinaryIO | None = None

    @property
    def done_bytes(self) -> int:
        cur = 0
        if self._current is not None:
            try:
                cur = self._current.tell()
            except (OSError, ValueError):
                cur = 0
        return self._done_before + cur

    def __iter__(self) -> Iterator[Item]:
        for path, kind in self.files:
            size = path.stat().st_size
            with open(path, "rb") as raw:
                self._current = raw
                if kind == "jsonl":
                    yield from self._jsonl(path, raw, size)
                elif kind == "warc":
                    yield from self._warc(path, raw, size)
                else:
                    data = raw.read()
                    yield Item(sha1(data), str(path), "doc", data, {"id": str(path)})
                self._current = None
            self._done_before += size

    @staticmethod
    def _jsonl(path: Path, raw: BinaryIO, size: int) -> Iterator[Item]:
        stream: BinaryIO = gzip.GzipFile(fileobj=raw) if path.name.lower().endswith(".gz") else raw
        lineno = 0
        try:
            for lineno, line in enumerate(stream, 1):
                line = line.strip()
                if line:
                    yield Item(sha1(line), f"{path}:{lineno}", "json", line)
        except Exception as e:  # an unreadable rest, or (code "internal") a bug of naba's
            yield unreadable(path, size, f"{path}:{lineno + 1}", f"line {lineno}", e)

    @staticmethod
    def _warc(path: Path, raw: BinaryIO, size: int) -> Iterator[Item]:
        n = 0
        try:
            for n, item in enumerate(Sources._warc_records(path, raw), 1):
                yield item
        except Exception as e:  # warcio on a malformed file (ArchiveLoadFailed, or its own bugs),
            # a cut, or (code "internal") a bug of naba's
            yield unreadable(path, size, str(path), f"document {n}", e)

    @staticmethod
    def _warc_records(path: Path, raw: BinaryIO) -> Iterator[Item]:
        from warcio.archiveiterator import ArchiveIterator

        # warcio reads a cut .warc.gz without a word (its last record comes out short or not at
        # all): decompress here, hold each page back until the next record shows it was whole,
        # and raise the cut at the end, which _warc records as a "truncated" failure
        stream = _GzipStream(raw) if path.name.lower().endswith(".gz") else None
        held = None
        seen = 0  # WARC records: warcio reads any other first line as a legacy ARC header
        for rec in ArchiveIterator(stream if stream is not None else raw):
            if rec.format != "warc":
                continue
            seen += 1
            if held is not None:
                yield held
                held = None
            if rec.rec_type not in ("response", "resource"):
                continue
            uri = rec.rec_headers.get_header("WARC-Target-URI") or ""
            ctype = (rec.http_headers.get_header("Content-Type") if rec.http_headers
                     else rec.rec_headers.get_header("Content-Type")) or ""
            if ctype and not any(t in ctype.lower() for t in ("html", "text", "xml")):
                continue
            if rec.http_headers and rec.http_headers.get_statuscode() not in (None, "200"):
                continue
            data = rec.content_stream().read()
            if not data:
                continue
            held = Item(sha1(uri.encode("utf-8") + b"\0" + data), f"{path}#{uri}", "doc", data,
                        {"id": uri or None, "url": uri or None})
        if stream is not None and stream.cut is not None:
            raise stream.cut  # the last record ran into the cut: it is not stored
        if not seen:
            raise NotWarc("not a WARC file (no WARC record in it)")
        if held is not None:
            yield held


class _GzipStream(io.RawIOBase):
    """A multi-member gzip stream (a .warc.gz has one member per record) that hands out all it
    could decompress and keeps, in ``cut``, an EOFError when the file ends inside a member."""

    def __init__(self, raw: BinaryIO):
        self.raw, self.cut = raw, None
        self._d, self._fed, self._buf, self._done = zlib.decompressobj(31), False, b"", False

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:
        while not self._buf and not self._done:
            chunk = self.raw.read(1 << 16)
            if not chunk:
                self._done = True
                if self._fed and not self._d.eof:
                    self.cut = EOFError("the file ends inside a compressed record")
                break
            self._fed = True
            out = [self._d.decompress(chunk)]
            while self._d.eof and self._d.unused_data:
                rest = self._d.unused_data
                self._d = zlib.decompressobj(31)
                out.append(self._d.decompress(rest))
            if self._d.eof:
                self._fed = False
            self._buf += b"".join(out)
        n = min(len(b), len(self._buf))
        b[:n] = self._buf[:n]
        self._buf = self._buf[n:]
        return n
