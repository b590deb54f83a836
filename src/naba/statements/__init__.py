"""Who said what: statements with speaker, cue, content, medium and certainty (issue 4).

:func:`find_statements` reads a segmented record (tokens, sentences, paragraphs; entity mentions
when the entities stage has run) and returns :class:`naba.record.Statement` objects. The Arabic
knowledge (cue verbs, according-to forms, complementizers, hedges, media and source words) is in
``naba/arabic/data/statements/``. Modules: ``lexicon`` (loading the data), ``quotes`` (quotation
spans), ``extract`` (cues, contents, speaker regions, media), ``speakers`` (names, coreference).

Not for: the pipeline wiring (:mod:`naba.stages.statements`) or scoring
(:mod:`naba.evaluate.statements`).
"""

from .extract import find_statements

__all__ = ["find_statements"]
