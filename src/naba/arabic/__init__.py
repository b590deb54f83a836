"""Arabic text primitives: named character sets, small ``str -> str`` normalizers, a tokenizer
with clitic awareness, and the language data files (``data/``) the stages read."""
