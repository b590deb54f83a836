"""The corpus store: SQLite (WAL) with versioned migrations, FTS5 search that ignores diacritics,
letter variants and glued clitics, entities across articles, story clusters, export.

    from naba.store import open_store
    store = open_store("corpus.db")
    store.search("خامنئي", since="2018-05-01").to_dict()

Modules: :mod:`.schema` (tables, migrations), :mod:`.prepare` (record -> rows, in workers),
:mod:`.db` (the Store: writes, reads), :mod:`.search`, :mod:`.entity`, :mod:`.clusters`,
:mod:`.export`, :mod:`.commands` (the CLI: ingest, search, entity, export).

Not for: analysis (:mod:`naba.pipeline`) or parallel ingest (:mod:`naba.engines`).
"""

from .db import Store, open_store

__all__ = ["Store", "open_store"]
