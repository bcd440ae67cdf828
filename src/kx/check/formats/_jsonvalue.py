"""Read a JSON text (already known to be valid) into Python values, without importing ``json``.

Objects become dicts (a repeated key keeps its last value, as in Go), arrays lists, strings str,
``true``/``false`` bool, ``null`` None, and numbers ``Number``: the literal text, so that a checker
can tell ``1`` from ``1.0`` and ``1e3`` as Go's decoder does. Recursive; the caller validates the
text first (``kx.core.gorules.json.json_kind``) and gives up on RecursionError.
"""

from __future__ import annotations

from kx.core.typecheck import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import TypeAlias

_WS = " \t\n\r"
_ESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}


class Number(str):
    """A JSON number, as written."""

    __slots__ = ()


if TYPE_CHECKING:
    Value: TypeAlias = "dict[str, Value] | list[Value] | str | bool | None"


def read(text: str) -> Value:
    """The value of a valid JSON text."""
    value, _ = _value(text, _skip(text, 0))
    return value


def _skip(text: str, i: int) -> int:
    while i < len(text) and text[i] in _WS:
        i += 1
    return i


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
