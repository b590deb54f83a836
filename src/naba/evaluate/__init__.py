"""Evaluation commands (``naba eval ...``): each module scores one stage against a gold file in
the format of ../shared/data and prints, as its last line, one JSON object of numbers
(:func:`print_result`).

Not for: the stages themselves, nor training (:mod:`naba.models`)."""

from __future__ import annotations

import json


def print_result(result: dict) -> int:
    """Print ``result`` as the one-line JSON object that ends every ``naba eval`` command's
    output; return the command's exit status (0)."""
    print(json.dumps(result, ensure_ascii=False))
    return 0
