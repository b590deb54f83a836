"""naba's Arabic NER: a CRF (python-crfsuite) over cached per-word features.

- :mod:`.features`  token -> feature strings (cached per word type; window added per sentence)
- :mod:`.corpora`   readers for the training/dev corpora, mapped to PERS/LOC/ORG/MISC
- :mod:`.tagger`    loads the shipped weights (``ner.crfsuite``) and tags token sequences
- :mod:`.train`     ``naba train ner``: rebuilds gazetteers and weights from ../shared/data
"""
