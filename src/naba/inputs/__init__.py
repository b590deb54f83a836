"""Turning what a user has (bytes, a file, a JSON record, HTML) into a :class:`~naba.record.Record`
with ``raw`` text and metadata, before any cleaning. See :func:`naba.inputs.loader.load`.

Not for: cleaning the text (the ``clean`` stage) or anything after it."""

from .loader import load, load_bytes, MAX_BYTES  # noqa: F401
