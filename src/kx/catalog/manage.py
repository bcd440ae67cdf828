"""Library side of ``kx specs``: list rows, the resolved form of one spec, and validation."""

from __future__ import annotations

import os
from typing import Any

from kx.catalog import paths
from kx.catalog.loader import SpecSet, load_specs
from kx.catalog.model import CommandSpec
from kx.catalog.paths import scan
from kx.catalog.reader import read_yaml, schema_problems
from kx.catalog.semantic import semantic_problems
from kx.core.errors import SpecError, UsageError


def list_rows(specs: SpecSet) -> list[tuple[str, str, str, str, int]]:
    """(tool, command, client version, source file, flag count) for every loaded spec."""
    rows = []
    for spec in specs.all():
        command = " ".join(spec.path) if spec.path else "(global flags)"
        rows.append((spec.tool, command, spec.tool_version, spec.origin, len(spec.flags)))
    return rows


def find(specs: SpecSet, tool: str, path: list[str]) -> CommandSpec:
    """The spec for ``tool path...``, or a one-line error listing what exists."""
    spec = specs.get(tool, tuple(p for p in path if p != "_global"))
    if spec is None:
        known = ", ".join(s.display_name for s in specs.all())
        raise UsageError(f"no spec for {' '.join([tool, *path])!r} (loaded: {known})")
    return spec


def resolved(spec: CommandSpec) -> dict[str, Any]:
    """The spec as loaded, with inherited flags included (each flag names its origin)."""
    body = {key: value for key, value in spec.raw.items() if key != "flags"}
    flags = []
    for flag in spec.flags:
        item = {"name": flag.name, "short": flag.short, "type": flag.type, "hidden": flag.hidden,
                "deprecated": flag.deprecated is not None}  # fmt: skip
        item.update({k: v for k, v in flag.raw.items() if k not in item})
        item["deprecated"] = flag.raw.get("deprecated") or False
        item["from"] = flag.origin
        flags.append(item)
    body["flags"] = flags
    body["source_file"] = spec.origin
    return body


def validate_paths(targets: list[str]) -> list[str]:
    """Schema and semantic problems of spec files (default: every spec on the search path)."""
    files: list[str] = []
    for target in targets or paths.search_path():
        if os.path.isdir(target):
            files.extend(scan(target))
        elif os.path.exists(target):
            files.append(target)
        elif targets:
            raise UsageError(f"{target}: no such file or directory")
    messages: list[str] = []
    good: dict[str, dict[str, Any]] = {}
    schema_dir = paths.shipped_spec_dir()
    for path in files:
        try:
            raw = read_yaml(path)
        except SpecError as error:
            messages.append(str(error))
            continue
        problems = schema_problems(raw, schema_dir)
        messages.extend(f"{path}: {pointer or '/'}: {message}" for pointer, message in problems)
        if not problems:
            good[path] = raw
    context = _with_shipped(good)
    for key, pointer, message in semantic_problems(context):
        if key in good:
            messages.append(f"{key}: {pointer or '/'}: {message}")
    return messages


def _with_shipped(good: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Add the loaded specs so inheritance from shipped globals resolves."""
    context: dict[str, dict[str, Any]] = {}
    for spec in load_specs().all():
        context[f"<loaded>{spec.key}"] = spec.raw
    context.update(good)
    return context
