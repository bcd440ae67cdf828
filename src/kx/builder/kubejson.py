"""``kubectl ... -o json`` printing: Go's encoding/json, four-space indent, one object after another.

Go escapes ``<``, ``>``, ``&``, U+2028 and U+2029 as six-character ``u003c``-style sequences, replaces lone
surrogates (invalid UTF-8 in the argv) with U+FFFD, and keeps fields in the order they are
given (struct order); maps are already sorted by whoever built the dict.
"""

from __future__ import annotations

import json
import re
from typing import Any

_GO_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
_ESCAPED = re.compile("[<>&\u2028\u2029]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def _clean(value: Any) -> Any:
    if isinstance(value, str):
        return _SURROGATE.sub("\ufffd", value)
    if isinstance(value, dict):
        return {_clean(k): _clean(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_clean(v) for v in value]
    return value


def render_json(objects: list[dict[str, Any]]) -> str:
    """Each object as ``json.MarshalIndent(obj, "", "    ")`` plus a newline, as kubectl prints it."""
    parts = []
    for obj in objects:
        text = json.dumps(_clean(obj), indent=4, ensure_ascii=False)
        parts.append(_ESCAPED.sub(lambda m: _GO_ESCAPES[m.group()], text) + "\n")
    return "".join(parts)


def compact_json(value: Any) -> str:
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
