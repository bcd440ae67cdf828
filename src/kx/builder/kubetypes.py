"""A JSON object decoded into kubectl's Go types and encoded again, as kubectl round-trips it.

``runtime.Decode`` then ``Encode``: unknown fields dropped, fields in Go declaration order,
``omitempty`` applied, zero values written for the fields without it, quantities canonical.

The field table (kubetypes.json) is generated from k8s.io/api and apimachinery v0.32.4 by
tests/builder/kubetypes_gen.py.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any

from kx.builder.objects import GenerateError
from kx.builder.quantity import canonical_quantity

Field = tuple[str, str, bool, str, str]  # json name ("" = inline), type, omitempty, strategy, key
Where = tuple[str, list[str]]  # the innermost struct's name, the JSON path to the value
_INTS = {"int": 64, "int32": 32, "int64": 64, "uint32": -32, "int16": 16}
_RAW = ("RawExtension", "FieldsV1")


@cache
def _table() -> tuple[dict[str, list[Field]], dict[str, str]]:
    data = json.loads(Path(__file__).with_name("kubetypes.json").read_text(encoding="utf-8"))
    types: dict[str, list[Field]] = {
        name: [(f[0], f[1], f[2], f[3], f[4]) for f in fields] for name, fields in data["types"].items()
    }
    return types, data["aliases"]


def resolve(expr: str) -> str:
    """The type expression behind named non-struct types (``PullPolicy`` -> ``string``)."""
    aliases = _table()[1]
    while expr in aliases:
        expr = aliases[expr]
    return expr


def fields(struct: str) -> list[Field]:
    """The JSON fields of a struct, inline structs expanded, in Go's order."""
    out: list[Field] = []
    for field in _table()[0].get(struct, []):
        out.extend(fields(field[1]) if not field[0] else [field])
    return out


def field(struct: str, name: str) -> Field | None:
    """One field of a struct by JSON name."""
    return next((f for f in fields(struct) if f[0] == name), None)


def is_struct(expr: str) -> bool:
    """Whether the type is one of the generated structs."""
    return resolve(expr) in _table()[0]


def go_name(expr: str) -> str:
    """The type as Go's error messages print it (``[]v1.ContainerPort``, ``v1.RestartPolicy``)."""
    packages = {"Quantity": "resource", "IntOrString": "intstr"}
    return re.sub(r"\b([A-Z]\w*)", lambda m: f"{packages.get(m[1], 'v1')}.{m[1]}", expr)


class Mismatch(GenerateError):
    """A JSON value of the wrong type: Go notes the first one and reads on."""


def _mismatch(value: Any, expr: str, where: Where) -> Mismatch:
    if isinstance(value, bool):
        kind = "bool"
    elif isinstance(value, (int, float)):
        kind = f"number {json.dumps(value)}" if _is_number(expr) else "number"
    else:
        kind = "string" if isinstance(value, str) else "array" if isinstance(value, list) else "object"
    path = ".".join(where[1])
    return Mismatch(f"json: cannot unmarshal {kind} into Go struct field {where[0]}.{path} "
                    f"of type {go_name(expr)}")  # fmt: skip


def _is_number(expr: str) -> bool:
    return resolve(expr).lstrip("*") in _INTS or resolve(expr).lstrip("*") == "float64"


def _each(saved: list[Mismatch], read: Any) -> Any:
    """Run one read; a type mismatch is saved (the value stays zero) and reading goes on."""
    try:
        return read()
    except Mismatch as error:
        saved.append(error)
        return _SKIP


_SKIP = object()


def encode(value: Any, expr: str, where: Where = ("Pod", []), saved: list[Mismatch] | None = None) -> Any:
    """``value`` (parsed JSON, None for absent) as Go would write it back after decoding."""
    notes: list[Mismatch] = [] if saved is None else saved
    named = resolve(expr).lstrip("*") if resolve(expr).startswith("*") else expr.lstrip("*")
    expr = resolve(expr)
    base = resolve(named)
    if value is None:
        return None if expr.startswith("*") else zero(base)
    if base.startswith(("[]", "map[")) or base in _table()[0]:
        out = _composite(value, named, base, where, notes)
    elif base == "Quantity":
        out = _scalar(value, base, where)
    else:
        try:
            out = _scalar(value, base, where)
        except Mismatch:
            if base != "IntOrString":
                raise _mismatch(value, named, where) from None
            # a number that is not an int is read into the int32 part, by IntOrString's own code
            raise GenerateError(str(_mismatch(value, "int32", where))) from None
    if saved is None and notes:
        raise notes[0]
    return out


