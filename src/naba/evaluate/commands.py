"""``naba eval KIND ...``: each evaluation module registers its own sub-command.

A module in ``EVAL_MODULES`` has ``register(subparsers)``; a module not written yet is skipped.
"""

from __future__ import annotations

from ..subcommands import register_modules

EVAL_MODULES = (
    "naba.evaluate.ner",
    "naba.evaluate.statements",
    "naba.evaluate.times",
    "naba.evaluate.events",
    "naba.evaluate.html",
)


def register(sub) -> None:
    p = sub.add_parser("eval", help="evaluate a stage against a gold file")
    kinds = p.add_subparsers(dest="kind", required=True)
    register_modules(kinds, EVAL_MODULES)
