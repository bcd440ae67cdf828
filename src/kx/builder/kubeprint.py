"""What kubectl does to strings between its flags and the printed YAML, and the printing itself.

Three lossy steps, observed on the real client and reproduced here:

* String-array flags (``--env``, ``--annotations``) are read back through their CSV text form,
  which turns CRLF into LF and a single empty item into no item at all.
* The object passes through JSON and is read back by a YAML parser: invalid UTF-8 becomes U+FFFD,
  a raw NEL (U+0085, which JSON leaves unescaped) is folded like a line break in a quoted scalar,
  and the other C1 controls, DEL, U+FFFE and U+FFFF make the parser fail.
* The YAML parser also refuses a map key that spans "lines" (holds a NEL) or whose JSON form is
  1023 characters or longer (a simple key's length limit); kx reports the same error without the
  line number the parser adds.
* Several objects are separated by ``---``; ``kubectl run --expose`` adds one more of its own.
"""

from __future__ import annotations

import re
from typing import Any

from kx.builder.objects import GenerateError
from kx.builder.yamlemit import dump

_NEL = "\x85"
_REFUSED = re.compile("[\x7f-\x84\x86-\x9f\ufffe\uffff]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def through_json(text: str) -> str:
    """The string the YAML parser gets back from kubectl's JSON encoding of ``text``."""
    text = _SURROGATE.sub("\ufffd", text)
    if _REFUSED.search(text):
        raise GenerateError("yaml: control characters are not allowed")
    if _NEL not in text:
        return text
    return _fold_nel(text)


def _fold_nel(text: str) -> str:
    """Fold raw NEL breaks the way a double-quoted YAML scalar folds line breaks."""
    out: list[str] = []
    i = 0
    while i < len(text):
        if text[i] not in (" ", _NEL):
            out.append(text[i])
            i += 1
            continue
        spaces: list[str] = []
        folded = False
        extra_breaks = 0
        while i < len(text) and text[i] in (" ", _NEL):
            if text[i] == " ":
                if not folded:
                    spaces.append(" ")
            elif folded:
                extra_breaks += 1
            else:
                folded, spaces = True, []
            i += 1
        if folded:
            out.append("\n" * extra_breaks if extra_breaks else " ")
        else:
            out.extend(spaces)
    return "".join(out)


_TWO = frozenset('"\\\n\r\t\b\f')
_SIX = frozenset("<>&\u2028\u2029")
KEY_LIMIT = 1023


def json_length(text: str) -> int:
    """Length of ``text`` inside the JSON string kubectl writes (HTML-safe escapes)."""
    total = 0
    for char in text:
        if char in _TWO:
            total += 2
        elif char < " " or char in _SIX or "\ud800" <= char <= "\udfff":
            total += 6
        else:
            total += 1
    return total


def _key(text: str) -> str:
    if _NEL in text or json_length(text) >= KEY_LIMIT:
        raise GenerateError("yaml: did not find expected ',' or '}'")
    return through_json(text)


def _clean(value: Any) -> Any:
    if isinstance(value, str):
        return through_json(value)
    if isinstance(value, dict):
        return {_key(k): _clean(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_clean(v) for v in value]
    return value


def render(objects: list[dict[str, Any]], extra_separator_after: int | None = None) -> str:
    """Print objects as ``kubectl ... -o yaml`` does, ``---`` between them.

    ``extra_separator_after`` is the index of an object after which kubectl writes one more
    ``---`` itself (``kubectl run --expose`` after the service).
    """
    parts: list[str] = []
    for index, obj in enumerate(objects):
        if index:
            parts.append("---\n")
        parts.append(dump(_clean(obj)))
        if index == extra_separator_after:
            parts.append("---\n")
    return "".join(parts)
