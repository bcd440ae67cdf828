"""Build a spec from an installed client's help (``kx specs import``).

Help shows names, shorthands, defaults and (docker) a type word. What it cannot show is marked
``review:`` instead of guessed: hidden flags, a bare-flag value (pflag NoOptDefVal), who enforces
choices read from prose, and types the help prints ambiguously (``int`` is int or int64).
A few kubectl flags come from shared helpers whose facts are fixed; those are filled in.
"""

from __future__ import annotations

import re
from itertools import pairwise

from kx.catalog import clienthelp, helptext
from kx.core.typecheck import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from typing import Any

    from kx.catalog.helptext import HelpFlag

# docker help word -> (type, repeat, review note or "")
DOCKER_WORDS: dict[str, tuple[str, str, str]] = {
    "": ("bool", "last", ""), "string": ("string", "last", ""), "list": ("list", "append", ""),
    "map": ("map", "merge", ""), "strings": ("stringSlice", "csv", ""),
    "stringArray": ("stringArray", "append", ""), "duration": ("duration", "last", ""),
    "bytes": ("bytes", "last", ""), "decimal": ("decimal", "last", ""), "ulimit": ("ulimit", "merge", ""),
    "mount": ("mount", "append", ""), "network": ("network", "append", ""),
    "gpu-request": ("gpu-request", "append", ""), "float": ("float64", "last", ""),
    "filter": ("filter", "append", ""),
    "int": ("int", "last", "help shows 'int' for both int and int64"),
    "uint": ("uint", "last", "help shows 'uint' for both uint and uint64"),
    "ints": ("intSlice", "csv", ""), "stringToString": ("stringToString", "merge", ""),
    **{w: (w, "last", "") for w in ("int8", "int16", "int32", "uint8", "uint16", "uint32", "float32")},
}  # fmt: skip
# Flags kubectl defines through shared helpers: the same facts on every command that has them.
KUBECTL_KNOWN: dict[str, dict[str, Any]] = {
    "dry-run": {"type": "string", "no_value": "unchanged", "format": "dry-run"},
    "cascade": {"type": "string", "no_value": "background", "format": "cascade"},
    "validate": {"type": "string", "no_value": "strict"},
    "output": {"type": "string", "format": "output-format"},
    "filename": {"type": "stringSlice", "repeat": "csv", "value_hint": "file"},
    "kustomize": {"type": "string", "value_hint": "dir"},
}
_DURATION = re.compile(r"^-?(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$")
_CHOICE_PATTERNS = (
    re.compile(r"[Mm]ust be (?:one of )?(?P<list>(?:\"[^\"]*\"(?:,? (?:or )?)?)+)"),
    re.compile(r"One of:? \((?P<list>[^)]*)\)"),
    re.compile(r"[Ll]egal values:? \[?(?P<list>(?:'?\w+'?(?:, )?)+)\]?"),
    re.compile(r"\((?P<list>\"[\w-]+\"(?:, \"\|?[\w-]+\")+)\)"),
)


def import_text(tool: str, path: Sequence[str], text: str, version: str | None) -> dict[str, Any]:
    """A spec dict for ``tool path`` from the text of its help."""
    kubectl = tool == "kubectl"
    rows = clienthelp.table(text, not path)
    synopsis = _usage(text, tool)
    spec: dict[str, Any] = {
        "spec": 1, "tool": tool, "path": list(path), "tool_version": version or "unknown",
        "summary": _summary(text),
    }  # fmt: skip
    if synopsis:
        spec["synopsis"] = synopsis
    aliases = [a for a in helptext.parse_aliases(text) if a != list(path)]
    if aliases:
        spec["aliases"] = aliases
    spec["interspersed"] = kubectl or not re.search(r"COMMAND\]? \[ARG\.\.\.\]", synopsis)
    if kubectl:
        spec.update(normalize_underscores=True, inherits=["kubectl/_global"])
    spec["source"] = f"imported from `{' '.join(clienthelp.help_argv(tool, path))}`"
    spec["positionals"] = _positionals(synopsis, tool, path)
    spec["flags"] = [_flag(row, kubectl) for row in rows] + _implicit_help(rows, tool)
    return spec


