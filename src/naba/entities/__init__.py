"""Entities beyond the tagger: gazetteers (places, countries, names), linking mentions into
entities within an article (:mod:`.group`), roles, and corpus-wide ids (:mod:`.ids`).

Data files live in ``data/``: the derived gazetteers are rebuilt by ``naba train ner`` from
../shared/data/gazetteers (:mod:`.build`); the hand-written lists say so in their header.
"""
