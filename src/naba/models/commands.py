"""``naba train KIND ...``: each trainable model registers its own sub-command.

A module in ``TRAIN_MODULES`` has ``register(subparsers)``; a module not written yet is skipped.

Not for: training itself (each module in ``TRAIN_MODULES`` does its own).
"""

from __future__ import annotations

from ..subcommands import register_group

TRAIN_MODULES = (
    "naba.models.ner.train",
    "naba.models.ner.neural",
    "naba.models.embeddings",
    "naba.models.statements",
    "naba.models.events.train",
    "naba.entities.variants",
)


def register(sub) -> None:
    register_group(sub, "train", "train a model from ../shared/data (rebuilds the shipped weights)",
                   TRAIN_MODULES)