def _composite(value: Any, named: str, base: str, where: Where, saved: list[Mismatch]) -> Any:
    if base.startswith("[]"):
        if not isinstance(value, list):
            raise _mismatch(value, named, where)
        items = [_each(saved, lambda v=item: encode(v, base[2:], where, saved)) for item in value]
        return [zero(base[2:]) if item is _SKIP else item for item in items]
    if base.startswith("map["):
        if not isinstance(value, dict):
            raise _mismatch(value, named, where)
        item_type = base[base.index("]") + 1:]
        pairs = {k: _each(saved, lambda v=v: encode(v, item_type, where, saved))
                 for k, v in sorted(value.items())}  # fmt: skip
        return {k: zero(item_type) if v is _SKIP else v for k, v in pairs.items()}
    if not isinstance(value, dict):
        raise _mismatch(value, named, where)
    return encode_struct(value, base, where[1], saved)


def encode_struct(
    value: dict[str, Any], struct: str, path: list[str], saved: list[Mismatch] | None = None
) -> dict[str, Any]:
    """A struct's JSON object in Go's field order, ``omitempty`` fields left out when empty.

    The fields are read in key order, as kubectl's patched JSON has them: the type error reported
    is the first one kubectl meets (an error of a value's own parser, a quantity's, stops at once).
    """
    notes: list[Mismatch] = [] if saved is None else saved
    known = {f[0]: f for f in fields(struct)}
    read = {key: _each(notes, lambda key=key: encode(value[key], known[key][1],
                                                       (struct, [*path, key]), notes))
            for key in sorted(value) if key in known}  # fmt: skip
    if saved is None and notes:
        raise notes[0]
    out: dict[str, Any] = {}
    for name, expr, omitempty, _, _ in known.values():
        encoded = read[name] if read.get(name, _SKIP) is not _SKIP else encode(None, expr)
        if omitempty and _empty(encoded, expr):
            continue
        out[name] = encoded
    return out


def _empty(encoded: Any, expr: str) -> bool:
    """Go's omitempty: false, 0, "", nil, and empty slices and maps (structs never)."""
    expr = resolve(expr)
    if expr.startswith("*"):
        return encoded is None
    if is_struct(expr) or expr in ("Time", "MicroTime", "Quantity", "IntOrString", *_RAW):
        return False
    return encoded in (None, "", 0, False, [], {})


def zero(expr: str) -> Any:
    """What Go writes for a field that was never set."""
    expr = resolve(expr)
    if expr.startswith(("*", "[]", "map[")) or expr in ("Time", "MicroTime", *_RAW):
        return None
    if expr in _table()[0]:
        return encode_struct({}, expr, [])
    return {"string": "", "bool": False, "Quantity": "0", "float64": 0}.get(expr, 0)


def _scalar(value: Any, expr: str, where: Where) -> Any:
    if expr in _RAW:
        return value
    if expr in ("string", "UID") and isinstance(value, str):
        return value
    if expr == "bool" and isinstance(value, bool):
        return value
    if expr == "IntOrString" and isinstance(value, (str, int)) and not isinstance(value, bool):
        return value
    if expr in _INTS and isinstance(value, int) and not isinstance(value, bool):
        bits = _INTS[expr]
        low, high = (0, 2 ** -bits) if bits < 0 else (-(2 ** (bits - 1)), 2 ** (bits - 1))
        if low <= value < high:
            return value
    if expr == "float64" and isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    if expr == "Quantity":  # Quantity.UnmarshalJSON parses the JSON text itself
        return canonical_quantity(value if isinstance(value, str) else json.dumps(value))
    if expr in ("Time", "MicroTime") and isinstance(value, str):
        return value
    raise _mismatch(value, expr, where)
