"""``python -m naba``: the same as the ``naba`` command (:mod:`naba.cli`)."""

import sys

from .cli import main

sys.exit(main())
