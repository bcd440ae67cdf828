"""A strict JSON syntax check with Go ``encoding/json`` rules, without importing ``json``.

The hot path may not import the json module; this answers only "is it one valid JSON value, and
of what kind", iteratively (no recursion limit). Go rejects NaN/Infinity, control characters in
strings, bad escapes and trailing data, as this does; invalid UTF-8 is not an error in Go.
"""

from __future__ import annotations

from kx.core.lazyre import LazyRegex

_NUMBER = LazyRegex(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?")
_STRING = LazyRegex(r'"(?:[^"\\\x00-\x1f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"')
_WS = " \t\n\r"


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
