"""Evaluation commands (``naba eval ...``): each module scores one stage against a gold file in
the format of ../shared/data and prints, as its last line, one JSON object of numbers."""
