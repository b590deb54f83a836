"""Named exceptions for naba.

Library code raises these; batch runs record ``(document, reason)`` and go on; the CLI turns
them into a one-line message on stderr and a non-zero exit code. Each has a short ``code``
that is stored in the failures table and printed by the CLI.

Not for: catching; what to do with an error is the caller's (batch runs, the CLI).
"""


class NabaError(Exception):
    """Base class of every error naba raises on purpose."""

    code = "error"

    def __str__(self) -> str:  # one line, always
        msg = super().__str__() or self.__class__.__doc__ or self.code
        return " ".join(msg.split())


class InputError(NabaError):
    """The input cannot be turned into an article."""

    code = "bad-input"


class EmptyInput(InputError):
    """The input is empty or holds only whitespace."""

    code = "empty"


class BinaryInput(InputError):
    """The input is binary data, not text or HTML."""

    code = "binary"


class EncodingError(InputError):
    """The input's character encoding could not be determined."""

    code = "encoding"


class InputTooLarge(InputError):
    """The input is larger than naba accepts for one document."""

    code = "too-large"


class TruncatedInput(InputError):
    """The HTML document is cut off before its end."""

    code = "truncated"


class InvalidJSON(InputError):
    """The JSON input is not valid JSON or not a news record."""

    code = "invalid-json"


class NotArabic(InputError):
    """The document is not (mostly) Arabic text."""

    code = "not-arabic"


class NoArticleText(InputError):
    """No article text was left after extraction and cleaning."""

    code = "no-text"


class ModelError(NabaError):
    """A trained model is missing or cannot be loaded."""

    code = "model"


class StoreError(NabaError):
    """The corpus store cannot be opened or written."""

    code = "store"
