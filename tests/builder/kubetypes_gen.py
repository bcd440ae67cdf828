"""Regenerate src/kx/builder/kubetypes.json from the Go types of k8s.io/api and apimachinery v0.32.4.

Usage: ``python tests/builder/kubetypes_gen.py core/v1/types.go meta/v1/types.go > OUT``. Each
struct becomes its JSON fields in Go declaration order (the order ``encoding/json`` writes), with
the type, whether ``omitempty`` is set and the strategic-merge tags; named non-struct types become
aliases. The package prefixes are dropped: the few names both files define are the same type.
"""

from __future__ import annotations

import json
import re
import sys

_STRUCT = re.compile(r"^type (\w+) struct \{\n(.*?)^\}", re.M | re.S)
_ALIAS = re.compile(r"^type (\w+) =? ?([\w.\[\]*]+)\s*$", re.M)
_FIELD = re.compile(r"^\t(?:(\w+)\s+)?([\w.\[\]*]+)\s+`([^`]*)`", re.M)
_TAG = re.compile(r'(\w+):"([^"]*)"')
ROOTS = ("Pod", "Service")
_PREFIX = re.compile(r"\b(?:metav1|resource|intstr|types|runtime)\.")


def _type(expr: str) -> str:
    return _PREFIX.sub("", expr)


def parse(text: str, types: dict[str, list[list[object]]], aliases: dict[str, str]) -> None:
    """Add the structs and named types of one Go file."""
    for name, body in _STRUCT.findall(text):
        fields: list[list[object]] = []
        for field, expr, tag in _FIELD.findall(body):
            tags = dict(_TAG.findall(tag))
            jname, _, opts = tags.get("json", "").partition(",")
            if jname == "-":
                continue
            if (not field and not jname) or "inline" in opts.split(","):
                fields.append(["", _type(expr).lstrip("*"), False, "", ""])
                continue
            fields.append([jname or field, _type(expr), "omitempty" in opts.split(","),
                           tags.get("patchStrategy", ""), tags.get("patchMergeKey", "")])
        types[name] = fields
    for name, expr in _ALIAS.findall(text):
        if name not in types and expr != "struct":
            aliases[name] = _type(expr)


def reachable(types: dict[str, list[list[object]]], aliases: dict[str, str]) -> set[str]:
    """The type names a Pod or a Service is made of."""
    seen: set[str] = set()
    todo = list(ROOTS)
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        exprs = [str(f[1]) for f in types.get(name, [])] + [aliases.get(name, "")]
        todo.extend(w for e in exprs for w in re.findall(r"\w+", e) if w in types or w in aliases)
    return seen


def main(paths: list[str]) -> None:
    """Print the table for the given Go files."""
    types: dict[str, list[list[object]]] = {}
    aliases: dict[str, str] = {}
    for path in paths:
        with open(path, encoding="utf-8") as handle:
            parse(handle.read(), types, aliases)
    keep = reachable(types, aliases)
    types = {k: v for k, v in types.items() if k in keep}
    aliases = {k: v for k, v in aliases.items() if k in keep}
    json.dump({"types": types, "aliases": aliases}, sys.stdout, separators=(",", ":"), sort_keys=True)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(sys.argv[1:])
