"""PLOVER events (who did what to whom, where and when) from Arabic news.

:func:`extract` takes an analysed record (text, sentences, mentions, times, statements when the
earlier stages ran; it also works on a bare text record) and returns its events. Lexicons are
data in ``naba/arabic/data/events`` (:mod:`naba.events.lexicon`).

Not for: the pipeline wiring (:mod:`naba.stages.events`) or the learned filter's training
(:mod:`naba.models.events`).
"""

from __future__ import annotations

from .extract import extract, find_triggers

__all__ = ["extract", "find_triggers"]
