"""Pipeline stages. Each module has ``run(record) -> record`` and knows nothing about files,
databases or processes. Their order is in :mod:`naba.pipeline`."""
