"""How long a message may be: a huge token quoted in it is cut, so every format shows the same text.

A 109 KB value quoted in full would fill the header line of ``kx check`` and the JSON ``message``
alike; the caret display already shows the token itself as a window. Cut here, once, when the
message becomes a ``Diagnostic`` (``kx.engine.pipeline``), every format shows the same words.
"""

from __future__ import annotations

from kx.core.lazyre import LazyRegex
from kx.core.typecheck import TYPE_CHECKING

if TYPE_CHECKING:
    import re

TOKEN_KEEP = 40  # characters of a long token that stay
TOKEN_LIMIT = 60  # a token longer than this is cut to TOKEN_KEEP characters and "…"
MAX_MESSAGE = 300

# A quoted token ('...' or "..." as repr writes them, standing apart from the prose around it:
# not the apostrophe of "kubectl's"), or a long flag word (--aaaa...).
_LONG_TOKEN = LazyRegex(
    rf"""(?:(?<![^\s(=:,])(['"])((?:(?!\1).){{{TOKEN_LIMIT + 1},}}?)\1(?=$|[\s.,;:)?!])"""
    rf"|(?<!\S)(-{{1,2}}[^\s'\"]{{{TOKEN_LIMIT + 1},}}))"
)


def shorten_message(message: str) -> str:
    """Cut each long quoted token (and a long flag word) of ``message``, then the message itself."""
    if len(message) > TOKEN_LIMIT and _may_hold_long_token(message):
        message = _LONG_TOKEN.compiled().sub(_cut, message)
    return shorten(message)


def _may_hold_long_token(message: str) -> bool:
    """Whether two quotes or two blanks lie more than TOKEN_LIMIT apart (checked without ``re``).

    A cold ``kx check`` does not import ``re`` for a common line; most messages have short tokens.
    """
    if any(len(part) > TOKEN_LIMIT for part in message.split()):
        return True
    for quote in "'\"":
        at = message.find(quote)
        while at >= 0:
            close = message.find(quote, at + 1)
            if close - at > TOKEN_LIMIT + 1:
                return True
            at = close
    return False


def shorten(text: str, limit: int = MAX_MESSAGE) -> str:
    """Cut an overlong text in the middle."""
    if len(text) <= limit:
        return text
    keep = (limit - 5) // 2
    return f"{text[:keep]} ... {text[-keep:]}"


def _cut(match: re.Match[str]) -> str:
    quote, inner, flag = match.group(1), match.group(2), match.group(3)
    if flag is not None:
        return f"{flag[:TOKEN_KEEP]}…"
    return f"{quote}{inner[:TOKEN_KEEP]}…{quote}"
