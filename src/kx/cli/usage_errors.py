"""kx's one error style for command-line mistakes typer finds: ``kx: error: ...``, one line, exit 2.

Typer reports a bad command line in click's words over several lines; these are the same facts in
the words the light path uses, so a mistake reads alike whichever path parsed the line.
"""

from __future__ import annotations

import re
from typing import Any

from kx.cli.helpstyle import choices_of
from kx.parse.suggest import closest

_NOT_ONE_OF = re.compile(r"'([^']*)' is not one of")


def _option_name(param: Any) -> str:
    names = sorted(getattr(param, "opts", ()) or (), key=len)
    if getattr(param, "param_type_name", "") == "argument":
        return (param.metavar or param.name or "").upper()
    return names[-1] if names else str(getattr(param, "name", "?"))


def usage_message(error: Any) -> str:
    """The one-line message for one of click's usage errors (raised through typer)."""
    kind = type(error).__name__
    ctx = getattr(error, "ctx", None)
    where = f" (see {ctx.command_path} --help)" if ctx is not None else ""
    if kind == "NoSuchOption":
        near = _near_options(error.option_name, ctx)
        hint = f"; did you mean {' or '.join(near)}?" if near else ""
        return f"unknown option {error.option_name!r}{hint}{where}"
    param = getattr(error, "param", None)
    message = " ".join(str(error.format_message()).split())
    if kind == "MissingParameter" and param is not None:
        return f"missing {_option_name(param)}{where}"
    if param is not None:
        found = _NOT_ONE_OF.search(message)
        choices = choices_of(param)
        if found and choices:
            named = _option_name(param)
            return f"invalid value {found.group(1)!r} for {named} (choose from {', '.join(choices)})"
    return (message[:1].lower() + message[1:]).rstrip(".") + where


def _near_options(word: str, ctx: Any) -> list[str]:
    """The command's options closest to a mistyped one, ranked as kx ranks flags of the clients."""
    if not word.startswith("--"):
        return []  # every one-letter option is one edit from any other: no guess is worth making
    command = getattr(ctx, "command", None)
    names = [
        name
        for param in getattr(command, "params", ())
        for name in (*getattr(param, "opts", ()), *getattr(param, "secondary_opts", ()))
        if name.startswith("--")
    ]
    return closest(word, names, max=2)
