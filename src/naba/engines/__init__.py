"""How analysis work is launched: ``batch`` (in-process or a process pool, for ``analyze --jsonl``
and ingest) and ``dask``. Every engine calls :func:`naba.pipeline.analyze` and nothing else.

Not for: analysis itself (:mod:`naba.pipeline`) or the SQL of the store (:mod:`naba.store`)."""
