"""The options of ``kx lint``, defined once, and a light parser for them.

The typer command is built from this table, and the light path (``kx.cli.fastpath``, no typer
import) parses the common command lines with it: typer costs about a tenth of a second to import
and run, more than linting a 2,000-line script takes. The light parser takes only what it reads
exactly as click would (``--opt value``, ``--opt=value``, ``-q``, ``-j N``, ``-jN``, paths,
``--``); for anything else (``--help``, an unknown option, a value that looks like an option, a
missing path) it returns None and typer handles the command line, with its usual help and errors.
"""

from __future__ import annotations

from kx.core.typecheck import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Any

    from kx.cli.lint_cli import LintRequest

TEXT, TEXTS, SWITCH, INT = "text", "texts", "switch", "int"
PATHS_HELP = "Files or directories to lint; - reads stdin."
# (parameter name, option names (empty: typer's default --name, and --no-name for a switch),
#  kind, default, help)
OPTIONS: tuple[tuple[str, tuple[str, ...], str, Any, str], ...] = (
    ("output_format", ("--format",), TEXT, None,
     "text, json, sarif or github (default: github under GitHub Actions)."),
    ("color", ("--color",), TEXT, "auto", "auto, always or never (NO_COLOR honoured)."),
    ("severity", (), TEXT, "warning", "Lowest severity reported: error, warning, info."),
    ("select", (), TEXTS, (), "Only these codes or prefixes (KX1,KX601)."),
    ("ignore", (), TEXTS, (), "Leave out these codes or prefixes."),
    ("stdin_filename", (), TEXT, None, "Name (and so file type) for input read from -."),
    ("isolated", (), SWITCH, False, "Ignore configuration (pyproject.toml, .kx.toml)."),
    ("spec_dir", (), TEXTS, (), "Extra directory of flag specs."),
    ("max_file_size", (), TEXT, None, "Skip larger files (e.g. 10MB) with KX704."),
    ("jobs", ("--jobs", "-j"), INT, 0, "Processes to use (0: automatic)."),
    ("quiet", ("--quiet", "-q"), SWITCH, False, "No summary line on stderr."),
)  # fmt: skip


def _names() -> dict[str, tuple[str, str, bool]]:
    """Option word -> (parameter, kind, value a switch gets)."""
    table: dict[str, tuple[str, str, bool]] = {}
    for param, names, kind, _default, _help in OPTIONS:
        long = "--" + param.replace("_", "-")
        for name in names or (long,):
            table[name] = (param, kind, True)
        if kind == SWITCH and not names:
            table["--no-" + long[2:]] = (param, kind, False)
    return table


def parse(args: list[str]) -> LintRequest | None:
    """The request for the arguments after ``lint``, or None to leave them to typer."""
    values: dict[str, Any] = {param: default for param, _names, _kind, default, _help in OPTIONS}
    table = _names()
    paths: list[str] = []
    i = 0
    while i < len(args):
        arg = args[i]
        i += 1
        if arg == "--":
            paths.extend(args[i:])
            break
        if arg == "-" or not arg.startswith("-"):
            paths.append(arg)
            continue
        name, eq, inline = arg.partition("=") if arg.startswith("--") else (arg[:2], "", "")
        entry = table.get(name)
        if entry is None:
            return None
        param, kind, switch_value = entry
        if kind == SWITCH:
            if eq or len(arg) != len(name):
                return None  # "--quiet=x" or a cluster such as "-qj2": typer's to judge
            values[param] = switch_value
            continue
        if eq:
            value = inline
        elif len(arg) > len(name):
            value = arg[len(name) :]  # "-j2"
        elif i < len(args) and not args[i].startswith("-"):
            value = args[i]
            i += 1
        else:
            return None
        if kind == INT:
            if not (value.isascii() and value.isdigit()):
                return None
            values[param] = int(value)
        elif kind == TEXTS:
            values[param] = (*values[param], value)
        else:
            values[param] = value
    if not paths:
        return None
    return request(paths, values)


def request(paths: list[str] | tuple[str, ...], values: dict[str, Any]) -> LintRequest:
    """A LintRequest from the paths and the option values by parameter name."""
    from kx.cli.lint_cli import LintRequest

    return LintRequest(
        paths=tuple(paths), output_format=values["output_format"], color=values["color"],
        severity=values["severity"], select=tuple(values["select"]), ignore=tuple(values["ignore"]),
        stdin_filename=values["stdin_filename"], isolated=values["isolated"],
        spec_dirs=tuple(values["spec_dir"]), max_file_size=values["max_file_size"],
        jobs=values["jobs"], quiet=values["quiet"],
    )  # fmt: skip
