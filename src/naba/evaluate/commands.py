"""``naba eval KIND ...``: each evaluation module registers its own sub-command.

A module in ``EVAL_MODULES`` has ``register(subparsers)``; a module not written yet is skipped.
"""

from __future__ import annotations

from importlib import import_module

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
    for mod in EVAL_MODULES:
        try:
            m = import_module(mod)
        except ModuleNotFoundError as e:
            if e.name == mod:
                continue
            raise
        m.register(kinds)
