"""Pipeline stages. Each module has ``run(record) -> record`` and knows nothing about files,
databases or processes. Their order is in :mod:`naba.pipeline`.

Not for: loading inputs (:mod:`naba.inputs`) or the heavy lifting of a stage, which lives in
its own package (:mod:`naba.times`, :mod:`naba.statements`, :mod:`naba.events`...)."""
