"""JSON text as Go's ``encoding/json`` writes it.

HTML-safe escapes, keys in the order given, the ``MarshalIndent`` layout of ``kubectl -o json``
and the compact form with a newline that kubectl's encoder puts in the last-applied annotation.
"""

from __future__ import annotations

import json
from typing import Any

_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b",
            "\f": "\\f"}  # fmt: skip
_UNICODE = frozenset("<>&\u2028\u2029")


def _string(text: str) -> str:
    out = ['"']
    for char in text:
        if char in _ESCAPES:
            out.append(_ESCAPES[char])
        elif char < " " or char in _UNICODE:
            out.append(f"\\u{ord(char):04x}")
        elif "\ud800" <= char <= "\udfff":
            out.append("\ufffd")  # invalid UTF-8 is written as the replacement character
        else:
            out.append(char)
    out.append('"')
    return "".join(out)


def _scalar(value: Any) -> str:
    if isinstance(value, str):
        return _string(value)
    return json.dumps(value)


def compact(value: Any) -> str:
    """``json.Encoder.Encode``: no spaces, a newline at the end."""
    return _compact(value) + "\n"


def _compact(value: Any) -> str:
    if isinstance(value, dict):
        return "{" + ",".join(f"{_string(k)}:{_compact(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ",".join(_compact(v) for v in value) + "]"
    return _scalar(value)


def indented(value: Any, depth: int = 0) -> str:
    """``json.MarshalIndent(value, "", "    ")`` (no final newline)."""
    pad = "    " * (depth + 1)
    end = "    " * depth
    if isinstance(value, dict) and value:
        items = [f"{pad}{_string(k)}: {indented(v, depth + 1)}" for k, v in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + end + "}"
    if isinstance(value, list) and value:
        return "[\n" + ",\n".join(pad + indented(v, depth + 1) for v in value) + "\n" + end + "]"
    if isinstance(value, (dict, list)):
        return "{}" if isinstance(value, dict) else "[]"
    return _scalar(value)
