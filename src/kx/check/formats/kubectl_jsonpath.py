"""Syntax of kubectl's JSONPath templates (-o jsonpath=..., jsonpath-as-json, --template).

Outside ``{...}`` everything is literal text. Inside an expression kubectl's parser accepts, step
by step: spaces, ``@`` and ``$``, ``.field`` (up to a terminator; a backslash escapes one character),
``..`` (recursive descent), bare identifiers (``range``, ``end``, ``true``), numbers, quoted
strings, ``[index]`` and ``[?(filter)]``. Any other character is refused, as is a newline, a
missing ``}``, ``]`` or closing quote, a bad number or a bracket that is not ``*``, a slice
(``1:3``, ``-1``), a single-quoted key or a comma list of those. Filters are not looked into, so
a template with one is never rejected for what follows it. Plain string work, no ``re``.
"""

from __future__ import annotations

# Characters that end a field name or identifier (besides the end of the text).
_TERMINATORS = frozenset(" \t\r\n.,[]$@{}")
# Escapes Go accepts after a backslash in a quoted string, besides the quote itself; x, u, U and
# octal digits start longer escapes, which are not checked.
_SIMPLE_ESCAPES = frozenset("abfnrtv\\")
_LONG_ESCAPES = frozenset("xuU01234567")
_GIVE_UP = ""  # a problem text meaning "not sure": the caller reports nothing


def jsonpath_problem(text: str) -> str | None:
    """The first certain syntax error in a kubectl JSONPath template, in kx's words, or None."""
    i = text.find("{")
    while i >= 0:
        end, problem = _expression(text, i + 1)
        if problem is not None:
            return problem or None
        i = text.find("{", end)
    return None


def _expression(text: str, i: int) -> tuple[int, str | None]:
    """Scan one expression from just after its ``{``: (index after its ``}``, problem or None)."""
    n = len(text)
    while True:
        if i >= n or text[i] in "\r\n":
            return i, "an expression opened with '{' is not closed with '}' on the same line"
        c = text[i]
        if c == "}":
            return i + 1, None
        if text.startswith("[?(", i):
            return i, _GIVE_UP
        if text.startswith("..", i):
            i += 2
            if i < n and _is_alnum(text[i]):
                i = _field_end(text, i)
        elif c in " @$":
            i += 1
        elif c == "[":
            i, problem = _bracket(text, i + 1)
            if problem is not None:
                return i, problem
        elif c in "\"'":
            i, problem = _quoted(text, i)
            if problem is not None:
                return i, problem
        elif c == ".":
            i = _field_end(text, i + 1)
        elif c in "+-" or "0" <= c <= "9":
            i, problem = _number(text, i)
            if problem is not None:
                return i, problem
        elif _is_alnum(c) or not c.isascii():
            i = _identifier_end(text, i)
        else:
            return i, f"the character {c!r} is not allowed inside {{...}}"


def _is_alnum(c: str) -> bool:
    return c == "_" or c.isalpha() or c.isdecimal()


def _field_end(text: str, i: int) -> int:
    """Index just past a field name starting at ``i`` (a backslash escapes the next character)."""
    while i < len(text) and text[i] not in _TERMINATORS:
        i += 2 if text[i] == "\\" else 1
    return min(i, len(text))


def _identifier_end(text: str, i: int) -> int:
    while i < len(text) and text[i] not in _TERMINATORS:
        i += 1
    return i


def _number(text: str, i: int) -> tuple[int, str | None]:
    start = i
    if text[i] in "+-":
        i += 1
    while i < len(text) and (text[i] == "." or "0" <= text[i] <= "9"):
        i += 1
    number = text[start:i]
    digits = number.lstrip("+-")
    if number.count(".") > 1 or not any(ch.isdigit() for ch in digits):
        return i, f"{number!r} is not a number"
    return i, None


def _quoted(text: str, i: int) -> tuple[int, str | None]:
    """A quoted string from its opening quote at ``i``: (index after it, problem or None)."""
    quote = text[i]
    i += 1
    while i < len(text) and text[i] != "\n":
        c = text[i]
        if c == quote:
            return i + 1, None
        if c == "\\":
            escaped = text[i + 1 : i + 2]
            if escaped in ("", "\n") or escaped in _LONG_ESCAPES:
                return i, _GIVE_UP
            if escaped not in _SIMPLE_ESCAPES and escaped != quote:
                return i, f"'\\{escaped}' is not a valid escape in a quoted string"
            i += 2
            continue
        i += 1
    return i, f"a string opened with {quote} is not closed"


def _bracket(text: str, i: int) -> tuple[int, str | None]:
    """A ``[...]`` from just after ``[``: (index after ``]``, problem or None)."""
    close = text.find("]", i)
    newline = text.find("\n", i)
    if close < 0 or 0 <= newline < close:
        return i, "a '[' is not closed with ']'"
    inside = text[i:close]
    if inside == "*":
        return close + 1, None
    parts = inside.split(",")
    for part in parts:
        # The items of a comma list are trimmed of spaces; a lone index is taken as it is.
        problem = _index_problem(part.strip(" ") if len(parts) > 1 else part)
        if problem is not None:
            return close + 1, problem
    return close + 1, None


def _index_problem(index: str) -> str | None:
    """One index: ``*``, ``'key'``, or a slice ``[start][:[end]][:[step]]`` of integers."""
    if index in ("*", ""):
        return None
    if index.startswith("?"):
        return _GIVE_UP
    if len(index) >= 2 and index[0] == index[-1] == "'" and "'" not in index[1:-1]:
        _, problem = _expression("." + index[1:-1] + "}", 0)
        return problem
    parts = index.split(":")
    if len(parts) > 3 or not all(_slice_part(part) for part in parts):
        return f"{index!r} is not an array index, slice, '*' or quoted key"
    for part in parts:
        if part == "-":
            return f"the array index {index!r} has '-' without a number"
        if part and not -(2**63) <= int(part) < 2**63:
            return f"the array index {index!r} is too large a number"
    return None


def _slice_part(part: str) -> bool:
    digits = part[1:] if part.startswith("-") else part
    return all("0" <= c <= "9" for c in digits)
