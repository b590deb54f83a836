"""The ordered analysis stages: one function, :func:`analyze`, from a document to a Record.

Stages (each ``run(record) -> record``, in :mod:`naba.stages`):

1. ``clean``      boilerplate, teasers, broken characters out; title, headings, paragraphs
2. (language check: the clean text must be mostly Arabic)
3. ``segment``    sentences and tokens
4. ``entities``   NER mentions, entities with aliases and roles, gazetteer links
5. ``times``      time expressions resolved against the publication date
6. ``statements`` who said what: speaker, cue, content, medium, certainty
7. ``events``     PLOVER events with actor, target, location, time

Loading the input (decoding, HTML extraction, JSON records) is :mod:`naba.inputs`; storing,
parallelism and serving live in ``store/``, ``engines/`` and ``web/``.

Not for: reading files, writing stores or parallelism; the callers do that.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any, Callable

from .arabic.normalize import arabic_ratio
from .errors import NotArabic
from .inputs.loader import load, load_bytes
from .record import Record

STAGES = ("clean", "segment", "entities", "times", "statements", "events")
MIN_ARABIC_RATIO = 0.5
_loaded: dict[str, Callable[[Record], Record]] = {}


def stage(name: str) -> Callable[[Record], Record]:
    fn = _loaded.get(name)
    if fn is None:
        fn = _loaded[name] = import_module(f"naba.stages.{name}").run
    return fn


def check_language(record: Record) -> Record:
    sample = record.text[:20000]
    ratio = arabic_ratio(sample)
    if ratio < MIN_ARABIC_RATIO:
        raise NotArabic(f"the document is not Arabic (Arabic letters are {ratio:.0%} of its letters)")
    return record


def analyze(doc: str | bytes | dict, *, stages: tuple[str, ...] = STAGES, **metadata: Any) -> Record:
    """Analyse one document (plain text, HTML, a news JSON record as str or dict, or bytes in any
    common encoding). Metadata keywords: id, title, url, outlet, published (YYYY-MM-DD), author.
    Raises a :class:`naba.errors.InputError` subclass when the document cannot be analysed."""
    meta = {k: v for k, v in metadata.items() if v is not None}
    record = load_bytes(doc, **meta) if isinstance(doc, (bytes, bytearray)) else load(doc, **meta)
    return run_stages(record, stages)


def run_stages(record: Record, stages: tuple[str, ...] = STAGES) -> Record:
    for name in stages:
        record = stage(name)(record)
        if name == "clean":
            record = check_language(record)
    return record
