"""``--format yaml``: what ``kubectl run|expose LINE --dry-run=client -o yaml`` prints, offline."""

from __future__ import annotations

from typing import Any

from kx.builder import objects
from kx.builder.command import flag_values
from kx.builder.kubeprint import render
from kx.builder.objects import GenerateError
from kx.parse.parsed import ParsedCommand


def dry_run_yaml(parsed: ParsedCommand) -> str:
    """The YAML for a parsed ``kubectl run`` or ``kubectl expose`` line."""
    spec = parsed.spec
    values = flag_values(parsed)
    words = [w.value for w in parsed.positionals]
    if spec.tool != "kubectl" or spec.path not in (("run",), ("expose",)):
        raise GenerateError(f"--format yaml is only available for kubectl run and kubectl expose, "
                            f"not {spec.display_name}")  # fmt: skip
    if spec.path == ("run",):
        return _run(words, values)
    return _expose(words, values)


def _run(words: list[str], values: dict[str, Any]) -> str:
    if not words:
        raise GenerateError("NAME is required for run")
    name, args = words[0], words[1:]
    pod = objects.pod(name, args, values)
    if values.get("expose") in ("true", "1", "t", "T", "TRUE", "True"):
        return render([objects.run_service(name, values), pod], extra_separator_after=0)
    return render([pod])


def object_names(words: list[str]) -> list[str]:
    """The object names a list of expose resource arguments refers to, in kubectl's order."""
    if any("/" in word for word in words):
        return [word.split("/", 1)[1] for word in words]
    if len(words) < 2:
        raise GenerateError("resource(s) were provided, but no name was specified")
    types = words[0].split(",")
    return [name for _ in types for name in words[1:]]


def _expose(words: list[str], values: dict[str, Any]) -> str:
    if values.get("filename") or values.get("kustomize"):
        raise GenerateError("--format yaml needs TYPE NAME arguments; kx does not read -f/-k files")
    if not words:
        raise GenerateError("You must provide one or more resources by argument or filename.")
    return render([objects.expose_service(name, values) for name in object_names(words)])
