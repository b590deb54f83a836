"""Arabic text primitives: named character sets, small ``str -> str`` normalizers, a tokenizer
with clitic awareness, and the language data files (``data/``) the stages read.

Not for: analysis (the stages in :mod:`naba.stages`) or trained models; these primitives
know nothing about articles."""
