"""``naba train KIND ...``: each trainable model registers its own sub-command.

A module in ``TRAIN_MODULES`` has ``register(subparsers)``; a module not written yet is skipped.
"""

from __future__ import annotations

from importlib import import_module

TRAIN_MODULES = (
    "naba.models.ner.train",
    "naba.models.embeddings",
    "naba.models.statements",
    "naba.models.events.train",
)


def register(sub) -> None:
    p = sub.add_parser("train", help="train a model from ../shared/data (rebuilds the shipped weights)")
    kinds = p.add_subparsers(dest="kind", required=True)
    for mod in TRAIN_MODULES:
        try:
            m = import_module(mod)
        except ModuleNotFoundError as e:
            if e.name and (mod == e.name or mod.startswith(e.name + ".")):
                continue
            raise
        m.register(kinds)
