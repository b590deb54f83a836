"""Register the sub-commands of optional modules, lazily: the one helper behind ``naba``,
``naba eval`` and ``naba train``.

Each listed module has ``register(subparsers)``; a module that is not written yet (or whose
package is absent) is skipped, while any other import error is raised.

Not for: parsing or running commands (:mod:`naba.cli`), nor the commands themselves.
"""

from __future__ import annotations

from importlib import import_module


def register_modules(subparsers, modules: tuple[str, ...]) -> None:
    """Call ``register(subparsers)`` of each module in ``modules`` that exists."""
    for mod in modules:
        try:
            m = import_module(mod)
        except ModuleNotFoundError as e:
            if e.name and (mod == e.name or mod.startswith(e.name + ".")):
                continue  # that area's commands are not built yet
            raise
        m.register(subparsers)
