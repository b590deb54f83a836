"""Register the sub-commands of optional modules, lazily: the helpers behind ``naba``,
``naba eval KIND`` and ``naba train KIND``.

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


def register_group(subparsers, name: str, help: str, modules: tuple[str, ...]) -> None:
    """A command ``name KIND ...`` whose kinds are registered by ``modules``."""
    group = subparsers.add_parser(name, help=help)
    register_modules(group.add_subparsers(dest="kind", required=True), modules)
