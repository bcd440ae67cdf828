"""``kubectl expose ... --dry-run=client -o yaml|json|name``: the text kubectl prints, offline.

kubectl goes on after an object it cannot expose, prints the Services it could, and ends with its
error(s): one as ``error: MESSAGE``, several one per line. kx returns that error apart so the
front door prints it after the objects.
"""

from __future__ import annotations

from typing import Any

from kx.builder.expose import Exposed, expose_files, expose_named
from kx.builder.gojson import print_objects
from kx.builder.kubeprint import render
from kx.builder.objects import GenerateError

_BOTH = "when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well"


def object_names(words: list[str]) -> tuple[list[str], list[str]]:
    """(types, names) of the objects expose resource arguments name, in kubectl's order."""
    if any("/" in word for word in words):
        split = [word.partition("/") for word in words]
        return [p[0] for p in split], [p[2] for p in split]
    if len(words) < 2:
        raise GenerateError("resource(s) were provided, but no name was specified")
    types = words[0].split(",")
    pairs = [(kind, name) for kind in types for name in words[1:]]
    return [p[0] for p in pairs], [p[1] for p in pairs]


def expose_preview(
    words: list[str], values: dict[str, Any], change_cause: str = ""
) -> tuple[str, list[str], str]:
    """(stdout text, kx's notes, kubectl's closing error or "") for one expose line.

    ``change_cause`` is the ``--record`` annotation's value ("" without ``--record``).
    """
    output = values.get("output") or "yaml"
    if output not in ("yaml", "json", "name"):
        raise GenerateError(f"--format yaml previews -o yaml, json and name, not -o {output}")
    if values.get("filename"):
        if words:
            raise GenerateError(_BOTH)
        exposed = expose_files(values, change_cause)
    elif values.get("kustomize"):
        raise GenerateError("--format yaml does not run kustomize; use kubectl kustomize DIR > FILE")
    elif not words:
        raise GenerateError("You must provide one or more resources by argument or filename.")
    else:
        kinds, names = object_names(words)
        exposed = expose_named(names, kinds, values, change_cause)
    return _print(exposed, output), exposed.notes, _error(exposed)


def _print(exposed: Exposed, output: str) -> str:
    if output == "json":
        return print_objects(exposed.services)
    if output == "name":
        return "".join(f"service/{s['metadata']['name']}\n" for s in exposed.services)
    return render(exposed.services) if exposed.services else ""


def _error(exposed: Exposed) -> str:
    """The closing message kubectl prints: one error, or several one per line."""
    return "\n".join(exposed.errors)
