"""Language data files (read with :mod:`naba.arabic.resources`); this file only makes the
folder a package that ``importlib.resources`` can read. Not for: code."""
