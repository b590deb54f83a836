"""Bytes -> str with encoding detection (UTF-8 with/without BOM, UTF-16, windows-1256,
ISO-8859-6 and whatever charset-normalizer recognises). Not for: deciding what the text *is*."""

from __future__ import annotations

import codecs

from ..errors import BinaryInput, EmptyInput, EncodingError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Arabic legacy code pages first: charset-normalizer alone sometimes prefers a Cyrillic or
# Hebrew reading of windows-1256 bytes.
_ARABIC_CANDIDATES = ("cp1256", "iso8859_6", "utf_16_le", "utf_16_be")


def _arabic_share(s: str) -> float:
    letters = [c for c in s if c.isalpha()]
    if not letters:
        return 0.0
    return sum(1 for c in letters if "\u0600" <= c <= "\u06FF") / len(letters)


# File signatures of common binary formats (PDF, ZIP/Office, gzip, bzip2, 7z, PNG, JPEG, GIF,
# WebP/WAV, ELF, Ogg, MP3): some decode as cp1256 without a NUL and would pass for Arabic text.
_MAGIC = (b"%PDF-", b"PK\x03\x04", b"\x1f\x8b", b"BZh", b"7z\xbc\xaf", b"\x89PNG", b"\xff\xd8\xff",
          b"GIF87a", b"GIF89a", b"RIFF", b"\x7fELF", b"OggS", b"ID3", b"%!PS")


def _looks_binary(data: bytes) -> bool:
    if data.lstrip()[:8].startswith(_MAGIC):
        return True
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    ctrl = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return ctrl > max(8, len(sample) // 50)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without a BOM shows NULs in every other byte for ASCII and 0x06 for Arabic."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    for enc, high in (("utf-16-le", odd), ("utf-16-be", even)):
        share = sum(1 for b in high if b in (0, 6)) / max(1, len(high))
        if share > 0.9:
            try:
                return data.decode(enc)
            except UnicodeDecodeError:
                return None
    return None


def decode(data: bytes) -> tuple[str, str]:
    """Decode ``data``; returns ``(text, encoding)``. Raises EmptyInput, BinaryInput, EncodingError."""
    if not data or not data.strip():
        raise EmptyInput("empty input")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError as e:
                raise EncodingError(f"input starts with a {enc} BOM but does not decode: {e}")
    text16 = _utf16_without_bom(data)
    if text16 is not None:
        return text16, "utf-16"
    if _looks_binary(data):
        raise BinaryInput("input is binary data, not text or HTML")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    # UTF-8 cut inside a character, or with a few stray bytes: still UTF-8 (legacy code pages
    # almost never form valid multi-byte sequences, so many of them and few errors means UTF-8).
    lenient = data.decode("utf-8", errors="replace")
    bad = lenient.count("\ufffd") - data.count("\ufffd".encode())
    multibyte = sum(1 for c in lenient if c > "\x7f" and c != "\ufffd")
    if bad * 20 <= multibyte:
        return lenient, "utf-8 (repaired)"
    # Not UTF-8: try the Arabic legacy code pages, keep the one that yields the most Arabic.
    best: tuple[float, str, str] | None = None
    for enc in ("cp1256", "iso8859_6"):
        try:
            s = data.decode(enc)
        except UnicodeDecodeError:
            continue
        share = _arabic_share(s)
        if best is None or share > best[0]:
            best = (share, s, enc)
    if best is not None and best[0] > 0.3:
        return best[1], best[2]
    from charset_normalizer import from_bytes  # lazy: only needed for odd inputs

    match = from_bytes(data).best()
    if match is None:
        raise EncodingError("could not determine the input's character encoding")
    return str(match), match.encoding
