"""Turning what a user has (bytes, a file, a JSON record, HTML) into a :class:`~naba.record.Record`
with ``raw`` text and metadata, before any cleaning. See :func:`naba.inputs.load.load`."""

from .loader import load, load_bytes, MAX_BYTES  # noqa: F401
