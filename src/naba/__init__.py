"""naba: offline, fast Arabic news intelligence.

    >>> import naba
    >>> rec = naba.analyze(open("examples/seed.txt").read(), published="2022-05-20")
    >>> rec.to_dict()["statements"][0]["speaker_name"]

The public API is :func:`analyze` and :class:`Record`; the stages are listed in
:mod:`naba.pipeline`.

Not for: anything beyond that API; the store, engines and web UI are imported from their
packages (:mod:`naba.store`, :mod:`naba.engines`, :mod:`naba.web`).
"""

from .errors import NabaError  # noqa: F401
from .pipeline import analyze  # noqa: F401
from .record import Record, SCHEMA  # noqa: F401

__version__ = "0.1.0"
__all__ = ["analyze", "Record", "SCHEMA", "NabaError", "__version__"]
