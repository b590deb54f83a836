"""Trained models and the code that trains and loads them (``naba train ...``).

Not for: applying a model to a record (the stages in :mod:`naba.stages` do that)."""
