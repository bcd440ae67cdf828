"""YAML read the way kubectl reads a manifest (go-yaml v2 through sigs.k8s.io/yaml), with PyYAML.

PyYAML's safe loader follows YAML 1.1 too, but differs where it matters for a manifest:

* go-yaml also takes ``y``, ``Y``, ``n`` and ``N`` for booleans (``image: y`` is not a string);
* numbers are what Go's ``strconv`` accepts once underscores are dropped: ``0x50``, ``0o17``,
  ``017`` (octal), ``1e2``; anything else that looks like a float is a float (``080`` is 80);
* a date stays a string (PyYAML would make a ``datetime``).
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

_BOOL = "tag:yaml.org,2002:bool"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_NUMBER = "tag:kx.invalid,2026:go-number"
_EXP = r"(?:[eE][-+]?[0-9]+)?"
_LOOKS_NUMERIC = re.compile(rf"^[-+]?(?:[0-9][0-9a-fA-FoOxX_]*(?:\.[0-9_]*)?{_EXP}|\.[0-9_]+{_EXP})$")
_SPECIAL_FLOAT = re.compile(r"^(?:[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$")
_GO_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")
_BASES = ((re.compile(r"^[-+]?0[xX][0-9a-fA-F]+$"), 16), (re.compile(r"^[-+]?0[oO][0-7]+$"), 8),
          (re.compile(r"^[-+]?0[bB][01]+$"), 2), (re.compile(r"^[-+]?0[0-7]+$"), 8),
          (re.compile(r"^[-+]?[0-9]+$"), 10))  # fmt: skip


def go_number(text: str) -> int | float | str:
    """A plain scalar that looks numeric, as go-yaml resolves it (a string when Go cannot parse it)."""
    plain = text.replace("_", "")
    for pattern, base in _BASES:
        if pattern.match(plain):
            sign = -1 if plain.startswith("-") else 1
            digits = plain.lstrip("+-")
            digits = digits[2:] if base != 10 and digits[1:2].isalpha() else digits
            return sign * int(digits, base)
    if _GO_FLOAT.match(plain):
        return float(plain)
    return text


@cache
def loader() -> Any:
    """A PyYAML loader class that resolves scalars as go-yaml v2 does."""
    import yaml

    class Loader(yaml.SafeLoader):
        """The safe loader with go-yaml's booleans, numbers and (absent) timestamps."""

    dropped = (_INT, _FLOAT, _TIMESTAMP)
    Loader.yaml_implicit_resolvers = {
        first: [(tag, rx) for tag, rx in pairs if tag not in dropped]
        for first, pairs in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    Loader.add_implicit_resolver(_BOOL, re.compile("^[yYnN]$"), list("yYnN"))
    Loader.add_implicit_resolver(_FLOAT, _SPECIAL_FLOAT, list("-+."))
    Loader.add_implicit_resolver(_NUMBER, _LOOKS_NUMERIC, list("-+0123456789."))
    Loader.yaml_constructors = {**Loader.yaml_constructors, _BOOL: _bool, _NUMBER: _number}
    return Loader


def _bool(loader: Any, node: Any) -> bool:
    return str(loader.construct_scalar(node)).lower() in ("y", "yes", "true", "on")


def _number(loader: Any, node: Any) -> int | float | str:
    return go_number(str(loader.construct_scalar(node)))