def import_installed(tool: str, path: Sequence[str]) -> dict[str, Any]:
    """A spec dict for ``tool path`` from the installed client (``ClientError`` if it is missing)."""
    return import_text(tool, path, clienthelp.run_help(tool, path), clienthelp.client_version(tool))


def _summary(text: str) -> str:
    for line in helptext.sections(text)[""]:
        if line.strip() and not line.startswith("Usage:"):
            return line.strip()
    return ""


def _usage(text: str, tool: str) -> str:
    lines = text.splitlines()
    for index, line in enumerate(lines):
        if line.startswith("Usage:"):
            rest = line[len("Usage:") :].strip()
            if not rest and index + 1 < len(lines):
                rest = lines[index + 1].strip()
            return rest if rest.startswith(tool) else ""
    return ""


def _flag(row: HelpFlag, kubectl: bool) -> dict[str, Any]:
    flag: dict[str, Any] = {"name": row.name}
    if row.short:
        flag["short"] = row.short
    kind, repeat, review = _kubectl_type(row) if kubectl else _docker_type(row)
    flag["type"] = kind
    if repeat != "last":
        flag["repeat"] = repeat
    if row.default is not None and (kind != "bool" or row.default in ("true", "false")):
        flag["default"] = row.default  # docker sometimes prints prose there: "(default shows just running)"
    if kubectl and row.name in KUBECTL_KNOWN:
        flag.update(KUBECTL_KNOWN[row.name])
        review = ""
    known = kubectl and row.name in KUBECTL_KNOWN
    choices = _choices(row.description) if kind == "string" and not known else None
    if choices:
        if row.default is not None and row.default not in choices:
            choices.append(row.default)  # the default is accepted by definition
        flag["choices"] = choices
        review = _join(review, "choices read from the help text: check who enforces them, and case")
    if review:
        flag["review"] = review
    if row.description:
        flag["summary"] = row.description
    return flag


def _docker_type(row: HelpFlag) -> tuple[str, str, str]:
    word = row.type_word or ""
    known = DOCKER_WORDS.get(word)
    if known:
        return known
    return "external", "last", f"help shows the value word {word!r}; its type and repeats are unknown"


def _kubectl_type(row: HelpFlag) -> tuple[str, str, str]:
    default = row.default or ""
    if row.type_word == "string":
        return "string", "last", ""
    if default in ("true", "false"):
        return "bool", "last", ""
    if default == "[]":
        return "stringArray", "append", "a list: help cannot tell stringArray from stringSlice (csv)"
    if default == "map[]" or default.startswith("map["):
        return "stringToString", "merge", "a map: check how repeats combine"
    if re.fullmatch(r"-?\d+", default):
        return "int", "last", "an integer: help cannot tell int, int32 or int64"
    if re.fullmatch(r"-?\d+\.\d+", default):
        return "float64", "last", "a number: help cannot tell float32 or float64"
    if _DURATION.match(default):
        return "duration", "last", ""
    return "external", "last", f"help shows default {default!r} but no type"


def _choices(description: str) -> list[str] | None:
    for pattern in _CHOICE_PATTERNS:
        match = pattern.search(description)
        if match:
            items = _items(match.group("list"))
            if len(items) >= 2:
                return list(dict.fromkeys(items))
    return None


def _items(text: str) -> list[str]:
    """Items of a listed-values phrase: the quoted ones if any are quoted, else the bare words."""
    for quote in ('"', "'"):
        if quote in text:
            return [i.lstrip("|") for i in re.findall(f"{quote}([^{quote}]+){quote}", text)]
    return [i for i in re.findall(r"[A-Za-z][\w-]*", text) if i != "or"]


def _join(first: str, second: str) -> str:
    return f"{first}; {second}" if first else second


