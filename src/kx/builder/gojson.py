"""JSON text as Go's ``encoding/json`` writes it.

HTML-safe escapes, keys in the order given, the ``MarshalIndent`` layout of ``kubectl -o json``
(objects one after another), the compact form with a newline that kubectl's encoder puts in the
last-applied annotation, and a decoded manifest as Go marshals it into its error messages.
"""

from __future__ import annotations

import json
import re
from typing import Any

_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b",
            "\f": "\\f"}  # fmt: skip
_UNICODE = frozenset("<>&\u2028\u2029")
_GO_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
_ESCAPED = re.compile("[<>&\u2028\u2029]")
_SURROGATE = re.compile("[\ud800-\udfff]")


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


def print_objects(objects: list[dict[str, Any]]) -> str:
    """``kubectl ... -o json``: each object as ``MarshalIndent`` (four spaces) and a newline."""
    return "".join(indented(obj) + "\n" for obj in objects)


def _clean(value: Any) -> Any:
    if isinstance(value, str):
        return _SURROGATE.sub("\ufffd", value)
    if isinstance(value, dict):
        return {_clean(k): _clean(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_clean(v) for v in value]
    return value


def sorted_compact(value: Any) -> str:
    """``json.Marshal`` of a decoded manifest: compact, map keys sorted, Go's escapes."""
    text = json.dumps(_clean(value), separators=(",", ":"), sort_keys=True, ensure_ascii=False, default=str)
    return _ESCAPED.sub(lambda m: _GO_ESCAPES[m.group()], text)


def go_json_type(value: object) -> str:
    """How Go's JSON decoder names a value's type in its errors."""
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int | float):
        return "number"
    return "array" if isinstance(value, list) else "object" if isinstance(value, dict) else "string"
