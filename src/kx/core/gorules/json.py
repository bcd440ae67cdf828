"""Go's ``encoding/json``: a strict syntax check, and a reader of texts known to be valid.

The hot path may not import the json module. ``json_kind`` answers "is it one valid JSON value,
and of what kind", iteratively (no recursion limit): Go rejects NaN/Infinity, control characters
in strings, bad escapes and trailing data, as this does; invalid UTF-8 is not an error in Go.
``read`` turns a valid text into Python values as Go's decoder sees them: a repeated key keeps
its last value, and a number is a ``Number``, its literal text, so a checker can tell ``1`` from
``1.0`` and ``1e3``. It is recursive; the caller checks the text first and gives up on
RecursionError.
"""

from __future__ import annotations

from kx.core.lazyre import LazyRegex
from kx.core.typecheck import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import TypeAlias

_NUMBER = LazyRegex(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?")
_STRING = LazyRegex(r'"(?:[^"\\\x00-\x1f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"')
_WS = " \t\n\r"
_ESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}


class Number(str):
    """A JSON number, as written."""

    __slots__ = ()


if TYPE_CHECKING:
    Value: TypeAlias = "dict[str, Value] | list[Value] | str | bool | None"


def json_kind(text: str) -> str | None:
    """``object``, ``array``, ``string``, ``number``, ``bool`` or ``null``; None if not valid JSON."""
    i = _skip(text, 0)
    kind = {"{": "object", "[": "array", '"': "string", "t": "bool", "f": "bool", "n": "null"}.get(
        text[i : i + 1], "number"
    )
    end = _value_end(text, i)
    if end is None or _skip(text, end) != len(text):
        return None
    return kind


def _skip(text: str, i: int) -> int:
    while i < len(text) and text[i] in _WS:
        i += 1
    return i


def _scalar_end(text: str, i: int) -> int | None:
    """End index of a string, number or literal at ``i``."""
    for literal in ("true", "false", "null"):
        if text.startswith(literal, i):
            return i + len(literal)
    pattern = _STRING if text[i : i + 1] == '"' else _NUMBER
    found = pattern.match(text, i)
    return found.end() if found else None


def _value_end(text: str, i: int) -> int | None:
    """End index of the JSON value at ``i``; containers handled with an explicit stack."""
    stack: list[str] = []
    while True:
        i = _skip(text, i)
        c = text[i : i + 1]
        if c in ("{", "["):
            closer = "}" if c == "{" else "]"
            j = _skip(text, i + 1)
            if text[j : j + 1] != closer:
                stack.append(closer)
                i = _key(text, j, stack)
                if i < 0:
                    return None
                continue
            i = j + 1
        else:
            end = _scalar_end(text, i)
            if end is None:
                return None
            i = end
        while stack:
            i = _skip(text, i)
            c = text[i : i + 1]
            if c == stack[-1]:
                stack.pop()
                i += 1
                continue
            if c != ",":
                return None
            i = _key(text, _skip(text, i + 1), stack)
            if i < 0:
                return None
            break
        else:
            return i


def _key(text: str, i: int, stack: list[str]) -> int:
    """Inside an object, consume ``"key":`` and return the value's index; in an array, return i."""
    if stack[-1] != "}":
        return i
    end = _scalar_end(text, i) if text[i : i + 1] == '"' else None
    if end is None:
        return -1
    end = _skip(text, end)
    return end + 1 if text[end : end + 1] == ":" else -1


def read(text: str) -> Value:
    """The value of a valid JSON text."""
    value, _ = _value(text, _skip(text, 0))
    return value


def _value(text: str, i: int) -> tuple[Value, int]:
    c = text[i]
    if c == "{":
        return _object(text, _skip(text, i + 1))
    if c == "[":
        return _array(text, _skip(text, i + 1))
    if c == '"':
        return _string(text, i + 1)
    for literal, value in (("true", True), ("false", False), ("null", None)):
        if text.startswith(literal, i):
            return value, i + len(literal)
    end = i
    while end < len(text) and text[end] in "+-.eE0123456789":
        end += 1
    return Number(text[i:end]), end


def _object(text: str, i: int) -> tuple[Value, int]:
    out: dict[str, Value] = {}
    while text[i] != "}":
        key, i = _string(text, _skip(text, i) + 1)
        i = _skip(text, i) + 1  # the colon
        out[str(key)], i = _value(text, _skip(text, i))
        i = _skip(text, i)
        if text[i] == ",":
            i = _skip(text, i + 1)
    return out, i + 1


def _array(text: str, i: int) -> tuple[Value, int]:
    out: list[Value] = []
    while text[i] != "]":
        item, i = _value(text, i)
        out.append(item)
        i = _skip(text, i)
        if text[i] == ",":
            i = _skip(text, i + 1)
    return out, i + 1


def _string(text: str, i: int) -> tuple[Value, int]:
    """A string whose opening quote is just before ``i``."""
    parts = []
    start = i
    while text[i] != '"':
        if text[i] == "\\":
            parts.append(text[start:i])
            escaped = text[i + 1]
            if escaped == "u":
                parts.append(chr(int(text[i + 2 : i + 6], 16)))
                i += 6
            else:
                parts.append(_ESCAPES[escaped])
                i += 2
            start = i
        else:
            i += 1
    parts.append(text[start:i])
    return "".join(parts), i + 1
