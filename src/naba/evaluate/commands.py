"""``naba eval KIND ...``: each evaluation module registers its own sub-command.

A module in ``EVAL_MODULES`` has ``register(subparsers)``; a module not written yet is skipped.

Not for: scoring (each module in ``EVAL_MODULES`` does its own).
"""

from __future__ import annotations

from ..subcommands import register_group

EVAL_MODULES = (
    "naba.evaluate.ner",
    "naba.evaluate.statements",
    "naba.evaluate.times",
    "naba.evaluate.events",
    "naba.evaluate.html",
)


def register(sub) -> None:
    register_group(sub, "eval", "evaluate a stage against a gold file", EVAL_MODULES)
