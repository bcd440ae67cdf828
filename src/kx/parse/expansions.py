"""Scanning over shell expansions and quoted text whose value kx cannot know or must decode.

Each ``skip_*`` function takes the offset of the opening character and returns the offset just past
the closing one, or -1 when the text ends first. They honour nested quotes, escapes and nested
``$(...)``/backticks, so a ``)`` inside ``"$(echo ')')"`` does not close anything early.
"""

from __future__ import annotations

from kx.core.lazyre import LazyRegex

_PAREN_STOPS = LazyRegex(r"[()\\'\"`]")
_BRACE_STOPS = LazyRegex(r"[{}\\'\"`]")
_DQUOTE_STOPS = LazyRegex(r'["\\$`]')
_BACKTICK_STOPS = LazyRegex(r"[`\\]")

# ANSI-C ($'...') escapes with a fixed replacement.
_ANSI_SIMPLE = {
    "a": "\a", "b": "\b", "e": "\x1b", "E": "\x1b", "f": "\f", "n": "\n", "r": "\r",
    "t": "\t", "v": "\v", "\\": "\\", "'": "'", '"': '"', "?": "?",
}  # fmt: skip
_HEX = frozenset("0123456789abcdefABCDEF")
_OCT = frozenset("01234567")


def skip_nested(source: str, pos: int, end: int) -> int:
    """Skip the inside of a ``${``/``$(`` group; ``pos`` is at its ``{`` or ``(``."""
    stops = _PAREN_STOPS if source[pos] == "(" else _BRACE_STOPS
    opener = source[pos]
    closer = ")" if opener == "(" else "}"
    depth = 0
    i = pos
    while True:
        match = stops.search(source, i, end)
        if match is None:
            return -1
        i = match.start()
        char = source[i]
        if char == opener:
            depth += 1
            i += 1
        elif char == closer:
            depth -= 1
            i += 1
            if depth == 0:
                return i
        else:
            i = _skip_quoted(source, i, end)
            if i < 0:
                return -1


def _skip_quoted(source: str, i: int, end: int) -> int:
    """Skip an escape, a quoted string or a backtick group starting at ``i``."""
    char = source[i]
    if char == "\\":
        return min(i + 2, end)
    if char == "'":
        close = source.find("'", i + 1, end)
        return -1 if close < 0 else close + 1
    if char == '"':
        return skip_dquote(source, i, end)
    if char == "`":
        return skip_backtick(source, i, end)
    return i + 1  # an unbalanced closer of the other kind: literal here


def skip_dquote(source: str, pos: int, end: int) -> int:
    """Skip a double-quoted string starting at ``pos`` (its opening quote)."""
    i = pos + 1
    while True:
        match = _DQUOTE_STOPS.search(source, i, end)
        if match is None:
            return -1
        i = match.start()
        char = source[i]
        if char == '"':
            return i + 1
        if char == "\\":
            i += 2
        elif char == "`":
            i = skip_backtick(source, i, end)
        elif i + 1 < end and source[i + 1] in "({":
            i = skip_nested(source, i + 1, end)
        else:
            i += 1
        if i < 0:
            return -1


def skip_backtick(source: str, pos: int, end: int) -> int:
    """Skip a backtick command substitution starting at ``pos``."""
    i = pos + 1
    while True:
        match = _BACKTICK_STOPS.search(source, i, end)
        if match is None:
            return -1
        i = match.start()
        if source[i] == "`":
            return i + 1
        i += 2


def decode_ansi_c(source: str, pos: int, end: int) -> tuple[str, int]:
    """Decode ``$'...'`` whose opening quote is at ``pos``: (value, offset past the close, or -1)."""
    out: list[str] = []
    i = pos + 1
    while i < end:
        char = source[i]
        if char == "'":
            return "".join(out), i + 1
        if char != "\\" or i + 1 >= end:
            out.append(char)
            i += 1
            continue
        text, i = _ansi_escape(source, i + 1, end)
        out.append(text)
    return "".join(out), -1


def _ansi_escape(source: str, i: int, end: int) -> tuple[str, int]:
    """Decode one escape whose letter is at ``i``: (text, offset after it)."""
    char = source[i]
    simple = _ANSI_SIMPLE.get(char)
    if simple is not None:
        return simple, i + 1
    if char in _OCT:
        digits = _take(source, i, end, _OCT, 3)
        return chr(int(digits, 8) & 0xFF), i + len(digits)
    if char in "xuU":
        width = {"x": 2, "u": 4, "U": 8}[char]
        digits = _take(source, i + 1, end, _HEX, width)
        if not digits:
            return "\\" + char, i + 1
        code = int(digits, 16)
        return (chr(code) if code <= 0x10FFFF else "\ufffd"), i + 1 + len(digits)
    if char == "c" and i + 1 < end:
        return chr(ord(source[i + 1]) & 0x1F), i + 2
    return "\\" + char, i + 1


def _take(source: str, i: int, end: int, allowed: frozenset[str], limit: int) -> str:
    stop = i
    while stop < end and stop - i < limit and source[stop] in allowed:
        stop += 1
    return source[i:stop]
