"""How analysis work is launched: ``batch`` (in-process or a process pool, for ``analyze --jsonl``
and ingest) and ``dask``. Every engine calls :func:`naba.pipeline.analyze` and nothing else."""
