"""Parse a kx command line with a table generated from the typer app, exactly as click would.

Only the plain shapes are read here (``--opt value``, ``--opt=value``, ``-q``, ``-j N``, ``-jN``,
``--``, positionals); for anything else (help, an unknown option, a bad or missing value, a
cluster such as ``-qj2``) the answer is None and the typer app parses the line, with its help and
its errors. So the two can never disagree: this path either reads a line as typer would, or not at all.
"""

from __future__ import annotations

from kx.core.typecheck import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Any

SWITCH, MANY, INT = "switch", "many", "int"


def parse(table: dict[str, Any], args: list[str]) -> tuple[dict[str, Any], list[str], bool] | None:
    """(option values by parameter, positional words, whether ``--`` was met), or None for typer."""
    values = dict(table["defaults"])
    words: list[str] = []
    i = 0
    while i < len(args):
        arg = args[i]
        i += 1
        if arg == "--":
            words.extend(args[i:])
            return values, words, True
        if arg == "-" or not arg.startswith("-"):
            if not table["interspersed"]:
                words.extend(args[i - 1 :])
                break
            words.append(arg)
            continue
        if arg in table["help"]:
            return None
        i = read_option(table, values, args, i)
        if i < 0:
            return None
    return values, words, False


def read_option(table: dict[str, Any], values: dict[str, Any], args: list[str], i: int) -> int:
    """Read the option at ``args[i - 1]`` into ``values``; the next index, or -1 for typer."""
    arg = args[i - 1]
    name, eq, inline = arg.partition("=") if arg.startswith("--") else (arg[:2], "", "")
    entry = table["options"].get(name)
    if entry is None:
        return -1
    param, kind, switch_value = entry
    if kind == SWITCH:
        if eq or len(arg) != len(name):
            return -1  # "--quiet=x" or a cluster such as "-qj2": typer's to judge
        values[param] = switch_value
        return i
    if eq:
        value = inline
    elif len(arg) > len(name):
        value = arg[len(name) :]  # "-j2"
    elif i < len(args) and not args[i].startswith("-"):
        value, i = args[i], i + 1
    else:
        return -1
    if value not in table["choices"].get(param, (value,)):
        return -1
    if kind == INT:
        if not (value.isascii() and value.isdigit()):
            return -1
        values[param] = int(value)
    elif kind == MANY:
        values[param] = (*values[param], value)
    else:
        values[param] = value
    return i