def _implicit_help(rows: list[HelpFlag], tool: str) -> list[dict[str, Any]]:
    """The help flag when the table does not list it (kubectl never does; docker inherits it)."""
    if any(row.name == "help" for row in rows):
        return []
    if tool == "docker":
        return [{"name": "help", "short": "h", "type": "bool", "default": "false", "hidden": True,
                 "short_deprecated": "use --help", "summary": "Show usage."}]  # fmt: skip
    return [{"name": "help", "short": "h", "type": "bool", "default": "false", "summary": "Show usage."}]


def _positionals(synopsis: str, tool: str, path: Sequence[str]) -> list[dict[str, Any]]:
    """Positionals from the usage line; anything the notation hides becomes one reviewed catch-all."""
    words = synopsis.split()[1 + len(path) :]
    found: list[dict[str, Any]] = []
    for word in words:
        if word.startswith(("-", "[-")) or word.lower() in ("[options]", "[flags]", "--"):
            continue
        name = re.sub(r"[^a-z0-9_-]", "", word.lower().replace("|", "-or-"))
        rich = not re.match(r"^[a-z0-9]", name) or any(c in word for c in "()|=")
        after_rest = bool(found) and found[-1].get("repeat") and found[-1]["name"] != name
        if rich or after_rest:
            return _catch_all(found)
        item: dict[str, Any] = {"name": name}
        if not word.startswith("["):
            item["required"] = True
        if word.endswith("...]") or word.endswith("..."):
            item["repeat"] = True
        same = [p for p in found if p["name"] == item["name"]]
        if same:  # CONTAINER [CONTAINER...]: one slot that repeats
            same[0]["repeat"] = same[0].get("repeat") or item.get("repeat", False)
        else:
            found.append(item)
    if any(p.get("required") and not q.get("required") for q, p in pairwise(found)):
        return _catch_all([])  # [A] B: cobra fills by count, which slots cannot say
    return found


def _catch_all(found: list[dict[str, Any]]) -> list[dict[str, Any]]:
    rest = [p for p in found if not p.get("repeat")]
    return [*rest, {"name": "args", "repeat": True, "summary": "usage line too rich to split: review"}]


def header(spec: dict[str, Any]) -> str:
    """The comment block that says where an imported spec came from."""
    reviewed = sum(1 for f in spec["flags"] if "review" in f)
    return (
        f"Imported by kx from the installed {spec['tool']} {spec['tool_version']}: {spec['source'][14:]}.\n"
        "Hidden flags do not appear in help and are missing here; add them by hand.\n"
        f"{reviewed} flag(s) carry a 'review:' note: help could not tell their exact semantics."
    )


def target_file(spec: dict[str, Any], directory: str) -> str:
    """Where an imported spec goes under a spec directory: ``TOOL/SUB-PATH.yaml``."""
    import os

    name = "-".join(spec["path"]) or "_global"
    return os.path.join(directory, spec["tool"], f"{name}.yaml")


def command_paths(tool: str, read_help: Callable[[list[str]], str]) -> list[tuple[str, ...]]:
    """Every command path the client lists, found by walking ``--help`` from the root.

    ``read_help(argv)`` returns the help text for an argv (the caller runs the client). A path is
    listed when its help has its own flag table; group commands without one are only walked.
    """
    found: list[tuple[str, ...]] = []
    stack: list[tuple[str, ...]] = [()]
    while stack:
        path = stack.pop()
        text = read_help([tool, *path, "--help"])
        if path and helptext.parse_flags(text):
            found.append(path)
        children = [c for c in helptext.parse_commands(text) if c not in ("help",)]
        stack.extend((*path, child) for child in reversed(children) if len(path) < 3)
    return found


def render_yaml(spec: dict[str, Any], header: str = "") -> str:
    """The spec as YAML text, with ``header`` as leading comment lines."""
    import yaml  # only ``kx specs import`` needs it; keep it off the hot path

    comment = "".join(f"# {line}\n" if line else "#\n" for line in header.splitlines())
    body = yaml.safe_dump(spec, sort_keys=False, width=100, allow_unicode=True)
    return comment + body
